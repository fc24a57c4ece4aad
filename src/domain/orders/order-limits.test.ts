import { describe, expect, it } from 'vitest';
import { orderRetryAfterMs } from './order-limits.js';

const now = new Date('2026-11-23T10:00:00Z');
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

describe('orderRetryAfterMs', () => {
  it('allows the first five orders in ten minutes', () => {
    expect(orderRetryAfterMs([], now)).toBe(0);
    expect(orderRetryAfterMs([1, 2, 3, 4].map(minutesAgo), now)).toBe(0);
  });

  it('blocks the sixth until the oldest counted order leaves the window', () => {
    expect(orderRetryAfterMs([1, 2, 3, 4, 7].map(minutesAgo), now)).toBe(3 * 60_000);
  });

  it('ignores orders older than the window', () => {
    expect(orderRetryAfterMs([1, 2, 3, 4, 11, 12].map(minutesAgo), now)).toBe(0);
  });

  it('counts only the five newest when there are more', () => {
    expect(orderRetryAfterMs([1, 2, 3, 4, 5, 9].map(minutesAgo), now)).toBe(5 * 60_000);
  });
});
