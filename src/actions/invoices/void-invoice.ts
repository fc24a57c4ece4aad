import { and, eq } from 'drizzle-orm';
import type { Deps } from '../../app-deps.js';
import { invoiceMachine } from '../../domain/invoices/invoice-machine.js';
import { audit } from '../../db/queries/audit.js';
import type { StaffMember } from '../../db/queries/staff.js';
import { bankInvoices, invoices } from '../../db/schema/index.js';

export type VoidInvoiceResult =
  | { kind: 'voided' }
  | { kind: 'invalid'; values: { reason: string }; errors: { reason: string } }
  | { kind: 'not_open' }
  | { kind: 'not_found' };

const REASON_MAX = 1000;

/**
 * Withdraws an unpaid surcharge invoice (open → cancelled); the reason goes to the audit log. A payment
 * the client may still be making is then refused by the check callback, or flagged for a refund.
 */
export async function voidInvoice(
  deps: Pick<Deps, 'db' | 'clock'>,
  input: { invoiceId: string; staff: StaffMember; body: Record<string, unknown>; ip: string },
): Promise<VoidInvoiceResult> {
  const reason = typeof input.body.reason === 'string' ? input.body.reason.trim() : '';
  if (reason === '') return { kind: 'invalid', values: { reason }, errors: { reason: 'Напишите, почему счёт отменяется.' } };
  if (reason.length > REASON_MAX) return { kind: 'invalid', values: { reason }, errors: { reason: `Не больше ${REASON_MAX} символов.` } };

  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const [invoice] = await tx.select().from(invoices).where(eq(invoices.id, input.invoiceId)).for('update');
    if (!invoice) return { kind: 'not_found' } as const;
    const next = invoiceMachine.transition(invoice.state, 'voided');
    if (!next) return { kind: 'not_open' } as const;
    await tx.update(invoices).set({ state: next }).where(eq(invoices.id, invoice.id));
    // Its bank invoice, if a company was to pay it by transfer, stops being payable too.
    await tx.update(bankInvoices).set({ state: 'cancelled' }).where(and(eq(bankInvoices.invoiceId, invoice.id), eq(bankInvoices.state, 'waiting')));
    await audit(tx, {
      staffId: input.staff.id,
      action: 'invoice.voided',
      entity: 'invoice',
      entityId: invoice.id,
      details: { orderId: invoice.orderId, amountKopecks: invoice.amountKopecks, reason },
      ip: input.ip,
      at: now,
    });
    return { kind: 'voided' } as const;
  });
}
