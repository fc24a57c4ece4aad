import { describe, expect, it } from 'vitest';
import { businessCalendar } from '../calendar/business-calendar.js';
import { deliveryTime } from './quiet-hours.js';

const msk = (local: string) => new Date(`${local}+03:00`);
// 2026-11-04 is a public holiday (Wednesday); 2026-12-31 a short day, 2027-01-01…08 holidays.
const calendar = businessCalendar([
  { date: '2026-11-04', kind: 'holiday' },
  { date: '2026-12-31', kind: 'short_day' },
  ...['01', '02', '03', '04', '05', '06', '07', '08'].map((d) => ({ date: `2027-01-${d}`, kind: 'holiday' as const })),
]);

describe('deliveryTime: quiet hours on the working calendar', () => {
  it.each([
    ['during working hours → at once', '2026-11-24T14:26', '2026-11-24T14:26'],
    ['before the day starts → 09:00 the same day', '2026-11-24T07:10', '2026-11-24T09:00'],
    ['after the day ends → 09:00 the next working day', '2026-11-24T18:00', '2026-11-25T09:00'],
    ['Friday evening → Monday 09:00', '2026-11-27T21:40', '2026-11-30T09:00'],
    ['Saturday → Monday 09:00', '2026-11-28T12:00', '2026-11-30T09:00'],
    ['the evening before a holiday → the day after it', '2026-11-03T19:00', '2026-11-05T09:00'],
    ['a short day ends at 17:00 → after the New Year holidays', '2026-12-31T17:30', '2027-01-11T09:00'],
    ['a short day before 17:00 → at once', '2026-12-31T16:59', '2026-12-31T16:59'],
  ])('%s', (_name, now, expected) => {
    expect(deliveryTime(msk(now), calendar, true)).toEqual(msk(expected));
  });

  it('sends at any hour to someone who chose "always"', () => {
    expect(deliveryTime(msk('2026-11-28T03:00'), calendar, false)).toEqual(msk('2026-11-28T03:00'));
  });
});
