import type { FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { formatRub } from '../../../domain/money.js';
import { allows } from '../../../domain/staff/staff-access.js';
import { invoiceTitle } from '../../../domain/transfers/bank-invoice.js';
import { bankInvoicesOfOrder, orderRefAndState, payerOfOrder } from '../../../db/queries/transfers.js';

const stateWords = { waiting: 'ждёт оплаты', paid: 'оплачен', cancelled: 'отменён' } as const;

/** The order card's «Оплата по счёту»: the paying company, its bank invoices and transfers; null for a card payer. */
export async function orderTransfersSection(request: FastifyRequest, orderId: string, csrfToken: string): Promise<VNode | null> {
  const { db } = request.server.deps;
  const payer = await payerOfOrder(db, orderId);
  if (!payer) return null;
  const [rows, order] = await Promise.all([bankInvoicesOfOrder(db, orderId), orderRefAndState(db, orderId)]);
  const canManage = request.staff !== null && allows(request.staff.role, 'transfers.manage');
  return (
    <section class="panel" id="transfers" aria-labelledby="transfers-title">
      <h2 id="transfers-title">Оплата по счёту</h2>
      <dl class="summary">
        <dt>Плательщик</dt>
        <dd>{payer.companyName}</dd>
        <dt>ИНН / КПП</dt>
        <dd>
          {payer.inn} / {payer.kpp ?? 'нет (ИП)'}
        </dd>
        <dt>Юридический адрес</dt>
        <dd>{payer.legalAddress}</dd>
      </dl>
      <ul>
        {rows.map(({ invoice, transfer }) => (
          <li>
            {invoiceTitle(invoice.number, invoice.issuedAt)}
            {invoice.invoiceId && ' (доплата)'}: {formatRub(invoice.amountKopecks)}, {stateWords[invoice.state]}
            {transfer && `; поступило ${transfer.receivedOn.split('-').reverse().join('.')} от ${transfer.payerName}${transfer.source === 'statement' ? ' (из выписки)' : ' (отмечено вручную)'}, чек не нужен`}
            {invoice.state === 'waiting' && canManage && (
              <>
                {' '}
                <a href={`/admin/transfers/${invoice.id}`}>Отметить оплату</a>
              </>
            )}
          </li>
        ))}
      </ul>
      {order && (
        <p>
          <a href={`/orders/${order.publicRef}/bank-invoice.pdf`}>Счёт заказа (PDF)</a>
        </p>
      )}
      {canManage && order?.state === 'awaiting_transfer' && (
        <form method="post" action={`/admin/transfers/orders/${orderId}/withdraw`} class="inline-form">
          <input type="hidden" name="_csrf" value={csrfToken} />
          <button type="submit" class="button button-small button-danger">
            Отменить заказ (деньги не поступали)
          </button>
        </form>
      )}
    </section>
  );
}
