import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgEnum, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { attemptStates } from '../../domain/payments/payment-machine.js';
import { orders } from './orders.js';
import { staff } from './staff.js';
import { invoices } from './work.js';

export const attemptState = pgEnum('payment_attempt_state', attemptStates);

/** One try to pay an order on the gateway; stored before the gateway is called. */
export const paymentAttempts = pgTable(
  'payment_attempts',
  {
    /** Also sent as the gateway's order id and idempotency key. */
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id),
    /** Set when the attempt pays a surcharge invoice rather than the order itself. */
    invoiceId: uuid('invoice_id').references(() => invoices.id),
    amountKopecks: integer('amount_kopecks').notNull(),
    currency: text('currency').notNull().default('RUB'),
    state: attemptState('state').notNull().default('created'),
    gatewayPaymentId: text('gateway_payment_id').unique(),
    redirectUrl: text('redirect_url'),
    captured: boolean('captured').notNull().default(false),
    /** Only brand and last four digits: card data never reaches us (PCI DSS SAQ A). */
    cardBrand: text('card_brand'),
    cardLast4: text('card_last4'),
    failureCode: text('failure_code'),
    failureDescription: text('failure_description'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    /** When reconciliation last asked the gateway about it. */
    checkedAt: timestamp('checked_at', { withTimezone: true }),
  },
  (t) => [
    check('payment_attempts_amount_positive', sql`${t.amountKopecks} > 0`),
    index('payment_attempts_order').on(t.orderId),
    index('payment_attempts_invoice').on(t.invoiceId),
    // The back office's payments list (newest payment first) and the revenue chart (paid in a range).
    index('payment_attempts_paid_at').on(t.paidAt.desc().nullsLast(), t.createdAt.desc()),
    index('payment_attempts_open').on(t.state, t.createdAt),
  ],
);

/** Every gateway message we acted on, once: the unique key makes repeated callbacks no-ops. */
export const paymentEvents = pgTable(
  'payment_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    attemptId: uuid('attempt_id')
      .notNull()
      .references(() => paymentAttempts.id),
    gatewayPaymentId: text('gateway_payment_id').notNull(),
    kind: text('kind', { enum: ['paid', 'failed', 'pending', 'refunded', 'cancelled'] }).notNull(),
    amountKopecks: integer('amount_kopecks'),
    currency: text('currency'),
    source: text('source', { enum: ['callback', 'reconciliation'] }).notNull(),
    /** Our answer, repeated to every duplicate of this message. */
    answer: text('answer', { enum: ['ok', 'rejected'] }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
  },
  (t) => [unique('payment_events_once').on(t.gatewayPaymentId, t.kind)],
);

export const operationKind = pgEnum('payment_operation_kind', ['capture', 'cancel', 'refund']);
export const operationState = pgEnum('payment_operation_state', ['pending', 'succeeded', 'failed', 'unknown']);

/** Capture, cancel and refund requests: recorded before the call, completed with the gateway's answer. */
export const paymentOperations = pgTable(
  'payment_operations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    attemptId: uuid('attempt_id')
      .notNull()
      .references(() => paymentAttempts.id),
    kind: operationKind('kind').notNull(),
    amountKopecks: integer('amount_kopecks').notNull(),
    state: operationState('state').notNull().default('pending'),
    gatewayRefundId: text('gateway_refund_id'),
    gatewayCode: text('gateway_code'),
    gatewayDescription: text('gateway_description'),
    reason: text('reason'),
    /** For refunds: the part of the work already done and its costs, as entered by staff. */
    workDoneNote: text('work_done_note'),
    /** The staff member who asked for it (null for an automatic capture). */
    staffId: uuid('staff_id').references(() => staff.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (t) => [check('payment_operations_amount_positive', sql`${t.amountKopecks} > 0`), index('payment_operations_attempt').on(t.attemptId)],
);

/** Things staff must look at (an amount mismatch, say); the back office lists the open ones. */
export const staffAlerts = pgTable('staff_alerts', {
  id: uuid('id').primaryKey().defaultRandom(),
  orderId: uuid('order_id').references(() => orders.id),
  kind: text('kind').notNull(),
  message: text('message').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  resolvedAt: timestamp('resolved_at', { withTimezone: true }),
});
