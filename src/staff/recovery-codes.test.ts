import { describe, expect, it } from 'vitest';
import { looksLikeRecoveryCode, newRecoveryCodes, recoveryCodeHash } from './recovery-codes.js';

describe('recovery codes', () => {
  it('are ten distinct readable codes', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-km-z2-9]{5}-[a-km-z2-9]{5}$/);
  });

  it('match however they are typed back', () => {
    const [code] = newRecoveryCodes(1);
    const hash = recoveryCodeHash(code!);
    expect(recoveryCodeHash(code!.toUpperCase())).toBe(hash);
    expect(recoveryCodeHash(` ${code!.replace('-', ' ')} `)).toBe(hash);
    expect(recoveryCodeHash(newRecoveryCodes(1)[0]!)).not.toBe(hash);
  });
});

describe('telling a recovery code from a TOTP code', () => {
  it('takes ten letters and digits however typed, never six digits', () => {
    expect(looksLikeRecoveryCode('k7pqa-2mzxb')).toBe(true);
    expect(looksLikeRecoveryCode(' K7PQA 2MZXB ')).toBe(true);
    expect(looksLikeRecoveryCode('123456')).toBe(false);
    expect(looksLikeRecoveryCode('k7pqa-2mzx')).toBe(false);
  });
});
