import type { Company } from '../../company.js';
import type { EmailContent } from './content.js';
import { moscowDateTime } from './format.js';
import { emailStyles as s, LinkButton, renderEmail } from './layout.js';

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
export function emailChangeConfirmEmail(data: EmailChangeConfirmData, company: Company): EmailContent {
  const intro = `Вы указали ${data.newEmail} как новый адрес электронной почты для личного кабинета. Чтобы подтвердить его, откройте ссылку:`;
  const validity = `Ссылка действует 72 часа — до ${moscowDateTime(data.validUntil)} (мск). Пока новый адрес не подтверждён, действует прежний.`;
  const questions = `Если вы не меняли адрес или у вас есть вопросы, ответьте на это письмо или позвоните нам: ${company.phone}.`;

  const body = (
    <>
      <h1 style={s.heading}>Подтвердите новый адрес электронной почты</h1>
      <p style={s.paragraph}>Здравствуйте, {data.customerName}!</p>
      <p style={s.paragraph}>{intro}</p>
      <LinkButton href={data.confirmUrl} label="Подтвердить новый адрес" />
      <p style={s.paragraph}>{validity}</p>
      <p style={s.paragraph}>{questions}</p>
    </>
  );

  const text = [`Здравствуйте, ${data.customerName}!`, '', intro, data.confirmUrl, '', validity, '', questions].join('\n');

  return renderEmail({ subject: 'Подтвердите новый адрес электронной почты', company, body, text });
}

/** Sent to the OLD address: someone asked to move the account to another address. */
export function emailChangeNoticeEmail(data: EmailChangeNoticeData, company: Company): EmailContent {
  const intro = `Поступил запрос — вероятно, от вас — на смену адреса электронной почты в личном кабинете на ${data.newEmail}.`;
  const effect = 'Адрес сменится, только когда новый адрес будет подтверждён. До этого действует прежний.';
  const notYou = `Если это были не вы, срочно позвоните нам: ${company.phone} — и смените пароль от личного кабинета.`;

  const body = (
    <>
      <h1 style={s.heading}>Адрес электронной почты меняется</h1>
      <p style={s.paragraph}>Здравствуйте, {data.customerName}!</p>
      <p style={s.paragraph}>{intro}</p>
      <p style={s.paragraph}>{effect}</p>
      <p style={s.paragraph}>
        <strong>{notYou}</strong>
      </p>
    </>
  );

  const text = [`Здравствуйте, ${data.customerName}!`, '', intro, '', effect, '', notYou].join('\n');

  return renderEmail({ subject: 'Адрес электронной почты в личном кабинете меняется', company, body, text });
}
