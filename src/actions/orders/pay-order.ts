import { eq } from 'drizzle-orm';
import type { Deps } from '../../app-deps.js';
import { orderNumber } from '../../domain/orders/order-number.js';
import { latestAttemptForOrder } from '../../db/queries/payments.js';
import { orders, paymentAttempts } from '../../db/schema/index.js';
import { sendAttemptToGateway, type PaymentStart } from '../payments/send-attempt-to-gateway.js';

/**
 * Sends the payer to the gateway for an order awaiting payment. The attempt is stored before the
 * gateway is called; an attempt whose outcome is unknown (the call timed out) is re-sent with the same
 * idempotency key, so a retry can never create a second payment. An unfinished attempt is resumed.
 */
export async function payOrder(deps: Pick<Deps, 'db' | 'clock' | 'gateway' | 'log' | 'queue' | 'config' | 'content'>, orderRef: string): Promise<PaymentStart> {
  const { db, clock, gateway } = deps;
  const now = clock.now();
  const prepared = await db.transaction(async (tx) => {
    const [order] = await tx.select().from(orders).where(eq(orders.publicRef, orderRef)).for('update');
    if (!order) return { kind: 'not_found' } as const;
    if (order.state !== 'awaiting_payment') return { kind: 'not_payable' } as const;
    const latest = await latestAttemptForOrder(tx, order.id);
    if (latest && latest.expiresAt > now && (latest.state === 'initiated' || latest.state === 'created')) {
      return { kind: 'attempt', attempt: latest, order } as const;
    }
    const [attempt] = await tx
      .insert(paymentAttempts)
      .values({
        orderId: order.id,
        amountKopecks: order.priceKopecks,
        createdAt: now,
        expiresAt: new Date(now.getTime() + gateway.settings.lifetimeSeconds * 1000),
      })
      .returning();
    return { kind: 'attempt', attempt: attempt!, order } as const;
  });
  if (prepared.kind !== 'attempt') return prepared;
  const { attempt, order } = prepared;
  return sendAttemptToGateway(deps, attempt, { description: `Оплата заказа ${orderNumber(order.number)}: ${order.serviceTitle}`, returnUrl: gateway.returnUrl(order.publicRef) });
}
