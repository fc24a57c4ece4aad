import type { ComponentChildren } from 'preact';
import type { Company } from '../../company.js';

export interface LayoutProps {
  title: string;
  company: Company;
  /** Per-response CSP nonce for the page's scripts. */
  nonce: string;
  /** Extra module scripts this page needs (served from /static). */
  scripts?: string[];
  /** Extra stylesheets this page needs. */
  styles?: string[];
  /** Reloads the page after this many seconds (works without JavaScript). */
  refreshSeconds?: number;
  /** The analytics counter's script, when it is on (views/metrika.tsx). */
  counter?: ComponentChildren;
  children: ComponentChildren;
}

export function Layout({ title, company, nonce, scripts = [], styles = [], refreshSeconds, counter, children }: LayoutProps) {
  return (
    <html lang="ru">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {refreshSeconds !== undefined && <meta http-equiv="refresh" content={String(refreshSeconds)} />}
        <title>{`${title} — ${company.name}`}</title>
        <link rel="icon" href="/static/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href="/static/styles.css" />
        {styles.map((href) => (
          <link rel="stylesheet" href={href} />
        ))}
        {scripts.map((src) => (
          <script type="module" src={src} nonce={nonce} />
        ))}
        {counter}
      </head>
      <body>
        <a class="skip-link" href="#main">
          К содержанию
        </a>
        <header class="site-header">
          <div class="container">
            <a class="brand" href="/">
              {company.name}
            </a>
            <nav aria-label="Основное меню">
              <a href="/">Услуги</a>
              <a href="/account">Личный кабинет</a>
            </nav>
          </div>
        </header>
        <main id="main" class="container">
          {children}
        </main>
        <Footer company={company} />
      </body>
    </html>
  );
}

function Footer({ company }: { company: Company }) {
  return (
    <footer class="site-footer">
      <div class="container">
        <p>
          <strong>{company.name}</strong>
          <br />
          ИНН {company.inn}, ОГРН {company.ogrn}
          <br />
          {company.address}
          <br />
          <a href={`tel:${company.phone.replace(/[^\d+]/g, '')}`}>{company.phone}</a>,{' '}
          <a href={`mailto:${company.email}`}>{company.email}</a>
        </p>
        <nav aria-label="Документы">
          <a href="/legal/offer">Публичная оферта</a>
          <a href="/legal/privacy">Политика обработки персональных данных</a>
          <a href="/legal/consent">Согласие на обработку персональных данных</a>
        </nav>
      </div>
    </footer>
  );
}
