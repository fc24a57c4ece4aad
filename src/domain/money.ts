/** Money is integer kopecks everywhere; this only formats it at the edges. */

const whole = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 0 });
const withKopecks = new Intl.NumberFormat('ru-RU', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** 1500000 → "15 000 ₽", 1234550 → "12 345,50 ₽", with non-breaking spaces as Russian typography wants. */
export function formatRub(kopecks: number): string {
  if (!Number.isInteger(kopecks)) throw new TypeError(`kopecks must be an integer, got ${kopecks}`);
  const format = kopecks % 100 === 0 ? whole : withKopecks;
  return `${format.format(kopecks / 100).replace(/\s/g, '\u00a0')}\u00a0₽`;
}
