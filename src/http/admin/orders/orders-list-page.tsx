import { slaStatus, slaStatusWords } from '../../../domain/orders/callback-queue.js';
import { formatRub } from '../../../domain/money.js';
import { moscowShort } from '../../../domain/calendar/moscow-time.js';
import type { OrderState } from '../../../domain/orders/order-machine.js';
import { orderStateNames } from '../../../domain/orders/order-workflow.js';
import type { OrderListRow } from '../../../db/queries/admin-orders.js';
import { OrderLink, StateBadge } from './format.js';

/** The states the list can be narrowed to: every state after payment. */
export const listStates = ['paid', 'needs_review', 'contacted', 'specified', 'in_work', 'completed', 'cancelled', 'refunded'] as const satisfies readonly OrderState[];
export type ListState = (typeof listStates)[number];

export interface OrdersListPageProps {
  rows: OrderListRow[];
  total: number;
  state: ListState | null;
  page: number;
  pages: number;
  now: Date;
}

const href = (state: ListState | null, page: number) => {
  const query = new URLSearchParams();
  if (state) query.set('state', state);
  if (page > 1) query.set('page', String(page));
  const text = query.toString();
  return text ? `/admin/orders?${text}` : '/admin/orders';
};

export function OrdersListPage({ rows, total, state, page, pages, now }: OrdersListPageProps) {
  return (
    <section>
      <h1>Заказы</h1>
      <nav class="filters" aria-label="Статус заказа">
        <a href={href(null, 1)} aria-current={state === null ? 'true' : undefined}>
          Все
        </a>
        {listStates.map((key) => (
          <a href={href(key, 1)} aria-current={key === state ? 'true' : undefined}>
            {orderStateNames[key]}
          </a>
        ))}
      </nav>
      {rows.length === 0 ? (
        <p class="panel">{total === 0 ? 'Заказов в этом статусе нет.' : 'На этой странице заказов нет.'}</p>
      ) : (
        <div class="table-scroll">
          <table class="data-table orders-stack">
            <thead>
              <tr>
                <th scope="col">Заказ</th>
                <th scope="col">Клиент</th>
                <th scope="col">Статус</th>
                <th scope="col" class="num">Стоимость</th>
                <th scope="col">Оплачен</th>
                <th scope="col">Звонок</th>
                <th scope="col">Менеджер</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const sla = slaStatus(row, now);
                return (
                  <tr>
                    <td data-label="Заказ">
                      <div>
                        <OrderLink id={row.id} number={row.number} />
                        <br />
                        {row.serviceTitle}
                      </div>
                    </td>
                    <td data-label="Клиент">{row.customerName}</td>
                    <td data-label="Статус">
                      <div>
                        <StateBadge state={row.state} />
                      </div>
                    </td>
                    <td class="num" data-label="Стоимость">
                      {formatRub(row.priceKopecks)}
                    </td>
                    <td class="orders-when" data-label="Оплачен">
                      {row.paidAt ? moscowShort(row.paidAt) : '—'}
                    </td>
                    <td class={sla === 'missed' || sla === 'overdue' ? 'overdue' : undefined} data-label="Звонок">
                      {sla === 'none' ? '—' : slaStatusWords[sla]}
                    </td>
                    <td data-label="Менеджер">{row.assignedName ?? '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <p class="orders-pager">
        {page > 1 && <a href={href(state, page - 1)}>← Назад</a>}
        <span>
          Страница {page} из {pages} · всего {total}
        </span>
        {page < pages && <a href={href(state, page + 1)}>Дальше →</a>}
      </p>
    </section>
  );
}
