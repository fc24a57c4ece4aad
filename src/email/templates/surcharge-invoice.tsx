import type { EmailSender } from './sender.js';
import { formatRub } from '../../domain/money.js';
import { formatDuration } from '../../domain/invoices/surcharge.js';
import { oneLine, type EmailContent } from './content.js';
import { renderLetter } from './letter.js';

export interface SurchargeInvoiceData {
  customerName: string;
  serviceTitle: string;
  /** «У-1042» and the invoice's «У-1042-Д1» (domain/orders/order-number.ts). */
  orderNumber: string;
  invoiceNumber: string;
  workedMinutes: number;
  includedHours: number;
  /** Extra time already covered by earlier surcharge invoices of the order. */
  invoicedMinutes?: number;
  extraMinutes: number;
  hourlyRateKopecks: number;
  proposedKopecks: number;
  amountKopecks: number;
  /** The manager's explanation; required when the amount differs from the proposal. */
  reason: string | null;
  /** The invoice page in the personal account, with the pay button. */
  invoiceUrl: string;
}

/** «Счёт на доплату»: why there are extra hours, what they cost, and where to pay. */
export function surchargeInvoiceEmail(data: SurchargeInvoiceData, sender: EmailSender): EmailContent {
  const edited = data.amountKopecks !== data.proposedKopecks;
  return renderLetter(
    {
      type: 'surcharge_invoice',
      subject: oneLine(`Счёт на доплату ${data.invoiceNumber}: ${data.serviceTitle}`),
      heading: `Счёт на доплату ${data.invoiceNumber}`,
      customerName: data.customerName,
      blocks: [
        `Номер счёта: ${data.invoiceNumber}.`,
        `Работа по заказу ${data.orderNumber} «${data.serviceTitle}» заняла ${formatDuration(data.workedMinutes)}, а в услугу входит ${formatDuration(data.includedHours * 60)}.`,
        ...(data.invoicedMinutes ? [`${formatDuration(data.invoicedMinutes)} сверх этого уже учтены в предыдущем счёте.`] : []),
        `Дополнительное время — ${formatDuration(data.extraMinutes)} по ставке ${formatRub(data.hourlyRateKopecks)} за час: ${formatRub(data.proposedKopecks)}.`,
        ...(data.reason ? [edited ? `Сумма счёта изменена менеджером: ${data.reason}` : `Комментарий менеджера: ${data.reason}`] : []),
        { strong: `К оплате: ${formatRub(data.amountKopecks)}` },
        'Оплатить счёт картой можно в личном кабинете:',
        { href: data.invoiceUrl, label: 'Оплатить счёт' },
        `Если удобнее оплатить переводом по реквизитам или наличными, ответьте на это письмо или позвоните нам: ${sender.company.phone}.`,
      ],
    },
    sender,
  );
}

export interface SurchargePaidData {
  customerName: string;
  serviceTitle: string;
  orderNumber: string;
  invoiceNumber: string;
  amountKopecks: number;
  invoiceUrl: string;
}

/** «Доплата получена»: the surcharge invoice is settled. */
export function surchargePaidEmail(data: SurchargePaidData, sender: EmailSender): EmailContent {
  return renderLetter(
    {
      type: 'surcharge_paid',
      subject: `Доплата ${data.invoiceNumber} получена`,
      heading: 'Доплата получена',
      customerName: data.customerName,
      blocks: [
        `Мы получили доплату ${formatRub(data.amountKopecks)} по счёту ${data.invoiceNumber} к заказу ${data.orderNumber} «${data.serviceTitle}». Спасибо!`,
        { href: data.invoiceUrl, label: 'Открыть счёт' },
        `Если у вас есть вопросы, ответьте на это письмо или позвоните нам: ${sender.company.phone}.`,
      ],
    },
    sender,
  );
}
