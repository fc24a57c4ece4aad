// The order number people say aloud and read in letters: «У-1042». The number comes from a database
// sequence (orders.number, starting at 1001, never reused); its written form lives only here
// (decision 039). The public reference stays in URLs: the number is guessable, the reference is not.

/** The prefix: Cyrillic «У» for «услуги». */
const PREFIX = 'У';

/** 1042 → «У-1042». */
export function orderNumber(number: number): string {
  return `${PREFIX}-${number}`;
}

/** The n-th surcharge invoice of order 1042 (n from 1) → «У-1042-Д1». */
export function invoiceNumber(orderNumberValue: number, ordinal: number): string {
  return `${orderNumber(orderNumberValue)}-Д${ordinal}`;
}

/**
 * The order's number in what someone typed into a search box: «1042», «У-1042», «у1042», «U-1042»
 * (Latin letter), «№ У-1042», or an invoice's «У-1042-Д2» (its order). Null when the text is not one.
 */
export function parseOrderNumber(text: string): number | null {
  const match = /^(?:№\s*)?(?:[УуUuYy]\s*-?\s*)?(\d{1,9})(?:\s*-\s*[ДдDd]\d{1,4})?$/.exec(text.trim());
  if (!match) return null;
  const number = Number(match[1]);
  return number > 0 && number <= 2_147_483_647 ? number : null;
}
