import { moscowDate, moscowShort, parseDateInput, parseMoscowDateTimeInput } from '../calendar/moscow-time.js';
import { parseHours } from './work-hours.js';

// The order card's forms: a contact, the specification, an hours entry. Each check gets the posted
// fields and what it must compare with (now, the payment time), and returns the clean values or a
// Russian message per field.

export const contactChannels = ['phone', 'email', 'messenger'] as const;
export type ContactChannel = (typeof contactChannels)[number];
export const contactOutcomes = ['reached', 'no_answer', 'left_message'] as const;
export type ContactOutcome = (typeof contactOutcomes)[number];

export const contactChannelNames: Record<ContactChannel, string> = { phone: 'Телефон', email: 'Электронная почта', messenger: 'Мессенджер' };
export const contactOutcomeNames: Record<ContactOutcome, string> = {
  reached: 'Связались с клиентом',
  no_answer: 'Нет ответа',
  left_message: 'Оставили сообщение',
};

export type FieldErrors<F extends string> = Partial<Record<F, string>>;
export type Checked<T, F extends string> = { ok: true; value: T } | { ok: false; errors: FieldErrors<F> };

type Body = Record<string, unknown>;
const text = (value: unknown) => (typeof value === 'string' ? value : '');
const oneOf = <T extends string>(values: readonly T[], value: unknown) => values.find((v) => v === value);
const startOfMinute = (date: Date) => new Date(Math.floor(date.getTime() / 60_000) * 60_000);

export const NOTE_MAX = 2000;
export const SPEC_MAX = 10_000;
/** A contact logged "now" on a slow clock is still fine; one hours ahead is a typo. */
const FUTURE_SLACK_MS = 5 * 60_000;

export interface ContactInput {
  channel: ContactChannel;
  outcome: ContactOutcome;
  note: string;
  contactedAt: Date;
}
export type ContactField = 'channel' | 'outcome' | 'note' | 'contacted_at';

export function checkContact(body: Body, context: { now: Date; paidAt: Date | null }): Checked<ContactInput, ContactField> {
  const errors: FieldErrors<ContactField> = {};
  const channel = oneOf(contactChannels, body.channel);
  if (!channel) errors.channel = 'Выберите, как вы связывались с клиентом.';
  const outcome = oneOf(contactOutcomes, body.outcome);
  if (!outcome) errors.outcome = 'Выберите, чем закончился контакт.';
  const note = text(body.note).trim();
  if (note.length > NOTE_MAX) errors.note = `Заметка слишком длинная: не больше ${NOTE_MAX} символов.`;
  const typed = text(body.contacted_at).trim();
  const contactedAt = parseMoscowDateTimeInput(typed);
  if (!typed) errors.contacted_at = 'Укажите дату и время контакта.';
  else if (!contactedAt) errors.contacted_at = 'Проверьте дату и время: например, 24.11.2026 10:15.';
  else if (contactedAt.getTime() > context.now.getTime() + FUTURE_SLACK_MS) errors.contacted_at = 'Время контакта не может быть в будущем.';
  else if (context.paidAt && contactedAt < startOfMinute(context.paidAt)) {
    errors.contacted_at = `Контакт не может быть раньше оплаты заказа (${moscowShort(context.paidAt)} мск).`;
  }
  if (!channel || !outcome || !contactedAt || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { channel, outcome, note, contactedAt } };
}

export interface SpecificationInput {
  text: string;
  agreedMinutes: number;
}
export type SpecificationField = 'text' | 'hours';

export function checkSpecification(body: Body): Checked<SpecificationInput, SpecificationField> {
  const errors: FieldErrors<SpecificationField> = {};
  const spec = text(body.text).replace(/\r\n/g, '\n').trim();
  if (!spec) errors.text = 'Опишите согласованную работу: что будет сделано и в какие сроки.';
  else if (spec.length > SPEC_MAX) errors.text = 'Текст слишком длинный: не больше 10 000 символов.';
  const hours = parseHours(text(body.hours), { allowZero: true, maxMinutes: 1000 * 60, tooMany: 'Не больше 1000 ч.' });
  if (!hours.ok) errors.hours = hours.error;
  if (!hours.ok || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { text: spec, agreedMinutes: hours.minutes } };
}

export interface WorkEntryInput {
  workDate: string;
  minutes: number;
  note: string;
}
export type WorkEntryField = 'work_date' | 'hours' | 'note';

export function checkWorkEntry(body: Body, context: { now: Date; paidAt: Date | null }): Checked<WorkEntryInput, WorkEntryField> {
  const errors: FieldErrors<WorkEntryField> = {};
  const typed = text(body.work_date).trim();
  const workDate = parseDateInput(typed);
  // ISO dates compare correctly as strings.
  if (!typed) errors.work_date = 'Укажите дату работы.';
  else if (!workDate) errors.work_date = 'Проверьте дату: например, 24.11.2026.';
  else if (workDate > moscowDate(context.now)) errors.work_date = 'Дата работы не может быть в будущем.';
  else if (context.paidAt && workDate < moscowDate(context.paidAt)) errors.work_date = 'Дата работы не может быть раньше оплаты заказа.';
  const hours = parseHours(text(body.hours), { allowZero: false, maxMinutes: 24 * 60, tooMany: 'Не больше 24 ч в одной записи.' });
  if (!hours.ok) errors.hours = hours.error;
  const note = text(body.note).trim();
  if (note.length > NOTE_MAX) errors.note = `Заметка слишком длинная: не больше ${NOTE_MAX} символов.`;
  if (!workDate || !hours.ok || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { workDate, minutes: hours.minutes, note } };
}
