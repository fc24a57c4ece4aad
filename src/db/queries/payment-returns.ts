import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { OrderState } from '../../domain/orders/order-machine.js';
import type { Queryable } from '../client.js';
import { invoices, orders, paymentAttempts, paymentOperations, staff } from '../schema/index.js';
import type { PaymentAttempt, PaymentOperation } from './payments.js';
import { parseOrderNumber } from '../../domain/orders/order-number.js';

// Reads of the back office's payments area: paid attempts, their cancels and refunds, who asked.

/** Attempts that took money at some point (some may since be cancelled or refunded). */
const tookMoney = inArray(paymentAttempts.state, ['paid', 'refunded', 'cancelled']);

/** Sum of the succeeded refunds of the attempt in the row. */
const refundedSum = sql<number>`coalesce((select sum(${paymentOperations.amountKopecks}) from ${paymentOperations}
  where ${paymentOperations.attemptId} = ${paymentAttempts.id} and ${paymentOperations.kind} = 'refund'
  and ${paymentOperations.state} = 'succeeded'), 0)`.mapWith(Number);

/** Cancels and refunds still waiting for the gateway's word. */
const unsettledCount = sql<number>`(select count(*) from ${paymentOperations}
  where ${paymentOperations.attemptId} = ${paymentAttempts.id} and ${paymentOperations.kind} <> 'capture'
  and ${paymentOperations.state} in ('pending', 'unknown'))`.mapWith(Number);

export interface PaidAttemptRow {
  attempt: PaymentAttempt;
  order: { id: string; number: number; publicRef: string; serviceTitle: string; customerName: string; state: OrderState };
  /** The surcharge invoice's ordinal within its order (У-1042-Д<ordinal>) when the attempt paid one. */
  invoiceOrdinal: number | null;
  refundedKopecks: number;
  unsettled: number;
}

/**
 * What a search matches: the order's number in any spelling staff type («1042», «У-1042», «u1042»,
 * domain/orders/order-number.ts), its public reference (from a client's link), or the gateway's payment id.
 */
function searchCondition(search: string) {
  const text = search.replace(/^№\s*/, '').trim();
  const number = parseOrderNumber(text);
  return or(...(number === null ? [] : [eq(orders.number, number)]), eq(orders.publicRef, text), eq(paymentAttempts.gatewayPaymentId, text));
}

/** Paid attempts, newest payment first, optionally only those matching `search`. */
export async function paidAttempts(db: Queryable, options: { search?: string; limit: number; offset: number }): Promise<PaidAttemptRow[]> {
  const search = options.search?.trim();
  const where = search ? and(tookMoney, searchCondition(search)) : tookMoney;
  return db
    .select({
      attempt: paymentAttempts,
      order: { id: orders.id, number: orders.number, publicRef: orders.publicRef, serviceTitle: orders.serviceTitle, customerName: orders.customerName, state: orders.state },
      invoiceOrdinal: invoices.ordinal,
      refundedKopecks: refundedSum,
      unsettled: unsettledCount,
    })
    .from(paymentAttempts)
    .innerJoin(orders, eq(orders.id, paymentAttempts.orderId))
    .leftJoin(invoices, eq(invoices.id, paymentAttempts.invoiceId))
    .where(where)
    .orderBy(sql`${paymentAttempts.paidAt} desc nulls last`, desc(paymentAttempts.createdAt))
    .limit(options.limit)
    .offset(options.offset);
}

/** The paid attempts of one order (its own payment and its surcharges'), oldest first. */
export async function paidAttemptsOfOrder(db: Queryable, orderId: string): Promise<PaymentAttempt[]> {
  return db
    .select()
    .from(paymentAttempts)
    .where(and(eq(paymentAttempts.orderId, orderId), tookMoney))
    .orderBy(asc(paymentAttempts.paidAt));
}

export type OperationWithStaff = PaymentOperation & { staffName: string | null };

/** Operations of these attempts, oldest first, with the name of the member who asked. */
export async function operationsWithStaff(db: Queryable, attemptIds: string[]): Promise<OperationWithStaff[]> {
  if (attemptIds.length === 0) return [];
  const rows = await db
    .select({ operation: paymentOperations, staffName: staff.name })
    .from(paymentOperations)
    .leftJoin(staff, eq(staff.id, paymentOperations.staffId))
    .where(inArray(paymentOperations.attemptId, attemptIds))
    .orderBy(asc(paymentOperations.createdAt));
  return rows.map((r) => ({ ...r.operation, staffName: r.staffName }));
}

export interface AttemptWithOrder {
  attempt: PaymentAttempt;
  order: typeof orders.$inferSelect;
  /** The surcharge invoice's ordinal within its order when the attempt paid one («У-1042-Д1»). */
  invoiceOrdinal: number | null;
}

export async function attemptWithOrder(db: Queryable, attemptId: string): Promise<AttemptWithOrder | undefined> {
  const [row] = await db
    .select({ attempt: paymentAttempts, order: orders, invoiceOrdinal: invoices.ordinal })
    .from(paymentAttempts)
    .innerJoin(orders, eq(orders.id, paymentAttempts.orderId))
    .leftJoin(invoices, eq(invoices.id, paymentAttempts.invoiceId))
    .where(eq(paymentAttempts.id, attemptId));
  return row;
}

export async function operationWithAttempt(
  db: Queryable,
  operationId: string,
): Promise<(AttemptWithOrder & { operation: PaymentOperation }) | undefined> {
  const [row] = await db
    .select({ operation: paymentOperations, attempt: paymentAttempts, order: orders, invoiceOrdinal: invoices.ordinal })
    .from(paymentOperations)
    .innerJoin(paymentAttempts, eq(paymentAttempts.id, paymentOperations.attemptId))
    .innerJoin(orders, eq(orders.id, paymentAttempts.orderId))
    .leftJoin(invoices, eq(invoices.id, paymentAttempts.invoiceId))
    .where(eq(paymentOperations.id, operationId));
  return row;
}
