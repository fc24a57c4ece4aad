import { offlineMethods, receiptChoices, type MarkPaidErrors, type MarkPaidValues } from '../../../actions/invoices/mark-invoice-paid.js';
import { formatRub } from '../../../domain/money.js';
import { formatDuration } from '../../../domain/invoices/surcharge.js';
import type { InvoiceListItem } from '../../../db/queries/invoices.js';
import type { Order } from '../../../db/queries/orders.js';
import { moscowDateTime } from '../../../email/templates/format.js';
import { ErrorSummary, PostForm } from '../../views/form-kit.js';
import { Calculation, HowPaid, InvoiceStateBadge, TextArea } from './invoice-bits.js';
import { invoiceNumber, orderNumber } from '../../../domain/orders/order-number.js';

export interface InvoicePageProps {
  item: InvoiceListItem & { order: Order };
  canMarkPaid: boolean;
  canVoid: boolean;
  notice?: string;
  markPaid: { values: Partial<MarkPaidValues>; errors: MarkPaidErrors };
  voiding: { values: { reason?: string }; errors: { reason?: string } };
  csrfToken: string;
}

/** One surcharge invoice for staff: what it charges and why, how it was paid, and what can be done with it. */
export function InvoicePage({ item, canMarkPaid, canVoid, notice, markPaid, voiding, csrfToken }: InvoicePageProps) {
  const { invoice, order } = item;
  const open = invoice.state === 'open';
  return (
    <>
      <p class="breadcrumbs">
        <a href={`/admin/orders/${order.id}`}>
          ← Заказ {orderNumber(order.number)}: {order.serviceTitle}
        </a>
      </p>
      <h1>Счёт на доплату {invoiceNumber(order.number, invoice.ordinal)}</h1>
      {notice && <p class="notice">{notice}</p>}
      <section class="panel">
        <dl class="summary">
          <dt>Клиент</dt>
          <dd>{order.customerName}</dd>
          <dt>Состояние</dt>
          <dd>
            <InvoiceStateBadge state={invoice.state} />
          </dd>
          <dt>Сверх включённых часов</dt>
          <dd>{formatDuration(invoice.extraMinutes)}</dd>
          <dt>Расчёт</dt>
          <dd><Calculation item={item} /></dd>
          <dt>К оплате</dt>
          <dd>{formatRub(invoice.amountKopecks)}</dd>
          {invoice.amountReason && (
            <>
              <dt>{invoice.amountKopecks === invoice.proposedKopecks ? 'Пояснение' : 'Почему сумма другая'}</dt>
              <dd>{invoice.amountReason}</dd>
            </>
          )}
          <dt>Кто выставил</dt>
          <dd>
            {item.createdByName}, {moscowDateTime(invoice.createdAt)}
          </dd>
          {invoice.state !== 'open' && invoice.state !== 'cancelled' && (
            <>
              <dt>Оплата</dt>
              <dd>
                <HowPaid item={item} />
              </dd>
            </>
          )}
          {item.voidReason && (
            <>
              <dt>Причина отмены</dt>
              <dd>{item.voidReason}</dd>
            </>
          )}
        </dl>
      </section>
      {open && canMarkPaid && <MarkPaidForm invoiceId={invoice.id} {...markPaid} csrfToken={csrfToken} />}
      {open && canVoid && <VoidForm invoiceId={invoice.id} {...voiding} csrfToken={csrfToken} />}
    </>
  );
}

function MarkPaidForm({ invoiceId, values, errors, csrfToken }: { invoiceId: string; values: Partial<MarkPaidValues>; errors: MarkPaidErrors; csrfToken: string }) {
  return (
    <section class="panel" id="mark-paid">
      <h2>Отметить оплату другим способом</h2>
      <p class="hint">Если клиент заплатил переводом по реквизитам или наличными. Клиент получит письмо «Доплата получена».</p>
      <ErrorSummary errors={errors} labels={{ method: 'Способ', note: 'Примечание', receipt: 'Кассовый чек' }} />
      <PostForm action={`/admin/invoices/${invoiceId}/mark-paid`} csrfToken={csrfToken}>
        <fieldset class={`field invoices-methods${errors.method ? ' field-error' : ''}`}>
          <legend>Способ оплаты</legend>
          {errors.method && <p class="error">{errors.method}</p>}
          {Object.entries(offlineMethods).map(([value, label]) => (
            <label class="invoices-choice">
              <input type="radio" name="method" value={value} checked={values.method === value} /> {label}
            </label>
          ))}
        </fieldset>
        <fieldset class={`field invoices-methods${errors.receipt ? ' field-error' : ''}`}>
          <legend>Кассовый чек (54-ФЗ)</legend>
          {errors.receipt && <p class="error">{errors.receipt}</p>}
          {Object.entries(receiptChoices).map(([value, label]) => (
            <label class="invoices-choice">
              <input type="radio" name="receipt" value={value} checked={values.receipt === value} /> {label}
            </label>
          ))}
        </fieldset>
        <TextArea name="note" label="Примечание" hint="Номер платёжного поручения, дата, кто принял наличные." value={values.note} error={errors.note} />
        <button class="button" type="submit">
          Отметить оплаченным
        </button>
      </PostForm>
    </section>
  );
}

function VoidForm({ invoiceId, values, errors, csrfToken }: { invoiceId: string; values: { reason?: string }; errors: { reason?: string }; csrfToken: string }) {
  return (
    <section class="panel" id="void">
      <h2>Отменить счёт</h2>
      <p class="hint">Счёт перестанет быть доступен для оплаты. Причина попадёт в журнал действий.</p>
      <PostForm action={`/admin/invoices/${invoiceId}/void`} csrfToken={csrfToken}>
        <TextArea name="reason" label="Причина отмены" value={values.reason} error={errors.reason} />
        <button class="button button-danger" type="submit">
          Отменить счёт
        </button>
      </PostForm>
    </section>
  );
}
