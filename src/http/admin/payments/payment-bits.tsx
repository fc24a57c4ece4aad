import { needsCancellationRequest } from '../../../domain/payments/cancel-or-refund.js';
import { cardBrandName } from '../../../domain/payments/card-brand.js';
import { formatRub } from '../../../domain/money.js';
import { moscowShort } from '../../../domain/calendar/moscow-time.js';
import type { OperationWithStaff } from '../../../db/queries/payment-returns.js';
import type { PaymentAttempt } from '../../../db/queries/payments.js';

// Pieces the payments pages and the order card's "Платежи" section share.

export const returnHref = (attemptId: string) => `/admin/payments/${attemptId}/return`;
export const requestPdfHref = (operationId: string) => `/admin/payments/operations/${operationId}/request.pdf`;

export function CardText({ attempt }: { attempt: Pick<PaymentAttempt, 'cardBrand' | 'cardLast4'> }) {
  if (!attempt.cardLast4) return <span class="hint">—</span>;
  return <span class="payments-card">{`${attempt.cardBrand ? `${cardBrandName(attempt.cardBrand)} ` : ''}•••• ${attempt.cardLast4}`}</span>;
}

/** The payment's state as staff think of it: paid, held, partly or fully refunded, cancelled; and "awaiting reconciliation". */
export function AttemptStateBadge({ attempt, refundedKopecks, unsettled }: { attempt: PaymentAttempt; refundedKopecks: number; unsettled: number }) {
  const [label, tone] =
    attempt.state === 'cancelled'
      ? ['Отменён', 'danger']
      : attempt.state === 'refunded'
        ? ['Возвращён полностью', 'danger']
        : refundedKopecks > 0
          ? ['Частично возвращён', 'warn']
          : !attempt.captured
            ? ['Заблокирован, не списан', 'warn']
            : ['Оплачен', 'ok'];
  return (
    <>
      <span class={`badge badge-${tone}`}>{label}</span>
      {unsettled > 0 && (
        <>
          {' '}
          <span class="badge badge-warn">Ждёт сверки</span>
        </>
      )}
    </>
  );
}

const kindNames: Record<OperationWithStaff['kind'], string> = { capture: 'Списание', cancel: 'Отмена', refund: 'Возврат' };
const stateBadges: Record<OperationWithStaff['state'], [string, string]> = {
  pending: ['Отправлена в шлюз', 'badge-warn'],
  succeeded: ['Выполнена', 'badge-ok'],
  failed: ['Отказ шлюза', 'badge-danger'],
  unknown: ['Итог неизвестен, ждёт сверки', 'badge-warn'],
};

function gatewayAnswer(op: OperationWithStaff): string {
  if (op.state === 'succeeded') return op.gatewayRefundId ? `Принято, № возврата ${op.gatewayRefundId}` : 'Принято';
  if (op.state === 'failed') return [op.gatewayCode, op.gatewayDescription].filter(Boolean).join(': ') || 'Отказ';
  if (op.state === 'unknown') return `Нет ответа${op.gatewayDescription ? ` (${op.gatewayDescription})` : ''}`;
  return 'Ждём ответа';
}

/** The history of a payment's capture, cancel and refund operations, with the bank request where there is one. */
export function OperationsTable({ operations, paidAt, canManage }: { operations: OperationWithStaff[]; paidAt: Date | null; canManage: boolean }) {
  if (operations.length === 0) return <p class="hint">Отмен и возвратов не было.</p>;
  return (
    <div class="table-scroll">
      <table class="data-table payments-operations">
        <thead>
          <tr>
            <th>Когда</th>
            <th>Операция</th>
            <th class="num">Сумма</th>
            <th>Состояние</th>
            <th>Кто</th>
            <th>Ответ шлюза</th>
          </tr>
        </thead>
        <tbody>
          {operations.map((op) => (
            <tr>
              <td>{moscowShort(op.createdAt)}</td>
              <td>
                {kindNames[op.kind]}
                {op.reason && (
                  <>
                    <br />
                    <small>Причина: {op.reason}</small>
                  </>
                )}
                {op.workDoneNote && (
                  <>
                    <br />
                    <small>Сделано и затраты: {op.workDoneNote}</small>
                  </>
                )}
                {canManage && paidAt && needsCancellationRequest(paidAt, op) && (
                  <>
                    <br />
                    <a href={requestPdfHref(op.id)}>Заявка на отмену операции (PDF)</a>
                  </>
                )}
              </td>
              <td class="num">{formatRub(op.amountKopecks)}</td>
              <td>
                <span class={`badge ${stateBadges[op.state][1]}`}>{stateBadges[op.state][0]}</span>
              </td>
              <td>{op.staffName ?? (op.staffId ? '—' : 'Система')}</td>
              <td>
                <small>{gatewayAnswer(op)}</small>
                {op.completedAt && (
                  <>
                    <br />
                    <small class="hint">{moscowShort(op.completedAt)}</small>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
