import { cardBrandName } from '../../domain/payments/card-brand.js';
import { formatRub } from '../../domain/money.js';
import { formatDuration } from '../../domain/invoices/surcharge.js';
import type { Invoice } from '../../db/queries/invoices.js';
import type { Order } from '../../db/queries/orders.js';
import type { PaymentAttempt } from '../../db/queries/payments.js';
import { moscowDateTime } from '../../email/templates/format.js';
import { PaymentStatus, type PaymentView } from '../views/payment-status.js';
import { AccountNav } from './account-nav.js';
import { BankInvoicePanel, type BankInvoiceView } from '../storefront/bank-invoice-panel.js';
import { invoiceNumber, orderNumber } from '../../domain/orders/order-number.js';

/** What the client sees about a surcharge; from our database only, never from the gateway's browser return. */
export type InvoiceView = PaymentView;

export function invoiceView(invoice: Invoice, attempt: PaymentAttempt | undefined, now: Date): InvoiceView {
  if (invoice.state !== 'open') return invoice.state;
  if (attempt?.state === 'initiated' && attempt.expiresAt > now) return 'checking';
  if (attempt?.state === 'failed' || attempt?.state === 'expired') return 'failed';
  // Money arrived but did not match the invoice: staff look at it.
  if (attempt?.state === 'paid') return 'review';
  return 'unpaid';
}

const headings: Record<InvoiceView, string> = {
  unpaid: 'Счёт на доплату',
  checking: 'Проверяем оплату…',
  failed: 'Оплата не прошла',
  review: 'Оплата получена',
  paid: 'Доплата получена',
  cancelled: 'Счёт отменён',
  refunded: 'Доплата возвращена',
};

/** Who answers questions about an unpaid invoice: the order's manager, through the company's phone and email. */
export interface InvoiceManager {
  /** Null while no manager has taken the order. */
  name: string | null;
  phone: string;
  email: string;
}

/** The amount's label: «К оплате» only while there is something to pay. */
const amountLabels: Record<InvoiceView, string> = {
  unpaid: 'К оплате',
  checking: 'К оплате',
  failed: 'К оплате',
  review: 'Сумма счёта',
  paid: 'Оплачено',
  cancelled: 'Сумма счёта',
  refunded: 'Сумма счёта',
};

export interface InvoicePageProps {
  invoice: Invoice;
  order: Order;
  manager: InvoiceManager;
  /** The newest payment attempt of this invoice, if any. */
  attempt: PaymentAttempt | undefined;
  view: InvoiceView;
  csrfToken: string;
  /** A company's surcharge: its bank invoice instead of the card payment. */
  bankInvoice?: BankInvoiceView;
}

export function InvoicePage({ invoice, order, attempt, view, manager, csrfToken, bankInvoice }: InvoicePageProps) {
  return (
    <section>
      <p class="breadcrumbs">
        <a href="/account">Мои заказы</a> / <a href={`/account/orders/${order.publicRef}`}>{order.serviceTitle}</a>
      </p>
      <h1>{headings[view]}</h1>
      <AccountNav current="" csrfToken={csrfToken} />
      <div class="panel">
        <PaymentStatus
          view={view}
          attempt={attempt}
          payee="invoice"
          says={{
            unpaid: (
              <>
                Статус: <strong>ожидает оплаты</strong>.{' '}
                {bankInvoice ? 'Оплата по счёту банковским переводом.' : 'Оплатить можно картой; если удобнее перевод по реквизитам или наличные, напишите менеджеру.'}
              </>
            ),
            paid: `Спасибо! Доплата получена${invoice.paidAt ? ` ${moscowDateTime(invoice.paidAt)} (мск)` : ''}${paidHow(invoice, attempt)}.`,
            cancelled: 'Счёт отменён, оплачивать его не нужно.',
            refunded: 'Доплата возвращена. Срок зачисления на карту зависит от банка.',
          }}
        />
        <dl class="summary">
          <dt>Номер счёта</dt>
          <dd>{invoiceNumber(order.number, invoice.ordinal)}</dd>
          <dt>Заказ</dt>
          <dd>
            {orderNumber(order.number)}, {order.serviceTitle}
          </dd>
          <dt>Сверх включённых часов</dt>
          <dd>{formatDuration(invoice.extraMinutes)}</dd>
          <dt>Ставка</dt>
          <dd>{formatRub(invoice.hourlyRateKopecks)} за час</dd>
          {invoice.amountKopecks !== invoice.proposedKopecks && (
            <>
              <dt>По расчёту</dt>
              <dd>{formatRub(invoice.proposedKopecks)}</dd>
            </>
          )}
          <dt>{amountLabels[view]}</dt>
          <dd>{formatRub(invoice.amountKopecks)}</dd>
          {invoice.amountReason && (
            <>
              <dt>Пояснение менеджера</dt>
              <dd class="comment">{invoice.amountReason}</dd>
            </>
          )}
          <dt>Выставлен</dt>
          <dd>{moscowDateTime(invoice.createdAt)} (мск)</dd>
        </dl>
        {bankInvoice && <BankInvoicePanel view={bankInvoice} />}
        {(bankInvoice || view === 'unpaid' || view === 'failed') && (
          <>
            {!bankInvoice && <PayButton invoice={invoice} csrfToken={csrfToken} label={view === 'failed' ? 'Оплатить снова' : 'Оплатить'} />}
            {invoice.state === 'open' && <ManagerContact manager={manager} />}
          </>
        )}
      </div>
    </section>
  );
}

export function PayButton({ invoice, csrfToken, label = 'Оплатить' }: { invoice: Invoice; csrfToken: string; label?: string }) {
  return (
    <form method="post" action={`/account/invoices/${invoice.publicRef}/pay`} class="invoice-pay">
      <input type="hidden" name="_csrf" value={csrfToken} />
      <button type="submit" class="button button-primary">
        {label} {formatRub(invoice.amountKopecks)}
      </button>
    </form>
  );
}

function ManagerContact({ manager }: { manager: InvoiceManager }) {
  return (
    <p class="invoice-manager">
      {manager.name ? (
        <>
          Вопросы по счёту — вашему менеджеру, <strong>{manager.name}</strong>:{' '}
        </>
      ) : (
        'Вопросы по счёту — менеджеру: '
      )}
      телефон <a href={`tel:${manager.phone.replace(/[^\d+]/g, '')}`}>{manager.phone}</a>, почта <a href={`mailto:${manager.email}`}>{manager.email}</a>.
    </p>
  );
}

function paidHow(invoice: Invoice, attempt: PaymentAttempt | undefined): string {
  if (invoice.offlineMethod === 'bank_transfer') return ', банковским переводом';
  if (invoice.offlineMethod === 'cash') return ', наличными';
  if (attempt?.state === 'paid' && attempt.cardLast4) return `, карта ${attempt.cardBrand ? `${cardBrandName(attempt.cardBrand)} ` : ''}•••• ${attempt.cardLast4}`;
  return '';
}
