import { eq } from 'drizzle-orm';
import type { Deps } from '../deps.js';
import { acceptsCheck } from '../domain/payment-decision.js';
import { orders } from '../db/schema/index.js';
import type { CheckRequest } from '../payments/freedompay/callbacks.js';
import { lockAttempt } from './apply-payment-event.js';

/** The gateway asks before taking the money: "ok" only while the order awaits exactly this payment. */
export async function checkPayment(deps: Pick<Deps, 'db'>, check: CheckRequest): Promise<'ok' | 'rejected'> {
  return deps.db.transaction(async (tx) => {
    const attempt = await lockAttempt(tx, check);
    if (!attempt) return 'rejected';
    const [order] = await tx.select({ state: orders.state }).from(orders).where(eq(orders.id, attempt.orderId));
    return order && acceptsCheck(attempt, order.state, check) ? 'ok' : 'rejected';
  });
}
