import { describe, expect, it } from 'vitest';
import { loginThrottle, throttleAddress } from './login-throttle.js';

const now = new Date('2026-11-24T10:00:00Z');
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);
/** Failures that all came from the address trying now. */
const only = (fromAddress: Date[]) => ({ fromAddress, fromEverywhere: fromAddress.length });

describe('loginThrottle', () => {
  it('lets the first attempts through without a captcha', () => {
    expect(loginThrottle(only([]), now)).toEqual({ captchaRequired: false, retryAfterMs: 0 });
    expect(loginThrottle(only([ago(60), ago(30)]), now)).toEqual({ captchaRequired: false, retryAfterMs: 0 });
  });

  it('asks for a captcha after 3 failures from the address', () => {
    expect(loginThrottle(only([ago(90), ago(60), ago(30)]), now)).toEqual({ captchaRequired: true, retryAfterMs: 0 });
  });

  it('makes the address wait 30 s after its 5th failure, doubling with each further one', () => {
    const five = [ago(200), ago(150), ago(100), ago(50), ago(10)];
    expect(loginThrottle(only(five), now).retryAfterMs).toBe(20_000);
    expect(loginThrottle(only([...five, ago(5)]), now).retryAfterMs).toBe(55_000);
    expect(loginThrottle(only([...five, ago(5), ago(1)]), now).retryAfterMs).toBe(119_000);
  });

  it('caps the wait at 15 minutes', () => {
    const many = Array.from({ length: 20 }, (_, i) => ago(i + 1));
    expect(loginThrottle(only(many), now).retryAfterMs).toBe(15 * 60_000 - 1000);
  });

  it('forgets failures older than 15 minutes', () => {
    const old = Array.from({ length: 6 }, (_, i) => ago(15 * 60 + i));
    expect(loginThrottle({ fromAddress: old, fromEverywhere: 0 }, now)).toEqual({ captchaRequired: false, retryAfterMs: 0 });
  });

  it('lets the address try again once the wait is over', () => {
    const five = [ago(200), ago(150), ago(100), ago(80), ago(31)];
    expect(loginThrottle(only(five), now)).toEqual({ captchaRequired: true, retryAfterMs: 0 });
  });

  it('never makes another address wait for failures it did not make', () => {
    expect(loginThrottle({ fromAddress: [], fromEverywhere: 500 }, now).retryAfterMs).toBe(0);
    expect(loginThrottle({ fromAddress: [ago(30), ago(20)], fromEverywhere: 500 }, now).retryAfterMs).toBe(0);
  });

  it('asks every address for the captcha from the account’s 10th failure in the window', () => {
    expect(loginThrottle({ fromAddress: [], fromEverywhere: 9 }, now)).toEqual({ captchaRequired: false, retryAfterMs: 0 });
    expect(loginThrottle({ fromAddress: [], fromEverywhere: 10 }, now)).toEqual({ captchaRequired: true, retryAfterMs: 0 });
  });
});

describe('throttleAddress', () => {
  it('keeps an IPv4 address, also when it comes mapped into IPv6', () => {
    expect(throttleAddress('203.0.113.7')).toBe('203.0.113.7');
    expect(throttleAddress('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  it('counts an IPv6 address by its /64 network, however it is written', () => {
    expect(throttleAddress('2001:db8:0:1::5')).toBe('2001:db8:0:1::/64');
    expect(throttleAddress('2001:0DB8:0000:0001:ffff:1:2:3')).toBe('2001:db8:0:1::/64');
    expect(throttleAddress('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(throttleAddress('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(throttleAddress('::1')).toBe('0:0:0:0::/64');
  });
});
