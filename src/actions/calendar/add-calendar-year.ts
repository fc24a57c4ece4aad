import type { Deps } from '../../app-deps.js';
import { checkNewYear, statutoryHolidays } from '../../domain/calendar/calendar-edit.js';
import type { CalendarYearStatus } from '../../domain/calendar/calendar-warning.js';
import { listCalendarYears } from '../../db/queries/admin-calendar.js';
import { isUniqueViolation } from '../../db/queries/admin-catalog.js';
import { audit } from '../../db/queries/audit.js';
import { calendarDays, calendarYears } from '../../db/schema/index.js';

export type AddCalendarYearResult = { kind: 'added'; year: number } | { kind: 'invalid'; errors: { year?: string; status?: string } };

/**
 * A year not yet in the calendar, with the Labour Code's holidays already marked (the transfers of
 * the Government's decree are added by hand). Provisional until the admin says it is final.
 */
export async function addCalendarYear(
  deps: Pick<Deps, 'db' | 'clock' | 'calendar'>,
  input: { staffId: string; ip: string; year: string; status: string },
): Promise<AddCalendarYearResult> {
  const status = input.status === 'final' || input.status === 'provisional' ? (input.status as CalendarYearStatus) : null;
  const known = (await listCalendarYears(deps.db)).map((y) => y.year);
  const checked = checkNewYear(input.year, known);
  if (!checked.ok || !status) {
    return { kind: 'invalid', errors: { year: checked.ok ? undefined : checked.error, status: status ? undefined : 'Выберите: окончательный или предварительный.' } };
  }
  const { year } = checked;
  const now = deps.clock.now();
  const holidays = statutoryHolidays(year);
  try {
    await deps.db.transaction(async (tx) => {
      await tx.insert(calendarYears).values({ year, status });
      await tx.insert(calendarDays).values(holidays).onConflictDoNothing();
      await audit(tx, {
        staffId: input.staffId,
        action: 'calendar.year_added',
        entity: 'calendar_year',
        entityId: String(year),
        details: { year, after: { status, holidays: holidays.map((d) => d.date) } },
        ip: input.ip,
        at: now,
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { kind: 'invalid', errors: { year: `Календарь на ${year} год уже есть: откройте его в списке лет.` } };
    throw error;
  }
  await deps.calendar.reload();
  return { kind: 'added', year };
}
