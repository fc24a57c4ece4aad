import { checkCaptcha } from '../../captcha/altcha.js';
import { captchaMessages } from '../../captcha/messages.js';
import type { Deps } from '../../app-deps.js';
import { LOGIN_LIMITS, loginThrottle, throttleAddress, type LoginThrottle } from '../../domain/accounts/login-throttle.js';
import { useCaptchaSolution } from '../../db/queries/captcha.js';
import { recentLoginFailures } from '../../db/queries/clients.js';
import { loginFailures } from '../../db/schema/index.js';

// The limits shared by client and staff sign-in (domain/login-throttle.ts): waits for the account+IP
// pair that keeps failing, only a captcha for everyone once the account as a whole collects failures.

export type LoginGuard = { kind: 'go' } | { kind: 'throttled'; retryAfterSeconds: number } | { kind: 'captcha_failed'; error: string };

/** Whose password is being tried (an account key, see sign-in.ts) and from which IP. */
export interface LoginAttempt {
  accountKey: string;
  ip: string;
}

type GuardDeps = Pick<Deps, 'db' | 'clock' | 'captcha'>;

/** Whether an attempt on this account from this IP may be checked now (solving the captcha when one is due). */
export async function guardLogin(deps: GuardDeps, attempt: LoginAttempt, altcha: unknown): Promise<LoginGuard> {
  const throttle = await currentThrottle(deps, attempt);
  if (throttle.retryAfterMs > 0) return { kind: 'throttled', retryAfterSeconds: Math.ceil(throttle.retryAfterMs / 1000) };
  if (throttle.captchaRequired && deps.captcha) {
    const check = await checkCaptcha(deps.captcha, altcha, 'sign-in');
    if (!check.ok) return { kind: 'captcha_failed', error: captchaMessages[check.reason] };
    if (!(await useCaptchaSolution(deps.db, check))) return { kind: 'captcha_failed', error: captchaMessages.replayed };
  }
  return { kind: 'go' };
}

/** Records a failed attempt; says whether the next one from this IP needs the captcha. */
export async function recordLoginFailure(deps: GuardDeps, attempt: LoginAttempt): Promise<{ captchaRequired: boolean }> {
  await deps.db.insert(loginFailures).values({ accountKey: attempt.accountKey, ip: throttleAddress(attempt.ip), at: deps.clock.now() });
  return { captchaRequired: (await currentThrottle(deps, attempt)).captchaRequired && deps.captcha !== null };
}

async function currentThrottle(deps: GuardDeps, attempt: LoginAttempt): Promise<LoginThrottle> {
  const now = deps.clock.now();
  const since = new Date(now.getTime() - LOGIN_LIMITS.windowMs);
  const failures = await recentLoginFailures(deps.db, { accountKey: attempt.accountKey, address: throttleAddress(attempt.ip) }, since);
  return loginThrottle(failures, now);
}
