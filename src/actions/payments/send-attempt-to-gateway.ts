import { and, eq } from 'drizzle-orm';
import type { Deps } from '../../app-deps.js';
import { attemptMachine } from '../../domain/payments/payment-machine.js';
import { isUniqueViolation } from '../../db/queries/admin-catalog.js';
import type { PaymentAttempt } from '../../db/queries/payments.js';
import { paymentAttempts } from '../../db/schema/index.js';
import { reportGatewayIdConflict } from './gateway-id-conflict.js';

export type GatewayHandOff = { kind: 'redirect'; url: string } | { kind: 'gateway_unavailable' };

/** Paying an order or a surcharge: the hand-off, or why there is nothing to pay. */
export type PaymentStart = GatewayHandOff | { kind: 'not_found' } | { kind: 'not_payable' };

/**
 * The common end of paying an order or a surcharge: a stored attempt goes to init_payment.php (its id
 * is the idempotency key, so re-sending one whose outcome is unknown never makes a second payment), and
 * the payer is redirected. An attempt already initiated is resumed as it is.
 */
export async function sendAttemptToGateway(
  deps: Pick<Deps, 'db' | 'gateway' | 'log' | 'clock' | 'queue' | 'config' | 'content'>,
  attempt: PaymentAttempt,
  payment: { description: string; returnUrl: string },
): Promise<GatewayHandOff> {
  const { gateway, log } = deps;
  if (attempt.state === 'initiated' && attempt.redirectUrl) return { kind: 'redirect', url: attempt.redirectUrl };
  const result = await gateway.client.initPayment({
    attemptId: attempt.id,
    amountKopecks: attempt.amountKopecks,
    description: payment.description,
    resultUrl: gateway.resultUrl,
    checkUrl: gateway.checkUrl,
    successUrl: payment.returnUrl,
    failureUrl: payment.returnUrl,
    // No email or phone: the gateway is abroad, and it asks the payer itself if it needs them
    // (152-FZ: collect in Russia, transfer no more than needed; docs/decisions/007).
  });
  if (result.ok) {
    try {
      await moveAttempt(deps, attempt, 'initiated', { gatewayPaymentId: result.gatewayPaymentId, redirectUrl: result.redirectUrl });
    } catch (error) {
      // The only unique column written: the gateway's number belongs to another attempt already.
      if (!isUniqueViolation(error)) throw error;
      await reportGatewayIdConflict(deps, attempt, result.gatewayPaymentId);
      return { kind: 'gateway_unavailable' };
    }
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

async function moveAttempt(deps: Pick<Deps, 'db'>, attempt: PaymentAttempt, event: 'initiated' | 'failed', changes: Partial<PaymentAttempt>): Promise<void> {
  const next = attemptMachine.transition(attempt.state, event);
  if (!next) return;
  // Compare-and-set: a callback may have moved the attempt on meanwhile.
  await deps.db
    .update(paymentAttempts)
    .set({ ...changes, state: next })
    .where(and(eq(paymentAttempts.id, attempt.id), eq(paymentAttempts.state, attempt.state)));
}
