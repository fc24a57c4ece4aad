import type { Deps } from '../../../app-deps.js';
import { calendarWarningText, yearToCheck } from '../../../domain/calendar/calendar-warning.js';
import { calendarYearStatus } from '../../../db/queries/admin-calendar.js';

/**
 * From 1 December, a warning on every back-office page when next year's working calendar is missing
 * or provisional (callback deadlines would be wrong in January). Null when all is well.
 * Runs on every page: eleven months a year it reads only the clock; in December, one primary-key lookup.
 */
export async function calendarWarning(deps: Pick<Deps, 'db' | 'clock'>): Promise<string | null> {
  const year = yearToCheck(deps.clock.now());
  if (year === null) return null;
  return calendarWarningText(year, await calendarYearStatus(deps.db, year));
}
