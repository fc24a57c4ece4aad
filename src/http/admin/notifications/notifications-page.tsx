import { notificationStatuses, type NotificationListRow, type NotificationStatus } from '../../../db/queries/notifications.js';
import { moscowShort } from '../../../domain/calendar/moscow-time.js';
import { isStaffEventKind, staffEventNames } from '../../../domain/notifications/staff-events.js';
import { orderNumber } from '../../../domain/orders/order-number.js';
import { Pager } from '../views/pager.js';

export const notificationStatusNames: Record<NotificationStatus, string> = { waiting: 'Ждёт отправки', sent: 'Отправлено', failed: 'Не доставлено' };
const tones: Record<NotificationStatus, string> = { waiting: 'badge-warn', sent: 'badge-ok', failed: 'badge-danger' };
const channelNames = { email: 'Письмо', telegram: 'Telegram' } as const;

export interface NotificationsPageProps {
  status?: NotificationStatus;
  rows: NotificationListRow[];
  total: number;
  page: number;
  pageSize: number;
}

/** Every staff alert: to whom, where, its state, when it may go out and the channel's last answer. */
export function NotificationsPage({ status, rows, total, page, pageSize }: NotificationsPageProps) {
  return (
    <section>
      <h1>Уведомления сотрудникам</h1>
      <form method="get" action="/admin/notifications" class="filters" role="search">
        <div class="field">
          <label for="field-status">Статус</label>
          <select id="field-status" name="status">
            <option value="">Все</option>
            {notificationStatuses.map((s) => (
              <option value={s} selected={status === s}>
                {notificationStatusNames[s]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="button button-small">
          Показать
        </button>
      </form>
      <p>Всего: {total}. Новые сверху.</p>
      {rows.length > 0 && (
        <div class="table-scroll">
          <table class="data-table records-stack">
            <thead>
              <tr>
                <th>Создано (мск)</th>
                <th>Событие</th>
                <th>Кому</th>
                <th>Канал</th>
                <th>Статус</th>
                <th>Не раньше (мск)</th>
                <th class="num">Попыток</th>
                <th>Ответ</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ notification: n, staffName, emailStatus, emailError, orderNumber: number }) => (
                <tr>
                  <td class="records-nowrap" data-label="Создано (мск)">{moscowShort(n.createdAt)}</td>
                  <td data-label="Событие">
                    {isStaffEventKind(n.eventKind) ? staffEventNames[n.eventKind] : n.eventKind}:{' '}
                    {n.orderId && number !== null ? <a href={`/admin/orders/${n.orderId}`}>заказ {orderNumber(number)}</a> : <a href={`/admin/leads#lead-${n.leadId}`}>заявка на звонок</a>}
                  </td>
                  <td data-label="Кому">{staffName}</td>
                  <td data-label="Канал">{channelNames[n.channel]}</td>
                  <td data-label="Статус">
                    <span class={`badge ${tones[n.status]}`}>{notificationStatusNames[n.status]}</span>
                  </td>
                  <td class="records-nowrap" data-label="Не раньше (мск)">{moscowShort(n.notBefore)}</td>
                  <td class="num" data-label="Попыток">{n.attempts}</td>
                  <td class="records-smtp" data-label="Ответ">
                    {n.lastAnswer ?? '—'}
                    {n.emailId && (
                      <div class="records-muted">
                        <a href={`/admin/emails/${n.emailId}`}>письмо</a>: {emailStatus === 'sent' ? 'отправлено' : emailStatus === 'failed' ? `не доставлено (${emailError ?? ''})` : 'в очереди'}
                      </div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager path="/admin/notifications" query={{ status }} page={page} total={total} pageSize={pageSize} />
    </section>
  );
}
