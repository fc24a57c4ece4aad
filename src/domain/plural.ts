// Russian plurals: a number takes one of three forms of the word after it — «1 день», «2 дня»,
// «5 дней». The rule looks at the last two digits: 11–14 are always «many».

/** The word's forms after 1, after 2 (3, 4) and after 5 (and 0): ['день', 'дня', 'дней']. */
export type PluralForms = readonly [one: string, few: string, many: string];

/** The form of the word that goes after `n` (a whole number; the sign is ignored). */
export function plural(n: number, forms: PluralForms): string {
  const lastTwo = Math.abs(Math.trunc(n)) % 100;
  const last = lastTwo % 10;
  if (lastTwo >= 11 && lastTwo <= 14) return forms[2];
  if (last === 1) return forms[0];
  if (last >= 2 && last <= 4) return forms[1];
  return forms[2];
}

/** `n` and its word: «1 день», «22 дня», «11 дней». */
export function countOf(n: number, forms: PluralForms): string {
  return `${n} ${plural(n, forms)}`;
}

export const words = {
  day: ['день', 'дня', 'дней'],
  hour: ['час', 'часа', 'часов'],
  minute: ['минута', 'минуты', 'минут'],
} as const satisfies Record<string, PluralForms>;
