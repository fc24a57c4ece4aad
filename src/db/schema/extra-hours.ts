import { sql } from 'drizzle-orm';
import { check, index, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { extraHoursStates } from '../../domain/invoices/extra-hours.js';
import { orders } from './orders.js';
import { staff } from './staff.js';

export const extraHoursState = pgEnum('extra_hours_state', extraHoursStates);

/**
 * Staff ask the client to agree to hours beyond the agreed ones (docs/back-office.md); the client
 * approves or asks to discuss in the personal account. Only approved hours can be invoiced.
 */
export const extraHoursRequests = pgTable(
  'extra_hours_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id),
    minutes: integer('minutes').notNull(),
    /** The service's hourly rate when asked: what the client is shown they agree to pay. */
    hourlyRateKopecks: integer('hourly_rate_kopecks').notNull(),
    /** The manager's note to the client: why the hours are needed. */
    note: text('note').notNull(),
    state: extraHoursState('state').notNull().default('pending'),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => staff.id),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    /** What the client wrote when asking to discuss. */
    clientComment: text('client_comment'),
  },
  (t) => [index('extra_hours_requests_order').on(t.orderId, t.requestedAt), check('extra_hours_requests_minutes', sql`${t.minutes} > 0`)],
);
