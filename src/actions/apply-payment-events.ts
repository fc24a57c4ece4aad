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
    const batch: Batch = {
      attempts: new Map(locked.map(({ attempt }) => [attempt.id, attempt])),
      orders: new Map(locked.map(({ order }) => [order.id, order])),
      answers: await recordedAnswers(tx, events.map((e) => e.gatewayPaymentId)),
      changedAttempts: new Set(),
      changedOrders: new Set(),
      events: [],
      alerts: [],
      paidOrders: [],
    };
    const results = messages.map((message) => applyInMemory(batch, message, now));
    for (const alert of batch.alerts) deps.log.warn({ orderId: alert.orderId, alert: alert.kind }, 'payment needs staff attention');

    await writePaymentChanges(tx, {
      events: batch.events,
      attempts: [...batch.changedAttempts],
      orders: [...batch.changedOrders],
      alerts: batch.alerts,
    });
    await enqueue(deps.queue, tx, 'order.paid', batch.paidOrders.map((orderId) => ({ orderId })));
    return results;
  });
}

/** The locked rows of a batch, changed in memory message by message, and what is to be written. */
interface Batch {
  attempts: Map<string, AttemptRow>;
  orders: Map<string, OrderRow>;
  answers: Map<string, 'ok' | 'rejected'>;
  changedAttempts: Set<AttemptRow>;
  changedOrders: Set<OrderRow>;
  events: NewEvent[];
  alerts: NewAlert[];
  paidOrders: string[];
}

function applyInMemory(batch: Batch, { event, source }: PaymentMessage, now: Date): ApplyResult {
  const attempt =
    batch.attempts.get(event.attemptId) ?? [...batch.attempts.values()].find((a) => a.gatewayPaymentId === event.gatewayPaymentId);
  if (!attempt) return { kind: 'unknown_attempt' };
  const order = batch.orders.get(attempt.orderId)!;
  const key = eventKey(event.gatewayPaymentId, event.kind);
  const first = batch.answers.get(key);
  if (first) return { kind: 'answered', answer: first, duplicate: true };

  const decision = decidePayment(attempt, order.state, event);
  batch.answers.set(key, decision.answer);
  batch.events.push({
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
  if (attemptState === 'paid') {
    Object.assign(attempt, { paidAt: now, captured: event.captured, cardBrand: event.card?.brand ?? null, cardLast4: event.card?.last4 ?? null });
  } else if (attemptState === 'failed') {
    attempt.failureCode = decision.answer === 'rejected' ? 'rejected_by_shop' : (event.failure?.code ?? null);
    attempt.failureDescription = event.failure?.description ?? null;
  }
  if (attemptState) {
    attempt.state = attemptState;
    attempt.gatewayPaymentId ??= event.gatewayPaymentId;
    batch.changedAttempts.add(attempt);
  }

  const orderState = decision.orderEvent && orderMachine.transition(order.state, decision.orderEvent);
  if (orderState) {
    order.state = orderState;
    if (orderState === 'paid') {
      order.paidAt = now;
      batch.paidOrders.push(order.id);
    }
    batch.changedOrders.add(order);
  }
  if (decision.alert) batch.alerts.push({ orderId: order.id, kind: decision.alert.kind, message: decision.alert.message, createdAt: now });
  return { kind: 'answered', answer: decision.answer, duplicate: false };
}

/** One message on its own (reconciliation, tests). */
export async function applyPaymentEvent(deps: ApplyDeps, event: GatewayEvent, source: PaymentMessage['source']): Promise<ApplyResult> {
  const [result] = await applyPaymentEvents(deps, [{ event, source }]);
  return result!;
}
