import type { Company } from '../../company.js';
import type { EmailContent } from './content.js';
import { moscowDateTime } from './format.js';
import { emailStyles as s, LinkButton, renderEmail } from './layout.js';

export interface VerifyEmailData {
  customerName: string;
  verifyUrl: string;
  /** When the link stops working (72 hours after it was issued). */
  validUntil: Date;
}

/** Asks a new client to confirm the email address before the first login. */
export function verifyEmailEmail(data: VerifyEmailData, company: Company): EmailContent {
  const intro = 'Чтобы войти в личный кабинет, подтвердите, пожалуйста, адрес электронной почты. Откройте ссылку и нажмите на странице кнопку «Подтвердить».';
  const validity = `Ссылка действует 72 часа — до ${moscowDateTime(data.validUntil)} (мск).`;
  const notYou = 'Если вы ничего у нас не заказывали, просто не обращайте внимания на это письмо.';
  const questions = `Если у вас есть вопросы, просто ответьте на это письмо или позвоните нам: ${company.phone}.`;

  const body = (
    <>
      <h1 style={s.heading}>Подтвердите адрес электронной почты</h1>
      <p style={s.paragraph}>Здравствуйте, {data.customerName}!</p>
      <p style={s.paragraph}>{intro}</p>
      <LinkButton href={data.verifyUrl} label="Подтвердить адрес" />
      <p style={s.paragraph}>{validity}</p>
      <p style={s.paragraph}>{notYou}</p>
      <p style={s.paragraph}>{questions}</p>
    </>
  );

  const text = [
    `Здравствуйте, ${data.customerName}!`,
    '',
    intro,
    '',
    `Подтвердить адрес: ${data.verifyUrl}`,
    '',
    validity,
    '',
    notYou,
    '',
    questions,
  ].join('\n');

  return renderEmail({ subject: 'Подтвердите адрес электронной почты', company, body, text });
}
