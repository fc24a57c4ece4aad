import type { Deps } from '../../../app-deps.js';
import { calendarWarningText, warningHidden, yearToCheck } from '../../../domain/calendar/calendar-warning.js';
import { calendarYearStatus } from '../../../db/queries/admin-calendar.js';

/**
 * From 1 December, a warning on every back-office page when next year's working calendar is missing
 * or provisional (callback deadlines would be wrong in January). Null when all is well, or while the
 * member's «Скрыть на неделю» holds (`hiddenUntil`, from their staff row).
 * Runs on every page: eleven months a year it reads only the clock; in December, one primary-key lookup.
 */
export async function calendarWarning(deps: Pick<Deps, 'db' | 'clock'>, hiddenUntil: Date | null): Promise<string | null> {
  const now = deps.clock.now();
  const year = yearToCheck(now);
  if (year === null || warningHidden(hiddenUntil, now)) return null;
  return calendarWarningText(year, await calendarYearStatus(deps.db, year));
}
