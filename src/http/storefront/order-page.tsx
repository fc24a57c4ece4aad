import { DateTime } from 'luxon';
import { formatRub } from '../../domain/money.js';
import type { Order } from '../../db/queries/orders.js';

const stateLabels: Record<Order['state'], string> = {
  awaiting_payment: 'ожидает оплаты',
};

export function OrderPage({ order }: { order: Order }) {
  const placedAt = DateTime.fromJSDate(order.createdAt, { zone: 'Europe/Moscow' }).setLocale('ru');
  return (
    <section class="order-status">
      <h1>Заказ принят</h1>
      <p class={`status status-${order.state}`}>
        Статус: <strong>{stateLabels[order.state]}</strong>
      </p>
      <dl class="summary">
        <dt>Услуга</dt>
        <dd>{order.serviceTitle}</dd>
        <dt>Стоимость</dt>
        <dd>{formatRub(order.priceKopecks)}</dd>
        <dt>Оформлен</dt>
        <dd>{placedAt.toFormat("d MMMM yyyy 'в' HH:mm")} (мск)</dd>
        <dt>Контактное лицо</dt>
        <dd>{order.customerName}</dd>
        {order.comment && (
          <>
            <dt>Комментарий</dt>
            <dd class="comment">{order.comment}</dd>
          </>
        )}
      </dl>
      <p>Сохраните адрес этой страницы: по нему всегда можно проверить состояние заказа.</p>
    </section>
  );
}
