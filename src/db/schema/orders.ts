import { boolean, check, index, integer, pgEnum, pgSequence, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { orderStates } from '../../domain/orders/order-machine.js';
import { clients } from './accounts.js';
import { services, vatRate } from './catalog.js';
import { staff } from './staff.js';

export const orderState = pgEnum('order_state', orderStates);

/** Order numbers (decision 039): from 1001, one per placed order, never handed out twice. */
export const orderNumberSeq = pgSequence('order_number_seq', { startWith: 1001, maxValue: 2_147_483_647 });

export const orders = pgTable(
  'orders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Unguessable public reference used in URLs (144 random bits, base64url). */
    publicRef: text('public_ref').notNull().unique(),
    /** The number people say and read («У-1042», domain/orders/order-number.ts); not a secret, so never in a URL. */
    number: integer('number')
      .notNull()
      .unique()
      .default(sql`nextval('order_number_seq')`),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id),
    /** Snapshot of the service at ordering time: later catalog edits never change an order. */
    serviceTitle: text('service_title').notNull(),
    priceKopecks: integer('price_kopecks').notNull(),
    /** The service's VAT rate when the order was placed: every receipt of the order prints it. */
    vat: vatRate('vat').notNull().default('none'),
    state: orderState('state').notNull().default('awaiting_payment'),
    customerName: text('customer_name').notNull(),
    customerEmail: text('customer_email').notNull(),
    customerPhone: text('customer_phone').notNull(),
    comment: text('comment'),
    marketingOptIn: boolean('marketing_opt_in').notNull(),
    /** Evidence of acceptance (152-FZ, ГК РФ 438): which texts, when, from where. */
    offerVersion: text('offer_version').notNull(),
    consentVersion: text('consent_version').notNull(),
    privacyVersion: text('privacy_version').notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }).notNull(),
    clientIp: text('client_ip').notNull(),
    userAgent: text('user_agent').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    /** The personal account the order belongs to: set after payment, by email address. */
    clientId: uuid('client_id').references(() => clients.id),
    /**
     * The manager must have contacted the client by then (docs/back-office.md#callback-deadline); fixed at
     * payment time.
     */
    callbackDueAt: timestamp('callback_due_at', { withTimezone: true }),
    /** The first logged contact: it stops the SLA clock and cancels the escalation. */
    firstContactAt: timestamp('first_contact_at', { withTimezone: true }),
    /** The manager who took the order (or was assigned it by an admin). */
    assignedStaffId: uuid('assigned_staff_id').references(() => staff.id),
    /** When the missed deadline was escalated to the manager and the admins (once). */
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    /** Where the client came from: the UTM tags of the link that opened the order form (docs/tilda.md). */
    utmSource: text('utm_source'),
    utmMedium: text('utm_medium'),
    utmCampaign: text('utm_campaign'),
    utmContent: text('utm_content'),
    utmTerm: text('utm_term'),
    /** When the paid page handed Yandex Metrika its `purchase` event: once per order, however often the page is opened. */
    metrikaPurchaseAt: timestamp('metrika_purchase_at', { withTimezone: true }),
  },
  (t) => [
    check('orders_price_positive', sql`${t.priceKopecks} > 0`),
    index('orders_client_ip_created_at').on(t.clientIp, t.createdAt),
    index('orders_client').on(t.clientId),
    index('orders_customer_email').on(t.customerEmail),
    // The callback queue: orders not yet contacted, by deadline.
    index('orders_callback_queue').on(t.callbackDueAt).where(sql`${t.firstContactAt} is null and ${t.callbackDueAt} is not null`),
    index('orders_paid_at').on(t.paidAt),
    // The dashboard's "needs review" list and the order list's state filter. (No partial index on a
    // state value: a fresh database migrates in one transaction, right after 0005 added enum values,
    // and PostgreSQL refuses enum literals there.)
    index('orders_state').on(t.state, t.createdAt),
  ],
);
