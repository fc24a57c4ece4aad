import { verifyPasswordOrDecoy } from '../../accounts/secrets.js';
import type { Deps } from '../../app-deps.js';
import { createSession, deleteSession } from '../../db/queries/client-sessions.js';
import { findClientBySignInName } from '../../db/queries/clients.js';
import { guardLogin, recordLoginFailure } from './login-guard.js';

export interface SignInInput {
  /** The generated login or the email address. */
  name: unknown;
  password: unknown;
  /** The captcha widget's payload, needed after a few failures. */
  altcha: unknown;
  ip: string;
  userAgent: string;
  /** The hash of the session this browser had, if any: it ends (a new id on every sign-in). */
  previousSessionHash?: string;
}

export type SignInResult =
  | { kind: 'signed_in'; sessionId: string; mustChangePassword: boolean }
  | { kind: 'refused'; error: string; captchaRequired: boolean }
  | { kind: 'throttled'; retryAfterSeconds: number }
  | { kind: 'unverified'; email: string }
  | { kind: 'temporary_password_expired' };

const WRONG = 'Неверный логин или пароль.';

export async function signIn(deps: Pick<Deps, 'db' | 'clock' | 'captcha'>, input: SignInInput): Promise<SignInResult> {
  const now = deps.clock.now();
  const name = typeof input.name === 'string' ? input.name.trim().slice(0, 254) : '';
  const password = typeof input.password === 'string' ? input.password.slice(0, 1024) : '';
  if (!name || !password) return { kind: 'refused', error: 'Введите логин или адрес почты и пароль.', captchaRequired: false };

  const client = await findClientBySignInName(deps.db, name);
  // Unknown names are counted under what was typed, so they are limited exactly like accounts.
  const accountKey = client ? `client:${client.id}` : `name:${name.toLowerCase()}`;
  const attempt = { accountKey, ip: input.ip };
  const guard = await guardLogin(deps, attempt, input.altcha);
  if (guard.kind === 'throttled') return guard;
  if (guard.kind === 'captcha_failed') return { kind: 'refused', error: guard.error, captchaRequired: true };

  const passwordOk = await verifyPasswordOrDecoy(client?.passwordHash, password);
  if (!client || !passwordOk) {
    const next = await recordLoginFailure(deps, attempt);
    return { kind: 'refused', error: WRONG, captchaRequired: next.captchaRequired };
  }
  const temporary = client.temporaryPasswordUntil !== null;
  if (temporary && client.temporaryPasswordUntil! <= now) return { kind: 'temporary_password_expired' };
  if (client.state === 'pending_verification') return { kind: 'unverified', email: client.email };

  // The temporary password stays valid until the client sets their own or it expires, so a client
  // who leaves the "choose your password" page can come back with it; such a session may only set one.
  const sessionId = await deps.db.transaction(async (tx) => {
    if (input.previousSessionHash) await deleteSession(tx, input.previousSessionHash);
    return createSession(tx, { clientId: client.id, ip: input.ip, userAgent: input.userAgent, now });
  });
  return { kind: 'signed_in', sessionId, mustChangePassword: temporary };
}
