import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, hotp, newTotpSecret, otpauthUri, totpStep, verifyTotp } from './totp.js';

// RFC 6238 appendix B, SHA-1 rows: the ASCII secret "12345678901234567890", 8 digits.
const rfcSecret = Buffer.from('12345678901234567890');
const rfcVectors: [number, string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('TOTP', () => {
  it.each(rfcVectors)('matches RFC 6238 at %i s', (seconds, code) => {
    expect(hotp(rfcSecret, totpStep(new Date(seconds * 1000)), 8)).toBe(code);
  });

  it('matches RFC 4226 appendix D (HOTP, 6 digits)', () => {
    const codes = [0, 1, 2, 3, 9].map((count) => hotp(rfcSecret, count));
    expect(codes).toEqual(['755224', '287082', '359152', '969429', '520489']);
  });

  it('round-trips base32 as people type it', () => {
    expect(base32Encode(rfcSecret)).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(base32Decode('gezd gnbv gy3t qojq gezd gnbv gy3t qojq')).toEqual(rfcSecret);
    expect(base32Decode('not base32!')).toBeNull();
    expect(newTotpSecret()).toMatch(/^[A-Z2-7]{32}$/);
  });

  it('accepts the code of now and of one step either side, once', () => {
    const secret = base32Encode(rfcSecret);
    const now = new Date(1111111111 * 1000);
    const code = (offsetSteps: number) => hotp(rfcSecret, totpStep(now) + offsetSteps);
    expect(verifyTotp(secret, code(0), now, null)).toEqual({ ok: true, step: totpStep(now) });
    expect(verifyTotp(secret, code(-1), now, null).ok).toBe(true);
    expect(verifyTotp(secret, code(1).replace(/(\d{3})/, '$1 '), now, null).ok).toBe(true);
    expect(verifyTotp(secret, code(2), now, null)).toEqual({ ok: false, reason: 'wrong' });
    expect(verifyTotp(secret, code(0), now, totpStep(now))).toEqual({ ok: false, reason: 'replayed' });
    expect(verifyTotp(secret, code(-1), now, totpStep(now) - 1)).toEqual({ ok: false, reason: 'replayed' });
    expect(verifyTotp(secret, '12345', now, null)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('builds the otpauth URI authenticator apps scan', () => {
    expect(otpauthUri({ issuer: 'Услуги', account: 'anna@example.ru', secret: 'JBSWY3DPEHPK3PXP' })).toBe(
      'otpauth://totp/%D0%A3%D1%81%D0%BB%D1%83%D0%B3%D0%B8%3Aanna%40example.ru?secret=JBSWY3DPEHPK3PXP&issuer=%D0%A3%D1%81%D0%BB%D1%83%D0%B3%D0%B8&algorithm=SHA1&digits=6&period=30',
    );
  });
});
