import type { EmailSender } from './sender.js';
import { roleNames, type StaffRole } from '../../domain/staff/staff-access.js';
import type { EmailContent } from './content.js';
import { renderLetter } from './letter.js';
import { countOf, words } from '../../domain/plural.js';

export interface StaffInvitationData {
  name: string;
  role: StaffRole;
  invitedBy: string;
  /** The set-password page, the single-use token in its fragment. */
  link: string;
  validHours: number;
}

/** An admin invited someone to the back office: set a password, then connect an authenticator app. */
export function staffInvitationEmail(data: StaffInvitationData, sender: EmailSender): EmailContent {
  return renderLetter(
    {
      subject: 'Приглашение в систему управления',
      heading: 'Приглашение в систему управления',
      customerName: data.name,
      blocks: [
        `${data.invitedBy} приглашает вас в систему управления ${sender.company.name} с ролью «${roleNames[data.role]}».`,
        'Задайте пароль по ссылке ниже, затем подключите приложение-аутентификатор (Яндекс Ключ, Google Authenticator или аналог): без кода из него войти нельзя.',
        { href: data.link, label: 'Задать пароль' },
        `Ссылка действует ${countOf(data.validHours, words.hour)} и срабатывает один раз. Если вы не ждали этого письма, просто удалите его.`,
      ],
    },
    sender,
  );
}
