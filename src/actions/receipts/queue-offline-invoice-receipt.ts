import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { invoices, orders } from '../../db/schema/index.js';
import { extraHours, invoiceReference } from './money-event-facts.js';
import { queueReceipt, type ReceiptDeps } from './queue-receipt.js';

/**
 * The receipt of a surcharge a person paid outside the gateway (cash, or a transfer from their own
 * account), in the transaction where staff mark it paid. The invoice itself is the money event.
 */
export async function queueOfflineInvoiceReceipt(deps: ReceiptDeps, tx: Tx, invoice: typeof invoices.$inferSelect, paidWith: 'cash' | 'electronic'): Promise<void> {
  const [order] = await tx.select().from(orders).where(eq(orders.id, invoice.orderId));
  if (!order) return;
  await queueReceipt(deps, tx, {
    sourceId: invoice.id,
    orderId: order.id,
    invoiceId: invoice.id,
    buyerEmail: order.customerEmail,
    event: { kind: 'invoice_paid', reference: invoiceReference(order, invoice), hours: extraHours(order, invoice), paidWith },
  });
}
