import type { Deps } from '../deps.js';
import { orderMachine } from '../domain/order-machine.js';
import { attemptMachine } from '../domain/payment-machine.js';
import { decidePayment } from '../domain/payment-decision.js';
import {
  eventKey,
  lockPayments,
  recordedAnswers,
  writePaymentChanges,
  type AttemptRow,
  type NewAlert,
  type NewEvent,
  type OrderRow,
} from '../db/queries/payment-callback.js';
import { enqueue } from '../jobs/queues.js';
import type { GatewayEvent } from '../payments/freedompay/events.js';

export type ApplyResult = { kind: 'answered'; answer: 'ok' | 'rejected'; duplicate: boolean } | { kind: 'unknown_attempt' };
export interface PaymentMessage {
  event: GatewayEvent;
  source: 'callback' | 'reconciliation';
}

type ApplyDeps = Pick<Deps, 'db' | 'clock' | 'queue' | 'log'>;

/**
 * Applies verified gateway messages (result callbacks, status answers) in one transaction, in
 * order, exactly as if one after another: each is recorded once (unique per gateway payment and kind),
 * moves its attempt and order forward, enqueues `order.paid`, raises staff alerts; a duplicate changes
 * nothing and gets the first copy's answer. Callbacks arriving together share one transaction (see
 * http/webhooks/batcher.ts): that is what lets a burst of payments through quickly.
 */
export async function applyPaymentEvents(deps: ApplyDeps, messages: PaymentMessage[]): Promise<ApplyResult[]> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const events = messages.map((m) => m.event);
    const locked = await lockPayments(
      tx,
      events.map((e) => e.attemptId),
      events.map((e) => e.gatewayPaymentId),
    );
    const attempts = new Map(locked.map(({ attempt }) => [attempt.id, attempt]));
    const orders = new Map(locked.map(({ order }) => [order.id, order]));
    const answers = await recordedAnswers(tx, events.map((e) => e.gatewayPaymentId));

    const changed = { attempts: new Set<AttemptRow>(), orders: new Set<OrderRow>() };
    const newEvents: NewEvent[] = [];
    const alerts: NewAlert[] = [];
    const paidOrders: string[] = [];

    const results = messages.map(({ event, source }): ApplyResult => {
      const attempt = attempts.get(event.attemptId) ?? [...attempts.values()].find((a) => a.gatewayPaymentId === event.gatewayPaymentId);
      if (!attempt) return { kind: 'unknown_attempt' };
      const order = orders.get(attempt.orderId)!;
      const key = eventKey(event.gatewayPaymentId, event.kind);
      const first = answers.get(key);
      if (first) return { kind: 'answered', answer: first, duplicate: true };

      const decision = decidePayment(attempt, order.state, event);
      answers.set(key, decision.answer);
      newEvents.push({
        attemptId: attempt.id,
        gatewayPaymentId: event.gatewayPaymentId,
        kind: event.kind,
        amountKopecks: event.amountKopecks,
        currency: event.currency,
        source,
        answer: decision.answer,
        receivedAt: now,
      });
      const attemptState = decision.attemptEvent && attemptMachine.transition(attempt.state, decision.attemptEvent);
      if (attemptState) {
        attempt.state = attemptState;
        attempt.gatewayPaymentId ??= event.gatewayPaymentId;
        if (attemptState === 'paid') {
          Object.assign(attempt, { paidAt: now, captured: event.captured, cardBrand: event.card?.brand ?? null, cardLast4: event.card?.last4 ?? null });
        } else {
          attempt.failureCode = decision.answer === 'rejected' ? 'rejected_by_shop' : (event.failure?.code ?? null);
          attempt.failureDescription = event.failure?.description ?? null;
        }
        changed.attempts.add(attempt);
      }
      const orderState = decision.orderEvent && orderMachine.transition(order.state, decision.orderEvent);
      if (orderState) {
        order.state = orderState;
        if (orderState === 'paid') {
          order.paidAt = now;
          paidOrders.push(order.id);
        }
        changed.orders.add(order);
      }
      if (decision.alert) {
        alerts.push({ orderId: order.id, kind: decision.alert.kind, message: decision.alert.message, createdAt: now });
        deps.log.warn({ orderId: order.id, alert: decision.alert.kind }, 'payment needs staff attention');
      }
      return { kind: 'answered', answer: decision.answer, duplicate: false };
    });

    await writePaymentChanges(tx, { events: newEvents, attempts: [...changed.attempts], orders: [...changed.orders], alerts });
    await enqueue(deps.queue, tx, 'order.paid', paidOrders.map((orderId) => ({ orderId })));
    return results;
  });
}

/** One message on its own (reconciliation, tests). */
export async function applyPaymentEvent(deps: ApplyDeps, event: GatewayEvent, source: PaymentMessage['source']): Promise<ApplyResult> {
  const [result] = await applyPaymentEvents(deps, [{ event, source }]);
  return result!;
}
