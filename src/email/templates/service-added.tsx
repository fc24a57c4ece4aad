import type { Company } from '../../company.js';
import type { EmailContent } from './content.js';
import { emailStyles as s, LinkButton, renderEmail } from './layout.js';

export interface ServiceAddedData {
  customerName: string;
  serviceTitle: string;
  accountUrl: string;
}

/** Sent to a returning client: the paid service is in the existing account; no new password. */
export function serviceAddedEmail(data: ServiceAddedData, company: Company): EmailContent {
  const intro = 'Оплаченная услуга добавлена в ваш личный кабинет:';
  const login = 'Входите с вашими обычными логином и паролем — новый пароль не нужен, и мы его не высылаем.';
  const questions = `Если у вас есть вопросы, просто ответьте на это письмо или позвоните нам: ${company.phone}.`;

  const body = (
    <>
      <h1 style={s.heading}>Услуга добавлена в личный кабинет</h1>
      <p style={s.paragraph}>Здравствуйте, {data.customerName}!</p>
      <p style={s.paragraph}>{intro}</p>
      <p style={s.paragraph}>
        <strong>{data.serviceTitle}</strong>
      </p>
      <p style={s.paragraph}>{login}</p>
      <LinkButton href={data.accountUrl} label="Открыть личный кабинет" />
      <p style={s.paragraph}>{questions}</p>
    </>
  );

  const text = [
    `Здравствуйте, ${data.customerName}!`,
    '',
    intro,
    data.serviceTitle,
    '',
    login,
    '',
    `Личный кабинет: ${data.accountUrl}`,
    '',
    questions,
  ].join('\n');

  return renderEmail({ subject: `Услуга добавлена в личный кабинет: ${data.serviceTitle}`, company, body, text });
}
