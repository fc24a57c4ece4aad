import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { emails } from './emails.js';
import { leads } from './leads.js';
import { orders } from './orders.js';
import { staff } from './staff.js';

// Staff alerts (docs/notifications.md): an event (an order paid, a payment to review, a call-back
// request from the site…) becomes one notification per recipient and channel, delivered by its own job.

export const notificationChannel = pgEnum('notification_channel', ['email', 'telegram']);
/** waiting: not delivered yet (quiet hours, retries); sent: handed over; failed: given up, with the answer why. */
export const notificationStatus = pgEnum('notification_status', ['waiting', 'sent', 'failed']);

export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The event's identity, e.g. `order.paid:<order id>`: with staff and channel it makes a delivery unique. */
    eventKey: text('event_key').notNull(),
    /** `order.paid`, `invoice.paid`, `order.needs_review`, `receipt.failed`, `lead.created`, `lead.overdue`. */
    eventKind: text('event_kind').notNull(),
    /** What it is about: an order, or a lead (a call-back request); exactly one of the two. */
    orderId: uuid('order_id').references(() => orders.id),
    leadId: uuid('lead_id').references(() => leads.id),
    invoiceId: uuid('invoice_id'),
    /** What staff must look at (an order to review), in Russian; null for the other events. */
    details: text('details'),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id),
    channel: notificationChannel('channel').notNull(),
    status: notificationStatus('status').notNull().default('waiting'),
    /** Not before this moment: the start of the next working day when the event came in quiet hours. */
    notBefore: timestamp('not_before', { withTimezone: true }).notNull(),
    /** Delivery attempts so far (a retry after a 429 or 5xx counts). */
    attempts: integer('attempts').notNull().default(0),
    /** The channel's last answer: Telegram's description, or the email outbox's. */
    lastAnswer: text('last_answer'),
    /**
     * Telegram: set, and committed, just before sendMessage; cleared with the answer. A run that finds it
     * set knows the last one died waiting for Telegram, so the message may be there already: it is not
     * sent again, an email goes instead (docs/notifications.md, "Exactly once").
     */
    sendStartedAt: timestamp('send_started_at', { withTimezone: true }),
    /** The email channel: the outbox email it became (its page has the SMTP server's answer). */
    emailId: uuid('email_id').references(() => emails.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('notifications_once').on(t.eventKey, t.staffId, t.channel),
    index('notifications_created_at').on(t.createdAt),
    index('notifications_status').on(t.status),
    check('notifications_about_one', sql`num_nonnulls(${t.orderId}, ${t.leadId}) = 1`),
  ],
);

/** What a staff member wants; no row → the defaults of their role (domain/notifications/preferences.ts). */
export const notificationSettings = pgTable('notification_settings', {
  staffId: uuid('staff_id')
    .primaryKey()
    .references(() => staff.id),
  email: boolean('email').notNull(),
  telegram: boolean('telegram').notNull(),
  /** The event kinds they want. */
  events: text('events').array().notNull(),
  /** true: only during working hours on the working calendar; false: at any hour. */
  workingHoursOnly: boolean('working_hours_only').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/** A staff member's Telegram chat, linked with a one-time `/start CODE`. */
export const telegramLinks = pgTable('telegram_links', {
  staffId: uuid('staff_id')
    .primaryKey()
    .references(() => staff.id),
  chatId: bigint('chat_id', { mode: 'number' }).notNull(),
  /** The Telegram @username at linking time, to show on the profile (may be null: not everyone has one). */
  username: text('username'),
  linkedAt: timestamp('linked_at', { withTimezone: true }).notNull(),
  /** Set when Telegram answered 403 (the person blocked the bot): nothing goes there until they link again. */
  blockedAt: timestamp('blocked_at', { withTimezone: true }),
});

/** One-time linking codes (15 minutes, single use); only the SHA-256 is stored. */
export const telegramLinkCodes = pgTable(
  'telegram_link_codes',
  {
    codeHash: text('code_hash').primaryKey(),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('telegram_link_codes_staff').on(t.staffId)],
);

/** The getUpdates offset (one row): a restarted worker neither loses nor re-reads a `/start`. */
export const telegramPoll = pgTable('telegram_poll', {
  id: integer('id').primaryKey(),
  nextOffset: bigint('next_offset', { mode: 'number' }).notNull(),
});
