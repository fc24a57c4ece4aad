import { describe, expect, it } from 'vitest';
import data from '../../calendar/ru-production-calendar.json' with { type: 'json' };
import { businessCalendar, callbackDeadline, type CalendarDay } from './business-calendar.js';

const calendar = businessCalendar(Object.values(data.years).flatMap((year) => year.days as CalendarDay[]));

/** Moscow wall time → the instant (stored as UTC). */
const msk = (local: string) => new Date(`${local}+03:00`);

describe('callbackDeadline (Europe/Moscow)', () => {
  it.each([
    ['Tuesday 11:20 → 12:20', '2026-11-24T11:20', '2026-11-24T12:20'],
    ['Tuesday 16:59 → 17:59', '2026-11-24T16:59', '2026-11-24T17:59'],
    ['Tuesday 17:00 → Wednesday 10:00', '2026-11-24T17:00', '2026-11-25T10:00'],
    ['Friday 17:30 → Monday 10:00', '2026-11-27T17:30', '2026-11-30T10:00'],
    ['Saturday → Monday 10:00', '2026-11-28T12:00', '2026-11-30T10:00'],
    ['2026-01-08 → 2026-01-12 10:00', '2026-01-08T12:00', '2026-01-12T10:00'],
    ['2026-03-06 (Friday) 17:10 → 2026-03-10 10:00', '2026-03-06T17:10', '2026-03-10T10:00'],
    ['short day 2026-04-30 16:30 → 2026-05-04 10:00', '2026-04-30T16:30', '2026-05-04T10:00'],
    ['short day 2026-04-30 15:59 → 16:59', '2026-04-30T15:59', '2026-04-30T16:59'],
    ['working Saturday 2025-11-01 10:00 → 11:00', '2025-11-01T10:00', '2025-11-01T11:00'],
    ['07:30 on a working day → 10:00 the same day', '2026-11-24T07:30', '2026-11-24T10:00'],
    ['09:00 sharp → 10:00', '2026-11-24T09:00', '2026-11-24T10:00'],
    ['after the day ends → next working day 10:00', '2026-11-24T20:45', '2026-11-25T10:00'],
    ['New Year\'s Eve day off 2026-12-31 → 2027-01-11 10:00', '2026-12-30T17:30', '2027-01-11T10:00'],
  ])('%s', (_name, paid, due) => {
    expect(callbackDeadline(msk(paid), calendar).toISOString()).toBe(msk(due).toISOString());
  });

  it('works on the instant, whatever the machine time zone', () => {
    // 08:20 UTC is 11:20 in Moscow.
    expect(callbackDeadline(new Date('2026-11-24T08:20:00Z'), calendar).toISOString()).toBe('2026-11-24T09:20:00.000Z');
  });
});

describe('businessCalendar', () => {
  it('knows short days, transferred days off and working Saturdays', () => {
    expect(calendar.hoursOf('2026-04-30')).toEqual({ starts: 9, ends: 17 });
    expect(calendar.hoursOf('2026-03-09')).toBeNull();
    expect(calendar.hoursOf('2025-11-01')).toEqual({ starts: 9, ends: 17 });
    expect(calendar.hoursOf('2026-11-24')).toEqual({ starts: 9, ends: 18 });
    expect(calendar.hoursOf('2026-11-28')).toBeNull();
  });
});
