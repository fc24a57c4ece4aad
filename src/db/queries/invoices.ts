import { alias } from 'drizzle-orm/pg-core';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../client.js';
import { auditLog, clients, invoices, orders, paymentAttempts, services, staff, workEntries } from '../schema/index.js';
import { agreementOfOrder, type Agreement } from './extra-hours.js';
import type { Order } from './orders.js';
import type { PaymentAttempt } from './payments.js';

export type Invoice = typeof invoices.$inferSelect;

/** What a surcharge for an order is computed from: its service's terms, the hours logged, what is invoiced. */
export interface SurchargeBasis {
  order: Order;
  billing: 'fixed' | 'hourly';
  includedHours: number | null;
  hourlyRateKopecks: number | null;
  workedMinutes: number;
  /** Extra minutes covered by open or paid invoices (voided and refunded ones cover nothing). */
  invoicedMinutes: number;
  hasOpenInvoice: boolean;
  /** What the client agreed to: only those hours can be invoiced. */
  agreement: Agreement;
}

export async function surchargeBasis(db: Queryable, orderId: string): Promise<SurchargeBasis | undefined> {
  const [row] = await db
    .select({ order: orders, billing: services.billing, includedHours: services.includedHours, hourlyRateKopecks: services.hourlyRateKopecks })
    .from(orders)
    .innerJoin(services, eq(services.id, orders.serviceId))
    .where(eq(orders.id, orderId));
  if (!row) return undefined;
  const [worked] = await db
    .select({ minutes: sql<number>`coalesce(sum(${workEntries.minutes}), 0)::int` })
    .from(workEntries)
    .where(eq(workEntries.orderId, orderId));
  const covering = await db
    .select({ state: invoices.state, extraMinutes: invoices.extraMinutes })
    .from(invoices)
    .where(and(eq(invoices.orderId, orderId), inArray(invoices.state, ['open', 'paid'])));
  return {
    ...row,
    workedMinutes: Number(worked?.minutes ?? 0),
    invoicedMinutes: covering.reduce((sum, invoice) => sum + invoice.extraMinutes, 0),
    hasOpenInvoice: covering.some((invoice) => invoice.state === 'open'),
    agreement: await agreementOfOrder(db, orderId),
  };
}

const creator = alias(staff, 'invoice_creator');
const marker = alias(staff, 'invoice_marker');

/** An invoice as the back office lists it: who issued it, who marked it paid, the card it was paid with. */
export interface InvoiceListItem {
  invoice: Invoice;
  createdByName: string;
  markedPaidByName: string | null;
  payment: Pick<PaymentAttempt, 'cardBrand' | 'cardLast4' | 'paidAt'> | null;
  /** Set for a voided invoice. */
  voidReason: string | null;
}

export async function invoicesOfOrder(db: Queryable, orderId: string): Promise<InvoiceListItem[]> {
  const rows = await db
    .select({ invoice: invoices, createdByName: creator.name, markedPaidByName: marker.name })
    .from(invoices)
    .innerJoin(creator, eq(creator.id, invoices.createdBy))
    .leftJoin(marker, eq(marker.id, invoices.markedPaidBy))
    .where(eq(invoices.orderId, orderId))
    .orderBy(invoices.createdAt);
  const ids = rows.map((row) => row.invoice.id);
  const payments = await paidInvoiceAttempts(db, ids);
  const reasons = await voidReasons(db, ids);
  return rows.map((row) => ({ ...row, payment: payments.get(row.invoice.id) ?? null, voidReason: reasons.get(row.invoice.id) ?? null }));
}

export async function findInvoice(db: Queryable, invoiceId: string): Promise<(InvoiceListItem & { order: Order }) | undefined> {
  const [row] = await db.select({ order: orders }).from(invoices).innerJoin(orders, eq(orders.id, invoices.orderId)).where(eq(invoices.id, invoiceId));
  if (!row) return undefined;
  const item = (await invoicesOfOrder(db, row.order.id)).find((found) => found.invoice.id === invoiceId);
  return item && { ...item, order: row.order };
}

