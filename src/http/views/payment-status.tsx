import type { ComponentChildren } from 'preact';
import type { PaymentAttempt } from '../../db/queries/payments.js';

// The payment status block of the order page and the surcharge invoice page: what our database says
// about the money (fed by callbacks and reconciliation, never by the browser's return).

export type PaymentView = 'unpaid' | 'checking' | 'failed' | 'paid' | 'review' | 'cancelled' | 'refunded';

export interface PaymentStatusProps {
  view: PaymentView;
  /** The newest payment attempt, if any. */
  attempt: PaymentAttempt | undefined;
  /** What is paid for, as in «не совпала с заказом / со счётом». */
  payee: 'order' | 'invoice';
  /** The page's own words where an order and an invoice differ. */
  says: Record<'unpaid' | 'paid' | 'cancelled' | 'refunded', ComponentChildren>;
}

export function PaymentStatus({ view, attempt, payee, says }: PaymentStatusProps) {
  switch (view) {
    case 'unpaid':
      return <p class="status status-waiting">{says.unpaid}</p>;
    case 'checking':
      return (
        <div class="status status-waiting" role="status">
          <p>Ждём подтверждения от платёжного сервиса. Страница обновится сама через несколько секунд.</p>
          {attempt?.redirectUrl && (
            <p>
              Не завершили оплату? <a href={attempt.redirectUrl}>Вернуться на страницу оплаты</a>
            </p>
          )}
        </div>
      );
    case 'failed':
      return (
        <div class="status status-failed" role="alert">
          <p>{failureText(attempt, payee)}</p>
          <p>Деньги не списаны. Можно попробовать ещё раз, в том числе другой картой.</p>
        </div>
      );
    case 'paid':
      return <p class="status status-ok">{says.paid}</p>;
    case 'review':
      return <p class="status status-waiting">Платёж получен, но требует проверки. Менеджер свяжется с вами в ближайшее рабочее время.</p>;
    case 'cancelled':
      return <p class="status">{says.cancelled}</p>;
    case 'refunded':
      return <p class="status">{says.refunded}</p>;
  }
}

function failureText(attempt: PaymentAttempt | undefined, payee: PaymentStatusProps['payee']): string {
  if (attempt?.state === 'expired') return 'Время на оплату истекло.';
  if (attempt?.failureCode === 'rejected_by_shop') return `Сумма платежа не совпала ${payee === 'order' ? 'с заказом' : 'со счётом'}, платёж отменён.`;
  return attempt?.failureDescription ? `Банк отклонил платёж: ${attempt.failureDescription}` : 'Банк отклонил платёж.';
}
