import { eq } from 'drizzle-orm';
import type { Deps } from '../../src/app-deps.js';
import type { Order } from '../../src/db/queries/orders.js';
import { orders, paymentAttempts } from '../../src/db/schema/index.js';

/** The order a 303 to the gateway was for, found through its payment attempt. */
export async function orderBehindRedirect(deps: Deps, location: string): Promise<Order> {
  const [row] = await deps.db
    .select({ order: orders })
    .from(paymentAttempts)
    .innerJoin(orders, eq(orders.id, paymentAttempts.orderId))
    .where(eq(paymentAttempts.redirectUrl, location));
  if (!row) throw new Error(`No order behind ${location}`);
  return row.order;
}
