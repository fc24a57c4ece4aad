import type { EmailSender } from './sender.js';
import type { EmailContent } from './content.js';
import { renderLetter } from './letter.js';

export interface ServiceAddedData {
  customerName: string;
  serviceTitle: string;
  /** «У-1042» (domain/orders/order-number.ts). */
  orderNumber: string;
  accountUrl: string;
}

/** Sent to a returning client: the paid service is in the existing account; no new password. */
export function serviceAddedEmail(data: ServiceAddedData, sender: EmailSender): EmailContent {
  return renderLetter(
    {
      type: 'service_added',
      subject: `Услуга добавлена в личный кабинет: заказ ${data.orderNumber}, ${data.serviceTitle}`,
      heading: 'Услуга добавлена в личный кабинет',
      customerName: data.customerName,
      blocks: [
        'Оплаченная услуга добавлена в ваш личный кабинет:',
        { strong: `Заказ ${data.orderNumber}: ${data.serviceTitle}` },
        'Входите с вашими обычными логином и паролем — новый пароль не нужен, и мы его не высылаем.',
        { href: data.accountUrl, label: 'Открыть личный кабинет' },
        `Если у вас есть вопросы, просто ответьте на это письмо или позвоните нам: ${sender.company.phone}.`,
      ],
    },
    sender,
  );
}
