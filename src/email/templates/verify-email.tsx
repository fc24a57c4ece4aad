import type { EmailSender } from './sender.js';
import type { EmailContent } from './content.js';
import { moscowDateTime } from './format.js';
import { renderLetter } from './letter.js';

export interface VerifyEmailData {
  customerName: string;
  verifyUrl: string;
  /** When the link stops working (72 hours after it was issued). */
  validUntil: Date;
}

/** Asks a new client to confirm the email address before the first login. */
export function verifyEmailEmail(data: VerifyEmailData, sender: EmailSender): EmailContent {
  return renderLetter(
    {
      type: 'verify_email',
      subject: 'Подтвердите адрес электронной почты',
      heading: 'Подтвердите адрес электронной почты',
      customerName: data.customerName,
      blocks: [
        'Чтобы войти в личный кабинет, подтвердите, пожалуйста, адрес электронной почты. Откройте ссылку и нажмите на странице кнопку «Подтвердить».',
        { href: data.verifyUrl, label: 'Подтвердить адрес' },
        `Ссылка действует 72 часа — до ${moscowDateTime(data.validUntil)} (мск).`,
        'Если вы ничего у нас не заказывали, просто не обращайте внимания на это письмо.',
        `Если у вас есть вопросы, просто ответьте на это письмо или позвоните нам: ${sender.company.phone}.`,
      ],
    },
    sender,
  );
}
