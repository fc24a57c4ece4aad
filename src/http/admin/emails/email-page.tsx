import type { ComponentChildren } from 'preact';
import type { Resend } from '../../../db/queries/admin-emails.js';
import type { Email } from '../../../db/queries/emails.js';
import type { ResendRefusal } from '../../../domain/records/email-resend.js';
import { moscowShort } from '../../../domain/calendar/moscow-time.js';
import { orderNumber } from '../../../domain/orders/order-number.js';
import { PostForm } from '../../views/form-kit.js';
import { EmailStatusBadge, emailKindName } from './email-labels.js';

export interface EmailPageProps {
  email: Email;
  /** The number of the order it is about (null when about none). */
  orderNumber: number | null;
  /** Copies made with «Отправить ещё раз». */
  copies: Resend[];
  /** The email this one is a copy of. */
  original: Resend | undefined;
  refusal: ResendRefusal | null;
  /** The error of a refused resend, shown next to the button. */
  error?: string;
  /** Set right after this copy was queued. */
  justQueued: boolean;
  /** The client's card to link to (null when unknown or the viewer may not open clients). */
  clientId: string | null;
  csrfToken: string;
}

export function EmailPage({ email, orderNumber: number, copies, original, refusal, error, justQueued, clientId, csrfToken }: EmailPageProps) {
  return (
    <section>
      <p class="breadcrumbs">
        <a href="/admin/emails">← Письма</a>
      </p>
      {justQueued && (
        <p class="notice" role="status">
          Копия письма поставлена в очередь и уйдёт в ближайшие секунды. Статус ниже обновится после отправки.
        </p>
      )}
      <h1>{email.subject}</h1>
      <dl class="records-facts panel">
        <dt>Кому</dt>
        <dd class="records-address">{email.to}</dd>
        <dt>Вид</dt>
        <dd>{emailKindName(email.kind)}</dd>
        <dt>Статус</dt>
        <dd>
          <EmailStatusBadge status={email.status} />
        </dd>
        <dt>Создано</dt>
        <dd>{moscowShort(email.createdAt)} (мск)</dd>
        <dt>Отправлено</dt>
        <dd>{email.sentAt ? `${moscowShort(email.sentAt)} (мск)` : '—'}</dd>
        <dt>Неудачных попыток</dt>
        <dd>{email.attempts}</dd>
        {email.lastError && (
          <>
            <dt>Ответ сервера</dt>
            <dd class="records-smtp">{email.lastError}</dd>
          </>
        )}
        {email.messageId && (
          <>
            <dt>Message-ID</dt>
            <dd class="records-address">{email.messageId}</dd>
          </>
        )}
        {email.orderId && number !== null && (
          <>
            <dt>Заказ</dt>
            <dd>
              <a href={`/admin/orders/${email.orderId}`}>{orderNumber(number)}</a>
            </dd>
          </>
        )}
        {clientId && (
          <>
            <dt>Клиент</dt>
            <dd>
              <a href={`/admin/clients/${clientId}`}>карточка клиента</a>
            </dd>
          </>
        )}
      </dl>
      <ResendHistory copies={copies} original={original} />
      <ResendPanel email={email} refusal={refusal} error={error} copies={copies} csrfToken={csrfToken} />
      <Content email={email} />
    </section>
  );
}

function ResendHistory({ copies, original }: { copies: Resend[]; original: Resend | undefined }) {
  if (!original && copies.length === 0) return null;
  return (
    <ul class="records-plain-list">
      {original && (
        <li>
          Это копия <a href={`/admin/emails/${original.emailId}`}>письма</a>, отправленная ещё раз: {original.staffName ?? 'система'}, {moscowShort(original.at)} (мск).
        </li>
      )}
      {copies.map((copy) => (
        <li>
          Отправлено ещё раз: <a href={`/admin/emails/${copy.emailId}`}>копия</a> — {copy.staffName ?? 'система'}, {moscowShort(copy.at)} (мск).
        </li>
      ))}
    </ul>
  );
}

