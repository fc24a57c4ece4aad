import type { FastifyRequest } from 'fastify';
import type { ComponentChildren, VNode } from 'preact';
import { moscowShort } from '../../../domain/calendar/moscow-time.js';
import { ACCEPTED_EXTENSIONS, ALLOWED_EXTENSIONS_TEXT, fileSizeWords } from '../../../domain/orders/delivery-file.js';
import { MESSAGE_MAX, NOTE_MAX } from '../../../domain/orders/delivery-forms.js';
import { allows } from '../../../domain/staff/staff-access.js';
import { conversationOf, resultsForStaff, type ConversationRow, type StaffResultRow } from '../../../db/queries/delivery.js';
import { ButtonForm, Field, TextArea, TextField, type Errors } from './fields.js';
import type { CardProblem } from './order-card-page.js';

// The order card's «Результаты работы» and «Переписка с клиентом» (docs/delivery.md).

/** What a redirect back to the card says after these forms (merged into the card's notices). */
export const deliveryNotices = {
  result_added: 'Результат добавлен как черновик: клиент увидит его, когда вы нажмёте «Сообщить клиенту».',
  results_published: 'Результаты открыты клиенту, письмо «Результаты готовы» отправлено.',
  results_nothing: 'Новых результатов нет: клиенту ничего не отправлено.',
  result_removed: 'Результат убран: клиент его больше не видит, файл удалён.',
  message_sent: 'Сообщение отправлено: клиент получит письмо со ссылкой на переписку.',
} as const;

const fileHref = (orderId: string, fileId: string) => `/admin/orders/${orderId}/files/${fileId}`;

export async function orderResultsSection(request: FastifyRequest, orderId: string, csrfToken: string, problem: CardProblem = {}): Promise<VNode> {
  const { db, config } = request.server.deps;
  const results = await resultsForStaff(db, orderId);
  const canWork = request.staff !== null && allows(request.staff.role, 'orders.work');
  const drafts = results.filter((r) => r.publishedAt === null && r.removedAt === null).length;
  const form: CardProblem = problem.form === 'result' ? problem : {};
  return (
    <section class="panel delivery-section" id="results">
      <h2>Результаты работы</h2>
      <p class="hint">Новые результаты — черновики: клиент увидит их в личном кабинете и получит одно письмо, когда вы нажмёте «Сообщить клиенту».</p>
      {results.length === 0 ? (
        <p class="hint">Результатов пока нет.</p>
      ) : (
        <ul class="delivery-results">
          {results.map((result) => (
            <ResultItem orderId={orderId} result={result} canWork={canWork} csrfToken={csrfToken} />
          ))}
        </ul>
      )}
      {canWork && drafts > 0 && <ButtonForm action={`/admin/orders/${orderId}/results/publish`} csrfToken={csrfToken} label={`Сообщить клиенту (${drafts})`} />}
      {canWork && (
        <UploadForm action={`/admin/orders/${orderId}/results`} csrfToken={csrfToken} errors={form.errors} submit="Добавить результат">
          <FileInput id="result-file" label="Файл" errors={form.errors} hint={`${ALLOWED_EXTENSIONS_TEXT}, до ${config.RESULT_FILE_MAX_MB} МБ.`} />
          <TextField id="result-url" name="url" label="Ссылка" value={form.values?.url ?? ''} error={form.errors?.url} maxLength={2000} hint="Только https://, например на репозиторий или папку с макетами." />
          <TextArea id="result-note" name="note" label="Текст" value={form.values?.note ?? ''} error={form.errors?.note} maxLength={NOTE_MAX} hint="Короткое пояснение: что это и как пользоваться." />
        </UploadForm>
      )}
    </section>
  );
}

