import { DateTime } from 'luxon';
import { ZONE } from './business-calendar.js';

/**
 * The moment a Moscow calendar day ("2026-11-24") begins, as a UTC instant; null for anything that
 * is not a real date in that form. Filters by date ask for whole Moscow days whatever the server's zone.
 */
export function moscowDayStart(isoDate: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) return null;
  const day = DateTime.fromISO(isoDate, { zone: ZONE });
  return day.isValid ? day.toJSDate() : null;
}

/** The moment the day after a Moscow calendar day begins: the exclusive end of "up to and including". */
export function moscowDayEnd(isoDate: string): Date | null {
  const start = moscowDayStart(isoDate);
  return start && DateTime.fromJSDate(start, { zone: ZONE }).plus({ days: 1 }).toJSDate();
}
