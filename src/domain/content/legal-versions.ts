import { DateTime } from 'luxon';
import { ZONE } from '../calendar/business-calendar.js';
import { checkLegalText } from './legal-text.js';

// Versions of the legal texts (issue 17): each is a whole text with the Moscow date it takes effect.
// Every order records the versions the client accepted, so a version in effect never changes; a version
// not yet in effect may still be replaced, since nobody can have accepted it.

export const legalDocuments = ['offer', 'privacy', 'consent'] as const;
export type LegalDocument = (typeof legalDocuments)[number];
export const isLegalDocument = (value: unknown): value is LegalDocument => typeof value === 'string' && (legalDocuments as readonly string[]).includes(value);

export const legalTitles: Record<LegalDocument, string> = {
  offer: 'Публичная оферта на оказание услуг',
  privacy: 'Политика обработки персональных данных',
  consent: 'Согласие на обработку персональных данных',
};

/** What each document is about, for search engines and link previews (its page's description). */
export const legalDescriptions: Record<LegalDocument, string> = {
  offer: 'Условия оказания услуг: как оформить и оплатить заказ, сроки, доплата за дополнительные часы, отмена и возврат денег.',
  privacy: 'Какие персональные данные собираются при заказе и в личном кабинете, зачем, как долго хранятся и как их удалить.',
  consent: 'Согласие на обработку персональных данных, которое клиент даёт при оформлении заказа.',
};

export interface LegalVersion {
  document: LegalDocument;
  /** The Moscow date it takes effect, «2026-11-23»: its id and its label come from it. */
  effectiveDate: string;
  /** The moment it takes effect: 00:00 Moscow of that date, or the moment of publishing when published for today. */
  effectiveFrom: Date;
  body: string;
}

/** What orders record: «offer-2026-11-23». */
export const versionId = (version: Pick<LegalVersion, 'document' | 'effectiveDate'>) => `${version.document}-${version.effectiveDate}`;

/**
 * The privacy policy's version as accepted: with YANDEX_METRIKA_ID set it has the web analytics paragraph,
 * a different text, so orders record which of the two the client accepted.
 */
export function acceptedVersionId(version: LegalVersion, settings: { metrika: boolean }): string {
  return version.document === 'privacy' && settings.metrika ? `${versionId(version)}+metrika` : versionId(version);
}

const months = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];

/** «Редакция от 23 ноября 2026 г.» — what clients see instead of the version id. */
export function editionLabel(effectiveDate: string): string {
  const [year, month, day] = effectiveDate.split('-').map(Number);
  return `Редакция от ${day} ${months[month! - 1]} ${year} г.`;
}

const byEffect = (a: LegalVersion, b: LegalVersion) => a.effectiveFrom.getTime() - b.effectiveFrom.getTime();

/**
 * The version of a document in effect at `now`: the latest that has taken effect. Before the first one
 * takes effect, the first one (a shop always has some text to show and to record).
 */
export function versionInEffect(versions: readonly LegalVersion[], document: LegalDocument, now: Date): LegalVersion | null {
  const mine = versions.filter((v) => v.document === document).sort(byEffect);
  return mine.filter((v) => v.effectiveFrom <= now).at(-1) ?? mine[0] ?? null;
}

/** The versions the public may read at `now`: in effect or in effect before, newest first. */
export function publishedVersions(versions: readonly LegalVersion[], document: LegalDocument, now: Date): LegalVersion[] {
  const current = versionInEffect(versions, document, now);
  return versions
    .filter((v) => v.document === document && (v.effectiveFrom <= now || v === current))
    .sort(byEffect)
    .reverse();
}

export type NewVersionCheck =
  | { ok: true; version: LegalVersion; replaces: boolean }
  | { ok: false; errors: { effective_date?: string; body?: string } };

/**
 * A new version an admin publishes: a real date from today on (Moscow), and a text that parses. For
 * today it takes effect at once (orders placed earlier today keep the one they accepted); for a later
 * date, at 00:00 Moscow. A date that already has a version in effect is refused; a date whose version
 * is not yet in effect replaces it.
 */
export function checkNewVersion(
  existing: readonly LegalVersion[],
  input: { document: LegalDocument; effectiveDate: string; body: string; metrikaBlockAllowed: boolean },
  now: Date,
): NewVersionCheck {
  const errors: { effective_date?: string; body?: string } = {};
  const today = DateTime.fromJSDate(now, { zone: ZONE }).startOf('day');
  const date = parseEditionDate(input.effectiveDate);
  const effectiveDate = date?.toISODate() ?? '';
  const same = date ? existing.find((v) => v.document === input.document && v.effectiveDate === effectiveDate) : undefined;
  if (!date) errors.effective_date = 'Укажите дату, с которой действует редакция, например «01.01.2027».';
  else if (date < today) errors.effective_date = 'Дата уже прошла: прошлые редакции не меняют, ведь клиенты уже приняли их. Укажите сегодняшнюю или более позднюю дату.';
  else if (date > today.plus({ years: 1 })) errors.effective_date = 'Редакцию можно назначить не больше чем на год вперёд.';
  else if (same && same.effectiveFrom <= now) {
    errors.effective_date = `${editionLabel(same.effectiveDate)} уже действует, и клиенты могли её принять. Укажите завтрашнюю или более позднюю дату.`;
  }
  const body = input.body.replace(/\r\n?/g, '\n').trim();
  const textError = checkLegalText(body, { metrikaBlockAllowed: input.metrikaBlockAllowed });
  if (textError) errors.body = textError;
  if (errors.effective_date || errors.body || !date) return { ok: false, errors };
  const effectiveFrom = date.hasSame(today, 'day') ? now : date.toJSDate();
  return { ok: true, replaces: Boolean(same), version: { document: input.document, effectiveDate, effectiveFrom, body } };
}

/** «01.01.2027» (as people type it) or «2027-01-01» (a date input) → the Moscow day; null when neither. */
export function parseEditionDate(value: string): DateTime | null {
  const text = value.trim();
  const date = /^\d{1,2}\.\d{1,2}\.\d{4}$/.test(text)
    ? DateTime.fromFormat(text, 'd.M.yyyy', { zone: ZONE })
    : /^\d{4}-\d{2}-\d{2}$/.test(text)
      ? DateTime.fromISO(text, { zone: ZONE })
      : null;
  return date?.isValid ? date : null;
}

/** The versions an order placed at `now` accepts, as orders record them. */
export function acceptedVersions(versions: readonly LegalVersion[], now: Date, settings: { metrika: boolean }): Record<LegalDocument, string> {
  const id = (document: LegalDocument) => {
    const version = versionInEffect(versions, document, now);
    if (!version) throw new Error(`No ${document} text: the legal texts are seeded at start`);
    return acceptedVersionId(version, settings);
  };
  return { offer: id('offer'), privacy: id('privacy'), consent: id('consent') };
}
