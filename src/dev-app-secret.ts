import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Development without APP_SECRET: a random secret kept in the data directory, so a restart keeps open
 * forms valid and staff authenticator apps working (their TOTP secrets are sealed with it). Production
 * requires APP_SECRET (config.ts).
 */
export function devAppSecret(dataDir: string): string {
  const file = join(dataDir, 'app-secret');
  try {
    const kept = readFileSync(file, 'utf8').trim();
    if (kept.length >= 32) return kept;
  } catch {
    // first start: made below
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
