import { eq } from 'drizzle-orm';
import type { Deps } from '../../app-deps.js';
import { dayTypeOf } from '../../domain/calendar/calendar-edit.js';
import { calendarDaysOn } from '../../db/queries/admin-calendar.js';
import { audit } from '../../db/queries/audit.js';
import { calendarDays } from '../../db/schema/index.js';

export type RemoveCalendarDayResult = { kind: 'removed' | 'not_found' };

/** Makes a marked date an ordinary day again (Mon–Fri working, weekend off). */
export async function removeCalendarDay(
  deps: Pick<Deps, 'db' | 'clock' | 'calendar'>,
  input: { staffId: string; ip: string; year: number; date: string },
): Promise<RemoveCalendarDayResult> {
  if (!input.date.startsWith(`${input.year}-`)) return { kind: 'not_found' };
  const now = deps.clock.now();
  const result = await deps.db.transaction(async (tx) => {
    const before = await calendarDaysOn(tx, input.date);
    if (before.length === 0) return { kind: 'not_found' } as const;
    const kinds = before.map((d) => d.kind);
    await tx.delete(calendarDays).where(eq(calendarDays.date, input.date));
    await audit(tx, {
      staffId: input.staffId,
      action: 'calendar.day_removed',
      entity: 'calendar_day',
      entityId: input.date,
      details: { date: input.date, before: dayTypeOf(kinds) ?? kinds.join('+'), after: null },
      ip: input.ip,
      at: now,
    });
    return { kind: 'removed' } as const;
  });
  if (result.kind === 'removed') await deps.calendar.reload();
  return result;
}
