import { and, eq, isNull } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import type { PaymentAttempt, PaymentOperation } from '../../db/queries/payments.js';
import { invoices, orders, receipts } from '../../db/schema/index.js';
import type { MoneyEvent } from '../../domain/receipts/money-event.js';
import { extraHours, invoiceReference, orderReference } from './money-event-facts.js';
import { queueReceipt, type ReceiptDeps } from './queue-receipt.js';

/**
 * The «возврат прихода» receipt of a cancel or refund that succeeded, in the transaction that records it.
 * It carries the settlement sign of what it gives back: the prepayment while the work is not done, the
 * full settlement once it is (and always for a surcharge, paid after the work). Money whose payment got
 * no receipt (paid while RECEIPTS was off) gets no return receipt either.
 */
export async function queueReturnReceipt(deps: ReceiptDeps, tx: Tx, operation: PaymentOperation, attempt: PaymentAttempt): Promise<void> {
  if (deps.config.RECEIPTS === 'off' || operation.kind === 'capture' || operation.state !== 'succeeded') return;
  const sale = await rootReceipt(tx, attempt.invoiceId ? 'invoice_paid' : 'order_paid', attempt.id);
  if (!sale) return;
  const [order] = await tx.select().from(orders).where(eq(orders.id, attempt.orderId));
  if (!order) return;
  const common = { sourceId: operation.id, orderId: order.id, buyerEmail: order.customerEmail };
  const returned = (reference: string, reverses: 'prepayment_100' | 'full', line: Extract<MoneyEvent, { kind: 'money_returned' }>['line']): MoneyEvent => ({
    kind: 'money_returned',
    reference,
    amountKopecks: operation.amountKopecks,
    reverses,
    line,
  });

  if (attempt.invoiceId) {
    const [invoice] = await tx.select().from(invoices).where(eq(invoices.id, attempt.invoiceId));
    if (!invoice) return;
    const hours = extraHours(order, invoice);
    // Whole hours given back only when the money is exactly the hours at the rate; otherwise one unit at the amount.
    const exact = operation.amountKopecks === invoice.amountKopecks && Math.round(hours.hours * hours.hourlyRateKopecks) === invoice.amountKopecks;
    const line = exact ? { title: hours.title, measure: 'hour' as const, vat: order.vat, quantity: hours.hours } : { title: hours.title, measure: 'piece' as const, vat: order.vat };
    await queueReceipt(deps, tx, { ...common, invoiceId: invoice.id, event: returned(invoiceReference(order, invoice), 'full', line) });
    return;
  }
  const completed = await rootReceipt(tx, 'order_completed', order.id);
  await queueReceipt(deps, tx, {
    ...common,
    invoiceId: null,
    event: returned(orderReference(order), completed ? 'full' : 'prepayment_100', { title: order.serviceTitle, measure: 'piece', vat: order.vat }),
  });
}

async function rootReceipt(tx: Tx, event: MoneyEvent['kind'], sourceId: string) {
  const [row] = await tx
    .select({ id: receipts.id })
    .from(receipts)
    .where(and(eq(receipts.event, event), eq(receipts.sourceId, sourceId), isNull(receipts.reissueOf)));
  return row;
}
