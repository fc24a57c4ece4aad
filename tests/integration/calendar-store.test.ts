import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCalendarDays, seedCalendar } from '../../src/calendar/calendar-store.js';
import { calendarDays, calendarYears } from '../../src/db/schema/index.js';
import { businessCalendar } from '../../src/domain/calendar/business-calendar.js';
import { backends, createTestApp, type TestApp } from '../helpers/test-app.js';

describe.each(backends)('the working calendar on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend, { captcha: false });
  });
  afterAll(() => t.close());

  it('is stored in the database on the first start, once', async () => {
    const years = await t.deps.db.select().from(calendarYears).orderBy(calendarYears.year);
    expect(years).toEqual([
      { year: 2025, status: 'final' },
      { year: 2026, status: 'final' },
      { year: 2027, status: 'provisional' },
    ]);
    const before = await t.deps.db.$count(calendarDays);
    expect(before).toBeGreaterThan(50);
    expect(await seedCalendar(t.deps.db)).toBe(false);
    expect(await t.deps.db.$count(calendarDays)).toBe(before);
    expect(t.deps.calendar.hoursOf('2026-03-09')).toBeNull();
    expect(t.deps.calendar.hoursOf('2025-11-01')).toEqual({ starts: 9, ends: 17 });
  });

  it('is read from the database, so an edit there is what counts', async () => {
    await t.deps.db.insert(calendarDays).values({ date: '2026-11-24', kind: 'holiday' });
    const calendar = businessCalendar(await loadCalendarDays(t.deps.db));
    expect(calendar.hoursOf('2026-11-24')).toBeNull();
    expect(calendar.hoursOf('2026-11-25')).toEqual({ starts: 9, ends: 18 });
  });
});
