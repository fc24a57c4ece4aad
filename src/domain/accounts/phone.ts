import { parsePhoneNumberFromString } from 'libphonenumber-js';

/**
 * Normalises a phone number typed by a visitor to E.164. Russian habits are understood
 * (8XXXXXXXXXX, +7 (XXX) XXX-XX-XX, 10 digits without a prefix); other countries need a leading +.
 * Returns null when the input is not a valid number.
 */
export function normalisePhone(input: string): string | null {
  const trimmed = input.trim();
  if (trimmed.length === 0 || trimmed.length > 32 || !/^[\d\s()+\-.]+$/.test(trimmed)) return null;
  const parsed = parsePhoneNumberFromString(trimmed, 'RU');
  return parsed?.isValid() ? parsed.number : null;
}
