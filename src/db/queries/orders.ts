import { and, desc, eq, gt } from 'drizzle-orm';
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
