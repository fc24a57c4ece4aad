import type { ComponentChildren } from 'preact';
import { allows, roleNames, type Permission } from '../../../domain/staff/staff-access.js';
import type { StaffMember } from '../../../db/queries/staff.js';

/** The back office's sections, each shown to the roles that may open it. */
const sections: { href: string; label: string; permission: Permission }[] = [
  { href: '/admin', label: 'Сводка', permission: 'orders.view' },
  { href: '/admin/queue', label: 'Очередь звонков', permission: 'orders.view' },
  { href: '/admin/orders', label: 'Заказы', permission: 'orders.view' },
  { href: '/admin/leads', label: 'Заявки', permission: 'leads.work' },
  { href: '/admin/payments', label: 'Платежи', permission: 'payments.manage' },
  { href: '/admin/receipts', label: 'Чеки', permission: 'receipts.manage' },
  { href: '/admin/transfers', label: 'Оплаты по счетам', permission: 'transfers.manage' },
  { href: '/admin/clients', label: 'Клиенты', permission: 'clients.view' },
  { href: '/admin/emails', label: 'Письма', permission: 'emails.view' },
  { href: '/admin/notifications', label: 'Уведомления', permission: 'notifications.view' },
  { href: '/admin/catalog', label: 'Каталог', permission: 'catalog.edit' },
  { href: '/admin/faq', label: 'Вопросы и ответы', permission: 'catalog.edit' },
  { href: '/admin/calendar', label: 'Календарь', permission: 'calendar.edit' },
  { href: '/admin/content', label: 'Тексты и реквизиты', permission: 'content.edit' },
  { href: '/admin/staff', label: 'Сотрудники', permission: 'staff.manage' },
  { href: '/admin/audit', label: 'Журнал действий', permission: 'audit.view' },
  { href: '/admin/backups', label: 'Резервные копии', permission: 'backups.view' },
  { href: '/admin/webhooks', label: 'Вебхуки', permission: 'webhooks.manage' },
];

export interface AdminLayoutProps {
  title: string;
  companyName: string;
  nonce: string;
  /** Null on the sign-in and enrolment pages. */
  member: StaffMember | null;
  csrfToken: string;
  /** The path being shown, to mark the current section. */
  path: string;
  /** A warning for every page (the calendar for next year is missing, say). */
  banner?: string | null;
  scripts?: string[];
  styles?: string[];
  children: ComponentChildren;
}

export function AdminLayout({ title, companyName, nonce, member, csrfToken, path, banner, scripts = [], styles = [], children }: AdminLayoutProps) {
  const current = (href: string) => (href === '/admin' ? path === '/admin' : path === href || path.startsWith(`${href}/`));
  return (
    <html lang="ru">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${title} — ${companyName}: управление`}</title>
        <link rel="icon" href="/static/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href="/static/styles.css" />
        <link rel="stylesheet" href="/static/admin.css" />
        {styles.map((href) => (
          <link rel="stylesheet" href={href} />
        ))}
        {scripts.map((src) => (
          <script type="module" src={src} nonce={nonce} />
        ))}
      </head>
      <body class="admin">
        <a class="skip-link" href="#main">
          К содержанию
        </a>
        <header class="admin-header">
          <a class="brand" href="/admin">
            {companyName} · управление
          </a>
          {member && (
            <div class="admin-who">
              <span>
                <a href="/admin/profile">{member.name}</a> <small>({roleNames[member.role]})</small>
              </span>
              <form method="post" action="/admin/logout">
                <input type="hidden" name="_csrf" value={csrfToken} />
                <button type="submit" class="link-button">
                  Выйти
                </button>
              </form>
            </div>
          )}
        </header>
        {member && (
          <nav class="admin-nav" aria-label="Разделы">
            {sections
              .filter((s) => allows(member.role, s.permission))
              .map((s) => (
                <a href={s.href} aria-current={current(s.href) ? 'page' : undefined}>
                  {s.label}
                </a>
              ))}
          </nav>
        )}
        {banner && (
          <div class="admin-banner admin-banner-hideable" role="alert">
            <p>{banner}</p>
            <form method="post" action="/admin/calendar-warning/hide">
              <input type="hidden" name="_csrf" value={csrfToken} />
              <input type="hidden" name="back" value={path} />
              <button type="submit" class="button button-small">
                Скрыть на неделю
              </button>
            </form>
          </div>
        )}
        <main id="main" class="admin-main">
          {children}
        </main>
      </body>
    </html>
  );
}
