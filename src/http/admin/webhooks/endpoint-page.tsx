import { moscowShort } from '../../../domain/calendar/moscow-time.js';
import { orderNumber } from '../../../domain/orders/order-number.js';
import type { EndpointField, EndpointValues } from '../../../domain/webhooks/webhook-form.js';
import type { DeliveryWithEvent, WebhookEndpoint } from '../../../db/queries/webhooks.js';
import { PostForm } from '../../views/form-kit.js';
import { Pager } from '../views/pager.js';
import { EndpointFields } from './endpoint-fields.js';
import { eventName } from './webhooks-page.js';

export interface EndpointPageProps {
  endpoint: WebhookEndpoint;
  values: EndpointValues;
  errors?: Partial<Record<EndpointField, string>>;
  deliveries: DeliveryWithEvent[];
  total: number;
  page: number;
  pageSize: number;
  notice?: string | null;
  refusal?: string | null;
  csrfToken: string;
}

const statusBadges = {
  queued: ['badge badge-warn', 'В очереди'],
  delivered: ['badge badge-ok', 'Доставлено'],
  failed: ['badge badge-danger', 'Не доставлено'],
  cancelled: ['badge', 'Отменено'],
} as const;

/** One endpoint: its settings, switch, secret rotation, the test event and the delivery log. */
export function EndpointPage(props: EndpointPageProps) {
  const { endpoint, csrfToken } = props;
  const base = `/admin/webhooks/${endpoint.id}`;
  return (
    <section class="webhooks">
      <p class="breadcrumbs">
        <a href="/admin/webhooks">Вебхуки</a>
      </p>
      <h1>
        {endpoint.name} {endpoint.enabled ? <span class="badge badge-ok">Включён</span> : <span class="badge badge-warn">Отключён</span>}
      </h1>
      {props.notice && <p class="notice">{props.notice}</p>}
      {props.refusal && (
        <p class="error-summary" role="alert">
          {props.refusal}
        </p>
      )}
      <div class="panel webhooks-actions">
        <p>
          Секрет подписи {endpoint.secretRotatedAt ? `сменён ${moscowShort(endpoint.secretRotatedAt)} (мск)` : `создан ${moscowShort(endpoint.createdAt)} (мск)`}; он показывается только один раз.
        </p>
        <PostForm action={`${base}/test`} csrfToken={csrfToken}>
          <button type="submit" class="button" disabled={!endpoint.enabled}>
            Отправить тестовое событие
          </button>
        </PostForm>
        <PostForm action={`${base}/enabled`} csrfToken={csrfToken}>
          <input type="hidden" name="enabled" value={endpoint.enabled ? '0' : '1'} />
          <button type="submit" class="button button-small">
            {endpoint.enabled ? 'Отключить' : 'Включить'}
          </button>
        </PostForm>
        <PostForm action={`${base}/rotate`} csrfToken={csrfToken}>
          <button type="submit" class="button button-small">
            Сменить секрет
          </button>
        </PostForm>
      </div>

      <h2>Доставки</h2>
      {props.deliveries.length === 0 ? <p>Отправок пока не было.</p> : <DeliveryLog deliveries={props.deliveries} csrfToken={csrfToken} />}
      <Pager path={base} query={{}} page={props.page} total={props.total} pageSize={props.pageSize} />

      <h2>Настройки</h2>
      <PostForm action={base} csrfToken={csrfToken} class="panel webhooks-form">
        <EndpointFields values={props.values} errors={props.errors} />
        <button type="submit" class="button">
          Сохранить
        </button>
      </PostForm>
    </section>
  );
}

function DeliveryLog({ deliveries, csrfToken }: { deliveries: DeliveryWithEvent[]; csrfToken: string }) {
  return (
    <div class="table-scroll">
      <table class="data-table webhooks-log">
        <thead>
          <tr>
            <th>Событие</th>
            <th>Доставка</th>
            <th>Ответ получателя</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          {deliveries.map((delivery) => {
            const [badge, label] = statusBadges[delivery.status];
            return (
              <tr id={`delivery-${delivery.id}`}>
                <td data-label="Событие">
                  {eventName(delivery.eventType)} <code>{delivery.eventType}</code>
                  <div>{moscowShort(delivery.eventCreatedAt)} (мск)</div>
                  {delivery.eventOrderId && delivery.eventOrderNumber !== null && (
                    <a href={`/admin/orders/${delivery.eventOrderId}`}>{`Заказ\u00a0${orderNumber(delivery.eventOrderNumber)}`}</a>
                  )}
                  <div class="webhooks-id">событие {delivery.eventId}</div>
                </td>
                <td data-label="Доставка">
                  <span class={badge}>{label}</span>
                  <div>попыток: {delivery.attempts}</div>
                  {delivery.lastAttemptAt && <div>последняя: {moscowShort(delivery.lastAttemptAt)}</div>}
                  {delivery.resentFrom && <div>повторная отправка</div>}
                  <div class="webhooks-id">доставка {delivery.id}</div>
                </td>
                <td data-label="Ответ получателя">
                  {delivery.responseStatus !== null && <div>HTTP {delivery.responseStatus}</div>}
                  {delivery.durationMs !== null && <div>{delivery.durationMs} мс</div>}
                  {delivery.lastError && <div class="error">{delivery.lastError}</div>}
                  {delivery.responseBody && (
                    <details>
                      <summary>Тело ответа (до 1 КБ)</summary>
                      <pre class="webhooks-body">{delivery.responseBody}</pre>
                    </details>
                  )}
                </td>
                <td>
                  {delivery.status !== 'queued' && (
                    <PostForm action={`/admin/webhooks/deliveries/${delivery.id}/resend`} csrfToken={csrfToken}>
                      <button type="submit" class="link-button">
                        Отправить ещё раз
                      </button>
                    </PostForm>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
