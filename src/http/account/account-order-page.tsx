import { cardBrandName } from '../../domain/card-brand.js';
import { formatRub } from '../../domain/money.js';
import type { Order } from '../../db/queries/orders.js';
import type { PaymentAttempt, PaymentOperation } from '../../db/queries/payments.js';
import { moscowDateTime } from '../../email/templates/format.js';
import { AccountNav } from './account-nav.js';
import { Timeline } from './orders-page.js';

export interface AccountOrderPageProps {
  order: Order;
  payment: PaymentAttempt | undefined;
  /** Cancellations and refunds that went through. */
  returns: PaymentOperation[];
  managerDeadline: string | null;
  csrfToken: string;
}

export function AccountOrderPage({ order, payment, returns, managerDeadline, csrfToken }: AccountOrderPageProps) {
  return (
    <section>
      <p class="breadcrumbs">
        <a href="/account">Мои заказы</a>
      </p>
      <h1>{order.serviceTitle}</h1>
      <AccountNav current="" csrfToken={csrfToken} />
      <div class="panel">
        <h2>Ход работы</h2>
        <Timeline order={order} />
        {order.state === 'paid' && managerDeadline && <p>Менеджер свяжется с вами {managerDeadline} (мск).</p>}
      </div>
      <div class="panel">
        <h2>Оплата</h2>
        {payment?.paidAt ? (
          <dl class="summary">
            <dt>Стоимость</dt>
            <dd>{formatRub(order.priceKopecks)}</dd>
            <dt>Оплачено</dt>
            <dd>{formatRub(payment.amountKopecks)}</dd>
            <dt>Дата</dt>
            <dd>{moscowDateTime(payment.paidAt)} (мск)</dd>
            {payment.cardLast4 && (
              <>
                <dt>Карта</dt>
                <dd>
                  {payment.cardBrand ? `${cardBrandName(payment.cardBrand)} ` : ''}•••• {payment.cardLast4}
                </dd>
              </>
            )}
          </dl>
        ) : (
          <p>Оплата ещё не подтверждена.</p>
        )}
        {returns.length > 0 && (
          <>
            <h3>Возвраты</h3>
            <ul>
              {returns.map((operation) => (
                <li>
                  {operation.kind === 'cancel' ? 'Отмена платежа' : 'Возврат'}: {formatRub(operation.amountKopecks)},{' '}
                  {moscowDateTime(operation.completedAt ?? operation.createdAt)} (мск)
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      <div class="panel">
        <h2>Спецификация</h2>
        <p>Менеджер согласует с вами объём и сроки работ; согласованная спецификация появится здесь.</p>
      </div>
      <div class="panel">
        <h2>Счета на доплату</h2>
        <p>Счетов на доплату нет. Если работа займёт больше часов, чем входит в услугу, счёт появится здесь с кнопкой оплаты.</p>
      </div>
    </section>
  );
}
