import { DateTime } from 'luxon';

// Working time in Moscow (docs/back-office.md#callback-deadline): Mon–Fri 09:00–18:00, minus holidays and
// transferred days off, plus transferred working Saturdays; a pre-holiday short day ends at 17:00. The calendar
// is data (src/calendar/ru-production-calendar.json, editable later by an admin), passed in.

export const ZONE = 'Europe/Moscow';
const DAY_STARTS = 9;
const DAY_ENDS = 18;

export type CalendarDayKind = 'holiday' | 'transfer_day_off' | 'working_saturday' | 'short_day';
export interface CalendarDay {
  date: string; // YYYY-MM-DD, Moscow
  kind: CalendarDayKind;
}

export interface BusinessCalendar {
  /** Working hours of a Moscow date, or null on a day off. */
  hoursOf(date: string): { starts: number; ends: number } | null;
}

export function businessCalendar(days: readonly CalendarDay[]): BusinessCalendar {
  const kinds = new Map<string, Set<CalendarDayKind>>();
  for (const day of days) kinds.set(day.date, (kinds.get(day.date) ?? new Set()).add(day.kind));
  return {
    hoursOf(date) {
      const marks = kinds.get(date) ?? new Set();
      const weekday = DateTime.fromISO(date, { zone: ZONE }).weekday; // 1 = Monday … 7 = Sunday
      const working = marks.has('working_saturday') || (weekday <= 5 && !marks.has('holiday') && !marks.has('transfer_day_off'));
      if (!working) return null;
      return { starts: DAY_STARTS, ends: marks.has('short_day') ? DAY_ENDS - 1 : DAY_ENDS };
    },
  };
}

/**
 * When a manager must have contacted a client who paid at `paidAt` (docs/back-office.md#callback-deadline):
 * one working hour later; but paid in the last working hour of the day, before the day starts, or on a day
 * off → 10:00 of the next working day (the same day when paid before 09:00 on a working day).
 */
export function callbackDeadline(paidAt: Date, calendar: BusinessCalendar): Date {
  const moment = DateTime.fromJSDate(paidAt, { zone: ZONE });
  const hours = calendar.hoursOf(moment.toISODate()!);
  if (hours) {
    const starts = moment.set({ hour: hours.starts, minute: 0, second: 0, millisecond: 0 });
    const cutoff = moment.set({ hour: hours.ends - 1, minute: 0, second: 0, millisecond: 0 });
    if (moment >= starts && moment < cutoff) return moment.plus({ hours: 1 }).toJSDate();
    if (moment < starts) return starts.plus({ hours: 1 }).toJSDate();
  }
  return nextWorkingDayAt(moment, calendar, 10).toJSDate();
}

function nextWorkingDayAt(after: DateTime, calendar: BusinessCalendar, hour: number): DateTime {
  // Russian calendars never have more than a few weeks off in a row; a year bounds a broken calendar.
  for (let day = after.startOf('day').plus({ days: 1 }), n = 0; n < 366; day = day.plus({ days: 1 }), n++) {
    if (calendar.hoursOf(day.toISODate()!)) return day.set({ hour });
  }
  throw new Error(`No working day within a year after ${after.toISODate()}`);
}
