import type { EmailSender } from './sender.js';
import { formatRub } from '../../domain/money.js';
import type { EmailContent } from './content.js';
import { renderLetter } from './letter.js';

export interface PaymentCancelledData {
  customerName: string;
  serviceTitle: string;
  /** «У-1042», or the surcharge invoice's «У-1042-Д1» when the payment was for one. */
  number: string;
  amountKopecks: number;
  /** «Visa •••• 1981», or null when the gateway did not tell the card. */
  card: string | null;
  /** The payment was for a surcharge invoice of the order, not the order itself. */
  surcharge: boolean;
  publicUrl: string;
  orderRef: string;
}

/** Sent when staff cancelled a payment before the bank's day close: the whole amount is voided. */
export function paymentCancelledEmail(data: PaymentCancelledData, sender: EmailSender): EmailContent {
  const what = data.surcharge ? `доплату ${data.number} по заказу «${data.serviceTitle}»` : `оплату заказа ${data.number} «${data.serviceTitle}»`;
  const where = data.card ? `на карте ${data.card}` : 'на карте';
  return renderLetter(
    {
      type: 'payment_cancelled',
      subject: data.surcharge ? `Доплата ${data.number} отменена` : `Оплата заказа ${data.number} отменена`,
      heading: data.surcharge ? 'Доплата отменена' : 'Оплата отменена',
      customerName: data.customerName,
      blocks: [
        `Мы отменили ${what} на сумму ${formatRub(data.amountKopecks)}.`,
        { strong: `Деньги не будут списаны: сумма снова станет доступна ${where} — обычно в течение нескольких часов, в некоторых банках до нескольких рабочих дней.` },
        'Состояние заказа видно на его странице:',
        { href: `${data.publicUrl}/orders/${encodeURIComponent(data.orderRef)}`, label: 'Открыть страницу заказа' },
        `Если у вас есть вопросы, ответьте на это письмо или позвоните нам: ${sender.company.phone}.`,
      ],
    },
    sender,
  );
}
