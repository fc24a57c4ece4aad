import { and, asc, count, eq, gte, lte, sql } from 'drizzle-orm';
import type { CalendarDay } from '../../domain/calendar/business-calendar.js';
import type { CalendarYearStatus } from '../../domain/calendar/calendar-warning.js';
import type { Queryable } from '../client.js';
import { calendarDays, calendarYears } from '../schema/index.js';

// The calendar editor's reads: the years we know and the marked days of one of them.

export interface CalendarYearRow {
  year: number;
  status: CalendarYearStatus;
  /** Dates marked in it (a working Saturday that is also short counts once). */
  markedDays: number;
}

export async function listCalendarYears(db: Queryable): Promise<CalendarYearRow[]> {
  const yearOf = sql<number>`extract(year from ${calendarDays.date})::int`;
  const counts = await db.select({ year: yearOf, days: count(sql`distinct ${calendarDays.date}`) }).from(calendarDays).groupBy(yearOf);
  const marked = new Map(counts.map((c) => [Number(c.year), Number(c.days)]));
  const years = await db.select().from(calendarYears).orderBy(asc(calendarYears.year));
  return years.map((y) => ({ ...y, markedDays: marked.get(y.year) ?? 0 }));
}

/** A year's status, or undefined when the year is not in the calendar. One primary-key lookup. */
export async function calendarYearStatus(db: Queryable, year: number): Promise<CalendarYearStatus | undefined> {
  const [row] = await db.select({ status: calendarYears.status }).from(calendarYears).where(eq(calendarYears.year, year));
  return row?.status;
}

export async function calendarDaysOfYear(db: Queryable, year: number): Promise<CalendarDay[]> {
  return db
    .select({ date: calendarDays.date, kind: calendarDays.kind })
    .from(calendarDays)
    .where(and(gte(calendarDays.date, `${year}-01-01`), lte(calendarDays.date, `${year}-12-31`)))
    .orderBy(asc(calendarDays.date), asc(calendarDays.kind));
}

export async function calendarDaysOn(db: Queryable, date: string): Promise<CalendarDay[]> {
  return db.select({ date: calendarDays.date, kind: calendarDays.kind }).from(calendarDays).where(eq(calendarDays.date, date)).orderBy(asc(calendarDays.kind));
}
