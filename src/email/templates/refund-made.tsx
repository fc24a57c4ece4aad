import type { EmailSender } from './sender.js';
import { formatRub } from '../../domain/money.js';
import type { EmailContent } from './content.js';
import { renderLetter } from './letter.js';

export interface RefundMadeData {
  customerName: string;
  serviceTitle: string;
  /** «У-1042», or the surcharge invoice's «У-1042-Д1» when the payment was for one. */
  number: string;
  /** This refund. */
  amountKopecks: number;
  /** The payment it comes from, and everything refunded from it so far (this refund included). */
  paidKopecks: number;
  refundedKopecks: number;
  /** «Visa •••• 1981», or null when the gateway did not tell the card. */
  card: string | null;
  surcharge: boolean;
  publicUrl: string;
  orderRef: string;
}

/** Sent when a refund went through the gateway: how much, to which card, when to expect it. */
export function refundMadeEmail(data: RefundMadeData, sender: EmailSender): EmailContent {
  const what = data.surcharge ? `доплату ${data.number} по заказу «${data.serviceTitle}»` : `заказ ${data.number} «${data.serviceTitle}»`;
  const partial = data.refundedKopecks < data.paidKopecks;
  return renderLetter(
    {
      type: 'refund_made',
      subject: `Возврат ${formatRub(data.amountKopecks)} за ${what}`,
      heading: 'Деньги возвращены',
      customerName: data.customerName,
      blocks: [
        `Мы вернули ${formatRub(data.amountKopecks)} за ${what}${data.card ? ` на карту ${data.card}` : ' на карту, с которой вы платили'}.`,
        ...(partial
          ? [`Это частичный возврат: из ${formatRub(data.paidKopecks)} оплаты возвращено ${formatRub(data.refundedKopecks)}.`]
          : []),
        { strong: 'Банк зачислит деньги на карту обычно в течение 5 рабочих дней, в некоторых банках — до 30 дней.' },
        'Состояние заказа видно на его странице:',
        { href: `${data.publicUrl}/orders/${encodeURIComponent(data.orderRef)}`, label: 'Открыть страницу заказа' },
        `Если деньги не пришли за это время или у вас есть вопросы, ответьте на это письмо или позвоните нам: ${sender.company.phone}.`,
      ],
    },
    sender,
  );
}
