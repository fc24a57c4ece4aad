import type { Deps } from '../../app-deps.js';
import { runOperation, type OperationDeps, type OperationResult } from './payment-operation.js';

/** Clearing of a two-step payment, in full or in part (docs/freedompay-protocol.md#capture-cancel-refund). */
export function capturePayment(
  deps: OperationDeps & Pick<Deps, 'gateway'>,
  input: { attemptId: string; amountKopecks?: number },
): Promise<OperationResult> {
  return runOperation(
    deps,
    { attemptId: input.attemptId, kind: 'capture' },
    async (_tx, attempt) => {
      const amountKopecks = input.amountKopecks ?? attempt.amountKopecks;
      if (attempt.captured) return { refusal: 'Платёж уже списан.' };
      if (amountKopecks <= 0 || amountKopecks > attempt.amountKopecks) return { refusal: 'Сумма списания должна быть от 1 коп. до суммы платежа.' };
      return { amountKopecks };
    },
    (gatewayPaymentId, amountKopecks) => deps.gateway.client.capture(gatewayPaymentId, amountKopecks),
  );
}
