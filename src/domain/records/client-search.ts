import { normalisePhone } from '../accounts/phone.js';
import { parseOrderNumber } from '../orders/order-number.js';

/** What a back-office search box holds, read as each thing a client can be found by. */
export interface ClientSearch {
  /** The trimmed text: a part of a name or of an email address (case-insensitive). */
  text: string;
  /**
   * Digit runs to look for in E.164 phone numbers (any one matching): the whole number when the text
   * is one in any usual format («8 (912) 345-67-89» → 79123456789), else a fragment of at least 4
   * digits — and, for a fragment typed with the Russian trunk prefix («8 916»), that start as +7
   * («7916»). Empty when the text is not phone-like.
   */
  phoneDigits: string[];
  /**
   * The start of an order's public reference (base64url, case-sensitive), also taken from a pasted
   * order link («…/orders/<ref>»); null when the text cannot be one.
   */
  orderRef: string | null;
  /** The order number in any spelling («1042», «У-1042», «у1042», «U-1042», «№ У-1042»), or null. */
  orderNumber: number | null;
}

const MAX_LENGTH = 200;
const MIN_PHONE_DIGITS = 4;
const REF = /^[A-Za-z0-9_-]{4,}$/;

/** Null for an empty box: the list then shows everyone. */
export function clientSearch(input: string): ClientSearch | null {
  const text = input.trim().slice(0, MAX_LENGTH);
  if (!text) return null;
  const fromLink = /\/orders\/([A-Za-z0-9_-]+)\/?(?:[?#].*)?$/.exec(text)?.[1];
  const ref = fromLink ?? text;
  return {
    text,
    phoneDigits: phoneDigits(text),
    orderRef: REF.test(ref) ? ref : null,
    orderNumber: parseOrderNumber(text),
  };
}

function phoneDigits(text: string): string[] {
  if (!/^[\d\s()+\-.]+$/.test(text)) return [];
  const whole = normalisePhone(text);
  if (whole) return [whole.slice(1)];
  const digits = text.replace(/\D/g, '');
  if (digits.length < MIN_PHONE_DIGITS) return [];
  return digits.startsWith('8') && !text.startsWith('+') ? [digits, `7${digits.slice(1)}`] : [digits];
}
