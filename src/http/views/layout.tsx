import type { ComponentChildren } from 'preact';
import type { Company } from '../../company.js';

/**
 * What a page that search engines may show tells them and link previews (docs/storefront.md "Search
 * and sharing"). A page without it is private or transient (the account, an order, a sign-in form, an
 * error) and is marked noindex.
 */
export interface PublicPageMeta {
  description: string;
  /** The page's own path, «/services/audit»: its canonical address and og:url, on PUBLIC_URL. */
  path: string;
  /** og:type: a text (the legal documents) is an article, the rest of the shop a website. */
  type?: 'website' | 'article';
  /** The picture a link preview shows: an absolute address and its size. */
  image?: { url: string; width: number; height: number; alt: string };
}

export interface LayoutProps {
  title: string;
  company: Company;
  /** PUBLIC_URL: absolute addresses for the canonical link and Open Graph. */
  siteUrl: string;
  /** Set on the public pages; without it the page is noindex. */
  meta?: PublicPageMeta;
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

export function Layout({ title, company, siteUrl, meta, nonce, scripts = [], styles = [], refreshSeconds, counter, children }: LayoutProps) {
  return (
    <html lang="ru">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {refreshSeconds !== undefined && <meta http-equiv="refresh" content={String(refreshSeconds)} />}
        <title>{`${title} — ${company.name}`}</title>
        {meta ? <SearchMeta title={title} siteName={company.name} siteUrl={siteUrl} meta={meta} /> : <meta name="robots" content="noindex" />}
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

function SearchMeta({ title, siteName, siteUrl, meta }: { title: string; siteName: string; siteUrl: string; meta: PublicPageMeta }) {
  const url = `${siteUrl}${meta.path}`;
  return (
    <>
      <meta name="description" content={meta.description} />
      <link rel="canonical" href={url} />
      <meta property="og:type" content={meta.type ?? 'website'} />
      <meta property="og:title" content={title} />
      <meta property="og:description" content={meta.description} />
      <meta property="og:url" content={url} />
      <meta property="og:site_name" content={siteName} />
      <meta property="og:locale" content="ru_RU" />
      {meta.image && (
        <>
          <meta property="og:image" content={meta.image.url} />
          <meta property="og:image:width" content={String(meta.image.width)} />
          <meta property="og:image:height" content={String(meta.image.height)} />
          <meta property="og:image:alt" content={meta.image.alt} />
        </>
      )}
    </>
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
