import { eq } from 'drizzle-orm';
import type { Tx } from '../client.js';
import { orders } from '../schema/index.js';

export type LockedOrder = typeof orders.$inferSelect;

/** The order, locked until the transaction ends: two managers clicking at once change it one after the other. */
export async function lockOrder(tx: Tx, orderId: string): Promise<LockedOrder | undefined> {
  const [order] = await tx.select().from(orders).where(eq(orders.id, orderId)).for('update');
  return order;
}
