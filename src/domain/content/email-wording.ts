// What the owner may word in the emails clients get (issue 17): the greeting, the sign-off and an
// optional paragraph of their own, per email type. Everything else — amounts, links, deadlines — stays
// in the templates, so an edit can never drop a fact the email exists to tell.

export const clientEmailTypes = {
  order_paid: 'Заказ оплачен',
  credentials: 'Доступ в личный кабинет (логин и пароль)',
  service_added: 'Услуга добавлена в личный кабинет',
  verify_email: 'Подтверждение адреса почты',
  access_active: 'Доступ открыт',
  password_reset: 'Восстановление пароля',
  email_change_confirm: 'Смена адреса: подтверждение на новый адрес',
  email_change_notice: 'Смена адреса: уведомление на старый адрес',
  specification_agreed: 'Спецификация согласована',
  extra_hours_request: 'Согласование дополнительных часов',
  work_handed_over: 'Работа сдана, ждёт приёмки',
  work_accepted: 'Заказ выполнен: акт об оказании услуг',
  surcharge_invoice: 'Счёт на доплату',
  bank_invoice: 'Счёт на оплату банковским переводом (организация или ИП)',
  surcharge_paid: 'Доплата получена',
  payment_cancelled: 'Платёж отменён',
  refund_made: 'Деньги возвращены',
  results_ready: 'Результаты работы готовы',
  order_message: 'Новое сообщение по заказу',
} as const;
export type ClientEmailType = keyof typeof clientEmailTypes;
export const isClientEmailType = (value: unknown): value is ClientEmailType => typeof value === 'string' && Object.hasOwn(clientEmailTypes, value);

export interface EmailWording {
  /** «Здравствуйте, {имя}!» */
  greeting: string;
  /** «С уважением, {компания}»; may be empty. */
  signOff: string;
  /** The owner's own paragraph after the email's content; may be empty. */
  paragraph: string;
}
export type EmailWordings = Record<ClientEmailType, EmailWording>;

export const defaultWording: EmailWording = { greeting: 'Здравствуйте, {имя}!', signOff: 'С уважением,\n{компания}', paragraph: '' };

/** Every type's wording: the stored ones over the defaults. */
export function wordingsWith(stored: Partial<EmailWordings>): EmailWordings {
  return Object.fromEntries(Object.keys(clientEmailTypes).map((type) => [type, stored[type as ClientEmailType] ?? defaultWording])) as EmailWordings;
}

export const wordingPlaceholders = { '{имя}': 'имя клиента', '{компания}': 'название компании' } as const;

/** The wording with the client's name and the company's name put in. */
export function fillWording(text: string, values: { name: string; company: string }): string {
  return text.replaceAll('{имя}', values.name).replaceAll('{компания}', values.company);
}

export type WordingErrors = Partial<Record<'greeting' | 'sign_off' | 'paragraph', string>>;
export type WordingCheck = { ok: true; wording: EmailWording } | { ok: false; errors: WordingErrors };

const tidy = (value: string) =>
  value
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();

function placeholderError(text: string): string | null {
  const unknown = [...text.matchAll(/\{[^{}\n]*\}/g)].map(([token]) => token).find((token) => !Object.hasOwn(wordingPlaceholders, token));
  return unknown ? `Неизвестная подстановка ${unknown}: доступны {имя} и {компания}.` : null;
}

/** What the owner typed, tidied and checked; messages in Russian. */
export function checkWording(input: { greeting: string; signOff: string; paragraph: string }): WordingCheck {
  const errors: WordingErrors = {};
  const greeting = tidy(input.greeting).replace(/\n+/g, ' ');
  const signOff = tidy(input.signOff);
  const paragraph = tidy(input.paragraph);
  if (!greeting) errors.greeting = 'Укажите приветствие, например «Здравствуйте, {имя}!».';
  else if (greeting.length > 120) errors.greeting = 'Приветствие — одна строка, не длиннее 120 символов.';
  else errors.greeting = placeholderError(greeting) ?? undefined;
  if (signOff.length > 300) errors.sign_off = 'Подпись — не длиннее 300 символов.';
  else if (signOff.split('\n').length > 4) errors.sign_off = 'Подпись — не больше 4 строк.';
  else errors.sign_off = placeholderError(signOff) ?? undefined;
  if (paragraph.length > 1_000) errors.paragraph = 'Дополнительный абзац — не длиннее 1000 символов.';
  else errors.paragraph = placeholderError(paragraph) ?? undefined;
  if (/<\/?[a-z][^>]*>/i.test(`${greeting} ${signOff} ${paragraph}`)) {
    errors.paragraph ??= 'HTML-теги не нужны: пишите обычным текстом.';
  }
  const failed = Object.fromEntries(Object.entries(errors).filter(([, message]) => message)) as WordingErrors;
  if (Object.keys(failed).length) return { ok: false, errors: failed };
  return { ok: true, wording: { greeting, signOff, paragraph } };
}
