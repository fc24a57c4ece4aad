import { describe, expect, it } from 'vitest';
import { loginThrottle } from './login-throttle.js';

const now = new Date('2026-11-24T10:00:00Z');
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);

describe('loginThrottle', () => {
  it('lets the first attempts through without a captcha', () => {
    expect(loginThrottle([], now)).toEqual({ captchaRequired: false, retryAfterMs: 0 });
    expect(loginThrottle([ago(60), ago(30)], now)).toEqual({ captchaRequired: false, retryAfterMs: 0 });
  });

  it('asks for a captcha after 3 failures', () => {
    expect(loginThrottle([ago(90), ago(60), ago(30)], now)).toEqual({ captchaRequired: true, retryAfterMs: 0 });
  });

  it('makes the client wait 30 s after the 5th failure, doubling with each further one', () => {
    const five = [ago(200), ago(150), ago(100), ago(50), ago(10)];
    expect(loginThrottle(five, now).retryAfterMs).toBe(20_000);
    expect(loginThrottle([...five, ago(5)], now).retryAfterMs).toBe(55_000);
    expect(loginThrottle([...five, ago(5), ago(1)], now).retryAfterMs).toBe(119_000);
  });

  it('caps the wait at 15 minutes', () => {
    const many = Array.from({ length: 20 }, (_, i) => ago(i + 1));
    expect(loginThrottle(many, now).retryAfterMs).toBe(15 * 60_000 - 1000);
  });

  it('forgets failures older than 15 minutes', () => {
    const old = Array.from({ length: 6 }, (_, i) => ago(15 * 60 + i));
    expect(loginThrottle(old, now)).toEqual({ captchaRequired: false, retryAfterMs: 0 });
  });

  it('lets the client try again once the wait is over', () => {
    const five = [ago(200), ago(150), ago(100), ago(80), ago(31)];
    expect(loginThrottle(five, now)).toEqual({ captchaRequired: true, retryAfterMs: 0 });
  });
});
