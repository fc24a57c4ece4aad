import type { EmailSender } from './sender.js';
import type { EmailContent } from './content.js';
import { moscowDateTime } from './format.js';
import { renderLetter } from './letter.js';

export interface PasswordResetData {
  customerName: string;
  resetUrl: string;
  /** When the link stops working (1 hour after it was issued). */
  validUntil: Date;
}

/** A one-time link to set a new password. */
export function passwordResetEmail(data: PasswordResetData, sender: EmailSender): EmailContent {
  return renderLetter(
    {
      type: 'password_reset',
      subject: 'Восстановление пароля',
      heading: 'Восстановление пароля',
      customerName: data.customerName,
      blocks: [
        'Вы запросили восстановление пароля от личного кабинета. Чтобы задать новый пароль, откройте ссылку:',
        { href: data.resetUrl, label: 'Задать новый пароль' },
        `Ссылка действует один раз и только 1 час — до ${moscowDateTime(data.validUntil)} (мск).`,
        'Если вы не запрашивали восстановление, просто не обращайте внимания на это письмо — пароль останется прежним.',
        `Если у вас есть вопросы, просто ответьте на это письмо или позвоните нам: ${sender.company.phone}.`,
      ],
    },
    sender,
  );
}
