import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

// Time-based one-time passwords (RFC 6238) as authenticator apps implement them: HMAC-SHA1 over the
// 30-second step count, 6 digits, the secret shared as RFC 4648 base32. Staff sign-in needs one
// (the back office, docs/back-office.md#getting-in-decision-012).

export const TOTP = { stepSeconds: 30, digits: 6, /** steps accepted either side of now (clock drift) */ window: 1 } as const;

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Encode(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

/** Decodes base32 as people type it: any case, spaces and padding ignored; null when not base32. */
export function base32Decode(text: string): Buffer | null {
  const clean = text.toUpperCase().replace(/[\s=]/g, '');
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const char of clean) {
    const index = BASE32.indexOf(char);
    if (index < 0) return null;
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** A new shared secret: 160 random bits, the size RFC 4226 recommends for HMAC-SHA1. */
export function newTotpSecret(): string {
  return base32Encode(randomBytes(20));
}

export function totpStep(time: Date): number {
  return Math.floor(time.getTime() / 1000 / TOTP.stepSeconds);
}

/** The code for a step (RFC 4226 dynamic truncation). */
export function hotp(secret: Buffer, step: number, digits: number = TOTP.digits): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', secret).update(counter).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = (mac.readUInt32BE(offset) & 0x7fffffff) % 10 ** digits;
  return String(binary).padStart(digits, '0');
}

export type TotpCheck = { ok: true; step: number } | { ok: false; reason: 'malformed' | 'wrong' | 'replayed' };

/**
 * Checks a typed code against now ± one step. A code is good once: the caller stores the step it
 * matched and passes it back as `lastUsedStep`, so a code seen over a shoulder cannot be replayed.
 */
export function verifyTotp(secretBase32: string, typed: string, now: Date, lastUsedStep: number | null): TotpCheck {
  const code = typed.replace(/\s/g, '');
  const secret = base32Decode(secretBase32);
  if (!secret || !/^\d{6}$/.test(code)) return { ok: false, reason: 'malformed' };
  const current = totpStep(now);
  for (let step = current - TOTP.window; step <= current + TOTP.window; step++) {
    if (timingSafeEqual(Buffer.from(hotp(secret, step)), Buffer.from(code))) {
      return lastUsedStep !== null && step <= lastUsedStep ? { ok: false, reason: 'replayed' } : { ok: true, step };
    }
  }
  return { ok: false, reason: 'wrong' };
}

/** What the QR code holds: authenticator apps read issuer, account and secret from it (Key Uri Format). */
export function otpauthUri(input: { issuer: string; account: string; secret: string }): string {
  const label = encodeURIComponent(`${input.issuer}:${input.account}`);
  const params = new URLSearchParams({ secret: input.secret, issuer: input.issuer, algorithm: 'SHA1', digits: String(TOTP.digits), period: String(TOTP.stepSeconds) });
  return `otpauth://totp/${label}?${params.toString()}`;
}
