import { eq } from 'drizzle-orm';
import type { Deps } from '../../app-deps.js';
import { checkCalendarDay, dayTypeOf, dayTypes, type DayType } from '../../domain/calendar/calendar-edit.js';
import { calendarDaysOn, calendarYearStatus } from '../../db/queries/admin-calendar.js';
import { audit } from '../../db/queries/audit.js';
import { calendarDays } from '../../db/schema/index.js';

export type MarkDayErrors = { date?: string; type?: string };
export type MarkCalendarDayResult = { kind: 'saved' | 'unchanged'; date: string } | { kind: 'invalid'; errors: MarkDayErrors } | { kind: 'not_found' };

/**
 * Marks a date of a year as a holiday, a transferred day off, a working Saturday or a short day —
 * a new mark ("add"), or a new type for a date already marked ("change"). Deadlines computed from
 * then on, in this process at once, use it (docs/decisions/011-calendar-reload.md).
 */
export async function markCalendarDay(
  deps: Pick<Deps, 'db' | 'clock' | 'calendar'>,
  input: { staffId: string; ip: string; year: number; date: string; type: string; mode: 'add' | 'change' },
): Promise<MarkCalendarDayResult> {
  const checked = checkCalendarDay(input.year, input.date, input.type);
  if (!checked.ok) return { kind: 'invalid', errors: checked.errors };
  const { date, type } = checked;
  const now = deps.clock.now();
  const result = await deps.db.transaction(async (tx) => {
    if (!(await calendarYearStatus(tx, input.year))) return { kind: 'not_found' } as const;
    const before = await calendarDaysOn(tx, date);
    if (input.mode === 'change' && before.length === 0) return { kind: 'not_found' } as const;
    const was = before.length ? (dayTypeOf(before.map((d) => d.kind)) ?? before.map((d) => d.kind).join('+')) : null;
    if (input.mode === 'add' && was) {
      const label = was in dayTypes ? dayTypes[was as DayType].label : was;
      return { kind: 'invalid', errors: { date: `Этот день уже отмечен («${label}»): измените или удалите его в списке ниже.` } } as const;
    }
    if (was === type) return { kind: 'unchanged', date } as const;
    await tx.delete(calendarDays).where(eq(calendarDays.date, date));
    await tx.insert(calendarDays).values(dayTypes[type].kinds.map((kind) => ({ date, kind })));
    await audit(tx, {
      staffId: input.staffId,
      action: input.mode === 'add' ? 'calendar.day_added' : 'calendar.day_changed',
      entity: 'calendar_day',
      entityId: date,
      details: { date, before: was, after: type },
      ip: input.ip,
      at: now,
    });
    return { kind: 'saved', date } as const;
  });
  if (result.kind === 'saved') await deps.calendar.reload();
  return result;
}
