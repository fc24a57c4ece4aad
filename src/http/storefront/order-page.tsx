import { DateTime } from 'luxon';
import { cardBrandName } from '../../domain/payments/card-brand.js';
import { formatRub } from '../../domain/money.js';
import type { Order } from '../../db/queries/orders.js';
import type { PaymentAttempt } from '../../db/queries/payments.js';
import type { Receipt } from '../../db/queries/receipts.js';
import { OrderReceipts } from '../views/order-receipts.js';
import { PaymentStatus, type PaymentView } from '../views/payment-status.js';
import { BankInvoicePanel, type BankInvoiceView } from './bank-invoice-panel.js';
import { orderNumber } from '../../domain/orders/order-number.js';

export interface OrderPageProps {
  order: Order;
  /** The newest payment attempt, if any. */
  attempt: PaymentAttempt | undefined;
  /** When the manager will call, in words («сегодня, во вторник, 24 ноября, до 12:20»); set once the order is paid. */
  managerDeadline: string | null;
  /** Whether the customer's address already had a personal account before this order (once paid). */
  returningClient: boolean;
  /** The order's cash receipts (54-FZ), surcharges' included. */
  receipts: Receipt[];
  csrfToken: string;
  /** A company's order paid by bank transfer: its invoice instead of the card payment. */
  bankInvoice?: BankInvoiceView;
}


export function paymentView(order: Order, attempt: PaymentAttempt | undefined): PaymentView {
  switch (order.state) {
    case 'paid':
    case 'contacted':
    case 'specified':
    case 'in_work':
    case 'work_done':
    case 'completed':
      return 'paid';
    case 'needs_review':
      return 'review';
    case 'cancelled':
      return 'cancelled';
    case 'refunded':
      return 'refunded';
    case 'awaiting_transfer':
      return 'unpaid';
    case 'awaiting_payment':
      if (attempt?.state === 'initiated') return 'checking';
      if (attempt?.state === 'failed' || attempt?.state === 'expired') return 'failed';
      return 'unpaid';
  }
}

const moscow = (date: Date) => DateTime.fromJSDate(date, { zone: 'Europe/Moscow' }).setLocale('ru').toFormat("d MMMM yyyy 'в' HH:mm");

export function OrderPage({ order, attempt, managerDeadline, returningClient, receipts, csrfToken, bankInvoice }: OrderPageProps) {
  const view = paymentView(order, attempt);
  const byTransfer = bankInvoice !== undefined;
  return (
    <section class="order-status">
      <h1>{byTransfer && view === 'unpaid' ? 'Заказ ожидает оплаты по счёту' : headings[view]}</h1>
      <PaymentStatus
        view={view}
        attempt={attempt}
        payee="order"
        says={{
          unpaid: (
            <>
              Статус: <strong>{byTransfer ? 'ожидает оплаты по счёту' : 'ожидает оплаты'}</strong>
            </>
          ),
          paid: `Спасибо! Платёж получен. Менеджер свяжется с вами ${managerDeadline ?? 'в течение рабочего часа'} по московскому времени, чтобы согласовать детали.`,
          cancelled: byTransfer && !order.paidAt ? 'Заказ отменён, оплата по счёту не нужна.' : 'Оплата отменена, деньги вернутся на карту.',
          refunded: 'Оплата возвращена на карту. Срок зачисления зависит от банка.',
        }}
      />
      <dl class="summary">
        <dt>Номер заказа</dt>
        <dd>{orderNumber(order.number)}</dd>
        <dt>Услуга</dt>
        <dd>{order.serviceTitle}</dd>
        <dt>Стоимость</dt>
        <dd>{formatRub(order.priceKopecks)}</dd>
        <dt>Оформлен</dt>
        <dd>{moscow(order.createdAt)} (мск)</dd>
        {order.paidAt && (
          <>
            <dt>Оплачен</dt>
            <dd>{moscow(order.paidAt)} (мск)</dd>
          </>
        )}
        {view === 'paid' && attempt?.cardLast4 && (
          <>
            <dt>Карта</dt>
            <dd>
              {attempt.cardBrand ? `${cardBrandName(attempt.cardBrand)} ` : ''}•••• {attempt.cardLast4}
            </dd>
          </>
        )}
        <dt>Контактное лицо</dt>
        <dd>{order.customerName}</dd>
        {order.comment && (
          <>
            <dt>Комментарий</dt>
            <dd class="comment">{order.comment}</dd>
          </>
        )}
      </dl>
      {view === 'paid' && <ExpectedEmails email={order.customerEmail} returningClient={returningClient} />}
      {bankInvoice && <BankInvoicePanel view={bankInvoice} withdraw={order.state === 'awaiting_transfer' ? { action: `/orders/${order.publicRef}/withdraw`, csrfToken } : undefined} />}
      <OrderReceipts receipts={receipts} />
      {!byTransfer && (view === 'unpaid' || view === 'failed') && (
        <form method="post" action={`/orders/${order.publicRef}/pay`}>
          <input type="hidden" name="_csrf" value={csrfToken} />
          <button type="submit" class="button button-primary">
            {view === 'failed' ? 'Оплатить снова' : 'Перейти к оплате'}
          </button>
        </form>
      )}
      <p>Сохраните адрес этой страницы: по нему всегда можно проверить состояние заказа.</p>
    </section>
  );
}

const headings: Record<PaymentView, string> = {
  unpaid: 'Заказ ожидает оплаты',
  checking: 'Проверяем оплату…',
  failed: 'Оплата не прошла',
  paid: 'Оплата подтверждена',
  review: 'Оплата получена',
  cancelled: 'Заказ отменён',
  refunded: 'Деньги возвращены',
};

/** Which emails are on their way, so the client knows what to look for (and where the password is). */
function ExpectedEmails({ email, returningClient }: { email: string; returningClient: boolean }) {
  return (
    <div class="expected-emails">
      <h2>Проверьте почту</h2>
      <p>
        В течение нескольких минут на <strong>{email}</strong> придут письма:
      </p>
      <ol>
        <li>«Заказ оплачен» — детали заказа и когда позвонит менеджер;</li>
        {returningClient ? (
          <li>
            «Услуга добавлена в личный кабинет» — заказ уже в вашем <a href="/account/login">личном кабинете</a>, входите как обычно.
          </li>
        ) : (
          <>
            <li>«Доступ в личный кабинет» — логин и временный пароль;</li>
            <li>«Подтвердите адрес электронной почты» — ссылка, после которой откроется личный кабинет.</li>
          </>
        )}
      </ol>
      <p class="hint">Если писем нет, проверьте папку «Спам».</p>
    </div>
  );
}
