import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgEnum, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { invoiceStates } from '../../domain/invoices/invoice-machine.js';
import { orders } from './orders.js';
import { staff } from './staff.js';

// The back office's work on a paid order: contacts, the agreed specification, hours, surcharges.

export const contactChannel = pgEnum('contact_channel', ['phone', 'email', 'messenger']);
export const contactOutcome = pgEnum('contact_outcome', ['reached', 'no_answer', 'left_message']);

/** The contact log. The first entry of an order stops its callback SLA clock (orders.first_contact_at). */
export const orderContacts = pgTable(
  'order_contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id),
    channel: contactChannel('channel').notNull(),
    outcome: contactOutcome('outcome').notNull(),
    note: text('note').notNull().default(''),
    /** When the contact happened (the manager may log it a little later). */
    contactedAt: timestamp('contacted_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('order_contacts_order').on(t.orderId, t.contactedAt)],
);

/** Each agreed version of the specification; the latest is the current one. */
export const orderSpecifications = pgTable(
  'order_specifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id),
    text: text('text').notNull(),
    /** Agreed work in minutes (hours are entered with quarter-hour precision). */
    agreedMinutes: integer('agreed_minutes').notNull(),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id),
    agreedAt: timestamp('agreed_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('order_specifications_order').on(t.orderId, t.agreedAt), check('order_specifications_minutes', sql`${t.agreedMinutes} >= 0`)],
);

/** Hours worked on an order, entry by entry. */
export const workEntries = pgTable(
  'work_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id),
    workDate: date('work_date', { mode: 'string' }).notNull(),
    minutes: integer('minutes').notNull(),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id),
    note: text('note').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('work_entries_order').on(t.orderId), check('work_entries_minutes', sql`${t.minutes} > 0 and ${t.minutes} <= 1440`)],
);

export const invoiceState = pgEnum('invoice_state', invoiceStates);
export const offlinePaymentMethod = pgEnum('offline_payment_method', ['bank_transfer', 'cash']);

/**
 * A surcharge for hours beyond those included. Paid through Freedom Pay (payment_attempts.invoice_id)
 * or marked paid by staff (bank transfer, cash) with a note.
 */
export const invoices = pgTable(
  'invoices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Unguessable reference for the client's pay link (like orders.public_ref). */
    publicRef: text('public_ref').notNull().unique(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id),
    /** The order's n-th surcharge invoice, from 1 («У-1042-Д1»); counted under the order's row lock. */
    ordinal: integer('ordinal').notNull(),
    state: invoiceState('state').notNull().default('open'),
    extraMinutes: integer('extra_minutes').notNull(),
    hourlyRateKopecks: integer('hourly_rate_kopecks').notNull(),
    /** What the system computed: extra hours × hourly rate. */
    proposedKopecks: integer('proposed_kopecks').notNull(),
    /** What the client pays; differs from the proposal only with a reason. */
    amountKopecks: integer('amount_kopecks').notNull(),
    amountReason: text('amount_reason'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => staff.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    /** Set when staff marked it paid by another means. */
    offlineMethod: offlinePaymentMethod('offline_method'),
    offlineNote: text('offline_note'),
    markedPaidBy: uuid('marked_paid_by').references(() => staff.id),
    /** Marked paid without a cash receipt, and why (an organisation or sole trader paid from its account). */
    noReceiptReason: text('no_receipt_reason'),
  },
  (t) => [
    index('invoices_order').on(t.orderId),
    unique('invoices_order_ordinal').on(t.orderId, t.ordinal),
    check('invoices_amount_positive', sql`${t.amountKopecks} > 0`),
    check('invoices_reason_when_edited', sql`${t.amountKopecks} = ${t.proposedKopecks} or ${t.amountReason} is not null`),
  ],
);