function ResendPanel({ email, refusal, error, copies, csrfToken }: { email: Email; refusal: ResendRefusal | null; error?: string; copies: Resend[]; csrfToken: string }) {
  return (
    <div class="panel">
      <h2>Отправить ещё раз</h2>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {refusal ? (
        <RefusalText email={email} refusal={refusal} lastCopy={copies.at(-1)} />
      ) : (
        <>
          <p>Новое письмо с тем же содержимым уйдёт на тот же адрес через обычную очередь отправки. Это письмо останется в списке как есть.</p>
          <PostForm action={`/admin/emails/${email.id}/resend`} csrfToken={csrfToken}>
            <button type="submit" class="button button-small">
              Отправить ещё раз
            </button>
          </PostForm>
        </>
      )}
    </div>
  );
}

/** What the client can do instead, by what the wiped email held. */
const secretAdvice: Record<string, ComponentChildren> = {
  credentials: (
    <>
      Клиент может задать новый пароль сам: «Забыли пароль?» на странице входа (<code>/account/password/forgot</code>). Ссылка придёт на его почту, и
      переход по ней заодно подтвердит адрес.
    </>
  ),
  verify_email: (
    <>
      Клиент может получить новую ссылку сам: «Забыли пароль?» на странице входа (<code>/account/password/forgot</code>) — переход по ссылке из этого
      письма тоже подтверждает адрес. Устаревшая ссылка подтверждения открывает страницу с кнопкой «Отправить новую ссылку».
    </>
  ),
  password_reset: (
    <>
      Клиент может запросить новую ссылку на странице «Забыли пароль?» (<code>/account/password/forgot</code>). Ссылка действует час.
    </>
  ),
  email_change_confirm: <>Клиент может сменить адрес заново в профиле личного кабинета: придёт новая ссылка.</>,
  staff_invitation: <>Администратор может выслать приглашение заново в разделе «Сотрудники» (кнопка «Новое приглашение»).</>,
};

function RefusalText({ email, refusal, lastCopy }: { email: Email; refusal: ResendRefusal; lastCopy: Resend | undefined }) {
  if (refusal === 'still_queued') {
    return (
      <p>
        Письмо ещё в очереди: система повторяет попытки сама (до 12 попыток за 6–7 часов) и отметит его «Не доставлено», если сервер так и не примет
        письмо. Отправить ещё раз можно, когда доставка завершится.
      </p>
    );
  }
  if (refusal === 'copy_queued') {
    return (
      <p>
        {lastCopy ? <a href={`/admin/emails/${lastCopy.emailId}`}>Копия этого письма</a> : 'Копия этого письма'} уже в очереди. Дождитесь, пока она
        будет отправлена или не доставлена.
      </p>
    );
  }
  return (
    <>
      <p>
        Это письмо отправить ещё раз нельзя: в нём был пароль или одноразовая ссылка, поэтому после отправки его содержимое удалено из базы. Да и
        ссылка или пароль из него уже могли быть использованы или устареть.
      </p>
      <p>{secretAdvice[email.kind] ?? 'Попросите клиента запросить новую ссылку или восстановить пароль в личном кабинете.'}</p>
    </>
  );
}

function Content({ email }: { email: Email }) {
  if (email.secret) {
    return (
      <div class="panel">
        <h2>Содержимое</h2>
        <p>
          Не показывается: в письме пароль или одноразовая ссылка, которые предназначены только получателю.
          {email.status === 'sent' ? ' После отправки содержимое удалено из базы.' : ' После отправки содержимое будет удалено из базы.'}
        </p>
      </div>
    );
  }
  return (
    <>
      <h2>Письмо</h2>
      {/* sandbox without allow-scripts or allow-same-origin: the email can neither run code nor reach this page. */}
      <iframe class="records-mail-preview" sandbox="" src={`/admin/emails/${email.id}/preview`} title="HTML-версия письма" />
      <details class="records-mail-text">
        <summary>Текстовая версия</summary>
        <pre>{email.text}</pre>
      </details>
    </>
  );
}
