import type { EmailSender } from './sender.js';
import type { EmailContent } from './content.js';
import { moscowDateTime } from './format.js';
import { renderLetter } from './letter.js';

export interface EmailChangeConfirmData {
  customerName: string;
  newEmail: string;
  confirmUrl: string;
  /** When the link stops working (72 hours after it was issued). */
  validUntil: Date;
}

export interface EmailChangeNoticeData {
  customerName: string;
  newEmail: string;
}

/** Sent to the NEW address: confirm it; until then the old one stays in force. */
export function emailChangeConfirmEmail(data: EmailChangeConfirmData, sender: EmailSender): EmailContent {
  return renderLetter(
    {
      type: 'email_change_confirm',
      subject: 'Подтвердите новый адрес электронной почты',
      heading: 'Подтвердите новый адрес электронной почты',
      customerName: data.customerName,
      blocks: [
        `Вы указали ${data.newEmail} как новый адрес электронной почты для личного кабинета. Чтобы подтвердить его, откройте ссылку:`,
        { href: data.confirmUrl, label: 'Подтвердить новый адрес' },
        `Ссылка действует 72 часа — до ${moscowDateTime(data.validUntil)} (мск). Пока новый адрес не подтверждён, действует прежний.`,
        `Если вы не меняли адрес или у вас есть вопросы, ответьте на это письмо или позвоните нам: ${sender.company.phone}.`,
      ],
    },
    sender,
  );
}

/** Sent to the OLD address: someone asked to move the account to another address. */
export function emailChangeNoticeEmail(data: EmailChangeNoticeData, sender: EmailSender): EmailContent {
  return renderLetter(
    {
      type: 'email_change_notice',
      subject: 'Адрес электронной почты в личном кабинете меняется',
      heading: 'Адрес электронной почты меняется',
      customerName: data.customerName,
      blocks: [
        `Поступил запрос — вероятно, от вас — на смену адреса электронной почты в личном кабинете на ${data.newEmail}.`,
        'Адрес сменится, только когда новый адрес будет подтверждён. До этого действует прежний.',
        { strong: `Если это были не вы, срочно позвоните нам: ${sender.company.phone} — и смените пароль от личного кабинета.` },
      ],
    },
    sender,
  );
}
