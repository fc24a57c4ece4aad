import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import type { LockedOrder } from '../../db/queries/order-lock.js';
import { paymentAttempts, paymentOperations, receipts } from '../../db/schema/index.js';
import { orderReference, soldService } from './money-event-facts.js';
import { queueReceipt, type ReceiptDeps } from './queue-receipt.js';

/**
 * The full-settlement receipt when the work is done (the service is rendered), in the transaction that
 * completes the order. It offsets the prepayment still kept: the price less what went back before. An
 * order whose payment got no receipt (paid while RECEIPTS was off) gets none now either.
 */
export async function queueCompletionReceipt(deps: ReceiptDeps, tx: Tx, order: LockedOrder): Promise<void> {
  if (deps.config.RECEIPTS === 'off') return;
  const [prepayment] = await tx
    .select({ id: receipts.id })
    .from(receipts)
    .where(and(eq(receipts.orderId, order.id), eq(receipts.event, 'order_paid'), isNull(receipts.reissueOf)));
  if (!prepayment) return;
  const [returned] = await tx
    .select({ kopecks: sql<number>`coalesce(sum(${paymentOperations.amountKopecks}), 0)::int` })
    .from(paymentOperations)
    .innerJoin(paymentAttempts, eq(paymentAttempts.id, paymentOperations.attemptId))
    .where(and(eq(paymentAttempts.orderId, order.id), isNull(paymentAttempts.invoiceId), eq(paymentOperations.state, 'succeeded'), sql`${paymentOperations.kind} <> 'capture'`));
  await queueReceipt(deps, tx, {
    sourceId: order.id,
    orderId: order.id,
    invoiceId: null,
    buyerEmail: order.customerEmail,
    event: { kind: 'order_completed', reference: orderReference(order), service: soldService(order), prepaidKopecks: order.priceKopecks - (returned?.kopecks ?? 0) },
  });
}
