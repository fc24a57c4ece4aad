import { and, eq } from 'drizzle-orm';
import type { Deps } from '../deps.js';
import { attemptMachine } from '../domain/payment-machine.js';
import { latestAttemptForOrder, type PaymentAttempt } from '../db/queries/payments.js';
import { orders, paymentAttempts } from '../db/schema/index.js';

export type PayOrderResult =
  | { kind: 'redirect'; url: string }
  | { kind: 'not_found' }
  | { kind: 'not_payable' }
  | { kind: 'gateway_unavailable' };

/**
 * Sends the payer to the gateway for an order awaiting payment. The attempt is stored before the
 * gateway is called; an attempt whose outcome is unknown (the call timed out) is re-sent with the same
 * idempotency key, so a retry can never create a second payment. An unfinished attempt is resumed.
 */
export async function payOrder(deps: Pick<Deps, 'db' | 'clock' | 'gateway' | 'log'>, orderRef: string): Promise<PayOrderResult> {
  const { db, clock, gateway, log } = deps;
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
  if (attempt.state === 'initiated' && attempt.redirectUrl) return { kind: 'redirect', url: attempt.redirectUrl };

  const result = await gateway.client.initPayment({
    attemptId: attempt.id,
    amountKopecks: attempt.amountKopecks,
    description: `Оплата заказа: ${order.serviceTitle}`,
    resultUrl: gateway.resultUrl,
    checkUrl: gateway.checkUrl,
    successUrl: gateway.returnUrl(order.publicRef),
    failureUrl: gateway.returnUrl(order.publicRef),
    // No email or phone: the gateway is abroad, and it asks the payer itself if it needs them
    // (152-FZ: collect in Russia, transfer no more than needed; docs/decisions/007).
  });
  if (result.ok) {
    await moveAttempt(deps, attempt, 'initiated', { gatewayPaymentId: result.gatewayPaymentId, redirectUrl: result.redirectUrl });
    return { kind: 'redirect', url: result.redirectUrl };
  }
  if (result.outcome === 'refused') {
    log.error({ attemptId: attempt.id, code: result.code, description: result.description }, 'gateway refused to create a payment');
    await moveAttempt(deps, attempt, 'failed', { failureCode: result.code, failureDescription: result.description });
  } else {
    // The payment may exist on the gateway: the attempt stays "created" for a retry or reconciliation.
    log.warn({ attemptId: attempt.id, reason: result.reason }, 'gateway did not answer init_payment');
  }
  return { kind: 'gateway_unavailable' };
}

async function moveAttempt(
  deps: Pick<Deps, 'db'>,
  attempt: PaymentAttempt,
  event: 'initiated' | 'failed',
  changes: Partial<PaymentAttempt>,
): Promise<void> {
  const next = attemptMachine.transition(attempt.state, event);
  if (!next) return;
  // Compare-and-set: a callback may have moved the attempt on meanwhile.
  await deps.db
    .update(paymentAttempts)
    .set({ ...changes, state: next })
    .where(and(eq(paymentAttempts.id, attempt.id), eq(paymentAttempts.state, attempt.state)));
}
