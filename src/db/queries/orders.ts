import { and, desc, eq, gt, inArray, lte, ne } from 'drizzle-orm';
import type { Queryable } from '../client.js';
import { orders } from '../schema/index.js';

export type Order = typeof orders.$inferSelect;

export async function findOrderByRef(db: Queryable, publicRef: string): Promise<Order | undefined> {
  const [order] = await db.select().from(orders).where(eq(orders.publicRef, publicRef));
  return order;
}

/** Creation times of the newest orders from one IP address since a moment (for the anti-spam limit). */
export async function recentOrderTimesFromIp(db: Queryable, clientIp: string, since: Date, limit: number): Promise<Date[]> {
  const rows = await db
    .select({ createdAt: orders.createdAt })
    .from(orders)
    .where(and(eq(orders.clientIp, clientIp), gt(orders.createdAt, since)))
    .orderBy(desc(orders.createdAt))
    .limit(limit);
  return rows.map((row) => row.createdAt);
}

/** Whether the same address paid for an order before this one (it then already has a personal account). */
export async function hasEarlierPaidOrder(db: Queryable, order: Pick<Order, 'id' | 'customerEmail' | 'paidAt'>): Promise<boolean> {
  if (!order.paidAt) return false;
  const [row] = await db
    .select({ id: orders.id })
    .from(orders)
    .where(and(eq(orders.customerEmail, order.customerEmail), ne(orders.id, order.id), lte(orders.paidAt, order.paidAt)))
    .limit(1);
  return row !== undefined;
}

/** The numbers («У-1042» without its letter) of these orders, by id. */
export async function orderNumbersById(db: Queryable, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: orders.id, number: orders.number }).from(orders).where(inArray(orders.id, ids));
  return new Map(rows.map((row) => [row.id, row.number]));
}
