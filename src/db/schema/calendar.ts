import { date, integer, pgEnum, pgTable, primaryKey } from 'drizzle-orm/pg-core';

export const calendarYearStatus = pgEnum('calendar_year_status', ['final', 'provisional']);
export const calendarDayKind = pgEnum('calendar_day_kind', ['holiday', 'transfer_day_off', 'working_saturday', 'short_day']);

/** Years of the Russian production calendar we know; "provisional" until the government decree. */
export const calendarYears = pgTable('calendar_years', {
  year: integer('year').primaryKey(),
  status: calendarYearStatus('status').notNull(),
});

/** The exceptions to Mon–Fri 09:00–18:00 (a day can be both a working Saturday and a short day). */
export const calendarDays = pgTable(
  'calendar_days',
  {
    date: date('date', { mode: 'string' }).notNull(),
    kind: calendarDayKind('kind').notNull(),
  },
  (t) => [primaryKey({ columns: [t.date, t.kind] })],
);
