import { describe, expect, it } from 'vitest';
import { addressKey, createFailureLimit } from './failure-limit.js';

describe('createFailureLimit', () => {
  it('lets `max` failures through per window and address, then limits until the window ends', () => {
    let time = 0;
    const limit = createFailureLimit({ max: 3, windowMs: 60_000, maxAddresses: 100, now: () => time });
    expect([1, 2, 3, 4, 5].map(() => limit.fail('203.0.113.5'))).toEqual([false, false, false, true, true]);
    expect(limit.fail('203.0.113.6')).toBe(false);
    expect(limit.retryAfterSeconds('203.0.113.5')).toBe(60);
    time = 60_000;
    expect(limit.fail('203.0.113.5')).toBe(false);
  });

  it('tracks at most maxAddresses, forgetting the oldest', () => {
    let time = 0;
    const limit = createFailureLimit({ max: 1, windowMs: 60_000, maxAddresses: 2, now: () => time });
    limit.fail('198.51.100.1');
    time = 1;
    limit.fail('198.51.100.2');
    time = 2;
    limit.fail('198.51.100.3'); // the first is forgotten to make room
    expect(limit.retryAfterSeconds('198.51.100.1')).toBe(0);
    expect(limit.fail('198.51.100.2')).toBe(true);
  });
});

describe('addressKey', () => {
  it.each([
    ['203.0.113.5', '203.0.113.5'],
    ['::ffff:203.0.113.5', '203.0.113.5'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:db8:1:2::9', '2001:db8:1:2::/64'],
    ['2001:0db8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
  ])('%s → %s', (ip, key) => {
    expect(addressKey(ip)).toBe(key);
  });
});
