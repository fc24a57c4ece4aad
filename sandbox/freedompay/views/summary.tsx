import { displayAmount } from '../money.js';
import type { Payment } from '../store.js';

export function PaymentSummary({ payment, merchantName }: { payment: Payment; merchantName: string }) {
  return (
    <dl class="summary">
      <dt>Магазин</dt>
      <dd>{merchantName}</dd>
      <dt>Назначение</dt>
      <dd>{payment.description}</dd>
      {payment.orderId ? (
        <>
          <dt>Заказ</dt>
          <dd>{payment.orderId}</dd>
        </>
      ) : null}
      <dt>К оплате</dt>
      <dd class="amount">{displayAmount(payment.amountMinor, payment.currency)}</dd>
    </dl>
  );
}
