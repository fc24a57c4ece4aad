import type { InvoiceFormErrors, InvoiceFormValues, SurchargeOffer } from '../../../actions/invoices/issue-invoice.js';
import { formatRub } from '../../../domain/money.js';
import { formatDuration } from '../../../domain/invoices/surcharge.js';
import { ErrorSummary, Input, PostForm } from '../../views/form-kit.js';
import { TextArea } from './invoice-bits.js';
import { orderNumber } from '../../../domain/orders/order-number.js';

type Offer = Extract<SurchargeOffer, { kind: 'offer' }>;

export interface NewInvoicePageProps {
  offer: Offer;
  values: InvoiceFormValues;
  errors: InvoiceFormErrors;
  csrfToken: string;
}

const labels = { amount: 'Сумма к оплате', reason: 'Пояснение для клиента' };

/** The surcharge proposal (extra hours × rate) and the form that issues it, as is or with another amount. */
export function NewInvoicePage({ offer, values, errors, csrfToken }: NewInvoicePageProps) {
  const { basis, proposal } = offer;
  const { order } = basis;
  return (
    <>
      <p class="breadcrumbs">
        <a href={`/admin/orders/${order.id}`}>
          ← Заказ {orderNumber(order.number)}: {order.serviceTitle}
        </a>
      </p>
      <h1>Счёт на доплату</h1>
      <p>
        {order.customerName}, {order.serviceTitle}
      </p>
      <section class="panel invoices-proposal">
        <h2>Расчёт</h2>
        <dl class="summary">
          <dt>Отработано</dt>
          <dd>{formatDuration(basis.workedMinutes)}</dd>
          <dt>Входит в услугу</dt>
          <dd>{formatDuration(basis.includedHours * 60)}</dd>
          {basis.invoicedMinutes > 0 && (
            <>
              <dt>Уже в прошлых счетах</dt>
              <dd>{formatDuration(basis.invoicedMinutes)}</dd>
            </>
          )}
          <dt>Сверх</dt>
          <dd>{formatDuration(proposal.extraMinutes)}</dd>
          <dt>Ставка</dt>
          <dd>{formatRub(basis.hourlyRateKopecks)} за час</dd>
          <dt>Итого по расчёту</dt>
          <dd class="invoices-total">
            {formatDuration(proposal.extraMinutes)} × {formatRub(basis.hourlyRateKopecks)} = {formatRub(proposal.amountKopecks)}
          </dd>
        </dl>
      </section>
      <section class="panel">
        <h2>Счёт</h2>
        <ErrorSummary errors={errors} labels={labels} />
        <PostForm action={`/admin/orders/${order.id}/invoices`} csrfToken={csrfToken}>
          <div class="invoices-amount">
            <Input
              name="amount"
              label="Сумма к оплате, ₽"
              autocomplete="off"
              value={values.amount}
              errors={errors}
              maxLength={20}
              hint={'Оставьте расчётную сумму или укажите другую, например «1\u00a0500,50».'}
            />
          </div>
          <TextArea
            name="reason"
            label={labels.reason}
            hint="Обязательно, если сумма отличается от расчётной. Клиент увидит его в письме и в личном кабинете."
            value={values.reason}
            error={errors.reason}
          />
          <button class="button" type="submit">
            Выставить счёт и отправить клиенту
          </button>
        </PostForm>
      </section>
    </>
  );
}

/** Why no invoice can be issued for the order now. */
export function InvoiceRefusedPage({ orderId, message }: { orderId: string; message: string }) {
  return (
    <>
      <p class="breadcrumbs">
        <a href={`/admin/orders/${orderId}`}>← К заказу</a>
      </p>
      <h1>Счёт на доплату</h1>
      <p class="status status-failed" role="alert">
        {message}
      </p>
    </>
  );
}
