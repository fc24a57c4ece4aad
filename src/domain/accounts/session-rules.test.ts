import { describe, expect, it } from 'vitest';
import { sessionExpired, sessionNeedsTouch, STAFF_SESSION_LIMITS } from './session-rules.js';

const signedIn = new Date('2026-11-24T07:00:00Z');
const at = (minutes: number) => new Date(signedIn.getTime() + minutes * 60_000);

describe('session rules', () => {
  it('ends a session after 30 minutes without a request', () => {
    expect(sessionExpired({ createdAt: signedIn, lastSeenAt: signedIn }, at(29))).toBe(false);
    expect(sessionExpired({ createdAt: signedIn, lastSeenAt: signedIn }, at(30))).toBe(true);
  });

  it('ends a session 12 hours after sign-in however active it is', () => {
    expect(sessionExpired({ createdAt: signedIn, lastSeenAt: at(12 * 60 - 1) }, at(12 * 60 - 1))).toBe(false);
    expect(sessionExpired({ createdAt: signedIn, lastSeenAt: at(12 * 60 - 1) }, at(12 * 60))).toBe(true);
  });

  it('ends a staff session after 15 idle minutes or 10 hours', () => {
    const fresh = { createdAt: signedIn, lastSeenAt: signedIn };
    expect(sessionExpired(fresh, at(14), STAFF_SESSION_LIMITS)).toBe(false);
    expect(sessionExpired(fresh, at(15), STAFF_SESSION_LIMITS)).toBe(true);
    expect(sessionExpired({ createdAt: signedIn, lastSeenAt: at(599) }, at(599), STAFF_SESSION_LIMITS)).toBe(false);
    expect(sessionExpired({ createdAt: signedIn, lastSeenAt: at(599) }, at(600), STAFF_SESSION_LIMITS)).toBe(true);
  });

  it('records activity at most once a minute', () => {
    expect(sessionNeedsTouch({ createdAt: signedIn, lastSeenAt: signedIn }, at(0.5))).toBe(false);
    expect(sessionNeedsTouch({ createdAt: signedIn, lastSeenAt: signedIn }, at(1))).toBe(true);
  });
});
