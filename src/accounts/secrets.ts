import { createHash, randomBytes, randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

// Secrets for client accounts (docs/accounts.md#credentials).

/** Letters and digits a person can read back without confusing them (no 0/O, 1/l/I). */
const READABLE = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A temporary password: 14 characters from a CSPRNG (~80 bits). */
export function temporaryPassword(length = 14): string {
  return Array.from({ length }, () => READABLE[randomInt(READABLE.length)]).join('');
}

/** A single-use link token: 256 random bits for the URL; only its SHA-256 is stored. */
export function newToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: tokenHash(token) };
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

// argon2id with OWASP's minimum: 19 MiB, 2 passes, 1 lane (about 65 ms here).
// `algorithm: 2` is Algorithm.Argon2id (a const enum, which this build cannot import).
const ARGON2 = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password).catch(() => false);
}

// Checked when no account matches, so an unknown name takes as long as a wrong password.
let decoyHash: Promise<string> | undefined;

/** verifyPassword, or the same work against a decoy when there is no account (always false then). */
export async function verifyPasswordOrDecoy(passwordHash: string | null | undefined, password: string): Promise<boolean> {
  decoyHash ??= hashPassword('decoy password for unknown names');
  const ok = await verifyPassword(passwordHash ?? (await decoyHash), password);
  return ok && Boolean(passwordHash);
}

/** A random number for generated logins (see domain/accounts/login-name.ts). */
export function loginNumber(): number {
  return randomInt(1000, 10_000);
}
