import { eq } from 'drizzle-orm';
import type { Deps } from '../../app-deps.js';
import { unsettledOperations, type PaymentOperation } from '../../db/queries/payments.js';
import { paymentAttempts, paymentOperations } from '../../db/schema/index.js';
import type { GatewayPaymentStatus } from '../../payments/freedompay/events.js';
import { completeOperation, type OperationDeps } from './payment-operation.js';

const SETTLE_AFTER_MS = 60_000;

/**
 * Capture, cancel and refund calls that ended without a definite answer (a timeout, a 5xx) are settled from the
 * gateway's status: the gateway may well have done them (docs/freedompay-protocol.md#capture-cancel-refund
 * warns of "errors" for operations that succeeded).
 */
export async function settleOperations(deps: OperationDeps & Pick<Deps, 'gateway'>): Promise<number> {
  const now = deps.clock.now();
  const operations = await unsettledOperations(deps.db, new Date(now.getTime() - SETTLE_AFTER_MS), 50);
  let settled = 0;
  for (const operation of operations) {
    const [attempt] = await deps.db.select().from(paymentAttempts).where(eq(paymentAttempts.id, operation.attemptId));
    if (!attempt?.gatewayPaymentId) continue;
    const answer = await deps.gateway.client.getStatus({ gatewayPaymentId: attempt.gatewayPaymentId });
    if (!answer.ok) continue; // still no word: try again next minute
    const siblings = await deps.db.select().from(paymentOperations).where(eq(paymentOperations.attemptId, attempt.id));
    const outcome = outcomeFromStatus(operation, answer.status, siblings);
    await completeOperation(deps, operation, outcome);
    settled++;
  }
  return settled;
}

/** Whether the status shows the operation done; a refund is matched by id, else by an unclaimed refund of its amount. */
export function outcomeFromStatus(
  operation: PaymentOperation,
  status: GatewayPaymentStatus,
  siblings: PaymentOperation[],
): { state: 'succeeded' | 'failed'; gatewayRefundId?: string; gatewayDescription?: string } {
  const notFound = { state: 'failed' as const, gatewayDescription: 'не найдено в статусе платежа' };
  switch (operation.kind) {
    case 'capture':
      return status.captured || status.clearedKopecks > 0 ? { state: 'succeeded' } : notFound;
    case 'cancel':
      return status.kind === 'cancelled' ? { state: 'succeeded' } : notFound;
    case 'refund': {
      const claimed = new Set(siblings.filter((s) => s.id !== operation.id).map((s) => s.gatewayRefundId));
      const match = status.refunds.find(
        (r) =>
          r.succeeded &&
          (r.gatewayRefundId === operation.gatewayRefundId || (!claimed.has(r.gatewayRefundId) && r.amountKopecks === operation.amountKopecks)),
      );
      return match ? { state: 'succeeded', gatewayRefundId: match.gatewayRefundId } : notFound;
    }
  }
}
