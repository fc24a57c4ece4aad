import { describe, expect, it } from 'vitest';
import { openSecret, sealSecret } from './secret-box.js';

const appSecret = 'a-test-app-secret-that-is-long-enough';

describe('secret box', () => {
  it('opens what it sealed, and seals the same secret differently each time', () => {
    const a = sealSecret(appSecret, 'JBSWY3DPEHPK3PXP');
    expect(openSecret(appSecret, a)).toBe('JBSWY3DPEHPK3PXP');
    expect(sealSecret(appSecret, 'JBSWY3DPEHPK3PXP')).not.toBe(a);
    expect(a).not.toContain('JBSWY3DPEHPK3PXP');
  });

  it('refuses another key and an altered box', () => {
    const sealed = sealSecret(appSecret, 'JBSWY3DPEHPK3PXP');
    expect(() => openSecret('another-app-secret-that-is-long-enough', sealed)).toThrow();
    const parts = sealed.split('.');
    parts[3] = Buffer.from('tampered').toString('base64url');
    expect(() => openSecret(appSecret, parts.join('.'))).toThrow();
  });

  it('keeps each purpose under its own key: a webhook secret does not open as an authenticator secret', () => {
    const sealed = sealSecret(appSecret, 'whsec_example', 'webhook secret');
    expect(openSecret(appSecret, sealed, 'webhook secret')).toBe('whsec_example');
    expect(() => openSecret(appSecret, sealed)).toThrow();
  });
});
