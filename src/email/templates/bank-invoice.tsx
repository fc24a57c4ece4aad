import { formatRub } from '../../domain/money.js';
import { oneLine, type EmailContent } from './content.js';
import { renderLetter } from './letter.js';
import type { EmailSender } from './sender.js';

export interface BankInvoiceEmailData {
  customerName: string;
  /** «Счёт на оплату № 17 от 07.12.2026». */
  title: string;
  /** The order's service, or «Доплата: …» for a surcharge. */
  description: string;
  amountKopecks: number;
  /** «В том числе НДС 22 %: …» or «Без НДС». */
  vat: string;
  payerName: string;
  /** What the payment order's purpose should say (it carries the invoice number the statement is matched by). */
  purpose: string;
  /** The invoice as a PDF, and the page that shows whether it is paid. */
  pdfUrl: string;
  pageUrl: string;
  /** The order's number staff say aloud, when known. */
  orderNumber?: string;
  /** A surcharge's invoice: the order is paid already, so no account and no call to wait for. */
  surcharge?: boolean;
}

/**
 * «Счёт на оплату»: the bank invoice for a company or sole trader (docs/payments.md#bank-transfers). The
 * PDF is linked, not attached: the outbox stores letters as text and wipes nothing of it, and the link
 * (the order page's unguessable address) always gives the invoice as it is now.
 */
export function bankInvoiceEmail(data: BankInvoiceEmailData, sender: EmailSender): EmailContent {
  return renderLetter(
    {
      type: 'bank_invoice',
      subject: oneLine(`${data.title}${data.orderNumber ? `, заказ ${data.orderNumber}` : ''}: ${data.description}`),
      heading: data.title,
      customerName: data.customerName,
      blocks: [
        `Выставили счёт для ${data.payerName}: ${data.description}.`,
        { strong: `К оплате: ${formatRub(data.amountKopecks)}. ${data.vat}.` },
        `В назначении платежа, пожалуйста, укажите: «${data.purpose}» — по номеру счёта мы найдём платёж в выписке.`,
        { href: data.pdfUrl, label: 'Скачать счёт (PDF)' },
        data.surcharge
          ? `Когда деньги поступят на наш счёт, придёт письмо «Доплата получена». Счёт в личном кабинете: ${data.pageUrl}`
          : `Когда деньги поступят на наш счёт, придёт письмо «Заказ оплачен» и доступ в личный кабинет; менеджер свяжется с вами в течение рабочего часа. Состояние заказа: ${data.pageUrl}`,
        `Если нужны закрывающие документы или договор, ответьте на это письмо или позвоните нам: ${sender.company.phone}.`,
      ],
    },
    sender,
  );
}
