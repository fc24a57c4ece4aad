import { z } from 'zod';
import { normalisePhone } from '../accounts/phone.js';
import { checkPayer, payerFormFields, type CompanyPayer, type PayerFormField } from '../transfers/payer-form.js';

// The order form's fields (docs/payments.md#the-order-form: the names are a public contract) and their rules.

export const orderFormFields = ['name', 'email', 'phone', 'comment', 'accept_offer', 'consent_pd', 'marketing'] as const;
export type OrderFormField = (typeof orderFormFields)[number];

/** What the visitor typed, as strings, to show the form again after an error. */
export type OrderFormValues = Partial<Record<OrderFormField | PayerFormField, string>>;
export type OrderFormErrors = Partial<Record<OrderFormField | PayerFormField, string>>;

export interface OrderRequest {
  name: string;
  email: string;
  phone: string; // E.164
  comment: string | null;
  marketingOptIn: boolean;
  /** Set when an organisation or sole trader pays by bank transfer (docs/payments.md#bank-transfers). */
  payer: CompanyPayer | null;
}

const NAME = /^[\p{L}\p{M}]+(?:[ '’-][\p{L}\p{M}]+)*$/u;
const EMAIL = /^[^\s@]{1,64}@(?:[^\s@.]+\.)+[^\s@.]{2,}$/u;
// The mailer queues only addresses zod's email rule accepts (email/queue-email.ts). An address it
// would refuse (markup like `"><svg…>@x.ru`, a non-ASCII domain) must be refused here, or the order
// is paid and then no email can ever be queued for it: no confirmation, no account.
const MAILABLE = z.email();

const text = (value: unknown) => (typeof value === 'string' ? value : '');
/** How an HTML checkbox arrives: present with a value when ticked, absent otherwise. */
export const isTicked = (value: unknown) => value === 'on' || value === '1' || value === 'true' || value === 'yes';

const schema = z.object({
  name: z
    .string()
    .transform((s) => s.trim().replace(/\s+/g, ' '))
    .pipe(
      z
        .string()
        .min(2, 'Укажите имя: от 2 до 100 символов.')
        .max(100, 'Имя слишком длинное: не больше 100 символов.')
        .regex(NAME, 'В имени допустимы буквы, пробел, дефис и апостроф.'),
    ),
  email: z
    .string()
    .transform((s) => s.trim())
    .pipe(
      z
        .string()
        .min(1, 'Укажите адрес электронной почты.')
        .max(254, 'Адрес слишком длинный.')
        .regex(EMAIL, 'Проверьте адрес: он должен выглядеть как name@example.ru.')
        .refine((s) => MAILABLE.safeParse(s).success, 'Проверьте адрес: он должен выглядеть как name@example.ru.')
        .transform((s) => s.toLowerCase()),
    ),
  phone: z.string().transform((s, ctx) => {
    const normalised = normalisePhone(s);
    if (normalised) return normalised;
    ctx.addIssue({
      code: 'custom',
      message: s.trim()
        ? 'Проверьте номер: например, +7 912 345-67-89 или 8 912 345-67-89.'
        : 'Укажите телефон, чтобы менеджер мог с вами связаться.',
    });
    return z.NEVER;
  }),
  comment: z
    .string()
    .transform((s) => s.trim())
    .pipe(z.string().max(2000, 'Комментарий слишком длинный: не больше 2000 символов.'))
    .transform((s) => (s === '' ? null : s)),
  accept_offer: z.literal(true, { error: 'Чтобы оформить заказ, примите условия оферты.' }),
  consent_pd: z.literal(true, { error: 'Нужно согласие на обработку персональных данных.' }),
  marketing: z.boolean(),
});

/** The contact fields' rules, shared with the personal account's profile and email forms. */
export const contactFieldRules = { name: schema.shape.name, email: schema.shape.email, phone: schema.shape.phone };

export type OrderFormResult =
  | { ok: true; order: OrderRequest; values: OrderFormValues }
  | { ok: false; errors: OrderFormErrors; values: OrderFormValues };

/**
 * Validates a submitted form body. Unknown fields are ignored; missing ones count as empty.
 * `transfersOffered`: whether «Оплатить как организация или ИП» is on offer (the seller's bank details are known).
 */
export function validateOrderForm(body: Record<string, unknown>, options: { transfersOffered?: boolean } = {}): OrderFormResult {
  const values: OrderFormValues = {};
  for (const field of [...orderFormFields, ...payerFormFields]) values[field] = text(body[field]).slice(0, 10_000);
  const payer = checkPayer(values, options.transfersOffered ?? false);
  const parsed = schema.safeParse({
    name: values.name,
    email: values.email,
    phone: values.phone,
    comment: values.comment,
    accept_offer: isTicked(body.accept_offer),
    consent_pd: isTicked(body.consent_pd),
    marketing: isTicked(body.marketing),
  });
  if (parsed.success && payer.ok) {
    const { name, email, phone, comment, marketing } = parsed.data;
    return { ok: true, order: { name, email, phone, comment, marketingOptIn: marketing, payer: payer.payer }, values };
  }
  const errors: OrderFormErrors = {};
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const field = issue.path[0] as OrderFormField;
    errors[field] ??= issue.message;
  }
  // After the contact fields, in the order the form shows them.
  if (!payer.ok) Object.assign(errors, payer.errors);
  return { ok: false, errors, values };
}
