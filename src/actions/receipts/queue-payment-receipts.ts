import { eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { invoices, orders } from '../../db/schema/index.js';
import { extraHours, invoiceReference, orderReference, soldService } from './money-event-facts.js';
import { queueReceipt, type ReceiptDeps } from './queue-receipt.js';

/** A payment that made an order or a surcharge invoice paid. */
export interface PaidBy {
  attemptId: string;
  orderId: string;
  invoiceId: string | null;
}

/**
 * The receipts of payments taken by card, in the transaction that marks their orders or invoices paid:
 * a prepayment receipt for an order (the work is still to be done), a full-settlement receipt for a
 * surcharge (paid after the work).
 */
export async function queuePaymentReceipts(deps: ReceiptDeps, tx: Tx, paid: PaidBy[]): Promise<void> {
  if (paid.length === 0 || deps.config.RECEIPTS === 'off') return;
  const orderRows = await tx.select().from(orders).where(inArray(orders.id, [...new Set(paid.map((p) => p.orderId))]));
  const byId = new Map(orderRows.map((order) => [order.id, order]));
  for (const payment of paid) {
    const order = byId.get(payment.orderId);
    if (!order) continue;
    const common = { sourceId: payment.attemptId, orderId: order.id, buyerEmail: order.customerEmail };
    if (!payment.invoiceId) {
      await queueReceipt(deps, tx, { ...common, invoiceId: null, event: { kind: 'order_paid', reference: orderReference(order), service: soldService(order) } });
      continue;
    }
    const [invoice] = await tx.select().from(invoices).where(eq(invoices.id, payment.invoiceId));
    if (!invoice) continue;
    await queueReceipt(deps, tx, {
      ...common,
      invoiceId: invoice.id,
      event: { kind: 'invoice_paid', reference: invoiceReference(order, invoice), hours: extraHours(order, invoice), paidWith: 'electronic' },
    });
  }
}
