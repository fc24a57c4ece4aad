import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { calendarDays, calendarYears } from '../db/schema/index.js';
import { businessCalendar, type BusinessCalendar, type CalendarDay } from '../domain/calendar/business-calendar.js';
import type { Logger } from '../log.js';
import data from './ru-production-calendar.json' with { type: 'json' };

/**
 * The working calendar lives in the database, where an admin can edit it (when the 2027 decree is
 * published, say). On the first start it is filled from the calendar shipped with the app.
 */
export async function seedCalendar(db: Db): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`lock table ${calendarYears} in exclusive mode`); // several processes may start at once
    const [known] = await tx.select({ year: calendarYears.year }).from(calendarYears).limit(1);
    if (known) return false;
    const years = Object.entries(data.years);
    await tx.insert(calendarYears).values(years.map(([year, { status }]) => ({ year: Number(year), status: status as 'final' | 'provisional' })));
    await tx.insert(calendarDays).values(years.flatMap(([, year]) => year.days as CalendarDay[]).map(({ date, kind }) => ({ date, kind })));
    return true;
  });
}

export async function loadCalendarDays(db: Db): Promise<CalendarDay[]> {
  return db.select({ date: calendarDays.date, kind: calendarDays.kind }).from(calendarDays);
}

/**
 * The calendar deadlines are computed with (deps.calendar), kept in memory and read again from the
 * database: at once after an edit in this process (`reload`), and every `reloadEveryMs` for edits
 * made by another process (docs/decisions/011-calendar-reload.md).
 */
export interface LiveCalendar extends BusinessCalendar {
  reload(): Promise<void>;
  /** Stops the periodic reload (at shutdown). */
  stop(): void;
}

export const CALENDAR_RELOAD_MS = 60_000;

export async function liveCalendar(db: Db, log: Logger, reloadEveryMs = CALENDAR_RELOAD_MS): Promise<LiveCalendar> {
  let current = businessCalendar(await loadCalendarDays(db));
  // Reads may finish out of order (a periodic one started before an edit, the edit's own after it):
  // only a read started later than the one in use replaces it.
  let started = 0;
  let applied = 0;
  async function reload() {
    const mine = ++started;
    const calendar = businessCalendar(await loadCalendarDays(db));
    if (mine > applied) {
      applied = mine;
      current = calendar;
    }
  }
  const timer = setInterval(() => {
    reload().catch((error: unknown) => log.warn({ err: error }, 'Could not reload the working calendar; deadlines use the one loaded before'));
  }, reloadEveryMs);
  timer.unref();
  return {
    hoursOf: (date) => current.hoursOf(date),
    reload,
    stop: () => clearInterval(timer),
  };
}
