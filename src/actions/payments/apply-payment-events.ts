import type { Deps } from '../../app-deps.js';
import { callbackDeadline } from '../../domain/calendar/business-calendar.js';
import { invoiceMachine } from '../../domain/invoices/invoice-machine.js';
import { orderMachine } from '../../domain/orders/order-machine.js';
import { attemptMachine } from '../../domain/payments/payment-machine.js';
import { decideInvoicePayment, decidePayment } from '../../domain/payments/payment-decision.js';
import {
  eventKey,
  lockPayments,
  recordedAnswers,
  writePaymentChanges,
  type AttemptRow,
  type InvoiceRow,
  type NewAlert,
  type NewEvent,
  type OrderRow,
} from '../../db/queries/payment-callback.js';
import { enqueue, enqueueWithIds } from '../../queue.js';
import { signalQueueChanged } from '../../db/queue-signal.js';
import { escalationJob } from '../orders/escalate-callback.js';
import { queueInvoicePaidEmails } from '../invoices/notify-invoice-paid.js';
import { queuePaymentReceipts, type PaidBy } from '../receipts/queue-payment-receipts.js';
import { recordInvoicesPaid, recordOrderEvent } from '../webhooks/business-events.js';
import type { GatewayEvent } from '../../payments/freedompay/events.js';
import type { StaffEvent } from '../../domain/notifications/staff-events.js';
import { raiseStaffEvents } from '../notifications/raise-staff-events.js';

export type ApplyResult = { kind: 'answered'; answer: 'ok' | 'rejected'; duplicate: boolean } | { kind: 'unknown_attempt' };
export interface PaymentMessage {
  event: GatewayEvent;
  source: 'callback' | 'reconciliation';
}

type ApplyDeps = Pick<Deps, 'db' | 'clock' | 'queue' | 'log' | 'config' | 'calendar' | 'content'>;

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
      invoices: new Map(locked.flatMap(({ invoice }) => (invoice ? [[invoice.id, invoice] as const] : []))),
      answers: await recordedAnswers(tx, events.map((e) => e.gatewayPaymentId)),
      changedAttempts: new Set(),
      changedOrders: new Set(),
      changedInvoices: new Set(),
      events: [],
      alerts: [],
      paidOrders: [],
      paidInvoices: [],
      receipts: [],
      staffEvents: [],
    };
    const results = messages.map((message) => applyInMemory(batch, message, now));
    // A paid order must get a manager's call within a working hour (docs/back-office.md#callback-deadline); a
    // job escalates a missed one.
    const callbackDueAt = callbackDeadline(now, deps.calendar);
    for (const orderId of batch.paidOrders) batch.orders.get(orderId)!.callbackDueAt = callbackDueAt;
    for (const alert of batch.alerts) deps.log.warn({ orderId: alert.orderId, alert: alert.kind }, 'payment needs staff attention');

    await writePaymentChanges(tx, {
      events: batch.events,
      attempts: [...batch.changedAttempts],
      orders: [...batch.changedOrders],
      invoices: [...batch.changedInvoices],
      alerts: batch.alerts,
    });
    await enqueue(deps.queue, tx, 'order.paid', batch.paidOrders.map((orderId) => ({ orderId })));
    await enqueueWithIds(deps.queue, tx, 'orders.escalate', batch.paidOrders.map((orderId) => escalationJob(orderId, callbackDueAt)));
    await queueInvoicePaidEmails(deps, tx, batch.paidInvoices);
    // 54-FZ: the money taken gets its receipt, written with the payment (docs/receipts.md).
    await queuePaymentReceipts(deps, tx, batch.receipts);
    await recordOrderEvent(deps, tx, 'order.paid', batch.paidOrders);
    await recordInvoicesPaid(deps, tx, batch.paidInvoices);
    await raiseStaffEvents(deps, tx, batch.staffEvents);
    // The open /admin/queue pages show the new orders once this commits.
    if (batch.paidOrders.length > 0) await signalQueueChanged(tx);
    return results;
  });
}

/** The locked rows of a batch, changed in memory message by message, and what is to be written. */
interface Batch {
  attempts: Map<string, AttemptRow>;
  orders: Map<string, OrderRow>;
  /** Surcharge invoices paid by attempts of the batch: their messages move the invoice, never the order. */
  invoices: Map<string, InvoiceRow>;
  answers: Map<string, 'ok' | 'rejected'>;
  changedAttempts: Set<AttemptRow>;
  changedOrders: Set<OrderRow>;
  changedInvoices: Set<InvoiceRow>;
  events: NewEvent[];
  alerts: NewAlert[];
  paidOrders: string[];
  paidInvoices: string[];
  /** The payments that made an order or invoice paid: each gets its receipt. */
  receipts: PaidBy[];
  /** What staff are alerted about (docs/notifications.md). */
  staffEvents: StaffEvent[];
}

function applyInMemory(batch: Batch, { event, source }: PaymentMessage, now: Date): ApplyResult {
  const attempt =
    batch.attempts.get(event.attemptId) ?? [...batch.attempts.values()].find((a) => a.gatewayPaymentId === event.gatewayPaymentId);
  if (!attempt) return { kind: 'unknown_attempt' };
  const order = batch.orders.get(attempt.orderId)!;
  const key = eventKey(event.gatewayPaymentId, event.kind);
  const first = batch.answers.get(key);
  if (first) return { kind: 'answered', answer: first, duplicate: true };

  const invoice = attempt.invoiceId ? batch.invoices.get(attempt.invoiceId) : undefined;
  const decision = invoice ? decideInvoicePayment(attempt, invoice.state, event) : decidePayment(attempt, order.state, event);
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
      batch.receipts.push({ attemptId: attempt.id, orderId: order.id, invoiceId: null });
      batch.staffEvents.push({ kind: 'order.paid', orderId: order.id });
    }
    batch.changedOrders.add(order);
  }
  const invoiceState = invoice && decision.invoiceEvent && invoiceMachine.transition(invoice.state, decision.invoiceEvent);
  if (invoice && invoiceState) {
    Object.assign(invoice, { state: invoiceState }, invoiceState === 'paid' && { paidAt: now });
    if (invoiceState === 'paid') {
      batch.paidInvoices.push(invoice.id);
      batch.receipts.push({ attemptId: attempt.id, orderId: invoice.orderId, invoiceId: invoice.id });
      batch.staffEvents.push({ kind: 'invoice.paid', orderId: order.id, invoiceId: invoice.id });
    }
    batch.changedInvoices.add(invoice);
  }
  if (decision.alert) {
    batch.alerts.push({ orderId: order.id, kind: decision.alert.kind, message: decision.alert.message, createdAt: now });
    // The gateway's payment and message kind: one alert per payment message, however often it is repeated.
    batch.staffEvents.push({ kind: 'order.needs_review', orderId: order.id, paymentKey: `${event.gatewayPaymentId}:${event.kind}`, message: decision.alert.message });
  }
  return { kind: 'answered', answer: decision.answer, duplicate: false };
}

/** One message on its own (reconciliation, tests). */
export async function applyPaymentEvent(deps: ApplyDeps, event: GatewayEvent, source: PaymentMessage['source']): Promise<ApplyResult> {
  const [result] = await applyPaymentEvents(deps, [{ event, source }]);
  return result!;
}
