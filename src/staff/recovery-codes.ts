import { randomInt } from 'node:crypto';
import { tokenHash } from '../accounts/secrets.js';

// Recovery codes let a staff member in when their phone is lost: 10 per enrolment, each good once.
// Each has ~50 bits from a CSPRNG, so SHA-256 is enough to store them (no slow hash needed).

const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789'; // no 0/o, 1/l/i

export const RECOVERY_CODE_COUNT = 10;

/** Ten codes like "k7pqa-2mzxb", to show once. */
export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  const group = () => Array.from({ length: 5 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return Array.from({ length: count }, () => `${group()}-${group()}`);
}

/** How a code is stored and looked up: typed in any case, with or without the dash or spaces. */
export function recoveryCodeHash(typed: string): string {
  return tokenHash(typed.toLowerCase().replace(/[\s-]/g, ''));
}

/** A recovery code rather than a 6-digit TOTP code: ten letters and digits, however typed. */
export function looksLikeRecoveryCode(typed: string): boolean {
  return /^[a-z0-9]{10}$/.test(typed.toLowerCase().replace(/[\s-]/g, ''));
}
