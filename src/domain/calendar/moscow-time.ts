import { DateTime } from 'luxon';
import { ZONE } from './business-calendar.js';

// Staff type times and dates as Moscow wall-clock time (the datetime-local and date inputs); the
// database holds UTC.

/** «2026-11-24T10:15» (Moscow) → the moment; null when it is not such a value. */
export function parseMoscowDateTimeInput(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  const moment = DateTime.fromISO(value, { zone: ZONE });
  return moment.isValid ? moment.toJSDate() : null;
}

/** The moment as a datetime-local value in Moscow: «2026-11-24T10:15». */
export function moscowDateTimeInput(date: Date): string {
  return DateTime.fromJSDate(date, { zone: ZONE }).toFormat("yyyy-MM-dd'T'HH:mm");
}

/** The Moscow calendar date of a moment: «2026-11-24». */
export function moscowDate(date: Date): string {
  return DateTime.fromJSDate(date, { zone: ZONE }).toISODate()!;
}

/** «2026-11-24» if it is a real date, else null. */
export function parseDateInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  return DateTime.fromISO(value, { zone: ZONE }).isValid ? value : null;
}

/** «24.11.2026 10:15» — compact, for tables. */
export function moscowShort(date: Date): string {
  return DateTime.fromJSDate(date, { zone: ZONE }).toFormat('dd.MM.yyyy HH:mm');
}

/** «24.11.2026». */
export function moscowDay(isoDate: string): string {
  return DateTime.fromISO(isoDate, { zone: ZONE }).toFormat('dd.MM.yyyy');
}
