import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { orders } from './orders.js';
import { staff } from './staff.js';

/**
 * Where the CRM wants our events (docs/integrations.md). The secret signs every delivery; HMAC needs
 * it in the clear, so it is sealed with APP_SECRET (like the staff TOTP secrets), never hashed.
 */
export const webhookEndpoints = pgTable('webhook_endpoints', {
  id: uuid('id').primaryKey().defaultRandom(),
  url: text('url').notNull(),
  /** What staff call it: «Битрикс24, отдел продаж». */
  name: text('name').notNull(),
  /** The event types it subscribes to (`order.paid`…); `ping` goes to it whatever this says. */
  events: text('events').array().notNull(),
  /** AES-256-GCM box of the signing secret (src/staff/secret-box.ts, purpose "webhook secret"). */
  sealedSecret: text('sealed_secret').notNull(),
  enabled: boolean('enabled').notNull().default(true),
  createdBy: uuid('created_by').references(() => staff.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  secretRotatedAt: timestamp('secret_rotated_at', { withTimezone: true }),
});

/**
 * Every event that had at least one subscriber, written in the transaction of what it reports. The
 * body sent is built from this row alone, so «Отправить ещё раз» sends the very same JSON.
 */
export const webhookEvents = pgTable(
  'webhook_events',
  {
    /** The event's `id` in the JSON: receivers deduplicate by it across endpoints and resends. */
    id: uuid('id').primaryKey().defaultRandom(),
    type: text('type').notNull(),
    version: integer('version').notNull(),
    data: jsonb('data').notNull(),
    orderId: uuid('order_id').references(() => orders.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('webhook_events_order').on(t.orderId)],
);

export const webhookDeliveryStatus = pgEnum('webhook_delivery_status', ['queued', 'delivered', 'failed', 'cancelled']);

/** One event to one endpoint: delivered by the `webhooks.deliver` job, retried for about a day. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    /** Sent as X-Uslugi-Delivery. */
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => webhookEvents.id),
    endpointId: uuid('endpoint_id')
      .notNull()
      .references(() => webhookEndpoints.id),
    status: webhookDeliveryStatus('status').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    /** The delivery this one sends again (staff pressed «Отправить ещё раз»). */
    resentFrom: uuid('resent_from'),
    requestedBy: uuid('requested_by').references(() => staff.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    /** The last attempt: when, the endpoint's HTTP status (null: no answer), its first 1 KB, how long. */
    lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true }),
    responseStatus: integer('response_status'),
    responseBody: text('response_body'),
    durationMs: integer('duration_ms'),
    /** Why the last attempt failed (timeout, refused connection, HTTP 500…). */
    lastError: text('last_error'),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
  },
  (t) => [
    index('webhook_deliveries_endpoint_created').on(t.endpointId, t.createdAt),
    index('webhook_deliveries_event').on(t.eventId),
    check('webhook_deliveries_attempts', sql`${t.attempts} >= 0`),
  ],
);
