/**
 * Counts refused callbacks (bad signature, unreadable, too large) per sender address in fixed
 * windows. Only failures count, so the gateway's genuine callbacks never use up anything, however
 * many arrive. Each process counts on its own: this quiets one noisy sender, it is not a quota.
 * Memory stays bounded: at most `maxAddresses` are tracked, the oldest dropped first.
 */
export interface FailureLimit {
  /** Records one failure; true when the address is now over its limit for this window. */
  fail(address: string): boolean;
  /** Seconds until the address's window ends (for Retry-After). */
  retryAfterSeconds(address: string): number;
}

export function createFailureLimit(options: { max: number; windowMs: number; maxAddresses: number; now?: () => number }): FailureLimit {
  const now = options.now ?? Date.now;
  const windows = new Map<string, { failures: number; endsAt: number }>();

  const current = (key: string) => {
    const window = windows.get(key);
    return window && window.endsAt > now() ? window : undefined;
  };

  return {
    fail(address) {
      const key = addressKey(address);
      let window = current(key);
      if (!window) {
        windows.delete(key); // re-inserted last: the map stays ordered by end
        makeRoom(windows, options.maxAddresses, now());
        window = { failures: 0, endsAt: now() + options.windowMs };
        windows.set(key, window);
      }
      window.failures++;
      return window.failures > options.max;
    },
    retryAfterSeconds(address) {
      const window = current(addressKey(address));
      return window ? Math.max(1, Math.ceil((window.endsAt - now()) / 1000)) : 0;
    },
  };
}

/**
 * Windows are re-inserted when they start and all last as long, so the map is ordered by end:
 * expired ones are at the front, and when it is full the front is the oldest.
 */
function makeRoom(windows: Map<string, { endsAt: number }>, maxAddresses: number, now: number): void {
  for (const [key, window] of windows) {
    if (window.endsAt > now && windows.size < maxAddresses) return;
    windows.delete(key);
  }
}

/**
 * IPv4 addresses as they are; IPv6 by their /64 network, which one sender gets whole (counting
 * single IPv6 addresses would let it change address at every request).
 */
export function addressKey(ip: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (!ip.includes(':')) return ip;
  const [head = '', tail] = ip.split('%')[0]!.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const zeros = tail === undefined ? [] : Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0');
  const groups = [...left, ...zeros, ...right];
  return `${groups.slice(0, 4).map((group) => Number.parseInt(group, 16).toString(16)).join(':')}::/64`;
}
