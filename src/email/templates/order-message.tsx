import type { EmailContent } from './content.js';
import type { EmailSender } from './sender.js';
import { renderLetter } from './letter.js';

export interface OrderMessageData {
  customerName: string;
  serviceTitle: string;
  /** «У-1042» (domain/orders/order-number.ts). */
  orderNumber: string;
  /** The conversation in the personal account: /account/orders/<publicRef>#messages. */
  orderUrl: string;
}

/**
 * To the client for each staff message in the order's conversation (docs/delivery.md). The message's
 * text stays in the account, behind the sign-in: the email only says there is one and where to answer.
 */
export function orderMessageEmail(data: OrderMessageData, sender: EmailSender): EmailContent {
  return renderLetter(
    {
      type: 'order_message',
      subject: `Новое сообщение по заказу ${data.orderNumber}: ${data.serviceTitle}`,
      heading: 'Новое сообщение по заказу',
      customerName: data.customerName,
      blocks: [
        'Менеджер написал вам по заказу:',
        { strong: `${data.serviceTitle}, заказ ${data.orderNumber}` },
        'Прочитайте сообщение и ответьте в личном кабинете, в переписке по заказу. Ответ на это письмо не попадёт в переписку.',
        { href: data.orderUrl, label: 'Открыть переписку' },
      ],
    },
    sender,
  );
}
