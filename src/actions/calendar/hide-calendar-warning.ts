import { eq } from 'drizzle-orm';
import type { Deps } from '../../app-deps.js';
import { warningHiddenUntil } from '../../domain/calendar/calendar-warning.js';
import { staff } from '../../db/schema/index.js';

export type HideCalendarWarningResult = { kind: 'hidden'; until: Date };

/**
 * «Скрыть на неделю» on the calendar warning: kept on the staff member's row, so it holds on every
 * device and without scripts, for this member only; the warning comes back after a week if the
 * calendar is still not final. A preference, not a business change: not audited.
 */
export async function hideCalendarWarning(deps: Pick<Deps, 'db' | 'clock'>, input: { staffId: string }): Promise<HideCalendarWarningResult> {
  const until = warningHiddenUntil(deps.clock.now());
  await deps.db.update(staff).set({ calendarWarningHiddenUntil: until }).where(eq(staff.id, input.staffId));
  return { kind: 'hidden', until };
}
