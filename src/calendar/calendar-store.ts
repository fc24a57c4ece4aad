import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { calendarDays, calendarYears } from '../db/schema/index.js';
import type { CalendarDay } from '../domain/business-calendar.js';
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
