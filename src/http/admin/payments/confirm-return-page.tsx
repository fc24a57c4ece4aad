import type { ReturnPlan } from '../../../actions/payments/plan-return.js';
import type { ReturnValues } from '../../../actions/payments/return-payment.js';
import { formatRub } from '../../../domain/money.js';
import { orderNumber } from '../../../domain/orders/order-number.js';
import { PostForm } from '../../views/form-kit.js';
import { CardText, returnHref } from './payment-bits.js';

export interface ConfirmReturnPageProps {
  plan: ReturnPlan & { decision: NonNullable<ReturnPlan['decision']> };
  values: ReturnValues;
  amountKopecks: number;
  csrfToken: string;
}

/** The question itself: the sum, to whom, and that it cannot be undone. */
export function confirmQuestion({ plan, amountKopecks }: Pick<ConfirmReturnPageProps, 'plan' | 'amountKopecks'>): string {
  const sum = formatRub(amountKopecks);
  return plan.decision.kind === 'cancel'
    ? `Отменить платёж клиента ${plan.order.customerName} и вернуть ${sum}? Это нельзя отменить.`
    : `Вернуть ${sum} клиенту ${plan.order.customerName}? Это нельзя отменить.`;
}

/**
 * The step between the return form and the gateway: nothing has been done yet. The form carries what
 * was typed; «Да» does it, «Нет, изменить» goes back to the form with the same values.
 */
export function ConfirmReturnPage({ plan, values, amountKopecks, csrfToken }: ConfirmReturnPageProps) {
  const { attempt, order, decision } = plan;
  return (
    <section class="payments-return">
      <p>
        <a href={`/admin/orders/${order.id}`}>← Заказ № {orderNumber(order.number)}</a>
      </p>
      <h1>{decision.kind === 'cancel' ? 'Подтвердите отмену платежа' : 'Подтвердите возврат'}</h1>
      <div class="panel">
        <p class="payments-notice payments-notice-warn" role="alert">
          <strong>{confirmQuestion({ plan, amountKopecks })}</strong>
        </p>
        <dl class="summary payments-summary">
          <dt>Заказ</dt>
          <dd>
            № {orderNumber(order.number)} — {order.serviceTitle}
            {attempt.invoiceId && ' (доплата по счёту)'}
          </dd>
          <dt>Клиент</dt>
          <dd>
            {order.customerName}, {order.customerEmail}
          </dd>
          <dt>{decision.kind === 'cancel' ? 'Сумма платежа' : 'Сумма возврата'}</dt>
          <dd>
            {formatRub(amountKopecks)}
            {decision.kind === 'refund' && amountKopecks < plan.refundableKopecks && ` из ${formatRub(plan.refundableKopecks)}, которые можно вернуть`}
          </dd>
          <dt>На карту</dt>
          <dd>
            <CardText attempt={attempt} />
          </dd>
          <dt>Причина</dt>
          <dd class="comment">{values.reason}</dd>
          {values.work_done && (
            <>
              <dt>Что уже сделано</dt>
              <dd class="comment">{values.work_done}</dd>
            </>
          )}
        </dl>
        <PostForm action={returnHref(attempt.id)} csrfToken={csrfToken} class="payments-form">
          <input type="hidden" name="kind" value={decision.kind} />
          {decision.kind === 'refund' && <input type="hidden" name="amount" value={values.amount} />}
          <input type="hidden" name="reason" value={values.reason} />
          <input type="hidden" name="work_done" value={values.work_done} />
          <div class="payments-confirm-actions">
            <button type="submit" name="step" value="confirm" class="button button-danger">
              {decision.kind === 'cancel' ? `Да, отменить платёж на ${formatRub(amountKopecks)}` : `Да, вернуть ${formatRub(amountKopecks)}`}
            </button>
            <button type="submit" name="step" value="edit" class="button">
              Нет, изменить
            </button>
          </div>
          <p class="hint">Клиент получит письмо об {decision.kind === 'cancel' ? 'отмене' : 'возврате'}.</p>
        </PostForm>
      </div>
    </section>
  );
}
