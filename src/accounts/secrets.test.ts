import { describe, expect, it } from 'vitest';
import { hashPassword, newToken, temporaryPassword, tokenHash, verifyPassword } from './secrets.js';

describe('account secrets', () => {
  it('makes readable temporary passwords of at least 12 characters, different every time', () => {
    const passwords = new Set(Array.from({ length: 200 }, () => temporaryPassword()));
    expect(passwords.size).toBe(200);
    for (const password of passwords) expect(password).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{14}$/);
  });

  it('makes 256-bit tokens and stores only their hash', () => {
    const { token, tokenHash: stored } = newToken();
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(stored).toBe(tokenHash(token));
    expect(stored).not.toContain(token);
  });

  it('hashes passwords with argon2id and verifies them', async () => {
    const stored = await hashPassword('корова-летит-на-юг');
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(stored, 'корова-летит-на-юг')).toBe(true);
    expect(await verifyPassword(stored, 'корова-летит-на-север')).toBe(false);
    expect(await verifyPassword('not a hash', 'x')).toBe(false);
  });
});
