import { describe, expect, it } from 'vitest';
import { revenueDays, revenueWindow } from './revenue-days.js';

describe('the revenue window', () => {
  it('is the Moscow days ending today, today included', () => {
    // 22:30 UTC on 23 November is already 24 November in Moscow.
    const window = revenueWindow(new Date('2026-11-23T22:30:00Z'), 30);
    expect(window.dates).toHaveLength(30);
    expect(window.dates[0]).toBe('2026-10-26');
    expect(window.dates.at(-1)).toBe('2026-11-24');
    expect(window.from.toISOString()).toBe('2026-10-25T21:00:00.000Z');
    expect(window.to.toISOString()).toBe('2026-11-24T21:00:00.000Z');
  });
});

describe('revenue by day', () => {
  it('nets payments against returns and fills quiet days with zero', () => {
    const days = revenueDays(
      ['2026-11-22', '2026-11-23', '2026-11-24'],
      new Map([['2026-11-22', 1_500_000], ['2026-11-24', 300_000]]),
      new Map([['2026-11-24', 1_500_000]]),
    );
    expect(days).toEqual([
      { date: '2026-11-22', paidKopecks: 1_500_000, returnedKopecks: 0, netKopecks: 1_500_000 },
      { date: '2026-11-23', paidKopecks: 0, returnedKopecks: 0, netKopecks: 0 },
      { date: '2026-11-24', paidKopecks: 300_000, returnedKopecks: 1_500_000, netKopecks: -1_200_000 },
    ]);
  });
});
