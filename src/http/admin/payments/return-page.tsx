import type { ReturnErrors, ReturnValues } from '../../../actions/payments/return-payment.js';
import { REASON_MAX, WORK_DONE_MAX } from '../../../actions/payments/return-payment.js';
import type { ReturnPlan } from '../../../actions/payments/plan-return.js';
import { formatRub, roublesForInput } from '../../../domain/money.js';
import { moscowShort } from '../../../domain/calendar/moscow-time.js';
import { invoiceNumber, orderNumber } from '../../../domain/orders/order-number.js';
import { ErrorSummary, PostForm } from '../../views/form-kit.js';
import { TextArea, TextField } from '../orders/fields.js';
import { AttemptStateBadge, CardText, OperationsTable, returnHref } from './payment-bits.js';

export interface ReturnPageProps {
  plan: ReturnPlan;
  csrfToken: string;
  values?: ReturnValues;
  errors?: ReturnErrors;
  /** A result to report (after the POST's redirect) or a warning (the decision changed meanwhile). */
  notice?: { tone: 'ok' | 'warn' | 'danger'; text: string };
}

const labels = { amount: 'Сумма возврата', reason: 'Причина', work_done: 'Что уже сделано' };

/** /admin/payments/:attemptId/return: what will happen (cancel or refund) and why, then the form. */
export function ReturnPage({ plan, csrfToken, values, errors = {}, notice }: ReturnPageProps) {
  const { attempt, order, decision, invoiceOrdinal } = plan;
  const unsettled = plan.operations.filter((op) => op.kind !== 'capture' && (op.state === 'pending' || op.state === 'unknown')).length;
  return (
    <section class="payments-return">
      <p>
        <a href={`/admin/orders/${order.id}`}>← Заказ {orderNumber(order.number)}</a>
      </p>
      <h1>Отмена или возврат платежа</h1>
      {notice && (
        <p class={`payments-notice payments-notice-${notice.tone}`} role={notice.tone === 'ok' ? 'status' : 'alert'}>
          {notice.text}
        </p>
      )}
      <div class="panel">
        <dl class="summary payments-summary">
          <dt>Заказ</dt>
          <dd>
            {orderNumber(order.number)} — {order.serviceTitle}
            {invoiceOrdinal !== null && ` (доплата по счёту ${invoiceNumber(order.number, invoiceOrdinal)})`}
          </dd>
          <dt>Клиент</dt>
          <dd>
            {order.customerName}, {order.customerEmail}
          </dd>
          <dt>Оплачен</dt>
          <dd>{attempt.paidAt ? `${moscowShort(attempt.paidAt)} (мск)` : '—'}</dd>
          <dt>Сумма платежа</dt>
          <dd>{formatRub(attempt.amountKopecks)}</dd>
          <dt>Уже возвращено</dt>
          <dd>{formatRub(plan.refundedKopecks)}</dd>
          <dt>Можно вернуть</dt>
          <dd>{formatRub(plan.refundableKopecks)}</dd>
          <dt>Карта</dt>
          <dd>
            <CardText attempt={attempt} />
          </dd>
          <dt>Платёж в шлюзе</dt>
          <dd>№ {attempt.gatewayPaymentId ?? '—'}</dd>
          <dt>Состояние</dt>
          <dd>
            <AttemptStateBadge attempt={attempt} refundedKopecks={plan.refundedKopecks} unsettled={unsettled} />
          </dd>
        </dl>
      </div>

      <div class="panel">
        {plan.blocked || !decision ? (
          <>
            <h2>Сейчас сделать ничего нельзя</h2>
            <p class="payments-notice payments-notice-warn">{plan.blocked}</p>
          </>
        ) : (
          <>
            <h2>{decision.kind === 'cancel' ? 'Будет сделано: отмена платежа' : 'Будет сделано: возврат денег'}</h2>
            <p>
              {decision.kind === 'cancel'
                ? `Платёж аннулируется целиком в Freedom Pay: ${formatRub(attempt.amountKopecks)}.`
                : `Деньги возвращаются на карту клиента через Freedom Pay: до ${formatRub(plan.refundableKopecks)} — оплачено ${formatRub(attempt.amountKopecks)} минус уже возвращённое.`}
            </p>
            <p class="payments-why">
              <strong>Почему:</strong> {decision.why}
            </p>
            {plan.gatewayNote && <p class="payments-notice payments-notice-warn">{plan.gatewayNote}</p>}
            <PostForm action={returnHref(attempt.id)} csrfToken={csrfToken} class="payments-form">
              <ErrorSummary errors={errors} labels={labels} />
              <input type="hidden" name="kind" value={decision.kind} />
              {decision.kind === 'refund' && (
                <TextField
                  id="field-amount"
                  name="amount"
                  label="Сумма возврата, ₽"
                  value={values?.amount ?? roublesForInput(plan.refundableKopecks)}
                  inputMode="decimal"
                  maxLength={20}
                  error={errors.amount}
                  hint={`Рубли, копейки через запятую, например 1 500,50. Не больше ${formatRub(plan.refundableKopecks)}; меньшая сумма — частичный возврат.`}
                />
              )}
              <TextArea
                id="field-work_done"
                name="work_done"
                label="Что из работы уже сделано и чего это стоило"
                value={values?.work_done ?? ''}
                rows={3}
                maxLength={WORK_DONE_MAX}
                error={errors.work_done}
                hint="Необязательно. Например: «проведён аудит, 2 часа — 3 000 ₽ удержано»."
              />
              <TextArea
                id="field-reason"
                name="reason"
                label="Причина"
                value={values?.reason ?? ''}
                rows={2}
                maxLength={REASON_MAX}
                error={errors.reason}
                hint="Обязательно. Попадёт в журнал действий и в заявку для банка."
              />
              <button type="submit" class="button button-danger">
                {decision.kind === 'cancel' ? `Отменить платёж на ${formatRub(attempt.amountKopecks)}` : 'Вернуть деньги'}
              </button>
              <p class="hint">На следующем шаге система спросит подтверждение; клиент получит письмо об отмене или возврате.</p>
            </PostForm>
          </>
        )}
      </div>

      <div class="panel">
        <h2>История операций</h2>
        <OperationsTable operations={plan.operations} paidAt={attempt.paidAt} canManage />
      </div>
    </section>
  );
}
