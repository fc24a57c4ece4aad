/** Money is integer kopecks everywhere; this only formats it at the edges. */

const whole = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 0 });
const withKopecks = new Intl.NumberFormat('ru-RU', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** 1500000 → "15 000 ₽", 1234550 → "12 345,50 ₽", with non-breaking spaces as Russian typography wants. */
export function formatRub(kopecks: number): string {
  if (!Number.isInteger(kopecks)) throw new TypeError(`kopecks must be an integer, got ${kopecks}`);
  const format = kopecks % 100 === 0 ? whole : withKopecks;
  return `${format.format(kopecks / 100).replace(/\s/g, '\u00a0')}\u00a0₽`;
}

/** The most a single price or rate may be: well inside the database's integer column (2^31 − 1 kopecks). */
export const MAX_PRICE_KOPECKS = 10_000_000_00;

export type RoublesParse = { ok: true; kopecks: number } | { ok: false; error: string };

// Whole roubles, either plain ("12500") or in groups of three ("12 500"; the spaces may be non-breaking,
// as a price copied from our own pages has), then optionally a comma or a point and one or two digits.
const ROUBLES = /^(\d+|\d{1,3}(?:[ \u00a0\u202f]\d{3})+)(?:[.,](\d{1,2}))?$/;

/**
 * What staff type as a price, in roubles: «12 500», «12 500,50», «12500.5», «12 500 ₽» → kopecks.
 * Computed on digits, never through a float, so 0,29 ₽ is exactly 29 kopecks.
 */
export function parseRoubles(input: string): RoublesParse {
  const text = input.trim().replace(/\s*(?:₽|руб\.?|р\.)$/i, '');
  if (text === '') return { ok: false, error: 'Укажите сумму в рублях.' };
  const match = ROUBLES.exec(text);
  if (!match) return { ok: false, error: 'Введите сумму цифрами, например «12 500» или «12 500,50».' };
  const roubles = Number(match[1]!.replace(/\D/g, ''));
  const kopecks = roubles * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  if (kopecks <= 0) return { ok: false, error: 'Сумма должна быть больше нуля.' };
  if (kopecks > MAX_PRICE_KOPECKS) return { ok: false, error: `Сумма не может быть больше ${formatRub(MAX_PRICE_KOPECKS)}.` };
  return { ok: true, kopecks };
}

/** Kopecks as staff would type them back into a form: «12 500» or «12 500,50» (plain spaces). */
export function roublesForInput(kopecks: number): string {
  return formatRub(kopecks).replace(/\u00a0₽$/, '').replace(/\u00a0/g, ' ');
}
