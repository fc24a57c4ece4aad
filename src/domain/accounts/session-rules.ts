// Client sessions (docs/security.md#sessions): they end after 30 minutes without a request, and 12 hours after
// sign-in whatever happens.

export interface SessionLimits {
  idleMs: number;
  absoluteMs: number;
}

export const SESSION_LIMITS: SessionLimits = { idleMs: 30 * 60_000, absoluteMs: 12 * 60 * 60_000 };

/** Staff see everyone's personal data and move money: shorter (issue 5). */
export const STAFF_SESSION_LIMITS: SessionLimits = { idleMs: 15 * 60_000, absoluteMs: 10 * 60 * 60_000 };

/** Writing last-seen on every request would cost a write per page; once a minute is precise enough. */
export const SESSION_TOUCH_AFTER_MS = 60_000;

export interface SessionTimes {
  createdAt: Date;
  lastSeenAt: Date;
}

export function sessionExpired(session: SessionTimes, now: Date, limits: SessionLimits = SESSION_LIMITS): boolean {
  const t = now.getTime();
  return t - session.lastSeenAt.getTime() >= limits.idleMs || t - session.createdAt.getTime() >= limits.absoluteMs;
}

export function sessionNeedsTouch(session: SessionTimes, now: Date): boolean {
  return now.getTime() - session.lastSeenAt.getTime() >= SESSION_TOUCH_AFTER_MS;
}
