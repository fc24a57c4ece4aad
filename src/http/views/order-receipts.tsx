import { DateTime } from 'luxon';
import { formatRub } from '../../domain/money.js';
import { receiptTitle } from '../../domain/receipts/receipt-flow.js';
import type { Receipt } from '../../db/queries/receipts.js';

// An order's cash receipts as the client sees them (the order page and the personal account): what each
// is, its sum and date, and the fiscal attributes that make it checkable at the tax service.

const moscow = (date: Date) => DateTime.fromJSDate(date, { zone: 'Europe/Moscow' }).setLocale('ru').toFormat("d MMMM yyyy 'в' HH:mm");

/** What the client is shown: a failed receipt that was sent again is replaced by its re-issue. */
export function receiptsForClient(receipts: Receipt[]): Receipt[] {
  const replaced = new Set(receipts.map((r) => r.reissueOf).filter((id) => id !== null));
  return receipts.filter((r) => !replaced.has(r.id));
}

export function OrderReceipts({ receipts }: { receipts: Receipt[] }) {
  const shown = receiptsForClient(receipts);
  if (shown.length === 0) return null;
  return (
    <section class="order-receipts" id="receipts">
      <h2>Кассовые чеки</h2>
      <p class="hint">Каждый чек касса отправляет и на вашу почту — письмом от оператора фискальных данных (ОФД).</p>
      <ul>
        {shown.map((receipt) => (
          <li class="receipt" data-state={receipt.state}>
            <p>
              <strong>{receiptTitle(receipt.kind, receipt.settlement)}</strong> на {formatRub(receipt.totalKopecks)}
              {receipt.state === 'done' && receipt.registeredAt ? `, ${moscow(receipt.registeredAt)} (мск)` : ''}
            </p>
            {receipt.state === 'done' ? <FiscalAttributes receipt={receipt} /> : <p class="status">Чек формируется</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}

function FiscalAttributes({ receipt }: { receipt: Receipt }) {
  return (
    <>
      <dl class="fiscal">
        <dt>ФН</dt>
        <dd>{receipt.fnNumber}</dd>
        <dt>ФД</dt>
        <dd>{receipt.fiscalDocumentNumber}</dd>
        <dt>ФП</dt>
        <dd>{receipt.fiscalDocumentAttribute}</dd>
        <dt>Чек №</dt>
        <dd>
          {receipt.fiscalReceiptNumber}, смена {receipt.shiftNumber}
        </dd>
      </dl>
      {receipt.ofdReceiptUrl && /^https?:\/\//.test(receipt.ofdReceiptUrl) && (
        <p>
          <a href={receipt.ofdReceiptUrl} rel="noopener noreferrer" target="_blank">
            Чек на сайте ОФД
          </a>
        </p>
      )}
    </>
  );
}
