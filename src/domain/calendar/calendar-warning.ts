import { DateTime } from 'luxon';
import { ZONE } from './business-calendar.js';

// The system warns when next year is missing or provisional (docs/back-office.md#callback-deadline). The
// warning starts on 1 December (Moscow), early enough to load the decree before the January holidays move
// deadlines.

export type CalendarYearStatus = 'final' | 'provisional';

/** The year whose calendar must be checked now: next year during December, otherwise none. */
export function yearToCheck(now: Date): number | null {
  const today = DateTime.fromJSDate(now, { zone: ZONE });
  return today.month === 12 ? today.year + 1 : null;
}

/** The warning for a year with that status (undefined: the year is not in the calendar at all), or null. */
export function calendarWarningText(year: number, status: CalendarYearStatus | undefined): string | null {
  if (status === 'final') return null;
  const state = status === 'provisional' ? 'предварительный (постановление о переносе выходных не внесено)' : 'не загружен';
  return `Производственный календарь на ${year} год ${state}: сроки звонков клиентам в январе ${year} года могут быть неверны. Проверьте календарь в разделе «Календарь».`;
}

/** How long «Скрыть на неделю» hides the warning from the staff member who pressed it. */
export const WARNING_HIDDEN_FOR_MS = 7 * 24 * 3600_000;

/** Until when the warning stays hidden when hidden at `now`. */
export const warningHiddenUntil = (now: Date): Date => new Date(now.getTime() + WARNING_HIDDEN_FOR_MS);

/** True while a member's «Скрыть на неделю» still holds. */
export const warningHidden = (hiddenUntil: Date | null, now: Date): boolean => hiddenUntil !== null && hiddenUntil > now;
