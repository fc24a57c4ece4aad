import { eq } from 'drizzle-orm';
import type { Deps } from '../../app-deps.js';
import { invoiceMachine } from '../../domain/invoices/invoice-machine.js';
import { audit } from '../../db/queries/audit.js';
import type { StaffMember } from '../../db/queries/staff.js';
import { invoices } from '../../db/schema/index.js';
import { raiseStaffEvents } from '../notifications/raise-staff-events.js';
import { queueInvoicePaidEmails } from './notify-invoice-paid.js';

export const offlineMethods = { bank_transfer: 'Банковский перевод', cash: 'Наличные' } as const;
export type OfflineMethod = keyof typeof offlineMethods;

export interface MarkPaidValues {
  method: string;
  note: string;
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

/**
 * Staff record a surcharge paid outside the gateway (bank transfer, cash) with a note saying how it
 * can be checked: open → paid, audited, and the client gets «Доплата получена».
 */
export async function markInvoicePaid(
  deps: Pick<Deps, 'db' | 'clock' | 'queue' | 'config' | 'calendar'>,
  input: { invoiceId: string; staff: StaffMember; body: Record<string, unknown>; ip: string },
): Promise<MarkInvoicePaidResult> {
  const values = { method: field(input.body.method), note: field(input.body.note) };
  const errors: MarkPaidErrors = {};
  if (!isMethod(values.method)) errors.method = 'Выберите, как клиент заплатил.';
  if (values.note === '') errors.note = 'Напишите, по какому документу или от кого получены деньги.';
  else if (values.note.length > NOTE_MAX) errors.note = `Не больше ${NOTE_MAX} символов.`;
  if (errors.method || errors.note || !isMethod(values.method)) return { kind: 'invalid', values, errors };
  const method = values.method;

  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const [invoice] = await tx.select().from(invoices).where(eq(invoices.id, input.invoiceId)).for('update');
    if (!invoice) return { kind: 'not_found' } as const;
    const next = invoiceMachine.transition(invoice.state, 'marked_paid');
    if (!next) return { kind: 'not_open' } as const;
    await tx
      .update(invoices)
      .set({ state: next, paidAt: now, offlineMethod: method, offlineNote: values.note, markedPaidBy: input.staff.id })
      .where(eq(invoices.id, invoice.id));
    await audit(tx, {
      staffId: input.staff.id,
      action: 'invoice.marked_paid',
      entity: 'invoice',
      entityId: invoice.id,
      details: { orderId: invoice.orderId, amountKopecks: invoice.amountKopecks, method, note: values.note },
      ip: input.ip,
      at: now,
    });
    await queueInvoicePaidEmails(deps, tx, [invoice.id]);
    await raiseStaffEvents(deps, tx, [{ kind: 'invoice.paid', orderId: invoice.orderId, invoiceId: invoice.id }]);
    return { kind: 'marked' } as const;
  });
}
