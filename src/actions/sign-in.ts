import { eq } from 'drizzle-orm';
import { hashPassword, verifyPassword } from '../accounts/secrets.js';
import { checkCaptcha } from '../captcha/altcha.js';
import { captchaMessages } from '../captcha/messages.js';
import type { Deps } from '../deps.js';
import { LOGIN_LIMITS, loginThrottle } from '../domain/login-throttle.js';
import { useCaptchaSolution } from '../db/queries/captcha.js';
import { createSession, deleteSession } from '../db/queries/client-sessions.js';
import { findClientBySignInName, recentLoginFailures } from '../db/queries/clients.js';
import { clients, loginFailures } from '../db/schema/index.js';

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

// Checked when no account matches, so an unknown name takes as long as a wrong password.
let decoyHash: Promise<string> | undefined;

export async function signIn(deps: Pick<Deps, 'db' | 'clock' | 'captcha'>, input: SignInInput): Promise<SignInResult> {
  const now = deps.clock.now();
  const name = typeof input.name === 'string' ? input.name.trim().slice(0, 254) : '';
  const password = typeof input.password === 'string' ? input.password.slice(0, 1024) : '';
  if (!name || !password) return { kind: 'refused', error: 'Введите логин или адрес почты и пароль.', captchaRequired: false };

  const client = await findClientBySignInName(deps.db, name);
  // Unknown names are counted under what was typed, so they are limited exactly like accounts.
  const accountKey = client ? `client:${client.id}` : `name:${name.toLowerCase()}`;
  const since = new Date(now.getTime() - LOGIN_LIMITS.windowMs);
  const throttle = loginThrottle(await recentLoginFailures(deps.db, accountKey, since), now);
  if (throttle.retryAfterMs > 0) return { kind: 'throttled', retryAfterSeconds: Math.ceil(throttle.retryAfterMs / 1000) };
  if (throttle.captchaRequired && deps.captcha) {
    const check = await checkCaptcha(deps.captcha, input.altcha);
    if (!check.ok) return { kind: 'refused', error: captchaMessages[check.reason], captchaRequired: true };
    if (!(await useCaptchaSolution(deps.db, check))) return { kind: 'refused', error: captchaMessages.replayed, captchaRequired: true };
  }

  decoyHash ??= hashPassword('decoy password for unknown names');
  const passwordOk = await verifyPassword(client?.passwordHash ?? (await decoyHash), password);
  if (!client || !passwordOk) {
    await deps.db.insert(loginFailures).values({ accountKey, ip: input.ip, at: now });
    const next = loginThrottle(await recentLoginFailures(deps.db, accountKey, since), now);
    return { kind: 'refused', error: WRONG, captchaRequired: next.captchaRequired };
  }
  const temporary = client.temporaryPasswordUntil !== null;
  if (temporary && client.temporaryPasswordUntil! <= now) return { kind: 'temporary_password_expired' };
  if (client.state === 'pending_verification') return { kind: 'unverified', email: client.email };

  const sessionId = await deps.db.transaction(async (tx) => {
    if (input.previousSessionHash) await deleteSession(tx, input.previousSessionHash);
    // The temporary password is single-use: this sign-in consumes it; the session may only replace it.
    if (temporary) await tx.update(clients).set({ temporaryPasswordUntil: now }).where(eq(clients.id, client.id));
    return createSession(tx, { clientId: client.id, ip: input.ip, userAgent: input.userAgent, now });
  });
  return { kind: 'signed_in', sessionId, mustChangePassword: temporary };
}
