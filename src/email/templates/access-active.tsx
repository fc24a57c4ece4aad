import type { Company } from '../../company.js';
import type { EmailContent } from './content.js';
import { emailStyles as s, LinkButton, renderEmail } from './layout.js';

export interface AccessActiveData {
  customerName: string;
  login: string;
  accountUrl: string;
}

/** Sent once the address is confirmed: the account is open, and how to log in. */
export function accessActiveEmail(data: AccessActiveData, company: Company): EmailContent {
  const intro = 'Адрес электронной почты подтверждён, доступ в личный кабинет открыт.';
  const login = `Для входа укажите логин ${data.login} или адрес электронной почты.`;
  const notYou = `Если это были не вы, ответьте на это письмо или позвоните нам: ${company.phone}.`;

  const body = (
    <>
      <h1 style={s.heading}>Доступ в личный кабинет открыт</h1>
      <p style={s.paragraph}>Здравствуйте, {data.customerName}!</p>
      <p style={s.paragraph}>{intro}</p>
      <p style={s.paragraph}>{login}</p>
      <LinkButton href={data.accountUrl} label="Открыть личный кабинет" />
      <p style={s.paragraph}>{notYou}</p>
    </>
  );

  const text = [`Здравствуйте, ${data.customerName}!`, '', intro, '', login, '', `Личный кабинет: ${data.accountUrl}`, '', notYou].join('\n');

  return renderEmail({ subject: 'Доступ в личный кабинет открыт', company, body, text });
}
