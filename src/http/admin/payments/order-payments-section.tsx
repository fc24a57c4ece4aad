import type { FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { formatRub } from '../../../domain/money.js';
import { moscowShort } from '../../../domain/calendar/moscow-time.js';
import { allows } from '../../../domain/staff/staff-access.js';
import { operationsWithStaff, paidAttemptsOfOrder } from '../../../db/queries/payment-returns.js';
import { AttemptStateBadge, CardText, OperationsTable, returnHref } from './payment-bits.js';

/**
 * The order card's "Платежи" section: each payment of the order (and of its surcharge invoices) with
 * what was refunded or cancelled, and — for roles with payments.manage — the cancel-or-refund action.
 * Returns null when there is nothing to show.
 */
export async function orderPaymentsSection(request: FastifyRequest, orderId: string): Promise<VNode | null> {
  const { db } = request.server.deps;
  const attempts = await paidAttemptsOfOrder(db, orderId);
  if (attempts.length === 0) return null;
  const operations = await operationsWithStaff(db, attempts.map((a) => a.id));
  const canManage = request.staff !== null && allows(request.staff.role, 'payments.manage');

  return (
    <section class="panel payments-section" id="payments">
      <h2>Платежи</h2>
      {attempts.map((attempt) => {
        const own = operations.filter((op) => op.attemptId === attempt.id);
        const refunded = own.filter((op) => op.kind === 'refund' && op.state === 'succeeded').reduce((sum, op) => sum + op.amountKopecks, 0);
        const unsettled = own.filter((op) => op.kind !== 'capture' && (op.state === 'pending' || op.state === 'unknown')).length;
        return (
          <div class="payments-attempt">
            <h3>
              {attempt.invoiceId ? 'Доплата по счёту' : 'Оплата заказа'}: {formatRub(attempt.amountKopecks)}{' '}
              <AttemptStateBadge attempt={attempt} refundedKopecks={refunded} unsettled={unsettled} />
            </h3>
            <p class="payments-facts">
              {attempt.paidAt && <span>Оплачен {moscowShort(attempt.paidAt)} (мск)</span>}
              <span>
                Карта <CardText attempt={attempt} />
              </span>
              {refunded > 0 && <span>Возвращено {formatRub(refunded)}</span>}
              <span>Платёж в шлюзе № {attempt.gatewayPaymentId ?? '—'}</span>
            </p>
            {canManage && attempt.state === 'paid' && (
              <p>
                <a class="button button-small button-danger" href={returnHref(attempt.id)}>
                  Отменить или вернуть
                </a>
              </p>
            )}
            <OperationsTable operations={own} paidAt={attempt.paidAt} canManage={canManage} />
          </div>
        );
      })}
    </section>
  );
}
