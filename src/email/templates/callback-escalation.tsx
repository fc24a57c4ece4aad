import type { EmailSender } from './sender.js';
import type { EmailContent } from './content.js';
import { moscowDateTime } from './format.js';
import { renderLetter } from './letter.js';

export interface CallbackEscalationData {
  staffName: string;
  orderNumber: string;
  serviceTitle: string;
  customerName: string;
  paidAt: Date;
  dueAt: Date;
  /** Who took the order; null when nobody did. */
  assignedName: string | null;
  cardUrl: string;
}

/**
 * To the order's manager and every admin, once, when nobody contacted a paying client by the deadline
 * (docs/back-office.md#callback-deadline). No phone number in it: the card has the contacts, behind the staff login.
 */
export function callbackEscalationEmail(data: CallbackEscalationData, sender: EmailSender): EmailContent {
  return renderLetter(
    {
      subject: `Просрочен звонок клиенту: заказ ${data.orderNumber}`,
      heading: 'Просрочен звонок клиенту',
      customerName: data.staffName,
      blocks: [
        `Никто не связался с клиентом до ${moscowDateTime(data.dueAt)} (мск): срок звонка прошёл.`,
        { strong: `Заказ ${data.orderNumber}: ${data.serviceTitle}` },
        `Клиент: ${data.customerName}. Оплачен ${moscowDateTime(data.paidAt)} (мск).`,
        data.assignedName ? `Заказ ведёт ${data.assignedName}.` : 'Заказ пока никто не взял.',
        'Свяжитесь с клиентом как можно скорее и запишите контакт в карточке заказа.',
        { href: data.cardUrl, label: 'Открыть карточку заказа' },
        'Письмо отправлено автоматически и по этому заказу больше не придёт.',
      ],
    },
    sender,
  );
}
