import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

// TOTP secrets must be readable by the server (to check codes), so they cannot be hashed. They are
// encrypted with a key derived from APP_SECRET: a copy of the database alone does not give the codes.
// Other secrets the server must read back (webhook signing secrets) use the same box under a key of
// their own purpose, so one kind of box never opens as another.

export type SecretPurpose = 'staff totp secret' | 'webhook secret';

const key = (appSecret: string, purpose: SecretPurpose) => Buffer.from(hkdfSync('sha256', appSecret, 'uslugi', purpose, 32));

/** AES-256-GCM; the result is "v1.<iv>.<tag>.<ciphertext>" in base64url. */
export function sealSecret(appSecret: string, plain: string, purpose: SecretPurpose = 'staff totp secret'): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(appSecret, purpose), iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), data].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('.');
}

/** Throws when the box was sealed with another key or altered. */
export function openSecret(appSecret: string, sealed: string, purpose: SecretPurpose = 'staff totp secret'): string {
  const [version, iv, tag, data] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || data === undefined) throw new Error('Unknown secret box format');
  const decipher = createDecipheriv('aes-256-gcm', key(appSecret, purpose), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
}
