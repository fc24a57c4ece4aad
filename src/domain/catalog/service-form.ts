import { parseRoubles, roublesForInput } from '../money.js';

// The catalog editor's form: what staff type, checked field by field, into the terms of a service.
// Every rule of the services table is checked here, so the database's constraints never have to.

export const serviceFormFields = ['slug', 'title', 'summary', 'description', 'price', 'billing', 'included_hours', 'hourly_rate', 'sort_order'] as const;
export type ServiceFormField = (typeof serviceFormFields)[number];
export type ServiceFormValues = Partial<Record<ServiceFormField, string>>;
export type ServiceFormErrors = Partial<Record<ServiceFormField, string>>;

export interface ServiceTerms {
  slug: string;
  title: string;
  summary: string;
  description: string;
  priceKopecks: number;
  billing: 'fixed' | 'hourly';
  includedHours: number | null;
  hourlyRateKopecks: number | null;
  sortOrder: number;
}

export type ServiceFormResult = { ok: true; terms: ServiceTerms } | { ok: false; errors: ServiceFormErrors };

export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const LIMITS = { slug: 60, title: 120, summary: 300, description: 10_000, hours: 1_000, sortOrder: 1_000_000 };

/** The typed values as strings (to show the form again), whatever the body held. */
export function serviceFormValues(body: Record<string, unknown>): ServiceFormValues {
  const values: ServiceFormValues = {};
  for (const field of serviceFormFields) {
    const value = body[field];
    if (typeof value === 'string') values[field] = value.slice(0, field === 'description' ? LIMITS.description + 100 : 500);
  }
  return values;
}

/** A stored service as the form shows it for editing. */
export function valuesOfService(service: ServiceTerms): ServiceFormValues {
  return {
    slug: service.slug,
    title: service.title,
    summary: service.summary,
    description: service.description,
    price: roublesForInput(service.priceKopecks),
    billing: service.billing,
    included_hours: service.includedHours === null ? '' : String(service.includedHours),
    hourly_rate: service.hourlyRateKopecks === null ? '' : roublesForInput(service.hourlyRateKopecks),
    sort_order: String(service.sortOrder),
  };
}

export function parseServiceForm(values: ServiceFormValues): ServiceFormResult {
  const errors: ServiceFormErrors = {};
  const fail = (field: ServiceFormField, message: string) => void (errors[field] ??= message);

  const slug = (values.slug ?? '').trim().toLowerCase();
  if (!slug) fail('slug', 'Укажите адрес страницы услуги латиницей, например «seo-audit».');
  else if (slug.length < 2 || slug.length > LIMITS.slug) fail('slug', `Адрес — от 2 до ${LIMITS.slug} символов.`);
  else if (!SLUG.test(slug)) fail('slug', 'В адресе допустимы только строчные латинские буквы, цифры и дефис между ними, например «seo-audit».');

  const title = oneLine(values.title);
  if (title.length < 2 || title.length > LIMITS.title) fail('title', `Укажите название: от 2 до ${LIMITS.title} символов.`);
  const summary = oneLine(values.summary);
  if (!summary || summary.length > LIMITS.summary) fail('summary', `Укажите краткое описание для каталога: до ${LIMITS.summary} символов.`);
  const description = (values.description ?? '').replace(/\r\n?/g, '\n').trim();
  if (!description) fail('description', 'Укажите описание услуги.');
  else if (description.length > LIMITS.description) fail('description', `Описание слишком длинное: не больше ${LIMITS.description} символов.`);

  const price = parseRoubles(values.price ?? '');
  if (!price.ok) fail('price', price.error);

  const billing = values.billing;
  if (billing !== 'fixed' && billing !== 'hourly') fail('billing', 'Выберите способ оплаты: фиксированная цена или почасовая.');
  let includedHours: number | null = null;
  let hourlyRateKopecks: number | null = null;
  // Fixed-price services have no hours or rate: whatever was typed there is dropped, not stored.
  if (billing === 'hourly') {
    const hours = (values.included_hours ?? '').trim();
    if (!hours) fail('included_hours', 'Для почасовой услуги укажите, сколько часов входит в цену.');
    else if (!/^\d+$/.test(hours) || Number(hours) < 1 || Number(hours) > LIMITS.hours) fail('included_hours', `Часы — целое число от 1 до ${LIMITS.hours}.`);
    else includedHours = Number(hours);
    const rate = parseRoubles(values.hourly_rate ?? '');
    if (!rate.ok) fail('hourly_rate', (values.hourly_rate ?? '').trim() ? rate.error : 'Для почасовой услуги укажите цену дополнительного часа.');
    else hourlyRateKopecks = rate.kopecks;
  }

  const order = (values.sort_order ?? '').trim();
  let sortOrder = 0;
  if (order) {
    if (!/^-?\d+$/.test(order) || Math.abs(Number(order)) > LIMITS.sortOrder) fail('sort_order', 'Порядок — целое число, например 10 или 20.');
    else sortOrder = Number(order);
  }

  if (Object.keys(errors).length > 0 || !price.ok || (billing !== 'fixed' && billing !== 'hourly')) return { ok: false, errors };
  return { ok: true, terms: { slug, title, summary, description, priceKopecks: price.kopecks, billing, includedHours, hourlyRateKopecks, sortOrder } };
}

function oneLine(value: string | undefined): string {
  return (value ?? '').trim().replace(/\s+/g, ' ');
}

/** The fields that differ between two versions of a service, each with its old and new value (for the audit log). */
export function changedTerms(before: ServiceTerms, after: ServiceTerms): { before: Partial<ServiceTerms>; after: Partial<ServiceTerms> } {
  const changed = { before: {} as Record<string, unknown>, after: {} as Record<string, unknown> };
  for (const key of Object.keys(after) as (keyof ServiceTerms)[]) {
    if (before[key] !== after[key]) {
      changed.before[key] = before[key];
      changed.after[key] = after[key];
    }
  }
  return changed as { before: Partial<ServiceTerms>; after: Partial<ServiceTerms> };
}
