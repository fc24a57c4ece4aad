import { offlineMethods } from '../../../actions/invoices/mark-invoice-paid.js';
import { cardBrandName } from '../../../domain/payments/card-brand.js';
import type { InvoiceState } from '../../../domain/invoices/invoice-machine.js';
import { formatRub } from '../../../domain/money.js';
import { formatDuration } from '../../../domain/invoices/surcharge.js';
import type { InvoiceListItem } from '../../../db/queries/invoices.js';
import { moscowDateTime } from '../../../email/templates/format.js';

// Pieces shared by the order card's «Доплаты» section and an invoice's own page.

export const invoiceStateNames: Record<InvoiceState, string> = {
  open: 'ожидает оплаты',
  paid: 'оплачен',
  cancelled: 'отменён',
  refunded: 'возвращён',
};

const badgeOf: Record<InvoiceState, string> = { open: 'badge-warn', paid: 'badge-ok', cancelled: 'badge-danger', refunded: 'badge-danger' };

export function InvoiceStateBadge({ state }: { state: InvoiceState }) {
  return <span class={`badge ${badgeOf[state]}`}>{invoiceStateNames[state]}</span>;
}

/** «2 ч 15 мин × 3 000 ₽/ч = 6 750 ₽», breaking only between its parts. */
export function Calculation({ item: { invoice } }: { item: InvoiceListItem }) {
  return (
    <>
      <span class="invoices-nowrap">{formatDuration(invoice.extraMinutes)}</span> <span class="invoices-nowrap">× {formatRub(invoice.hourlyRateKopecks)}/ч</span>{' '}
      <span class="invoices-nowrap">= {formatRub(invoice.proposedKopecks)}</span>
    </>
  );
}

/** How a paid invoice was paid: by card through the gateway, or marked by staff with their note. */
export function HowPaid({ item }: { item: InvoiceListItem }) {
  const { invoice, payment, markedPaidByName } = item;
  if (invoice.offlineMethod) {
    return (
      <>
        {offlineMethods[invoice.offlineMethod]}
        {invoice.paidAt && `, ${moscowDateTime(invoice.paidAt)}`}
        <br />
        <small>
          «{invoice.offlineNote}» — отметка: {markedPaidByName ?? 'сотрудник'}
        </small>
      </>
    );
  }
  if (payment?.paidAt) {
    const card = payment.cardLast4 ? ` ${payment.cardBrand ? `${cardBrandName(payment.cardBrand)} ` : ''}•••• ${payment.cardLast4}` : '';
    return <>{`Картой${card}, ${moscowDateTime(payment.paidAt)}`}</>;
  }
  return null;
}

/** A labelled textarea with its error, like form-kit's Input. */
export function TextArea({ name, label, hint, value, error }: { name: string; label: string; hint?: string; value?: string; error?: string }) {
  return (
    <div class={`field${error ? ' field-error' : ''}`}>
      <label for={`field-${name}`}>{label}</label>
      {hint && <p class="hint">{hint}</p>}
      {error && (
        <p class="error" id={`error-${name}`}>
          {error}
        </p>
      )}
      <textarea id={`field-${name}`} name={name} rows={3} maxLength={1000} {...(error ? { 'aria-invalid': 'true', 'aria-describedby': `error-${name}` } : {})}>
        {value ?? ''}
      </textarea>
    </div>
  );
}
