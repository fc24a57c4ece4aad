import { and, count, desc, eq, exists, ilike, inArray, isNotNull, isNull, like, or, sql, type SQL } from 'drizzle-orm';
import type { ClientSearch } from '../../domain/records/client-search.js';
import type { Queryable } from '../client.js';
import { clients, emails, invoices, orders, paymentAttempts, paymentOperations } from '../schema/index.js';
import type { Client } from './clients.js';
import type { Email } from './emails.js';
import type { Order } from './orders.js';
import type { PaymentAttempt, PaymentOperation } from './payments.js';

// The back office's client list and client card (issue 5): read only.

export const CLIENTS_PAGE_SIZE = 50;

/** A LIKE pattern matching `value` literally (backslash is PostgreSQL's default LIKE escape). */
export const likeLiteral = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);
const containing = (value: string) => `%${likeLiteral(value)}%`;

/** Every word in the name («Смирнова Анна» finds «Анна Смирнова»). */
function nameHasWords(column: typeof clients.name | typeof orders.customerName, text: string): SQL | undefined {
  return and(...text.split(/\s+/).map((word) => ilike(column, containing(word))));
}

/** What an order's own contact fields and reference match: the search over orders. */
function orderMatches(search: ClientSearch): SQL | undefined {
  return or(
    nameHasWords(orders.customerName, search.text),
    ilike(orders.customerEmail, containing(search.text)),
    ...search.phoneDigits.map((digits) => like(orders.customerPhone, containing(digits))),
    search.orderRef ? like(orders.publicRef, `${likeLiteral(search.orderRef)}%`) : undefined,
    search.orderNumber !== null ? eq(orders.number, search.orderNumber) : undefined,
  );
}

/**
 * A client matches by their name, address or phone, or through any of their orders (its reference,
 * or the contact details typed into it — an address the client has since changed, say).
 */
function clientMatches(db: Queryable, search: ClientSearch): SQL | undefined {
  return or(
    nameHasWords(clients.name, search.text),
    ilike(clients.email, containing(search.text)),
    ...search.phoneDigits.map((digits) => like(clients.phone, containing(digits))),
    exists(
      db
        .select({ one: sql`1` })
        .from(orders)
        .where(and(eq(orders.clientId, clients.id), orderMatches(search))),
    ),
  );
}

export interface ClientPage {
  clients: Client[];
  total: number;
}

/** Newest first, a page at a time (pages count from 1). */
export async function listClients(db: Queryable, search: ClientSearch | null, page: number): Promise<ClientPage> {
  const where = search ? clientMatches(db, search) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(clients)
      .where(where)
      .orderBy(desc(clients.createdAt), desc(clients.id))
      .limit(CLIENTS_PAGE_SIZE)
      .offset((page - 1) * CLIENTS_PAGE_SIZE),
    db.select({ n: count() }).from(clients).where(where),
  ]);
  return { clients: rows, total: total?.n ?? 0 };
}

/**
 * Orders that belong to no personal account and match the search: not paid (accounts are created on
 * payment), paid before accounts existed, or paid a moment ago with the account not made yet.
 */
export async function ordersWithoutAccount(db: Queryable, search: ClientSearch, limit: number): Promise<Order[]> {
  return db
    .select()
    .from(orders)
    .where(and(isNull(orders.clientId), orderMatches(search)))
    .orderBy(desc(orders.createdAt))
    .limit(limit);
}

export interface ClientCard {
  client: Client;
  orders: Order[];
  /** Every payment attempt of the client's orders and surcharge invoices, newest first. */
  attempts: PaymentAttempt[];
  /** Captures, cancellations and refunds of those attempts. */
  operations: PaymentOperation[];
  /** Surcharges staff marked paid by bank transfer or cash (no attempt behind them). */
  offlinePayments: (typeof invoices.$inferSelect)[];
  emails: Email[];
}

/** Emails shown on a card: more than that and the outbox (searched by address) has the rest. */
export const CARD_EMAIL_LIMIT = 100;

export async function clientCard(db: Queryable, clientId: string): Promise<ClientCard | undefined> {
  const [client] = await db.select().from(clients).where(eq(clients.id, clientId));
  if (!client) return undefined;
  const clientOrders = await db.select().from(orders).where(eq(orders.clientId, clientId)).orderBy(desc(orders.createdAt));
  const orderIds = clientOrders.map((order) => order.id);
  const attempts = orderIds.length
    ? await db.select().from(paymentAttempts).where(inArray(paymentAttempts.orderId, orderIds)).orderBy(desc(paymentAttempts.createdAt))
    : [];
  const attemptIds = attempts.map((attempt) => attempt.id);
  const operations = attemptIds.length
    ? await db.select().from(paymentOperations).where(inArray(paymentOperations.attemptId, attemptIds)).orderBy(paymentOperations.createdAt)
    : [];
  const offlinePayments = orderIds.length
    ? await db
        .select()
        .from(invoices)
        .where(and(inArray(invoices.orderId, orderIds), isNotNull(invoices.offlineMethod)))
        .orderBy(desc(invoices.paidAt))
    : [];
  // An email belongs to the client when it names them, or names one of their orders (the order
  // confirmation goes out before the account exists).
  const clientEmails = await db
    .select()
    .from(emails)
    .where(or(eq(emails.clientId, clientId), orderIds.length ? inArray(emails.orderId, orderIds) : undefined))
    .orderBy(desc(emails.createdAt))
    .limit(CARD_EMAIL_LIMIT);
  return { client, orders: clientOrders, attempts, operations, offlinePayments, emails: clientEmails };
}
