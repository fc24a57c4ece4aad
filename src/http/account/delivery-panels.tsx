import { ACCEPTED_EXTENSIONS, ALLOWED_EXTENSIONS_TEXT, fileSizeWords } from '../../domain/orders/delivery-file.js';
import { MESSAGE_MAX, type MessageField } from '../../domain/orders/delivery-forms.js';
import type { ClientResultRow, ConversationRow } from '../../db/queries/delivery.js';
import { moscowDateTime } from '../../email/templates/format.js';
import { describedBy, FieldFrame } from '../views/form-kit.js';

// The client's side of delivering the work (docs/delivery.md): results to download and the order's
// conversation. Everything typed is rendered as text (escaped; line breaks kept by CSS), never HTML.

export interface ClientDelivery {
  results: ClientResultRow[];
  messages: ConversationRow[];
  /** Staff messages not seen before this visit: marked «новое». */
  unreadFromSeq: number | null;
  /** The message form after a refused send: what was typed and what is wrong. */
  form?: { errors: Partial<Record<MessageField, string>>; body: string };
  /** Just sent (after the redirect). */
  sent?: boolean;
  maxFileMb: number;
}

const fileHref = (orderRef: string, fileId: string) => `/account/orders/${orderRef}/files/${fileId}`;

export function ResultsPanel({ orderRef, results }: { orderRef: string; results: ClientResultRow[] }) {
  if (results.length === 0) return null;
  return (
    <div class="panel" id="results">
      <h2>Результаты работы</h2>
      <ul class="delivery-results">
        {results.map((result) => (
          <li>
            {result.fileId && result.fileName && (
              <p>
                <a href={fileHref(orderRef, result.fileId)} download>
                  {result.fileName}
                </a>
                {result.sizeBytes !== null && <small> ({fileSizeWords(result.sizeBytes)})</small>}
              </p>
            )}
            {result.url && (
              <p>
                <a href={result.url} rel="noopener noreferrer nofollow" target="_blank">
                  {result.url}
                </a>
              </p>
            )}
            {result.note && <p class="delivery-text">{result.note}</p>}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function ConversationPanel({ orderRef, delivery, csrfToken }: { orderRef: string; delivery: ClientDelivery; csrfToken: string }) {
  const { messages, form } = delivery;
  const bodyError = form?.errors.body;
  const fileError = form?.errors.file;
  return (
    <div class="panel" id="messages">
      <h2>Переписка по заказу</h2>
      {delivery.sent && (
        <p class="status status-ok" role="status">
          Сообщение отправлено. Менеджер ответит здесь, а мы пришлём письмо, когда ответ появится.
        </p>
      )}
      {messages.length === 0 ? (
        <p>Здесь можно задать вопрос по заказу: менеджер ответит в этой переписке.</p>
      ) : (
        <ol class="conversation">
          {messages.map((message) => {
            const fresh = message.author === 'staff' && delivery.unreadFromSeq !== null && message.seq > delivery.unreadFromSeq;
            return (
              <li class={`message message-${message.author}`} id={`message-${message.id}`}>
                <p class="message-meta">
                  <strong>{message.author === 'client' ? 'Вы' : (message.staffName ?? 'Менеджер')}</strong>, {moscowDateTime(message.createdAt)} (мск)
                  {fresh && <span class="message-new"> новое</span>}
                </p>
                <p class="message-body">{message.body}</p>
                {message.fileId && message.fileName && (
                  <p>
                    Файл:{' '}
                    <a href={fileHref(orderRef, message.fileId)} download>
                      {message.fileName}
                    </a>
                    {message.sizeBytes !== null && <small> ({fileSizeWords(message.sizeBytes)})</small>}
                  </p>
                )}
              </li>
            );
          })}
        </ol>
      )}
      <form method="post" action={`/account/orders/${orderRef}/messages#messages`} enctype="multipart/form-data" novalidate>
        <input type="hidden" name="_csrf" value={csrfToken} />
        <FieldFrame name="body" label="Ваше сообщение" error={bodyError}>
          <textarea id="field-body" name="body" rows={4} maxLength={MESSAGE_MAX} {...(bodyError ? { 'aria-invalid': 'true' as const } : {})} {...describedBy('body', { error: bodyError })}>
            {form?.body ?? ''}
          </textarea>
        </FieldFrame>
        <FieldFrame name="file" label="Файл (необязательно)" hint={`${ALLOWED_EXTENSIONS_TEXT}, до ${delivery.maxFileMb} МБ.`} error={fileError}>
          <input id="field-file" name="file" type="file" accept={ACCEPTED_EXTENSIONS} {...(fileError ? { 'aria-invalid': 'true' as const } : {})} {...describedBy('file', { hint: true, error: fileError })} />
        </FieldFrame>
        <button type="submit" class="button">
          Отправить
        </button>
      </form>
    </div>
  );
}
