import { index, integer, jsonb, pgEnum, pgSequence, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { handoverStates } from '../../domain/orders/acceptance.js';
import type { ServiceActData } from '../../domain/orders/service-act.js';
import { orders } from './orders.js';
import { staff } from './staff.js';

export const handoverState = pgEnum('handover_state', handoverStates);

/**
 * Each time staff hand the work over for acceptance (docs/back-office.md#acceptance-of-work): the deadline
 * fixed then, and how it ended — accepted, remarks (with the client's text), or accepted by silence. Its id
 * is the id of the job that accepts by silence at the deadline.
 */
export const workHandovers = pgTable(
  'work_handovers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id),
    /** 1 for the first hand-over of the order, 2 after the first remarks… */
    attempt: integer('attempt').notNull(),
    handedOverBy: uuid('handed_over_by')
      .notNull()
      .references(() => staff.id),
    handedOverAt: timestamp('handed_over_at', { withTimezone: true }).notNull(),
    /** The end of the acceptance period (midnight Moscow after its last working day). */
    acceptBy: timestamp('accept_by', { withTimezone: true }).notNull(),
    state: handoverState('state').notNull().default('waiting'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    /** What the client says is missing or wrong («Есть замечания»). */
    remarks: text('remarks'),
  },
  (t) => [unique('work_handovers_order_attempt').on(t.orderId, t.attempt), index('work_handovers_order').on(t.orderId, t.handedOverAt)],
);

/** Act numbers: one sequence for the company, never reused (decision 037). */
export const serviceActNumber = pgSequence('service_act_number', { startWith: 1 });

/**
 * «Акт об оказании услуг», one per completed order, stored as the data it prints (decision 037): the
 * PDF is rendered from it on demand and reads the same after the company's details change.
 */
export const serviceActs = pgTable(
  'service_acts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id')
      .notNull()
      .unique()
      .references(() => orders.id),
    number: integer('number').notNull().unique(),
    handoverId: uuid('handover_id')
      .notNull()
      .references(() => workHandovers.id),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    data: jsonb('data').$type<ServiceActData>().notNull(),
  },
);
