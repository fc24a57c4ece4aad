import type { Deps } from '../deps.js';
import { orderMachine } from '../domain/order-machine.js';
import { attemptMachine } from '../domain/payment-machine.js';
import { decidePayment } from '../domain/payment-decision.js';
import type { Tx } from '../db/client.js';
import { lockPayment, recordPaymentChange } from '../db/queries/payment-callback.js';
import { staffAlerts } from '../db/schema/index.js';
import { enqueue } from '../jobs/queues.js';
import type { GatewayEvent } from '../payments/freedompay/events.js';

export type ApplyResult = { kind: 'answered'; answer: 'ok' | 'rejected'; duplicate: boolean } | { kind: 'unknown_attempt' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Applies a verified gateway message (a result callback or a status answer) in one transaction:
 * record it once (unique per gateway payment and kind), move the attempt and the order forward,
 * enqueue `order.paid`, raise staff alerts. A duplicate changes nothing and gets the first answer.
 */
export async function applyPaymentEvent(
  deps: Pick<Deps, 'db' | 'clock' | 'queue' | 'log'>,
  event: GatewayEvent,
  source: 'callback' | 'reconciliation',
): Promise<ApplyResult> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx): Promise<ApplyResult> => {
    const locked = await lockAttemptAndOrder(tx, event);
    if (!locked) return { kind: 'unknown_attempt' };
    const { attempt, order } = locked;

    const decision = decidePayment(attempt, order.state, event);
    const attemptState = decision.attemptEvent && attemptMachine.transition(attempt.state, decision.attemptEvent);
    const orderState = decision.orderEvent && orderMachine.transition(order.state, decision.orderEvent);
    const duplicateAnswer = await recordPaymentChange(tx, {
      event: {
        attemptId: attempt.id,
        gatewayPaymentId: event.gatewayPaymentId,
        kind: event.kind,
        amountKopecks: event.amountKopecks,
        currency: event.currency,
        source,
        answer: decision.answer,
      },
      at: now,
      attempt:
        attemptState === 'paid'
          ? { id: attempt.id, state: 'paid', captured: event.captured, cardBrand: event.card?.brand ?? null, cardLast4: event.card?.last4 ?? null }
          : attemptState === 'failed'
            ? {
                id: attempt.id,
                state: 'failed',
                failureCode: decision.answer === 'rejected' ? 'rejected_by_shop' : (event.failure?.code ?? null),
                failureDescription: event.failure?.description ?? null,
              }
            : null,
      order: orderState ? { id: order.id, state: orderState } : null,
    });
    if (duplicateAnswer) return { kind: 'answered', answer: duplicateAnswer, duplicate: true };
    if (orderState === 'paid') await enqueue(deps.queue, tx, 'order.paid', { orderId: order.id });
    if (decision.alert) {
      await tx.insert(staffAlerts).values({ orderId: order.id, kind: decision.alert.kind, message: decision.alert.message, createdAt: now });
      deps.log.warn({ orderId: order.id, alert: decision.alert.kind }, 'payment needs staff attention');
    }
    return { kind: 'answered', answer: decision.answer, duplicate: false };
  });
}

/**
 * Finds the attempt by our id (the gateway's order id), else by the gateway's payment id, and locks
 * it with its order: callbacks for one payment run one at a time.
 */
export function lockAttemptAndOrder(tx: Tx, event: Pick<GatewayEvent, 'attemptId' | 'gatewayPaymentId'>) {
  if (UUID.test(event.attemptId)) return lockPayment(tx, { attemptId: event.attemptId });
  return event.gatewayPaymentId ? lockPayment(tx, { gatewayPaymentId: event.gatewayPaymentId }) : Promise.resolve(undefined);
}
