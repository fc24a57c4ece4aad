import { checkCaptcha } from '../../captcha/altcha.js';
import { captchaMessages } from '../../captcha/messages.js';
import type { Deps } from '../../app-deps.js';
import { LOGIN_LIMITS, loginThrottle } from '../../domain/accounts/login-throttle.js';
import { useCaptchaSolution } from '../../db/queries/captcha.js';
import { recentLoginFailures } from '../../db/queries/clients.js';
import { loginFailures } from '../../db/schema/index.js';

// The per-account limits shared by client and staff sign-in: a captcha from the 3rd failure in
// 15 minutes, growing waits from the 5th, whichever IP the attempts come from.

export type LoginGuard = { kind: 'go' } | { kind: 'throttled'; retryAfterSeconds: number } | { kind: 'captcha_failed'; error: string };

type GuardDeps = Pick<Deps, 'db' | 'clock' | 'captcha'>;

/** Whether an attempt on this account may be checked now (solving the captcha when one is due). */
export async function guardLogin(deps: GuardDeps, accountKey: string, altcha: unknown): Promise<LoginGuard> {
  const now = deps.clock.now();
  const throttle = loginThrottle(await recentLoginFailures(deps.db, accountKey, new Date(now.getTime() - LOGIN_LIMITS.windowMs)), now);
  if (throttle.retryAfterMs > 0) return { kind: 'throttled', retryAfterSeconds: Math.ceil(throttle.retryAfterMs / 1000) };
  if (throttle.captchaRequired && deps.captcha) {
    const check = await checkCaptcha(deps.captcha, altcha);
    if (!check.ok) return { kind: 'captcha_failed', error: captchaMessages[check.reason] };
    if (!(await useCaptchaSolution(deps.db, check))) return { kind: 'captcha_failed', error: captchaMessages.replayed };
  }
  return { kind: 'go' };
}

/** Records a failed attempt; says whether the next one needs the captcha. */
export async function recordLoginFailure(deps: GuardDeps, accountKey: string, ip: string): Promise<{ captchaRequired: boolean }> {
  const now = deps.clock.now();
  await deps.db.insert(loginFailures).values({ accountKey, ip, at: now });
  const failures = await recentLoginFailures(deps.db, accountKey, new Date(now.getTime() - LOGIN_LIMITS.windowMs));
  return { captchaRequired: loginThrottle(failures, now).captchaRequired && deps.captcha !== null };
}
