// Limits on guessing one account's password, over a sliding 15-minute window. Waits count only the
// failures from the address trying now (the account+IP pair), so a stranger cannot lock the owner out
// by failing from elsewhere. Failures from every address together only ever ask for the captcha: a
// guesser spread over many addresses has to solve one per attempt, the owner still gets in.

export const LOGIN_LIMITS = {
  windowMs: 15 * 60_000,
  /** From one address: a captcha from the 3rd failure, waits that double from the 5th. */
  captchaAfter: 3,
  delayAfter: 5,
  firstDelayMs: 30_000,
  maxDelayMs: 15 * 60_000,
  /** From all addresses together: a captcha for everyone from the 10th failure, never a wait. */
  accountCaptchaAfter: 10,
} as const;

export interface RecentLoginFailures {
  /** When the attempts from this address (see throttleAddress) failed. */
  fromAddress: readonly Date[];
  /** How many attempts on the account failed within the window, from any address (this one included). */
  fromEverywhere: number;
}

export interface LoginThrottle {
  /** The next attempt must solve the captcha. */
  captchaRequired: boolean;
  /** How long until the next attempt from this address is even checked; 0 when it may go ahead now. */
  retryAfterMs: number;
}

/** What the next sign-in to an account from one address must go through. */
export function loginThrottle(failures: RecentLoginFailures, now: Date): LoginThrottle {
  const windowStart = now.getTime() - LOGIN_LIMITS.windowMs;
  const recent = failures.fromAddress.map((d) => d.getTime()).filter((t) => t > windowStart);
  const count = recent.length;
  const captchaRequired = count >= LOGIN_LIMITS.captchaAfter || failures.fromEverywhere >= LOGIN_LIMITS.accountCaptchaAfter;
  if (count < LOGIN_LIMITS.delayAfter) return { captchaRequired, retryAfterMs: 0 };
  const delay = Math.min(LOGIN_LIMITS.firstDelayMs * 2 ** (count - LOGIN_LIMITS.delayAfter), LOGIN_LIMITS.maxDelayMs);
  const latest = Math.max(...recent);
  return { captchaRequired: true, retryAfterMs: Math.max(0, latest + delay - now.getTime()) };
}

/**
 * The address failures are counted under: an IPv4 address as it is, an IPv6 address by its /64
 * network, since one subscriber usually holds a whole /64 and could otherwise change address at will.
 */
export function throttleAddress(ip: string): string {
  const address = ip.split('%')[0]!.toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (mapped) return mapped[1]!;
  if (!address.includes(':')) return address;
  const [head = '', tail] = address.split('::');
  const groups = (part: string) => (part ? part.split(':') : []);
  const known = [...groups(head), ...(tail === undefined ? [] : groups(tail))];
  const missing = Math.max(0, 8 - known.length - (known.at(-1)?.includes('.') ? 1 : 0));
  const full = tail === undefined ? groups(head) : [...groups(head), ...Array<string>(missing).fill('0'), ...groups(tail)];
  const network = full.slice(0, 4).map((group) => parseInt(group, 16).toString(16));
  return `${network.join(':')}::/64`;
}
