import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Deps } from '../../app-deps.js';
import { orders } from '../../db/schema/index.js';

/**
 * The paid order page hands Yandex Metrika the order's `purchase` once: the first page view that
 * claims it (orders.metrika_purchase_at) carries it, every later one — a reload, the link from the
 * email, a second device — does not, so the shop's revenue in Metrika counts each order once.
 * True when this view is the one.
 */
export async function claimMetrikaPurchase(deps: Pick<Deps, 'db' | 'clock'>, orderId: string): Promise<boolean> {
  const claimed = await deps.db
    .update(orders)
    .set({ metrikaPurchaseAt: deps.clock.now() })
    .where(and(eq(orders.id, orderId), isNull(orders.metrikaPurchaseAt), isNotNull(orders.paidAt)))
    .returning({ id: orders.id });
  return claimed.length > 0;
}
