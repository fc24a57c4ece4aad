import { and, eq } from 'drizzle-orm';
import type { Deps } from '../../app-deps.js';
import { invoiceMachine } from '../../domain/invoices/invoice-machine.js';
import { audit } from '../../db/queries/audit.js';
import type { StaffMember } from '../../db/queries/staff.js';
import { bankInvoices, invoices } from '../../db/schema/index.js';
import { queueOfflineInvoiceReceipt } from '../receipts/queue-offline-invoice-receipt.js';
import { recordInvoicesPaid } from '../webhooks/business-events.js';
import { raiseStaffEvents } from '../notifications/raise-staff-events.js';
import { queueInvoicePaidEmails } from './notify-invoice-paid.js';

export const offlineMethods = { bank_transfer: 'Банковский перевод', cash: 'Наличные' } as const;
export type OfflineMethod = keyof typeof offlineMethods;

/** Whether money paid outside the gateway goes through the register (54-FZ, docs/receipts.md). */
export const receiptChoices = {
  needed: 'Нужен чек: платил человек (наличными или переводом), чек пробьёт касса',
  not_needed: 'Чек не нужен: оплатила организация или ИП со своего расчётного счёта',
} as const;
type ReceiptChoice = keyof typeof receiptChoices;
const NO_RECEIPT_REASON = 'оплатила организация или ИП со своего расчётного счёта';

export interface MarkPaidValues {
  method: string;
  note: string;
  receipt: string;
}
export type MarkPaidErrors = Partial<Record<keyof MarkPaidValues, string>>;

export type MarkInvoicePaidResult =
  | { kind: 'marked' }
  | { kind: 'invalid'; values: MarkPaidValues; errors: MarkPaidErrors }
  | { kind: 'not_open' }
  | { kind: 'not_found' };

const NOTE_MAX = 1000;
const field = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
const isMethod = (value: string): value is OfflineMethod => Object.hasOwn(offlineMethods, value);
const isReceiptChoice = (value: string): value is ReceiptChoice => Object.hasOwn(receiptChoices, value);

/**
 * Staff record a surcharge paid outside the gateway (bank transfer, cash) with a note saying how it
 * can be checked: open → paid, audited, and the client gets «Доплата получена». Money a person paid gets
 * its receipt through the register; a transfer from an organisation's or sole trader's account does not
 * (the choice and its reason are recorded).
 */
export async function markInvoicePaid(
  deps: Pick<Deps, 'db' | 'clock' | 'queue' | 'config' | 'calendar' | 'content'>,
  input: { invoiceId: string; staff: StaffMember; body: Record<string, unknown>; ip: string },
): Promise<MarkInvoicePaidResult> {
  const values = { method: field(input.body.method), note: field(input.body.note), receipt: field(input.body.receipt) };
  const errors: MarkPaidErrors = {};
  if (!isMethod(values.method)) errors.method = 'Выберите, как клиент заплатил.';
  if (values.note === '') errors.note = 'Напишите, по какому документу или от кого получены деньги.';
  else if (values.note.length > NOTE_MAX) errors.note = `Не больше ${NOTE_MAX} символов.`;
  if (!isReceiptChoice(values.receipt)) errors.receipt = 'Выберите, нужен ли кассовый чек.';
  // Only a transfer from an organisation's or sole trader's account is outside the register; cash never is.
  else if (values.receipt === 'not_needed' && values.method === 'cash') errors.receipt = 'Наличные всегда проводятся через кассу: выберите «Нужен чек».';
  if (errors.method || errors.note || errors.receipt || !isMethod(values.method) || !isReceiptChoice(values.receipt)) return { kind: 'invalid', values, errors };
  const method = values.method;
  const receipt = values.receipt;

  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const [invoice] = await tx.select().from(invoices).where(eq(invoices.id, input.invoiceId)).for('update');
    if (!invoice) return { kind: 'not_found' } as const;
    const next = invoiceMachine.transition(invoice.state, 'marked_paid');
    if (!next) return { kind: 'not_open' } as const;
    await tx
      .update(invoices)
      .set({ state: next, paidAt: now, offlineMethod: method, offlineNote: values.note, markedPaidBy: input.staff.id, noReceiptReason: receipt === 'not_needed' ? NO_RECEIPT_REASON : null })
      .where(eq(invoices.id, invoice.id));
    // A company's surcharge had a bank invoice: paid now, it stops waiting in /admin/transfers.
    await tx.update(bankInvoices).set({ state: 'paid', paidAt: now }).where(and(eq(bankInvoices.invoiceId, invoice.id), eq(bankInvoices.state, 'waiting')));
    await audit(tx, {
      staffId: input.staff.id,
      action: 'invoice.marked_paid',
      entity: 'invoice',
      entityId: invoice.id,
      details: { orderId: invoice.orderId, amountKopecks: invoice.amountKopecks, method, note: values.note, receipt, ...(receipt === 'not_needed' && { noReceiptReason: NO_RECEIPT_REASON }) },
      ip: input.ip,
      at: now,
    });
    await queueInvoicePaidEmails(deps, tx, [invoice.id]);
    if (receipt === 'needed') await queueOfflineInvoiceReceipt(deps, tx, invoice, method === 'cash' ? 'cash' : 'electronic');
    await recordInvoicesPaid(deps, tx, [invoice.id]);
    await raiseStaffEvents(deps, tx, [{ kind: 'invoice.paid', orderId: invoice.orderId, invoiceId: invoice.id }]);
    return { kind: 'marked' } as const;
  });
}
