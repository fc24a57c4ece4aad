import { formatRub } from '../../domain/money.js';
import { orderTimeline } from '../../domain/orders/order-timeline.js';
import type { Order } from '../../db/queries/orders.js';
import { moscowDateTime } from '../../email/templates/format.js';
import { AccountNav } from './account-nav.js';
import { orderNumber } from '../../domain/orders/order-number.js';

export function OrdersPage({ name, orders, csrfToken, notice }: { name: string; orders: Order[]; csrfToken: string; notice?: string }) {
  return (
    <section>
      <h1>Личный кабинет</h1>
      {notice && (
        <p class="status status-ok" role="status">
          {notice}
        </p>
      )}
      <p>Здравствуйте, {name}!</p>
      <AccountNav current="/account" csrfToken={csrfToken} />
      {orders.length === 0 ? (
        <p class="panel">Оплаченных заказов пока нет.</p>
      ) : (
        <ul class="order-list">
          {orders.map((order) => (
            <li class="panel">
              <h2>
                <a href={`/account/orders/${order.publicRef}`}>{order.serviceTitle}</a>
              </h2>
              <p>
                Заказ {orderNumber(order.number)}, {formatRub(order.priceKopecks)}, оплачен {order.paidAt ? moscowDateTime(order.paidAt) : '—'} (мск)
              </p>
              <Timeline order={order} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function Timeline({ order }: { order: Order }) {
  const { steps, closed } = orderTimeline(order.state);
  return (
    <>
      <ol class="timeline" aria-label="Ход работы">
        {steps.map((step) => (
          <li class={step.status} aria-current={step.status === 'current' ? 'step' : undefined}>
            {step.label}
          </li>
        ))}
      </ol>
      {closed && <p class="status">{closed}</p>}
    </>
  );
}
