import { eq } from 'drizzle-orm';
import type { Deps } from '../../app-deps.js';
import { paymentOperations } from '../../db/schema/index.js';
import { runOperation, type OperationDeps, type OperationResult, type StaffRequest } from './payment-operation.js';

/** Voids a payment before the bank's day close (cancel.php): the whole amount, no partial cancel. */
export function cancelPayment(
  deps: OperationDeps & Pick<Deps, 'gateway'>,
  input: { attemptId: string; reason?: string; staff?: StaffRequest },
): Promise<OperationResult> {
  return runOperation(
    deps,
    { attemptId: input.attemptId, kind: 'cancel', reason: input.reason, staff: input.staff },
    async (tx, attempt) => {
      const earlier = await tx.select().from(paymentOperations).where(eq(paymentOperations.attemptId, attempt.id));
      if (earlier.some((op) => op.kind !== 'capture' && op.state !== 'failed')) {
        return { refusal: 'По платежу уже есть возврат или отмена: отменить его целиком нельзя.' };
      }
      return { amountKopecks: attempt.amountKopecks };
    },
    (gatewayPaymentId) => deps.gateway.client.cancel(gatewayPaymentId),
  );
}
