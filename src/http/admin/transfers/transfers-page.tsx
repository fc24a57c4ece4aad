import { moscowShort } from '../../../domain/calendar/moscow-time.js';
import { formatRub } from '../../../domain/money.js';
import { orderNumber } from '../../../domain/orders/order-number.js';
import { invoiceDate } from '../../../domain/transfers/bank-invoice.js';
import type { RecordedTransfer, WaitingBankInvoice } from '../../../db/queries/transfers.js';
import { ErrorSummary } from '../../views/form-kit.js';

export interface TransfersPageProps {
  waiting: WaitingBankInvoice[];
  recent: RecordedTransfer[];
  csrfToken: string;
  /** The statement form's problem (an unreadable file, say), next to its field. */
  statementError?: string;
  notice?: string;
  /** Development only: a made-up statement paying the waiting invoices. */
  sampleStatement: boolean;
}

const sourceNames = { manual: 'отмечено вручную', statement: 'из выписки' } as const;

/** /admin/transfers: bank invoices waiting for money, the statement upload, the latest transfers. */
export function TransfersPage({ waiting, recent, csrfToken, statementError, notice, sampleStatement }: TransfersPageProps) {
  return (
    <section>
      <h1>Оплаты по счетам</h1>
      <p class="hint">Организации и ИП платят банковским переводом по счёту. Кассовый чек на такие оплаты не нужен: платят со своего расчётного счёта.</p>
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      <section class="panel" aria-labelledby="statement-title">
        <h2 id="statement-title">Загрузить выписку банка</h2>
        <form method="post" action="/admin/transfers/statement" enctype="multipart/form-data" novalidate>
          <input type="hidden" name="_csrf" value={csrfToken} />
          <ErrorSummary errors={{ statement: statementError }} labels={{ statement: 'Файл выписки' }} />
          <div class={`field${statementError ? ' field-error' : ''}`}>
            <label for="field-statement">Файл выписки</label>
            <p class="hint" id="hint-statement">
              Выгрузка из интернет-банка в формате 1С (файл kl_to_1c.txt, «1CClientBankExchange»). Оплата учитывается, если в назначении платежа есть номер нашего счёта и сумма совпадает точно; остальное покажем списком.
            </p>
            {statementError && (
              <p class="error" id="error-statement">
                {statementError}
              </p>
            )}
            <input type="file" id="field-statement" name="statement" accept=".txt,text/plain" aria-describedby={statementError ? 'error-statement hint-statement' : 'hint-statement'} />
          </div>
          <button type="submit" class="button">
            Загрузить и сверить
          </button>
        </form>
        {sampleStatement && (
          <p class="hint">
            Для разработки: <a href="/admin/transfers/sample-statement.txt">пример выписки</a>, оплачивающей ожидающие счета.
          </p>
        )}
      </section>
      <section class="panel" aria-labelledby="waiting-title">
        <h2 id="waiting-title">Ждут оплаты</h2>
        {waiting.length === 0 ? (
          <p>Неоплаченных счетов нет.</p>
        ) : (
          <table class="table">
            <thead>
              <tr>
                <th scope="col">Счёт</th>
                <th scope="col">Заказ</th>
                <th scope="col">Плательщик</th>
                <th scope="col">Сумма</th>
                <th scope="col">Действие</th>
              </tr>
            </thead>
            <tbody>
              {waiting.map(({ invoice, order, payer, surchargeRef }) => (
                <tr>
                  <td>
                    № {invoice.number} от {invoiceDate(invoice.issuedAt)}
                    {surchargeRef && <span class="hint"> (доплата)</span>}
                  </td>
                  <td>
                    <a href={`/admin/orders/${order.id}`}>№ {orderNumber(order.number)}</a> {order.serviceTitle}
                  </td>
                  <td>
                    {payer.companyName}, ИНН {payer.inn}
                  </td>
                  <td>{formatRub(invoice.amountKopecks)}</td>
                  <td>
                    <a href={`/admin/transfers/${invoice.id}`}>Отметить оплату</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section class="panel" aria-labelledby="recent-title">
        <h2 id="recent-title">Последние поступления</h2>
        {recent.length === 0 ? (
          <p>Поступлений пока не было.</p>
        ) : (
          <table class="table">
            <thead>
              <tr>
                <th scope="col">Счёт</th>
                <th scope="col">Плательщик</th>
                <th scope="col">Сумма</th>
                <th scope="col">Дата платежа</th>
                <th scope="col">Учтено</th>
              </tr>
            </thead>
            <tbody>
              {recent.map(({ transfer, invoiceNumber, orderId }) => (
                <tr>
                  <td>
                    <a href={`/admin/orders/${orderId}`}>№ {invoiceNumber}</a>
                  </td>
                  <td>
                    {transfer.payerName}
                    {transfer.payerInn && `, ИНН ${transfer.payerInn}`}
                  </td>
                  <td>{formatRub(transfer.amountKopecks)}</td>
                  <td>{transfer.receivedOn.split('-').reverse().join('.')}</td>
                  <td>
                    {moscowShort(transfer.recordedAt)} мск, {sourceNames[transfer.source]}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </section>
  );
}
