import { and, eq } from 'drizzle-orm';
import type { Deps } from '../../app-deps.js';
import { refundableKopecks } from '../../domain/payments/refunds.js';
import { paymentOperations } from '../../db/schema/index.js';
import { formatRub } from '../../domain/money.js';
import { runOperation, type OperationDeps, type OperationResult, type StaffRequest } from './payment-operation.js';

/** Refunds a taken payment (revoke.php), in full or in parts, never beyond what was paid. */
export function refundPayment(
  deps: OperationDeps & Pick<Deps, 'gateway'>,
  input: { attemptId: string; amountKopecks?: number; reason?: string; staff?: StaffRequest },
): Promise<OperationResult> {
  return runOperation(
    deps,
    { attemptId: input.attemptId, kind: 'refund', reason: input.reason, staff: input.staff },
    async (tx, attempt) => {
      if (!attempt.captured) return { refusal: 'Платёж ещё не списан: его можно только отменить.' };
      const refunds = await tx
        .select()
        .from(paymentOperations)
        .where(and(eq(paymentOperations.attemptId, attempt.id), eq(paymentOperations.kind, 'refund')));
      const available = refundableKopecks(attempt.amountKopecks, refunds);
      const amountKopecks = input.amountKopecks ?? available;
      if (available === 0) return { refusal: 'Платёж уже возвращён полностью.' };
      if (amountKopecks <= 0 || amountKopecks > available) {
        return { refusal: `Вернуть можно от 0,01 ₽ до ${formatRub(available)}.` };
      }
      return { amountKopecks };
    },
    // Always name the amount: "no amount" means "refund everything" to the gateway.
    (gatewayPaymentId, amountKopecks) => deps.gateway.client.refund(gatewayPaymentId, amountKopecks),
  );
}
