import { and, eq } from 'drizzle-orm';
import type { Deps } from '../deps.js';
import { orderMachine } from '../domain/order-machine.js';
import { attemptMachine } from '../domain/payment-machine.js';
import { decidePayment } from '../domain/payment-decision.js';
import type { Tx } from '../db/client.js';
import { orders, paymentAttempts, paymentEvents, staffAlerts } from '../db/schema/index.js';
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
    const [recorded] = await tx
      .insert(paymentEvents)
      .values({
        attemptId: attempt.id,
        gatewayPaymentId: event.gatewayPaymentId,
        kind: event.kind,
        amountKopecks: event.amountKopecks,
        currency: event.currency,
        source,
        answer: decision.answer,
        receivedAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: paymentEvents.id });
    if (!recorded) {
      const [first] = await tx
        .select({ answer: paymentEvents.answer })
        .from(paymentEvents)
        .where(and(eq(paymentEvents.gatewayPaymentId, event.gatewayPaymentId), eq(paymentEvents.kind, event.kind)));
      return { kind: 'answered', answer: first?.answer ?? 'ok', duplicate: true };
    }

    const attemptState = decision.attemptEvent && attemptMachine.transition(attempt.state, decision.attemptEvent);
    if (attemptState) {
      await tx
        .update(paymentAttempts)
        .set({
          state: attemptState,
          gatewayPaymentId: attempt.gatewayPaymentId ?? event.gatewayPaymentId,
          ...(attemptState === 'paid'
            ? { paidAt: now, captured: event.captured, cardBrand: event.card?.brand ?? null, cardLast4: event.card?.last4 ?? null }
            : {}),
          ...(attemptState === 'failed'
            ? {
                failureCode: decision.answer === 'rejected' ? 'rejected_by_shop' : (event.failure?.code ?? null),
                failureDescription: event.failure?.description ?? null,
              }
            : {}),
        })
        .where(eq(paymentAttempts.id, attempt.id));
    }
    const orderState = decision.orderEvent && orderMachine.transition(order.state, decision.orderEvent);
    if (orderState) {
      await tx
        .update(orders)
        .set({ state: orderState, ...(orderState === 'paid' ? { paidAt: now } : {}) })
        .where(eq(orders.id, order.id));
      if (orderState === 'paid') await enqueue(deps.queue, tx, 'order.paid', { orderId: order.id });
    }
    if (decision.alert) {
      await tx.insert(staffAlerts).values({ orderId: order.id, kind: decision.alert.kind, message: decision.alert.message, createdAt: now });
      deps.log.warn({ orderId: order.id, alert: decision.alert.kind }, 'payment needs staff attention');
    }
    return { kind: 'answered', answer: decision.answer, duplicate: false };
  });
}

/**
 * Finds the attempt by our id (the gateway's order id), else by the gateway's payment id, and locks
 * it with its order in one round trip: callbacks for one payment run one at a time.
 */
export async function lockAttemptAndOrder(tx: Tx, event: Pick<GatewayEvent, 'attemptId' | 'gatewayPaymentId'>) {
  const byId = UUID.test(event.attemptId) ? eq(paymentAttempts.id, event.attemptId) : null;
  const where = byId ?? (event.gatewayPaymentId ? eq(paymentAttempts.gatewayPaymentId, event.gatewayPaymentId) : null);
  if (!where) return undefined;
  const [row] = await tx
    .select({ attempt: paymentAttempts, order: { id: orders.id, state: orders.state } })
    .from(paymentAttempts)
    .innerJoin(orders, eq(orders.id, paymentAttempts.orderId))
    .where(where)
    .for('update');
  return row;
}
