import { z } from 'zod';
import { normalisePhone } from '../accounts/phone.js';
import { pickUtm, type Utm } from '../marketing/utm.js';

// A «заказать звонок» form sent by Tilda's webhook (docs/tilda.md). Tilda names the fields after the
// form's «имя переменной», so the usual spellings are all understood (Name, name, Phone, …); a field
// the site owner renamed to something else is not guessed at.

export interface LeadRequest {
  name: string;
  phone: string; // E.164
  email: string | null;
  comment: string | null;
  service: string | null;
  /** Tilda's submission id (tranid) and form id (formid), when sent. */
  externalId: string | null;
  formId: string | null;
  utm: Utm;
}

export type LeadField = 'name' | 'phone' | 'email' | 'comment' | 'service';

/** The field names Tilda may use for each of ours, first match wins. */
export const tildaFieldNames: Record<LeadField, string[]> = {
  name: ['name', 'Name', 'NAME', 'Имя', 'имя'],
  phone: ['phone', 'Phone', 'PHONE', 'Телефон', 'телефон'],
  email: ['email', 'Email', 'EMAIL', 'e-mail', 'E-mail'],
  comment: ['comment', 'Comment', 'comments', 'Comments', 'Textarea', 'textarea', 'message', 'Message', 'Комментарий'],
  service: ['service', 'Service', 'Услуга', 'услуга'],
};

const PRINTABLE = /^[^\p{Cc}\p{Cf}]*$/u;
const line = (max: number, label: string) =>
  z
    .string()
    .transform((s) => s.trim().replace(/\s+/g, ' '))
    .pipe(z.string().max(max, `${label}: не больше ${max} символов.`).regex(PRINTABLE, `${label}: недопустимые символы.`));

const schema = z.object({
  name: line(100, 'Имя').pipe(z.string().min(1, 'Нет имени (поле Name).')),
  phone: z.string().transform((s, ctx) => {
    const phone = normalisePhone(s);
    if (phone) return phone;
    ctx.addIssue({ code: 'custom', message: s.trim() ? 'Телефон не распознан (поле Phone): нужен номер вида +7 912 345-67-89.' : 'Нет телефона (поле Phone).' });
    return z.NEVER;
  }),
  email: z
    .string()
    .transform((s) => s.trim().toLowerCase())
    .pipe(z.union([z.literal(''), z.email('Адрес почты не распознан (поле Email).').max(254)]))
    .transform((s) => s || null),
  comment: z
    .string()
    .transform((s) => s.trim())
    .pipe(z.string().max(2000, 'Комментарий: не больше 2000 символов.'))
    .transform((s) => s || null),
  service: line(200, 'Услуга').transform((s) => s || null),
});

const text = (value: unknown) => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '');
const pick = (body: Record<string, unknown>, names: string[]) => text(names.map((name) => body[name]).find((value) => value !== undefined));
const id = (value: unknown) => {
  const s = text(value).trim();
  return s && s.length <= 100 && /^[\w:.-]+$/.test(s) ? s : null;
};

export type LeadParse = { ok: true; lead: LeadRequest } | { ok: false; errors: Partial<Record<LeadField, string>> };

/** A Tilda form body (urlencoded or JSON, already parsed) as a lead, or what is wrong with it. */
export function parseTildaLead(body: Record<string, unknown>): LeadParse {
  const fields = Object.fromEntries((Object.keys(tildaFieldNames) as LeadField[]).map((field) => [field, pick(body, tildaFieldNames[field]).slice(0, 10_000)]));
  const parsed = schema.safeParse(fields);
  if (!parsed.success) {
    const errors: Partial<Record<LeadField, string>> = {};
    for (const issue of parsed.error.issues) errors[issue.path[0] as LeadField] ??= issue.message;
    return { ok: false, errors };
  }
  return { ok: true, lead: { ...parsed.data, externalId: id(body.tranid), formId: id(body.formid), utm: pickUtm(body) } };
}

/** Tilda's connection check: it posts `test=test` and expects 200 within 5 seconds. */
export const isTildaTest = (body: Record<string, unknown>) => body.test === 'test';
