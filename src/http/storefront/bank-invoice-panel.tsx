import { formatRub } from '../../domain/money.js';
import type { BankInvoice } from '../../db/queries/transfers.js';
import { invoiceTitle, paymentPurpose, vatWords, type VatLine } from '../../domain/transfers/bank-invoice.js';

// The bank invoice on the order page (and a surcharge's page): download it, and what to write in the
// payment order so the payment is found in our bank statement.

export interface BankInvoiceView {
  invoice: BankInvoice;
  vat: VatLine;
  pdfUrl: string;
}

/** `withdraw`: the order page's «Отменить заказ» (the order's own invoice, still waiting). */
export function BankInvoicePanel({ view, withdraw }: { view: BankInvoiceView; withdraw?: { action: string; csrfToken: string } }) {
  const { invoice, vat, pdfUrl } = view;
  const title = invoiceTitle(invoice.number, invoice.issuedAt);
  return (
    <section class="bank-invoice" aria-labelledby="bank-invoice-title">
      <h2 id="bank-invoice-title">{title}</h2>
      {invoice.state === 'waiting' && (
        <>
          <p>
            К оплате: <strong>{formatRub(invoice.amountKopecks)}</strong>. {vatWords(vat)}.
          </p>
          <p>В назначении платежа укажите:</p>
          <p class="purpose">
            <strong>{paymentPurpose(invoice.number, invoice.issuedAt, vat)}</strong>
          </p>
          <p class="hint">Счёт отправлен и на вашу почту. Когда деньги поступят на наш счёт (обычно на следующий рабочий день), эта страница покажет оплату и придут письма с доступом в личный кабинет.</p>
        </>
      )}
      {invoice.state === 'paid' && <p>Счёт оплачен. Спасибо!</p>}
      {invoice.state === 'cancelled' && <p>Счёт отменён: не оплачивайте его.</p>}
      <p>
        <a class="button" href={pdfUrl} download={`schet-${invoice.number}.pdf`}>
          Скачать счёт (PDF)
        </a>
      </p>
      {withdraw && invoice.state === 'waiting' && (
        <form method="post" action={withdraw.action}>
          <input type="hidden" name="_csrf" value={withdraw.csrfToken} />
          <p class="hint">Передумали? Пока деньги не отправлены, заказ можно отменить: счёт перестанет действовать.</p>
          <button type="submit" class="button">
            Отменить заказ
          </button>
        </form>
      )}
    </section>
  );
}
