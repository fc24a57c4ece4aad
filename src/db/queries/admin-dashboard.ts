import { and, asc, count, eq, gte, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { CallbackRecord } from '../../domain/orders/callback-sla.js';
import type { OrderState } from '../../domain/orders/order-machine.js';
import type { Queryable } from '../client.js';
import { emails, orders, paymentAttempts, paymentOperations, staffAlerts } from '../schema/index.js';

// The dashboard's figures. Each is one small query on an indexed column.

export interface QueueFigures {
  /** Paid orders nobody has contacted yet (the callback queue). */
  waiting: number;
  /** Of those, due later today (Moscow) and not overdue yet. */
  dueToday: number;
  /** Of those, past their deadline. */
  overdue: number;
}

const instant = (date: Date) => sql`${date.toISOString()}::timestamptz`;

/** The callback queue as /admin/queue defines it: state paid, no contact logged. */
export async function queueFigures(db: Queryable, input: { now: Date; endOfToday: Date }): Promise<QueueFigures> {
  const [row] = await db
    .select({
      waiting: count(),
      dueToday: count(sql`case when ${orders.callbackDueAt} > ${instant(input.now)} and ${orders.callbackDueAt} < ${instant(input.endOfToday)} then 1 end`),
      overdue: count(sql`case when ${orders.callbackDueAt} <= ${instant(input.now)} then 1 end`),
    })
    .from(orders)
    .where(and(eq(orders.state, 'paid'), isNull(orders.firstContactAt)));
  return { waiting: Number(row?.waiting ?? 0), dueToday: Number(row?.dueToday ?? 0), overdue: Number(row?.overdue ?? 0) };
}

/** Deadlines and first contacts of the orders paid in [from, to). */
export async function callbackRecords(db: Queryable, input: { from: Date; to: Date }): Promise<CallbackRecord[]> {
  return db
    .select({ callbackDueAt: orders.callbackDueAt, firstContactAt: orders.firstContactAt })
    .from(orders)
    .where(and(gte(orders.paidAt, input.from), lt(orders.paidAt, input.to)));
}

const moscowDay = (column: unknown) => sql<string>`to_char(${column} at time zone 'Europe/Moscow', 'YYYY-MM-DD')`;

/**
 * Card payments taken (every attempt that was paid, including those later cancelled or refunded, on
 * the day it was paid) and money given back (succeeded cancellations and refunds, on the day they
 * succeeded), each summed by Moscow day over [from, to).
 */
export async function revenueSums(db: Queryable, input: { from: Date; to: Date }): Promise<{ paid: Map<string, number>; returned: Map<string, number> }> {
  const paidDay = moscowDay(paymentAttempts.paidAt);
  const paid = await db
    .select({ day: paidDay, kopecks: sql<string>`sum(${paymentAttempts.amountKopecks})::bigint` })
    .from(paymentAttempts)
    .where(and(gte(paymentAttempts.paidAt, input.from), lt(paymentAttempts.paidAt, input.to)))
    .groupBy(paidDay);
  const returnDay = moscowDay(paymentOperations.completedAt);
  const returned = await db
    .select({ day: returnDay, kopecks: sql<string>`sum(${paymentOperations.amountKopecks})::bigint` })
    .from(paymentOperations)
    .where(
      and(
        inArray(paymentOperations.kind, ['cancel', 'refund']),
        eq(paymentOperations.state, 'succeeded'),
        gte(paymentOperations.completedAt, input.from),
        lt(paymentOperations.completedAt, input.to),
      ),
    )
    .groupBy(returnDay);
  const byDay = (rows: { day: string; kopecks: string }[]) => new Map(rows.map((r) => [r.day, Number(r.kopecks)]));
  return { paid: byDay(paid), returned: byDay(returned) };
}

export interface AttentionItem {
  orderId: string | null;
  orderNumber: number | null;
  serviceTitle: string | null;
  customerName: string | null;
  orderState: OrderState | null;
  /** The open alerts' messages, oldest first (none for an order in review without an alert). */
  messages: string[];
  since: Date;
}

const ATTENTION_LIMIT = 50;

/** Orders in review and open staff alerts, grouped by order, the oldest first. */
export async function ordersNeedingAttention(db: Queryable): Promise<AttentionItem[]> {
  const alerts = await db
    .select({
      orderId: staffAlerts.orderId,
      message: staffAlerts.message,
      createdAt: staffAlerts.createdAt,
      orderNumber: orders.number,
      serviceTitle: orders.serviceTitle,
      customerName: orders.customerName,
      orderState: orders.state,
    })
    .from(staffAlerts)
    .leftJoin(orders, eq(orders.id, staffAlerts.orderId))
    .where(isNull(staffAlerts.resolvedAt))
    .orderBy(asc(staffAlerts.createdAt))
    .limit(ATTENTION_LIMIT);
  const inReview = await db
    .select({ orderId: orders.id, orderNumber: orders.number, serviceTitle: orders.serviceTitle, customerName: orders.customerName, orderState: orders.state, createdAt: orders.createdAt })
    .from(orders)
    .where(eq(orders.state, 'needs_review'))
    .orderBy(asc(orders.createdAt))
    .limit(ATTENTION_LIMIT);

  const items: AttentionItem[] = [];
  const byOrder = new Map<string, AttentionItem>();
  for (const alert of alerts) {
    const known = alert.orderId ? byOrder.get(alert.orderId) : undefined;
    if (known) {
      known.messages.push(alert.message);
      continue;
    }
    const item = { orderId: alert.orderId, orderNumber: alert.orderNumber, serviceTitle: alert.serviceTitle, customerName: alert.customerName, orderState: alert.orderState, messages: [alert.message], since: alert.createdAt };
    items.push(item);
    if (alert.orderId) byOrder.set(alert.orderId, item);
  }
  for (const order of inReview) {
    if (!byOrder.has(order.orderId)) items.push({ ...order, messages: [], since: order.createdAt });
  }
  return items.sort((a, b) => a.since.getTime() - b.since.getTime()).slice(0, ATTENTION_LIMIT);
}

export async function failedEmailCount(db: Queryable): Promise<number> {
  const [row] = await db.select({ n: count() }).from(emails).where(eq(emails.status, 'failed'));
  return Number(row?.n ?? 0);
}

