import type { Deps } from '../../app-deps.js';
import { cancelOrRefund, type CancelOrRefundDecision } from '../../domain/payments/cancel-or-refund.js';
import { refundableKopecks } from '../../domain/payments/refunds.js';
import { attemptWithOrder, operationsWithStaff, type AttemptWithOrder, type OperationWithStaff } from '../../db/queries/payment-returns.js';

/** What giving a payment's money back would do right now, and why; or why it cannot be done. */
export interface ReturnPlan extends AttemptWithOrder {
  operations: OperationWithStaff[];
  /** Succeeded refunds so far. */
  refundedKopecks: number;
  /** Paid minus every refund not known to have failed (pending and unknown ones count). */
  refundableKopecks: number;
  /** Null when nothing can be done now; `blocked` then says why. */
  decision: CancelOrRefundDecision | null;
  blocked: string | null;
  /** Set when the gateway could not be asked about the payment. */
  gatewayNote: string | null;
}

/**
 * Asks the gateway about the payment first (can it still be cancelled?), then decides cancel or
 * refund by the bank's day close (domain/payments/cancel-or-refund.ts). Reads only: nothing is changed.
 */
export async function planReturn(deps: Pick<Deps, 'db' | 'clock' | 'gateway' | 'log'>, attemptId: string): Promise<ReturnPlan | null> {
  const found = await attemptWithOrder(deps.db, attemptId);
  if (!found) return null;
  const { attempt } = found;
  const operations = await operationsWithStaff(deps.db, [attempt.id]);
  const refunds = operations.filter((op) => op.kind === 'refund');
  const plan: ReturnPlan = {
    ...found,
    operations,
    refundedKopecks: refunds.filter((op) => op.state === 'succeeded').reduce((sum, op) => sum + op.amountKopecks, 0),
    refundableKopecks: refundableKopecks(attempt.amountKopecks, refunds),
    decision: null,
    blocked: null,
    gatewayNote: null,
  };
  const stop = (why: string) => ({ ...plan, blocked: why });

  if (attempt.state === 'cancelled') return stop('Платёж отменён: деньги уже возвращены клиенту.');
  if (attempt.state === 'refunded') return stop('Платёж возвращён полностью.');
  if (attempt.state !== 'paid' || !attempt.paidAt || !attempt.gatewayPaymentId) return stop('Платёж не оплачен: возвращать нечего.');
  if (operations.some((op) => op.kind === 'cancel' && (op.state === 'pending' || op.state === 'unknown'))) {
    return stop('Отмена платежа ждёт ответа платёжного шлюза: сверка с шлюзом (раз в минуту) установит её итог.');
  }
  if (plan.refundableKopecks === 0) {
    return stop('Вся сумма уже возвращена или возврат ждёт сверки с платёжным шлюзом (раз в минуту).');
  }

  const answer = await deps.gateway.client.getStatus({ gatewayPaymentId: attempt.gatewayPaymentId });
  const status = answer.ok ? answer.status : null;
  if (!answer.ok) {
    // Staff read what happened in words; the technical reason («timeout», «answer refused: …») is for the log.
    const reason = answer.outcome === 'refused' ? `отказ: ${`${answer.code} ${answer.description}`.trim() || 'без пояснений'}` : answer.reason === 'timeout' ? 'не ответил вовремя' : 'ответ не получен или не прошёл проверку';
    if (answer.outcome === 'unknown') deps.log.warn({ attemptId: attempt.id, reason: answer.reason }, 'payment status unknown while planning a return');
    plan.gatewayNote = `Платёжный шлюз не сообщил состояние платежа (${reason}): отменить платёж сейчас нельзя, возможен только возврат.`;
  } else if (status!.kind === 'cancelled') {
    return stop('Платёжный шлюз сообщает, что платёж уже отменён. Проверьте платёж в личном кабинете Freedom Pay.');
  }
  // Cancel only what the gateway still holds un-cleared and untouched
  // (docs/freedompay-protocol.md#capture-cancel-refund: cancel.php reverses an authorisation before clearing);
  // pg_can_reject says it may still be undone.
  const gatewayCancellable = !!status && status.kind === 'paid' && status.canReject && !status.captured && status.refunds.length === 0;
  const held = status ? !status.captured : !attempt.captured;
  const decision = cancelOrRefund({ paidAt: attempt.paidAt, now: deps.clock.now(), gatewayCancellable, held });
  if (decision.kind === 'refund' && held) {
    return stop(
      status
        ? 'Деньги на карте только заблокированы и не списаны, а шлюз не даёт отменить платёж: вернуть нечего. Проверьте платёж в личном кабинете Freedom Pay.'
        : 'Деньги на карте только заблокированы, а шлюз не ответил: отменить платёж можно будет, когда он ответит. Попробуйте позже.',
    );
  }
  return { ...plan, decision };
}
