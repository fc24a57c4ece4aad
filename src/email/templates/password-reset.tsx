import type { Company } from '../../company.js';
import type { EmailContent } from './content.js';
import { moscowDateTime } from './format.js';
import { emailStyles as s, LinkButton, renderEmail } from './layout.js';

export interface PasswordResetData {
  customerName: string;
  resetUrl: string;
  /** When the link stops working (1 hour after it was issued). */
  validUntil: Date;
}

/** A one-time link to set a new password. */
export function passwordResetEmail(data: PasswordResetData, company: Company): EmailContent {
  const intro = 'Вы запросили восстановление пароля от личного кабинета. Чтобы задать новый пароль, откройте ссылку:';
  const validity = `Ссылка действует один раз и только 1 час — до ${moscowDateTime(data.validUntil)} (мск).`;
  const notYou = 'Если вы не запрашивали восстановление, просто не обращайте внимания на это письмо — пароль останется прежним.';
  const questions = `Если у вас есть вопросы, просто ответьте на это письмо или позвоните нам: ${company.phone}.`;

  const body = (
    <>
      <h1 style={s.heading}>Восстановление пароля</h1>
      <p style={s.paragraph}>Здравствуйте, {data.customerName}!</p>
      <p style={s.paragraph}>{intro}</p>
      <LinkButton href={data.resetUrl} label="Задать новый пароль" />
      <p style={s.paragraph}>{validity}</p>
      <p style={s.paragraph}>{notYou}</p>
      <p style={s.paragraph}>{questions}</p>
    </>
  );

  const text = [
    `Здравствуйте, ${data.customerName}!`,
    '',
    intro,
    data.resetUrl,
    '',
    validity,
    '',
    notYou,
    '',
    questions,
  ].join('\n');

  return renderEmail({ subject: 'Восстановление пароля', company, body, text });
}
