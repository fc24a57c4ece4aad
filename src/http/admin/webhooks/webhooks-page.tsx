import { moscowShort } from '../../../domain/calendar/moscow-time.js';
import { webhookEventNames, type AnyWebhookEventType } from '../../../domain/webhooks/webhook-events.js';
import type { EndpointField, EndpointValues } from '../../../domain/webhooks/webhook-form.js';
import type { EndpointSummary } from '../../../db/queries/webhooks.js';
import { PostForm } from '../../views/form-kit.js';
import { EndpointFields } from './endpoint-fields.js';

export const eventName = (type: string) => webhookEventNames[type as AnyWebhookEventType] ?? type;

export interface WebhooksPageProps {
  endpoints: EndpointSummary[];
  values: EndpointValues;
  errors?: Partial<Record<EndpointField, string>>;
  csrfToken: string;
}

/** /admin/webhooks: the endpoints and the form for a new one. */
export function WebhooksPage({ endpoints, values, errors, csrfToken }: WebhooksPageProps) {
  return (
    <section class="webhooks">
      <h1>Вебхуки</h1>
      <p>
        Сайт сообщает CRM (Битрикс24, amoCRM или любой другой системе) об оплатах, звонках, завершённых работах, возвратах и новых клиентах: POST с JSON,
        подписанный секретом получателя. Неудачные отправки повторяются около суток. Формат и примеры приёма — в <code>docs/integrations.md</code>.
      </p>
      {endpoints.length === 0 ? (
        <p>Получателей пока нет.</p>
      ) : (
        <div class="table-scroll">
          <table class="data-table">
            <thead>
              <tr>
                <th>Получатель</th>
                <th>События</th>
                <th>Состояние</th>
                <th>Последняя доставка (мск)</th>
              </tr>
            </thead>
            <tbody>
              {endpoints.map((endpoint) => (
                <tr>
                  <td data-label="Получатель">
                    <a href={`/admin/webhooks/${endpoint.id}`}>{endpoint.name}</a>
                    <div class="webhooks-url">{endpoint.url}</div>
                  </td>
                  <td data-label="События">{endpoint.events.map(eventName).join(', ')}</td>
                  <td data-label="Состояние">
                    {endpoint.enabled ? <span class="badge badge-ok">Включён</span> : <span class="badge badge-warn">Отключён</span>}
                    {endpoint.queued > 0 && <div>в очереди: {endpoint.queued}</div>}
                    {endpoint.failed > 0 && <div class="badge badge-danger">не доставлено: {endpoint.failed}</div>}
                  </td>
                  <td data-label="Последняя доставка (мск)">{endpoint.lastDeliveredAt ? moscowShort(endpoint.lastDeliveredAt) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2 id="new">Новый получатель</h2>
      <PostForm action="/admin/webhooks" csrfToken={csrfToken} class="panel webhooks-form">
        <EndpointFields values={values} errors={errors} />
        <p class="hint">Секрет подписи создаст сайт и покажет один раз, сразу после добавления.</p>
        <button type="submit" class="button">
          Добавить получателя
        </button>
      </PostForm>
    </section>
  );
}
