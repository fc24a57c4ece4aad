import { describe, expect, it } from 'vitest';
import { moscowDayEnd, moscowDayStart } from './moscow-dates.js';

describe('Moscow calendar days', () => {
  it('a Moscow day starts at 21:00 UTC the day before and ends 24 hours later', () => {
    expect(moscowDayStart('2026-11-24')).toEqual(new Date('2026-11-23T21:00:00Z'));
    expect(moscowDayEnd('2026-11-24')).toEqual(new Date('2026-11-24T21:00:00Z'));
    expect(moscowDayEnd('2026-12-31')).toEqual(new Date('2026-12-31T21:00:00Z'));
  });

  it.each(['', '24.11.2026', '2026-02-30', '2026-13-01', '2026-1-1', '2026-11-24T10:00'])('refuses %j', (input) => {
    expect(moscowDayStart(input)).toBeNull();
    expect(moscowDayEnd(input)).toBeNull();
  });
});
