import { WordingEnd, wordingEndText } from './letter.js';
import { wordingFor, type EmailSender } from './sender.js';
import type { EmailContent } from './content.js';
import { moscowDateTime } from './format.js';
import { DetailsTable, emailStyles as s, LinkButton, renderEmail } from './layout.js';

export interface CredentialsData {
  customerName: string;
  /** The order the account was made for: «У-1042». */
  orderNumber: string;
  login: string;
  temporaryPassword: string;
  loginUrl: string;
  /** When the temporary password stops working (72 hours after it was issued). */
  validUntil: Date;
}

const code = `font-family:'Courier New',Courier,monospace;font-size:16px;font-weight:bold;color:#1f2328;background:#f3f4f6;padding:2px 6px;border-radius:4px;word-break:break-all;`;

/** Sent to a new client after the first order: the login and a temporary password. */
export function credentialsEmail(data: CredentialsData, sender: EmailSender): EmailContent {
  const wording = wordingFor(sender, 'credentials', data.customerName);
  const intro = `Для вашего заказа ${data.orderNumber} мы создали личный кабинет. Данные для входа:`;
  const validity = `Временный пароль действует 72 часа — до ${moscowDateTime(data.validUntil)} (мск) — или пока вы не зададите свой. При первом входе вы зададите собственный пароль.`;
  const emailLogin = 'Вместо логина можно указать адрес электронной почты.';
  const verifyFirst = 'Перед входом подтвердите адрес электронной почты по ссылке из следующего письма — мы пришлём его отдельно.';
  const expired = 'Если временный пароль истёк, запросите новый на странице входа по ссылке «Забыли пароль?».';
  const questions = `Если у вас есть вопросы, просто ответьте на это письмо или позвоните нам: ${sender.company.phone}.`;

  const body = (
    <>
      <h1 style={s.heading}>Доступ в личный кабинет</h1>
      <p style={s.paragraph}>{wording.greeting}</p>
      <p style={s.paragraph}>{intro}</p>
      <DetailsTable
        rows={[
          ['Логин', <span style={code}>{data.login}</span>],
          ['Временный пароль', <span style={code}>{data.temporaryPassword}</span>],
        ]}
      />
      <p style={s.paragraph}>{validity}</p>
      <p style={s.paragraph}>{emailLogin}</p>
      <p style={s.paragraph}>{verifyFirst}</p>
      <LinkButton href={data.loginUrl} label="Войти в личный кабинет" />
      <p style={s.paragraph}>{expired}</p>
      <p style={s.paragraph}>{questions}</p>
      <WordingEnd wording={wording} />
    </>
  );

  const text = [
    wording.greeting,
    '',
    intro,
    '',
    `Логин: ${data.login}`,
    `Временный пароль: ${data.temporaryPassword}`,
    '',
    validity,
    '',
    emailLogin,
    '',
    verifyFirst,
    '',
    `Вход в личный кабинет: ${data.loginUrl}`,
    '',
    expired,
    '',
    questions,
    ...wordingEndText(wording),
  ].join('\n');

  return renderEmail({ subject: 'Доступ в личный кабинет', company: sender.company, body, text });
}
