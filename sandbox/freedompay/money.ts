/**
 * Amounts travel as decimal strings with a dot (docs/freedompay-protocol.md#amounts-and-dates) and are kept as
 * integer minor units here, so refund sums never meet floating point.
 */
const AMOUNT = /^(\d{1,8})(?:\.(\d{1,2}))?$/;

/** Minor units of a positive request amount, or undefined when the string is not one. */
export function parseAmount(text: string): number | undefined {
  const match = AMOUNT.exec(text);
  if (!match) return undefined;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/**
 * The gateway's own spelling in answers and callbacks: `1500` for whole amounts, `1500.50` otherwise, `-500`
 * for refunds. It deliberately need not match what the merchant sent (docs/freedompay-protocol.md#signature:
 * "the gateway may echo 1500 for a request 1500.00"), which keeps clients honest.
 */
export function formatAmount(minor: number): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  const whole = Math.floor(abs / 100);
  const cents = abs % 100;
  return cents === 0 ? `${sign}${whole}` : `${sign}${whole}.${String(cents).padStart(2, '0')}`;
}

/** For people: `1 500,00 ₸`. */
export function displayAmount(minor: number, currency: string): string {
  const symbol: Record<string, string> = { KZT: '₸', RUB: '₽', USD: '$', EUR: '€' };
  const number = (minor / 100).toLocaleString('ru-RU', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return `${number} ${symbol[currency] ?? currency}`;
}

export const MIN_AMOUNT = 1;
export const MAX_AMOUNT = 99_999_999 * 100;
