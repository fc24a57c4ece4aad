import { DateTime } from 'luxon';
import { formatRub, parseRoubles } from '../money.js';

// «Отметить оплату по счёту»: what staff type when a transfer is seen in the bank (not through a
// statement upload). The sum must be the invoice's: a partial payment is for a person to sort out.

export const transferFormFields = ['amount', 'received_on', 'payer', 'note'] as const;
export type TransferFormField = (typeof transferFormFields)[number];
export type TransferFormValues = Partial<Record<TransferFormField, string>>;
export type TransferFormErrors = Partial<Record<TransferFormField, string>>;

export interface TransferFormInput {
  amountKopecks: number;
  receivedOn: string;
  payerName: string;
  note: string | null;
}

export type TransferFormCheck = { ok: true; transfer: TransferFormInput } | { ok: false; errors: TransferFormErrors };

/** `issuedAt`: the invoice's moment (no payment can predate it); `now`: today's limit. */
export function checkTransferForm(values: TransferFormValues, invoice: { amountKopecks: number; issuedAt: Date }, now: Date): TransferFormCheck {
  const errors: TransferFormErrors = {};
  const amount = parseRoubles(values.amount ?? '');
  if (!amount.ok) errors.amount = amount.error;
  else if (amount.kopecks !== invoice.amountKopecks) {
    errors.amount = `Сумма по счёту — ${formatRub(invoice.amountKopecks)}. Частичную или бо́льшую оплату здесь не отметить: свяжитесь с клиентом.`;
  }
  const receivedOn = (values.received_on ?? '').trim();
  const day = DateTime.fromISO(receivedOn, { zone: 'Europe/Moscow' });
  const today = DateTime.fromJSDate(now, { zone: 'Europe/Moscow' }).startOf('day');
  const issued = DateTime.fromJSDate(invoice.issuedAt, { zone: 'Europe/Moscow' }).startOf('day');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(receivedOn) || !day.isValid) errors.received_on = 'Укажите дату поступления денег, например 07.12.2026.';
  else if (day > today) errors.received_on = 'Дата поступления не может быть в будущем.';
  else if (day < issued) errors.received_on = 'Дата поступления раньше даты счёта: проверьте дату.';
  const payerName = (values.payer ?? '').replace(/\s+/g, ' ').trim();
  if (payerName.length < 2) errors.payer = 'Укажите плательщика, как в выписке банка.';
  else if (payerName.length > 200) errors.payer = 'Не больше 200 символов.';
  const note = (values.note ?? '').trim();
  if (note.length > 1000) errors.note = 'Не больше 1000 символов.';
  if (Object.keys(errors).length > 0 || !amount.ok) return { ok: false, errors };
  return { ok: true, transfer: { amountKopecks: amount.kopecks, receivedOn, payerName, note: note || null } };
}
