import type { Deps } from '../../app-deps.js';
import { acceptsCheck } from '../../domain/payments/payment-decision.js';
import type { CheckRequest } from '../../payments/freedompay/callbacks.js';
import { lockPayments } from '../../db/queries/payment-callback.js';

/** The gateway asks before taking the money: "ok" only while the order (or surcharge invoice) awaits exactly this payment. */
export async function checkPayment(deps: Pick<Deps, 'db'>, check: CheckRequest): Promise<'ok' | 'rejected'> {
  return deps.db.transaction(async (tx) => {
    const [locked] = await lockPayments(tx, [check.attemptId], [check.gatewayPaymentId]);
    if (!locked) return 'rejected';
    const awaiting = locked.invoice ? locked.invoice.state === 'open' : locked.order.state === 'awaiting_payment';
    const accepted = acceptsCheck(locked.attempt, awaiting, check);
    return accepted ? 'ok' : 'rejected';
  });
}
