// Limits on guessing one account's password (per IP limits are the web layer's). Failures are
// counted over a sliding window: a captcha from the 3rd, then waits that double from the 5th.

export const LOGIN_LIMITS = {
  windowMs: 15 * 60_000,
  captchaAfter: 3,
  delayAfter: 5,
  firstDelayMs: 30_000,
  maxDelayMs: 15 * 60_000,
} as const;

export interface LoginThrottle {
  /** The next attempt must solve the captcha. */
  captchaRequired: boolean;
  /** How long until the next attempt is even checked; 0 when it may go ahead now. */
  retryAfterMs: number;
}

/** What the next sign-in to an account must go through, given the times of its recent failures. */
export function loginThrottle(failures: readonly Date[], now: Date): LoginThrottle {
  const windowStart = now.getTime() - LOGIN_LIMITS.windowMs;
  const recent = failures.map((d) => d.getTime()).filter((t) => t > windowStart);
  const count = recent.length;
  if (count < LOGIN_LIMITS.delayAfter) return { captchaRequired: count >= LOGIN_LIMITS.captchaAfter, retryAfterMs: 0 };
  const delay = Math.min(LOGIN_LIMITS.firstDelayMs * 2 ** (count - LOGIN_LIMITS.delayAfter), LOGIN_LIMITS.maxDelayMs);
  const latest = Math.max(...recent);
  return { captchaRequired: true, retryAfterMs: Math.max(0, latest + delay - now.getTime()) };
}
