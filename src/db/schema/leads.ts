import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { staff } from './staff.js';

/**
 * «Заказать звонок» requests from the Tilda site's forms (POST /integrations/tilda/lead, docs/tilda.md):
 * nobody has paid, but the client waits for a call with the same working-hour deadline as a paid order.
 */
export const leads = pgTable(
  'leads',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    /** E.164, like orders.customer_phone. */
    phone: text('phone').notNull(),
    email: text('email'),
    comment: text('comment'),
    /** The service as the Tilda form named it (free text: the site's wording, not our catalog). */
    service: text('service'),
    /** Tilda's submission id (`tranid`): a repeated delivery of the same submission is recorded once. */
    externalId: text('external_id').unique(),
    /** Tilda's form id (`formid`), to tell the site's forms apart. */
    formId: text('form_id'),
    utmSource: text('utm_source'),
    utmMedium: text('utm_medium'),
    utmCampaign: text('utm_campaign'),
    utmContent: text('utm_content'),
    utmTerm: text('utm_term'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    /** The callback deadline on the Moscow working calendar, fixed on arrival (docs/back-office.md#callback-deadline). */
    callbackDueAt: timestamp('callback_due_at', { withTimezone: true }).notNull(),
    /** When a manager marked the call made, and who. */
    contactedAt: timestamp('contacted_at', { withTimezone: true }),
    contactedBy: uuid('contacted_by').references(() => staff.id),
    /** When the missed deadline was escalated to the managers and admins (once; the `leads.escalate` job). */
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
  },
  (t) => [
    // The leads page: the ones still waiting, by deadline.
    index('leads_waiting').on(t.callbackDueAt).where(sql`${t.contactedAt} is null`),
    index('leads_received_at').on(t.receivedAt),
  ],
);
