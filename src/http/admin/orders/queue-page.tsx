import { callbackCountdown, queueFilterLabels, queueFilters, type QueueFilter } from '../../../domain/orders/callback-queue.js';
import { moscowShort } from '../../../domain/calendar/moscow-time.js';
import type { QueueRow } from '../../../db/queries/admin-orders.js';
import { OrderLink, Phone } from './format.js';

export interface QueuePageProps {
  rows: QueueRow[];
  filter: QueueFilter;
  now: Date;
  /** Whether the member may take orders (a manager or an admin). */
  canTake: boolean;
  csrfToken: string;
}

const emptyTexts: Record<QueueFilter, string> = {
  all: 'Очередь пуста: всем оплатившим клиентам уже позвонили.',
  mine: 'У вас нет заказов, ждущих звонка.',
  unassigned: 'Все заказы в очереди уже кто-то взял.',
  overdue: 'Просроченных звонков нет.',
};

/** Paid orders waiting for the manager's call, nearest deadline first; the time left counts down (admin-countdown.js). */
export function QueuePage({ rows, filter, now, canTake, csrfToken }: QueuePageProps) {
  const overdue = rows.filter((row) => row.callbackDueAt && row.callbackDueAt <= now).length;
  return (
    <section>
      <h1>Очередь звонков</h1>
      <LiveControls />
      {/* admin-live-queue.js swaps this part for a fresh copy of the page's when the queue changes. */}
      <div data-live-queue="/admin/queue/events" data-order-ids={rows.map((row) => row.id).join(' ')}>
        <p>
          Оплаченные заказы, по которым ещё не связались с клиентом. Срок — один рабочий час после оплаты (время московское).
        </p>
        <nav class="filters" aria-label="Фильтр очереди">
          {queueFilters.map((key) => (
            <a href={key === 'all' ? '/admin/queue' : `/admin/queue?filter=${key}`} aria-current={key === filter ? 'true' : undefined}>
              {queueFilterLabels[key]}
            </a>
          ))}
        </nav>
        {rows.length === 0 ? (
          <p class="panel">{emptyTexts[filter]}</p>
        ) : (
          <>
            <p>
              В очереди: {rows.length}
              {overdue > 0 && <strong class="overdue">, просрочено: {overdue}</strong>}.
            </p>
            <div class="table-scroll">
              <table class="data-table orders-queue orders-stack" data-server-now={String(now.getTime())}>
                <thead>
                  <tr>
                    <th scope="col">Заказ</th>
                    <th scope="col">Клиент</th>
                    <th scope="col">Оплачен</th>
                    <th scope="col">Срок звонка</th>
                    <th scope="col">Осталось</th>
                    <th scope="col">Менеджер</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <QueueRowView row={row} now={now} canTake={canTake} csrfToken={csrfToken} />
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </div>
    </section>
  );
}

/** Shown by the script only (hidden without it): the live queue's state and the notification switch. */
function LiveControls() {
  return (
    <div class="live-queue" data-live-controls hidden>
      <p class="hint" role="status" data-live-status>
        Очередь обновляется сама: новые заказы появятся без перезагрузки страницы.
      </p>
      <button type="button" class="button button-small" data-live-notify hidden>
        Включить уведомления
      </button>
    </div>
  );
}

function QueueRowView({ row, now, canTake, csrfToken }: { row: QueueRow; now: Date; canTake: boolean; csrfToken: string }) {
  const countdown = row.callbackDueAt ? callbackCountdown(row.callbackDueAt, now) : null;
  return (
    <tr class={countdown?.overdue ? 'orders-overdue-row' : undefined}>
      <td data-label="Заказ">
        <div>
          <OrderLink id={row.id} number={row.number} />
          <br />
          {row.serviceTitle}
        </div>
      </td>
      <td data-label="Клиент">
        <div>
          {row.customerName}
          <br />
          <Phone e164={row.customerPhone} />
        </div>
      </td>
      <td class="orders-when" data-label="Оплачен">
        {row.paidAt ? moscowShort(row.paidAt) : '—'}
      </td>
      <td class="orders-when" data-label="Срок звонка">
        {row.callbackDueAt ? moscowShort(row.callbackDueAt) : '—'}
      </td>
      {countdown && row.callbackDueAt ? (
        <td class={countdown.overdue ? 'orders-when overdue' : 'orders-when'} data-label="Осталось" data-due={String(row.callbackDueAt.getTime())}>
          {countdown.text}
        </td>
      ) : (
        <td data-label="Осталось">—</td>
      )}
      <td data-label="Менеджер">
        <div>
          {row.assignedName ?? (
            <>
              <span class="badge badge-warn">не назначен</span>
              {canTake && (
                <form method="post" action={`/admin/orders/${row.id}/take`} class="orders-take">
                  <input type="hidden" name="_csrf" value={csrfToken} />
                  <button type="submit" class="button button-small">
                    Взять
                  </button>
                </form>
              )}
            </>
          )}
        </div>
      </td>
    </tr>
  );
}