/** The gateway payments that paid these invoices (the latest, should there be several), by invoice id. */
async function paidInvoiceAttempts(db: Queryable, invoiceIds: string[]): Promise<Map<string, PaymentAttempt>> {
  if (invoiceIds.length === 0) return new Map();
  const attempts = await db
    .select()
    .from(paymentAttempts)
    .where(and(inArray(paymentAttempts.invoiceId, invoiceIds), inArray(paymentAttempts.state, ['paid', 'refunded', 'cancelled'])))
    .orderBy(paymentAttempts.paidAt);
  return new Map(attempts.map((attempt) => [attempt.invoiceId!, attempt]));
}

/** One of the client's invoices by its public reference; another client's reference finds nothing. */
/**
 * A client's invoice with its order and the name of the client's manager: the one the order is assigned
 * to, else the one who issued the invoice (null for neither).
 */
export async function findClientInvoice(db: Queryable, clientId: string, publicRef: string): Promise<{ invoice: Invoice; order: Order; managerName: string | null } | undefined> {
  const assigned = alias(staff, 'assigned');
  const issuer = alias(staff, 'issuer');
  const [row] = await db
    .select({ invoice: invoices, order: orders, managerName: sql<string | null>`coalesce(${assigned.name}, ${issuer.name})` })
    .from(invoices)
    .innerJoin(orders, eq(orders.id, invoices.orderId))
    .leftJoin(assigned, eq(assigned.id, orders.assignedStaffId))
    .leftJoin(issuer, eq(issuer.id, invoices.createdBy))
    .where(and(eq(invoices.publicRef, publicRef), eq(orders.clientId, clientId)));
  return row;
}

/** The ordinal the order's next surcharge invoice gets (1 for its first): call with the order's row locked. */
export async function nextInvoiceOrdinal(db: Queryable, orderId: string): Promise<number> {
  const [row] = await db
    .select({ last: sql<number>`coalesce(max(${invoices.ordinal}), 0)::int` })
    .from(invoices)
    .where(eq(invoices.orderId, orderId));
  return Number(row?.last ?? 0) + 1;
}

/** The invoices a client sees on an order's page, newest first (an order with none gives []). */
export async function clientInvoicesOfOrder(db: Queryable, orderId: string): Promise<Invoice[]> {
  return db.select().from(invoices).where(eq(invoices.orderId, orderId)).orderBy(desc(invoices.createdAt));
}

export async function latestAttemptForInvoice(db: Queryable, invoiceId: string): Promise<PaymentAttempt | undefined> {
  const [attempt] = await db
    .select()
    .from(paymentAttempts)
    .where(eq(paymentAttempts.invoiceId, invoiceId))
    .orderBy(desc(paymentAttempts.createdAt))
    .limit(1);
  return attempt;
}

/**
 * Who a surcharge email goes to: the account holder's current name and address once the order is in
 * an account (the client may have changed them), otherwise what the order form said.
 */
export async function invoiceRecipient(db: Queryable, order: Order): Promise<{ name: string; email: string; clientId: string | null }> {
  if (order.clientId) {
    const [client] = await db.select({ name: clients.name, email: clients.email }).from(clients).where(eq(clients.id, order.clientId));
    if (client) return { ...client, clientId: order.clientId };
  }
  return { name: order.customerName, email: order.customerEmail, clientId: null };
}

/** Why staff voided these invoices, by invoice id: the reason lives in the audit entry of the voiding. */
async function voidReasons(db: Queryable, invoiceIds: string[]): Promise<Map<string, string>> {
  if (invoiceIds.length === 0) return new Map();
  const rows = await db
    .select({ entityId: auditLog.entityId, details: auditLog.details })
    .from(auditLog)
    .where(and(eq(auditLog.entity, 'invoice'), eq(auditLog.action, 'invoice.voided'), inArray(auditLog.entityId, invoiceIds)));
  return new Map(rows.map((row) => [row.entityId!, String(row.details.reason ?? '')]));
}
