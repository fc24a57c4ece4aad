import { boolean, index, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { clients } from './accounts.js';
import { orders } from './orders.js';

export const emailStatus = pgEnum('email_status', ['queued', 'sent', 'failed']);

/**
 * The outbox: every email, stored with its rendered content in the transaction that made it
 * necessary, then delivered by the `email.deliver` job. The back office shows the status.
 */
export const emails = pgTable(
  'emails',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Which template, e.g. `order_confirmation`. */
    kind: text('kind').notNull(),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    html: text('html').notNull(),
    text: text('text').notNull(),
    /** Holds a password or a single-use link: the content is wiped once an SMTP server accepted it. */
    secret: boolean('secret').notNull().default(false),
    status: emailStatus('status').notNull().default('queued'),
    /** Failed delivery attempts so far. */
    attempts: integer('attempts').notNull().default(0),
    /** The SMTP server's reply (or the connection error) of the last failed attempt. */
    lastError: text('last_error'),
    messageId: text('message_id'),
    orderId: uuid('order_id').references(() => orders.id),
    /** The client the email was for, when known: the client card lists their emails. */
    clientId: uuid('client_id').references(() => clients.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [index('emails_order').on(t.orderId), index('emails_created_at').on(t.createdAt), index('emails_client').on(t.clientId), index('emails_status').on(t.status)],
);
