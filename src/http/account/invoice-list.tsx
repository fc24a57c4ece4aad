import { formatRub } from '../../domain/money.js';
import { formatDuration } from '../../domain/invoices/surcharge.js';
import type { Invoice } from '../../db/queries/invoices.js';
import { moscowDateTime } from '../../email/templates/format.js';
import { PayButton } from './invoice-page.js';
import { invoiceNumber } from '../../domain/orders/order-number.js';

const stateNames: Record<Invoice['state'], string> = { open: 'ожидает оплаты', paid: 'оплачен', cancelled: 'отменён', refunded: 'возвращён' };

/** The order page's «Счета на доплату» panel: each invoice with its state, and a pay button while open. */
export function InvoiceList({ invoices, orderNumber, csrfToken, byTransfer = false }: { invoices: Invoice[]; orderNumber: number; csrfToken: string; byTransfer?: boolean }) {
  return (
    <div class="panel" id="invoices">
      <h2>Счета на доплату</h2>
      {invoices.length === 0 ? (
        <p>Счетов на доплату нет. Если работа займёт больше часов, чем входит в услугу, счёт появится здесь с кнопкой оплаты.</p>
      ) : (
        <div class="invoice-list">
          {invoices.map((invoice) => (
            <div>
              <p>
                <a href={`/account/invoices/${invoice.publicRef}`}>
                  Счёт {invoiceNumber(orderNumber, invoice.ordinal)}: {formatRub(invoice.amountKopecks)} за {formatDuration(invoice.extraMinutes)} сверх включённого
                </a>{' '}
                — {stateNames[invoice.state]}
                {invoice.state === 'paid' && invoice.paidAt ? ` ${moscowDateTime(invoice.paidAt)} (мск)` : ''}
              </p>
              {invoice.state === 'open' &&
                (byTransfer ? (
                  // A company pays by bank transfer: the invoice's page has the bank invoice to download.
                  <a href={`/account/invoices/${invoice.publicRef}`}>Счёт на оплату по реквизитам</a>
                ) : (
                  <PayButton invoice={invoice} csrfToken={csrfToken} />
                ))}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
