import { cardBrandName } from '../../domain/payments/card-brand.js';
import { formatRub } from '../../domain/money.js';
import type { Invoice } from '../../db/queries/invoices.js';
import type { Receipt } from '../../db/queries/receipts.js';
import { OrderReceipts } from '../views/order-receipts.js';
import type { Order } from '../../db/queries/orders.js';
import type { PaymentAttempt, PaymentOperation } from '../../db/queries/payments.js';
import { moscowDateTime } from '../../email/templates/format.js';
import type { ClientOrderWork } from '../../db/queries/admin-orders.js';
import { AccountNav } from './account-nav.js';
import { OrderWorkPanel } from './order-work-panel.js';
import { InvoiceList } from './invoice-list.js';
import { ExtraHoursPanel } from './extra-hours-panel.js';
import type { ExtraHoursRequestItem } from '../../db/queries/extra-hours.js';
import type { SurchargeBasis } from '../../db/queries/invoices.js';
import { Timeline } from './orders-page.js';
import { AcceptancePanel, type AcceptanceView } from './acceptance-panel.js';
import { orderNumber } from '../../domain/orders/order-number.js';
import { ConversationPanel, ResultsPanel, type ClientDelivery } from './delivery-panels.js';

export interface AccountOrderPageProps {
  order: Order;
  payment: PaymentAttempt | undefined;
  /** Cancellations and refunds that went through. */
  returns: PaymentOperation[];
  managerDeadline: string | null;
  /** The agreed specification and the hours worked (absent: the panel says a specification will come). */
  work?: ClientOrderWork;
  /** Surcharge invoices of the order, newest first. */
  invoices?: Invoice[];
  /** The order's cash receipts (54-FZ), surcharges' included. */
  receipts?: Receipt[];
  /** Hours and the client's agreement to extra ones (hourly services). */
  extraHours?: { basis: SurchargeBasis; requests: ExtraHoursRequestItem[]; error?: string };
  /** Hand-overs of the work, the answer form while one waits, and the act once completed. */
  acceptance?: AcceptanceView;
  /** Results and the conversation (docs/delivery.md). */
  delivery?: ClientDelivery;
  /** Unread manager messages in the client's other orders, for the menu. */
  unread?: number;
  csrfToken: string;
  /** A company pays by bank transfer: surcharges come as bank invoices, not card payments. */
  byTransfer?: boolean;
}

export function AccountOrderPage({ order, payment, returns, managerDeadline, invoices = [], receipts = [], work = { specification: undefined, days: [], includedHours: null }, extraHours, acceptance, delivery, unread = 0, csrfToken, byTransfer = false }: AccountOrderPageProps) {
  return (
    <section>
      <p class="breadcrumbs">
        <a href="/account">Мои заказы</a>
      </p>
      <h1>{order.serviceTitle}</h1>
      <p>Заказ {orderNumber(order.number)}</p>
      <AccountNav current="" csrfToken={csrfToken} unread={unread} />
      <div class="panel">
        <h2>Ход работы</h2>
        <Timeline order={order} />
        {order.state === 'paid' && managerDeadline && <p>Менеджер свяжется с вами {managerDeadline} (мск).</p>}
      </div>
      {acceptance && <AcceptancePanel orderRef={order.publicRef} waiting={order.state === 'work_done'} csrfToken={csrfToken} {...acceptance} />}
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
        ) : byTransfer && order.paidAt ? (
          <dl class="summary">
            <dt>Стоимость</dt>
            <dd>{formatRub(order.priceKopecks)}</dd>
            <dt>Оплачено</dt>
            <dd>банковским переводом по счёту, {moscowDateTime(order.paidAt)} (мск)</dd>
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
      {delivery && <ResultsPanel orderRef={order.publicRef} results={delivery.results} />}
      <OrderWorkPanel work={work} />
      {extraHours && <ExtraHoursPanel orderRef={order.publicRef} csrfToken={csrfToken} {...extraHours} />}
      <InvoiceList invoices={invoices} orderNumber={order.number} csrfToken={csrfToken} byTransfer={byTransfer} />
      <OrderReceipts receipts={receipts} />
      {delivery && <ConversationPanel orderRef={order.publicRef} delivery={delivery} csrfToken={csrfToken} />}
    </section>
  );
}
