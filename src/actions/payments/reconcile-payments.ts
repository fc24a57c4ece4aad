import { and, eq } from 'drizzle-orm';
import type { Deps } from '../../app-deps.js';
import { attemptMachine } from '../../domain/payments/payment-machine.js';
import { openAttemptsToReconcile, type PaymentAttempt } from '../../db/queries/payments.js';
import { paymentAttempts } from '../../db/schema/index.js';
import { applyPaymentEvent } from './apply-payment-events.js';
import { settleOperations } from './settle-operations.js';

const MIN_AGE_MS = 2 * 60_000; // give the result callback time to arrive first
const RECHECK_AFTER_MS = 60_000;
const BATCH = 50;

export interface ReconcileReport {
  checked: number;
  applied: number;
  expired: number;
  unreachable: number;
}

/**
 * Every minute (the `payments.reconcile` job): asks the gateway about attempts still open after two
 * minutes and feeds each answer through the same action as the callbacks. A payment the gateway reports
 * as paid that we never heard of (a lost callback, an init that timed out) is applied; attempts past
 * their lifetime with nothing paid expire. Then settles capture/cancel/refund calls left unknown.
 */
export async function reconcilePayments(deps: Pick<Deps, 'db' | 'clock' | 'queue' | 'log' | 'gateway' | 'config' | 'calendar' | 'content'>): Promise<ReconcileReport> {
  const now = deps.clock.now();
  const attempts = await openAttemptsToReconcile(
    deps.db,
    new Date(now.getTime() - MIN_AGE_MS),
    new Date(now.getTime() - RECHECK_AFTER_MS),
    BATCH,
  );
  const report: ReconcileReport = { checked: attempts.length, applied: 0, expired: 0, unreachable: 0 };
  for (const attempt of attempts) {
    const outcome = await reconcileAttempt(deps, attempt, now);
    if (outcome !== 'unchanged') report[outcome]++;
  }
  await settleOperations(deps);
  if (attempts.length > 0) deps.log.info({ report }, 'payments reconciled');
  return report;
}

async function reconcileAttempt(
  deps: Pick<Deps, 'db' | 'clock' | 'queue' | 'log' | 'gateway' | 'config' | 'calendar' | 'content'>,
  attempt: PaymentAttempt,
  now: Date,
): Promise<'applied' | 'expired' | 'unreachable' | 'unchanged'> {
  await deps.db.update(paymentAttempts).set({ checkedAt: now }).where(eq(paymentAttempts.id, attempt.id));
  const answer = await deps.gateway.client.getStatus(
    attempt.gatewayPaymentId ? { gatewayPaymentId: attempt.gatewayPaymentId } : { attemptId: attempt.id },
  );
  if (!answer.ok && answer.outcome === 'unknown') {
    deps.log.warn({ attemptId: attempt.id, reason: answer.reason }, 'gateway unreachable during reconciliation');
    return 'unreachable';
  }
  if (answer.ok && (answer.status.kind === 'paid' || answer.status.kind === 'failed')) {
    // The status answer may not echo our order id; the attempt is known here.
    await applyPaymentEvent(deps, { ...answer.status, attemptId: attempt.id }, 'reconciliation');
    return 'applied';
  }
  // Pending, or unknown to the gateway (never created): expire once the lifetime is over.
  if (now >= attempt.expiresAt && attemptMachine.transition(attempt.state, 'expired')) {
    await deps.db
      .update(paymentAttempts)
      .set({ state: 'expired' })
      .where(and(eq(paymentAttempts.id, attempt.id), eq(paymentAttempts.state, attempt.state)));
    return 'expired';
  }
  return 'unchanged';
}