function ResultItem({ orderId, result, canWork, csrfToken }: { orderId: string; result: StaffResultRow; canWork: boolean; csrfToken: string }) {
  const removed = result.removedAt !== null;
  return (
    <li class={removed ? 'delivery-removed' : undefined}>
      {result.fileName &&
        (result.fileId ? (
          <a href={fileHref(orderId, result.fileId)} download>
            {result.fileName}
          </a>
        ) : (
          <span>{result.fileName}</span>
        ))}
      {result.sizeBytes !== null && <small> ({fileSizeWords(result.sizeBytes)})</small>}
      {result.url && (
        <p>
          <a href={result.url} rel="noopener noreferrer nofollow" target="_blank">
            {result.url}
          </a>
        </p>
      )}
      {result.note && <p class="delivery-text">{result.note}</p>}
      <p class="hint">
        {result.addedByName}, {moscowShort(result.addedAt)}.{' '}
        {removed ? (
          <span class="badge badge-danger">убран {result.removedByName ? `(${result.removedByName}, ${moscowShort(result.removedAt!)})` : ''}</span>
        ) : result.publishedAt ? (
          <span class="badge badge-ok">открыт клиенту {moscowShort(result.publishedAt)}</span>
        ) : (
          <span class="badge badge-warn">черновик</span>
        )}
      </p>
      {canWork && !removed && <ButtonForm action={`/admin/orders/${orderId}/results/${result.id}/remove`} csrfToken={csrfToken} label="Убрать" danger />}
    </li>
  );
}

export async function orderMessagesSection(request: FastifyRequest, orderId: string, csrfToken: string, problem: CardProblem = {}): Promise<VNode> {
  const { db, config } = request.server.deps;
  const messages = await conversationOf(db, orderId);
  const canWork = request.staff !== null && allows(request.staff.role, 'orders.work');
  const form: CardProblem = problem.form === 'message' ? problem : {};
  return (
    <section class="panel delivery-section" id="messages">
      <h2>Переписка с клиентом</h2>
      <Conversation orderId={orderId} messages={messages} />
      {canWork && (
        <UploadForm action={`/admin/orders/${orderId}/messages`} csrfToken={csrfToken} errors={form.errors} submit="Отправить клиенту">
          <TextArea id="message-body" name="body" label="Сообщение" value={form.values?.body ?? ''} error={form.errors?.body} maxLength={MESSAGE_MAX} rows={4} hint="Клиент получит письмо со ссылкой и прочитает сообщение в личном кабинете." />
          <FileInput id="message-file" label="Файл (необязательно)" errors={form.errors} hint={`${ALLOWED_EXTENSIONS_TEXT}, до ${config.RESULT_FILE_MAX_MB} МБ.`} />
        </UploadForm>
      )}
    </section>
  );
}

function Conversation({ orderId, messages }: { orderId: string; messages: ConversationRow[] }) {
  if (messages.length === 0) return <p class="hint">Сообщений пока нет.</p>;
  return (
    <ol class="conversation">
      {messages.map((message) => (
        <li class={`message message-${message.author}`} id={`message-${message.id}`}>
          <p class="message-meta">
            <strong>{message.author === 'client' ? 'Клиент' : (message.staffName ?? 'Сотрудник')}</strong>, {moscowShort(message.createdAt)}
          </p>
          <p class="message-body">{message.body}</p>
          {message.fileId && message.fileName && (
            <p>
              Файл:{' '}
              <a href={fileHref(orderId, message.fileId)} download>
                {message.fileName}
              </a>
              {message.sizeBytes !== null && <small> ({fileSizeWords(message.sizeBytes)})</small>}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}

/** A card form that carries a file: multipart, its CSRF token in the body as every form's. */
function UploadForm({ action, csrfToken, errors, submit, children }: { action: string; csrfToken: string; errors?: Errors; submit: string; children: ComponentChildren }) {
  const count = Object.values(errors ?? {}).filter(Boolean).length;
  return (
    <form method="post" action={action} enctype="multipart/form-data" class="orders-form" novalidate>
      <input type="hidden" name="_csrf" value={csrfToken} />
      {count > 0 && (
        <p class="error-summary" role="alert">
          Проверьте форму: {count === 1 ? 'одно поле заполнено неверно.' : 'несколько полей заполнены неверно.'}
        </p>
      )}
      {children}
      <button type="submit" class="button button-small">
        {submit}
      </button>
    </form>
  );
}

function FileInput({ id, label, hint, errors }: { id: string; label: string; hint: string; errors?: Errors }) {
  const error = errors?.file;
  return (
    <Field id={id} label={label} error={error} hint={hint}>
      <input id={id} name="file" type="file" accept={ACCEPTED_EXTENSIONS} {...(error ? { 'aria-invalid': 'true' as const, 'aria-describedby': `${id}-error` } : {})} />
    </Field>
  );
}
