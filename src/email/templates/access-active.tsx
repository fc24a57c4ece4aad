import type { EmailSender } from './sender.js';
import type { EmailContent } from './content.js';
import { renderLetter } from './letter.js';

export interface AccessActiveData {
  customerName: string;
  login: string;
  accountUrl: string;
}

/** Sent once the address is confirmed: the account is open, and how to log in. */
export function accessActiveEmail(data: AccessActiveData, sender: EmailSender): EmailContent {
  return renderLetter(
    {
      type: 'access_active',
      subject: 'Доступ в личный кабинет открыт',
      heading: 'Доступ в личный кабинет открыт',
      customerName: data.customerName,
      blocks: [
        'Адрес электронной почты подтверждён, доступ в личный кабинет открыт.',
        `Для входа укажите логин ${data.login} или адрес электронной почты.`,
        { href: data.accountUrl, label: 'Открыть личный кабинет' },
        `Если это были не вы, ответьте на это письмо или позвоните нам: ${sender.company.phone}.`,
      ],
    },
    sender,
  );
}
