import { formatRub } from '../../domain/money.js';
import { orderTimeline } from '../../domain/orders/order-timeline.js';
import type { Order } from '../../db/queries/orders.js';
import { moscowDateTime } from '../../email/templates/format.js';
import { AccountNav, unreadWords } from './account-nav.js';
import { orderNumber } from '../../domain/orders/order-number.js';

export function OrdersPage({ name, orders, csrfToken, notice, unread = new Map() }: { name: string; orders: Order[]; csrfToken: string; notice?: string; unread?: Map<string, number> }) {
  return (
    <section>
      <h1>Личный кабинет</h1>
      {notice && (
        <p class="status status-ok" role="status">
          {notice}
        </p>
      )}
      <p>Здравствуйте, {name}!</p>
      <AccountNav current="/account" csrfToken={csrfToken} unread={[...unread.values()].reduce((a, b) => a + b, 0)} />
      {orders.length === 0 ? (
        <p class="panel">Оплаченных заказов пока нет.</p>
      ) : (
        <ul class="order-list">
          {orders.map((order) => (
            <li class="panel">
              <h2>
                <a href={`/account/orders/${order.publicRef}`}>{order.serviceTitle}</a>
              </h2>
              {unread.get(order.id) && (
                <p>
                  <a class="unread-badge" href={`/account/orders/${order.publicRef}#messages`}>
                    {unreadWords(unread.get(order.id)!)}
                  </a>
                </p>
              )}
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
