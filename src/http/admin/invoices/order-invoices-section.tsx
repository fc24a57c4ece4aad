import type { FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { surchargeOffer } from '../../../actions/invoices/issue-invoice.js';
import { formatRub } from '../../../domain/money.js';
import { allows } from '../../../domain/staff/staff-access.js';
import { formatDuration } from '../../../domain/invoices/surcharge.js';
import { extraHoursOfOrder } from '../../../db/queries/extra-hours.js';
import { invoicesOfOrder } from '../../../db/queries/invoices.js';
import { extraHoursRequestRefusal } from '../../../domain/invoices/extra-hours.js';
import type { CardProblem } from '../orders/order-card-page.js';
import { ExtraHoursPanel } from './extra-hours-panel.js';
import { moscowShort } from '../../../domain/calendar/moscow-time.js';
import { Calculation, HowPaid, InvoiceStateBadge } from './invoice-bits.js';
import { invoiceNumber } from '../../../domain/orders/order-number.js';

/**
 * The order card's "Доплаты" section: the order's surcharge invoices, their state, and the actions the
 * member's role allows (issue, mark paid by other means). Returns null when there is nothing to show
 * (a fixed-price order without invoices).
 */
export async function orderInvoicesSection(request: FastifyRequest, orderId: string, csrfToken: string, problem: CardProblem = {}): Promise<VNode | null> {
  const { db } = request.server.deps;
  const [offer, items] = [await surchargeOffer(db, orderId), await invoicesOfOrder(db, orderId)];
  const requests = offer.kind === 'not_found' ? [] : await extraHoursOfOrder(db, orderId);
  if (offer.kind === 'not_found' || (offer.basis.billing !== 'hourly' && items.length === 0)) return null;
  const { basis } = offer;
  const role = request.staff?.role;
  const canWork = role !== undefined && allows(role, 'orders.work');
  const canMarkPaid = role !== undefined && allows(role, 'invoices.mark_paid');
  const canAsk = canWork && extraHoursRequestRefusal({ billing: basis.billing, orderState: basis.order.state, hasPending: basis.agreement.pendingMinutes > 0 }) === null;
  const askForm = { open: canAsk, csrfToken, ...(problem.form === 'extra_hours' ? { errors: problem.errors, values: problem.values } : {}) };

  return (
    <section class="panel invoices-section" id="invoices">
      <h2>Доплаты</h2>
      {basis.includedHours !== null && (
        <p>
          Отработано {formatDuration(basis.workedMinutes)}, в услугу входит {formatDuration(basis.includedHours * 60)}
          {basis.hourlyRateKopecks !== null && `; ставка ${formatRub(basis.hourlyRateKopecks)} за час`}.
          {basis.invoicedMinutes > 0 && ` Уже выставлено сверх: ${formatDuration(basis.invoicedMinutes)}.`}
        </p>
      )}
      <ExtraHoursPanel offer={offer} requests={requests} form={askForm} />
      {offer.kind === 'offer' && canWork && (
        <p>
          <a class="button button-small" href={`/admin/orders/${orderId}/invoices/new`}>
            Выставить счёт на доплату: {formatDuration(offer.proposal.extraMinutes)} — {formatRub(offer.proposal.amountKopecks)}
          </a>
        </p>
      )}
      {items.length === 0 ? (
        <p class="hint">Счетов на доплату нет.</p>
      ) : (
        <div class="table-scroll">
          <table class="data-table">
            <thead>
              <tr>
                <th>Счёт</th>
                <th>Расчёт</th>
                <th>К оплате</th>
                <th>Состояние</th>
                <th>Действия</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => {
                const { invoice } = item;
                const open = invoice.state === 'open';
                const edited = invoice.amountKopecks !== invoice.proposedKopecks;
                return (
                  <tr>
                    <td>
                      <span class="invoices-nowrap">{invoiceNumber(basis.order.number, invoice.ordinal)}</span>
                      <br />
                      <span class="invoices-nowrap">{moscowShort(invoice.createdAt)}</span>
                      <br />
                      <small>{item.createdByName}</small>
                    </td>
                    <td>
                      <Calculation item={item} />
                    </td>
                    <td class="invoices-amount-cell">
                      <strong class="invoices-nowrap">{formatRub(invoice.amountKopecks)}</strong>
                      {edited && <small class="invoices-nowrap"> вместо {formatRub(invoice.proposedKopecks)}</small>}
                      {invoice.amountReason && (
                        <>
                          <br />
                          <small>«{invoice.amountReason}»</small>
                        </>
                      )}
                    </td>
                    <td>
                      <InvoiceStateBadge state={invoice.state} />
                      <br />
                      <small>
                        {invoice.state === 'cancelled' ? item.voidReason : <HowPaid item={item} />}
                      </small>
                    </td>
                    <td class="invoices-actions">
                      <a href={`/admin/invoices/${invoice.id}`}>Открыть</a>
                      {open && canMarkPaid && <a href={`/admin/invoices/${invoice.id}#mark-paid`}>Отметить оплату</a>}
                      {open && canWork && <a href={`/admin/invoices/${invoice.id}#void`}>Отменить</a>}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
