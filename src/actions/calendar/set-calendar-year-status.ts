import { eq } from 'drizzle-orm';
import type { Deps } from '../../app-deps.js';
import { calendarYearStatus } from '../../db/queries/admin-calendar.js';
import { audit } from '../../db/queries/audit.js';
import { calendarYears } from '../../db/schema/index.js';

export type SetYearStatusResult = { kind: 'changed' | 'unchanged' | 'not_found' | 'invalid' };

/**
 * Final once the Government's decree is entered, provisional before. Only the December warning
 * depends on it; deadlines follow the marked days either way.
 */
export async function setCalendarYearStatus(
  deps: Pick<Deps, 'db' | 'clock'>,
  input: { staffId: string; ip: string; year: number; status: string },
): Promise<SetYearStatusResult> {
  const { status } = input;
  if (status !== 'final' && status !== 'provisional') return { kind: 'invalid' };
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const before = await calendarYearStatus(tx, input.year);
    if (!before) return { kind: 'not_found' } as const;
    if (before === status) return { kind: 'unchanged' } as const;
    await tx.update(calendarYears).set({ status }).where(eq(calendarYears.year, input.year));
    await audit(tx, {
      staffId: input.staffId,
      action: 'calendar.year_status_changed',
      entity: 'calendar_year',
      entityId: String(input.year),
      details: { year: input.year, before: { status: before }, after: { status } },
      ip: input.ip,
      at: now,
    });
    return { kind: 'changed' } as const;
  });
}
