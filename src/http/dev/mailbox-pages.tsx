import { DateTime } from 'luxon';
import type { Email } from '../../db/queries/emails.js';

// The dev mailbox: what the app would have sent, readable without an SMTP server. Development only.

const moscow = (date: Date) => DateTime.fromJSDate(date, { zone: 'Europe/Moscow' }).setLocale('ru').toFormat('d MMMM yyyy, HH:mm:ss');

const statusNames: Record<Email['status'], string> = { queued: 'в очереди', sent: 'отправлено', failed: 'не доставлено' };

function Status({ email }: { email: Email }) {
  return <span class={`mail-status mail-status-${email.status}`}>{statusNames[email.status]}</span>;
}

export function MailboxList({ emails }: { emails: Email[] }) {
  return (
    <section>
      <h1>Почтовый ящик разработчика</h1>
      <p class="mailbox-note">SMTP_URL не задан, поэтому письма никуда не уходят и собираются здесь. Писем: {emails.length} (новые сверху, не больше 100).</p>
      {emails.length === 0 ? (
        <p>Писем пока нет.</p>
      ) : (
        <ul class="mailbox-list">
          {emails.map((email) => (
            <li>
              <a href={`/dev/mailbox/${email.id}`}>{email.subject}</a>
              <div class="mailbox-meta">
                <span>{email.to}</span>
                <time dateTime={email.createdAt.toISOString()}>{moscow(email.createdAt)} (мск)</time>
                <Status email={email} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function MailboxEmail({ email, from, replyTo }: { email: Email; from: string; replyTo: string | undefined }) {
  const headers: [string, string | null][] = [
    ['От', from],
    ['Кому', email.to],
    ['Ответить', replyTo ?? null],
    ['Тема', email.subject],
    ['Создано', `${moscow(email.createdAt)} (мск)`],
    ['Отправлено', email.sentAt ? `${moscow(email.sentAt)} (мск)` : null],
    ['Вид', email.kind],
    ['Message-ID', email.messageId],
    ['Неудачных попыток', email.attempts > 0 ? String(email.attempts) : null],
    ['Ответ сервера', email.lastError],
  ];
  return (
    <section>
      <p class="breadcrumbs">
        <a href="/dev/mailbox">← Все письма</a>
      </p>
      <h1>{email.subject}</h1>
      <dl class="mail-headers">
        {headers.map(([name, value]) =>
          value === null ? null : (
            <>
              <dt>{name}</dt>
              <dd>{value}</dd>
            </>
          ),
        )}
        <dt>Статус</dt>
        <dd>
          <Status email={email} />
        </dd>
      </dl>
      <MailLinks text={email.text} />
      <h2>HTML-версия</h2>
      {/* sandbox without allow-scripts or allow-same-origin: the email can neither run code nor reach this page. */}
      <iframe class="mail-preview" sandbox="" srcdoc={email.html} title="HTML-версия письма" />
      <h2>Текстовая версия</h2>
      <pre class="mail-text">{email.text}</pre>
    </section>
  );
}

/** The preview cannot navigate (it is sandboxed), so the email's links are repeated here to click. */
function MailLinks({ text }: { text: string }) {
  const links = [...new Set(text.match(/https?:\/\/[^\s<>"]+/g) ?? [])];
  if (links.length === 0) return null;
  return (
    <>
      <h2>Ссылки из письма</h2>
      <ul class="mail-links">
        {links.map((href) => (
          <li>
            <a href={href}>{href}</a>
          </li>
        ))}
      </ul>
    </>
  );
}
