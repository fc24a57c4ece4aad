import { formatRub } from '../../../domain/money.js';
import { moscowShort } from '../../../domain/calendar/moscow-time.js';
import type { PaidAttemptRow } from '../../../db/queries/payment-returns.js';
import { invoiceNumber } from '../../../domain/orders/order-number.js';
import { OrderLink, StateBadge } from '../orders/format.js';
import { AttemptStateBadge, CardText, returnHref } from './payment-bits.js';

export interface PaymentsListProps {
  rows: PaidAttemptRow[];
  search: string;
  page: number;
  hasMore: boolean;
}

const pageHref = (search: string, page: number) => {
  const params = new URLSearchParams();
  if (search) params.set('q', search);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `/admin/payments?${query}` : '/admin/payments';
};

/** /admin/payments: every payment that took money, newest first, with what was given back. */
export function PaymentsListPage({ rows, search, page, hasMore }: PaymentsListProps) {
  return (
    <section>
      <h1>Платежи</h1>
      <form method="get" action="/admin/payments" class="filters" role="search">
        <div class="field records-search">
          <label for="payments-search">Номер заказа или платежа в шлюзе</label>
          <input id="payments-search" name="q" type="search" value={search} maxLength={80} autocomplete="off" />
        </div>
        <button type="submit" class="button button-small">
          Найти
        </button>
        {search && <a href="/admin/payments">Сбросить</a>}
      </form>
      {rows.length === 0 ? (
        <p>{search ? 'Ничего не нашлось.' : 'Оплаченных платежей пока нет.'}</p>
      ) : (
        <div class="table-scroll">
          <table class="data-table">
            <thead>
              <tr>
                <th>Оплачен (мск)</th>
                <th>Заказ</th>
                <th class="num">Оплачено</th>
                <th class="num">Возвращено</th>
                <th>Карта</th>
                <th>Состояние</th>
                <th>Платёж в шлюзе</th>
                <th></th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ attempt, order, invoiceOrdinal, refundedKopecks, unsettled }) => (
                <tr>
                  <td>{attempt.paidAt ? moscowShort(attempt.paidAt) : '—'}</td>
                  <td>
                    <OrderLink id={order.id} number={order.number} />{' '}
                    {invoiceOrdinal !== null && <span class="badge">доплата {invoiceNumber(order.number, invoiceOrdinal)}</span>}
                    <br />
                    <small>
                      {order.serviceTitle} · {order.customerName}
                    </small>
                    <br />
                    <StateBadge state={order.state} />
                  </td>
                  <td class="num">{formatRub(attempt.amountKopecks)}</td>
                  <td class="num">{refundedKopecks > 0 ? formatRub(refundedKopecks) : attempt.state === 'cancelled' ? 'отменён' : '—'}</td>
                  <td>
                    <CardText attempt={attempt} />
                  </td>
                  <td>
                    <AttemptStateBadge attempt={attempt} refundedKopecks={refundedKopecks} unsettled={unsettled} />
                  </td>
                  <td>{attempt.gatewayPaymentId ?? '—'}</td>
                  <td>
                    <a href={returnHref(attempt.id)}>{attempt.state === 'paid' ? 'Отменить или вернуть' : 'История'}</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {(page > 1 || hasMore) && (
        <nav class="records-pager" aria-label="Страницы">
          {page > 1 ? <a href={pageHref(search, page - 1)} rel="prev">← Назад</a> : <span aria-hidden="true">← Назад</span>}
          <span>Страница {page}</span>
          {hasMore ? <a href={pageHref(search, page + 1)} rel="next">Дальше →</a> : <span aria-hidden="true">Дальше →</span>}
        </nav>
      )}
    </section>
  );
}
