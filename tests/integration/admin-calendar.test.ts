import { and, desc, eq, gte, lte } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { liveCalendar } from '../../src/calendar/calendar-store.js';
import { auditLog, calendarDays, calendarYears } from '../../src/db/schema/index.js';
import { paidOrder } from '../helpers/accounts.js';
import { signInStaff, staffBrowser } from '../helpers/staff.js';
import { backends, createTestApp, manualClock, type TestApp } from '../helpers/test-app.js';
import { visitor, type Visitor } from '../helpers/visitor.js';

const BANNER_2027 = 'Производственный календарь на 2027 год предварительный';

describe.each(backends)('back office: the working calendar on %s', (backend) => {
  let t: TestApp;
  let admin: Visitor;
  // Monday 23 November 2026, 17:30 in Moscow: past the day's cut-off, so a payment now is due at
  // 10:00 of the next working day.
  const clock = manualClock(new Date('2026-11-23T17:30:00+03:00'));

  beforeAll(async () => {
    t = await createTestApp(backend, { captcha: false, clock });
    admin = (await staffBrowser(t, 'admin')).browser;
  });
  afterAll(() => t.close());

  const lastAudit = async () => (await t.deps.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1))[0];
  const daysOf = (year: number) =>
    t.deps.db
      .select()
      .from(calendarDays)
      .where(and(gte(calendarDays.date, `${year}-01-01`), lte(calendarDays.date, `${year}-12-31`)))
      .orderBy(calendarDays.date, calendarDays.kind);
  const snapshot = async () => ({ days: await daysOf(2026), years: await t.deps.db.select().from(calendarYears).orderBy(calendarYears.year), audit: await t.deps.db.$count(auditLog) });
  const managerDeadlineOn = async (publicRef: string) => /(завтра|сегодня|в [а-я]+, \d+ [а-я]+,) до \d\d:\d\d/.exec((await visitor(t.app).get(`/orders/${publicRef}`)).body)?.[0];

  it('shows the years and a year month by month with its marked days; only admins open it', async () => {
    const years = await admin.get('/admin/calendar');
    expect(years.statusCode).toBe(200);
    expect(years.body).toContain('href="/admin/calendar/2027"');
    expect(years.body).toContain('Предварительный');
    const year = await admin.get('/admin/calendar/2026');
    expect(year.statusCode).toBe(200);
    expect(year.body.match(/<table class="calendar-month">/g)).toHaveLength(12);
    expect(year.body).toContain('<caption>Март 2026</caption>');
    expect(year.body).toContain('09.03.2026, пн');
    expect(year.body).toContain('<td class="calendar-day-off" title="Перенесённый выходной">9<span class="visually-hidden">, Перенесённый выходной</span></td>');
    expect((await admin.get('/admin/calendar/2031')).statusCode).toBe(404);
    const { browser: manager } = await staffBrowser(t, 'manager');
    expect((await manager.get('/admin/calendar')).statusCode).toBe(403);
    expect((await manager.post('/admin/calendar/2026/days', { date: '2026-11-24', type: 'holiday' }, '/admin')).statusCode).toBe(403);
  });

  it('makes a weekday a holiday: the next payment in this process is due a day later at once', async () => {
    const before = await paidOrder(t, { email: 'before@example.ru' });
    expect(await managerDeadlineOn(before.publicRef)).toBe('завтра до 10:00');

    const marked = await admin.post('/admin/calendar/2026/days', { date: '2026-11-24', type: 'holiday' }, '/admin/calendar/2026');
    expect(marked.statusCode).toBe(303);
    expect(marked.headers.location).toBe('/admin/calendar/2026?done=marked#marked');
    expect(t.deps.calendar.hoursOf('2026-11-24')).toBeNull();
    expect(await lastAudit()).toMatchObject({ action: 'calendar.day_added', entity: 'calendar_day', entityId: '2026-11-24', details: { date: '2026-11-24', before: null, after: 'holiday' } });

    const after = await paidOrder(t, { email: 'after@example.ru' });
    expect(await managerDeadlineOn(after.publicRef)).toBe('в среду, 25 ноября, до 10:00');
  });

  it.each([
    ['a working Saturday on a Wednesday', { date: '2026-11-25', type: 'working_saturday' }, 'Рабочей субботой может быть только суббота, а 25.11.2026 — среда.'],
    ['a date of another year', { date: '2027-01-11', type: 'holiday' }, 'Вы редактируете календарь на 2026 год, а дата 11.01.2027 — из 2027 года.'],
    ['a date that does not exist', { date: '2026-02-30', type: 'holiday' }, 'Такой даты нет: укажите дату в виде 09.03.2026.'],
    ['a day off moved onto a Sunday', { date: '2026-11-29', type: 'transfer_day_off' }, 'Выходной переносят на будний день, а 29.11.2026 — воскресенье: этот день и так выходной.'],
    ['a date marked already', { date: '2026-11-24', type: 'short_day' }, 'Этот день уже отмечен («Праздник»): измените или удалите его в списке ниже.'],
    ['a day without a type', { date: '2026-11-26', type: '' }, 'Выберите, что это за день.'],
  ])('refuses %s in Russian, keeping the typed values, and changes nothing', async (_case, fields, message) => {
    const before = await snapshot();
    const page = await admin.post('/admin/calendar/2026/days', fields, '/admin/calendar/2026');
    expect(page.statusCode).toBe(422);
    expect(page.body).toContain(message);
    expect(page.body).toContain(`value="${fields.date}"`);
    expect(await snapshot()).toEqual(before);
  });

  it('changes a marked day and removes it, each at once and audited', async () => {
    const changed = await admin.post('/admin/calendar/2026/days/2026-11-24', { type: 'short_day' }, '/admin/calendar/2026');
    expect(changed.statusCode).toBe(303);
    expect(t.deps.calendar.hoursOf('2026-11-24')).toEqual({ starts: 9, ends: 17 });
    expect(await lastAudit()).toMatchObject({ action: 'calendar.day_changed', details: { before: 'holiday', after: 'short_day' } });

    const before = await snapshot();
    const refused = await admin.post('/admin/calendar/2026/days/2026-03-09', { type: 'working_saturday' }, '/admin/calendar/2026');
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('Рабочей субботой может быть только суббота, а 09.03.2026 — понедельник.');
    expect(await snapshot()).toEqual(before);

    const removed = await admin.post('/admin/calendar/2026/days/2026-11-24/delete', {}, '/admin/calendar/2026');
    expect(removed.headers.location).toBe('/admin/calendar/2026?done=removed#marked');
    expect(t.deps.calendar.hoursOf('2026-11-24')).toEqual({ starts: 9, ends: 18 });
    expect(await daysOf(2026)).not.toContainEqual(expect.objectContaining({ date: '2026-11-24' }));
    expect(await lastAudit()).toMatchObject({ action: 'calendar.day_removed', details: { before: 'short_day', after: null } });
    // A second click finds nothing to remove and says so quietly.
    expect((await admin.post('/admin/calendar/2026/days/2026-11-24/delete', {}, '/admin/calendar/2026')).headers.location).toBe('/admin/calendar/2026?done=unchanged#marked');
  });

  it('marks a working Saturday that is also short', async () => {
    await admin.post('/admin/calendar/2026/days', { date: '2026-12-26', type: 'short_working_saturday' }, '/admin/calendar/2026');
    expect(t.deps.calendar.hoursOf('2026-12-26')).toEqual({ starts: 9, ends: 17 });
    expect((await daysOf(2026)).filter((d) => d.date === '2026-12-26').map((d) => d.kind)).toEqual(['working_saturday', 'short_day']);
  });

  it('reaches another process’s calendar by its periodic reload', async () => {
    const other = await liveCalendar(t.deps.db, t.deps.log, 20);
    try {
      expect(other.hoursOf('2026-12-28')).toEqual({ starts: 9, ends: 18 });
      await admin.post('/admin/calendar/2026/days', { date: '2026-12-28', type: 'transfer_day_off' }, '/admin/calendar/2026');
      await vi.waitFor(() => expect(other.hoursOf('2026-12-28')).toBeNull(), { timeout: 5_000, interval: 20 });
    } finally {
      other.stop();
    }
  });

  it('adds a missing year with the Labour Code holidays, provisional, audited', async () => {
    const refused = await admin.post('/admin/calendar/years', { year: '2027', status: 'provisional' }, '/admin/calendar');
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('Календарь на 2027 год уже есть: откройте его в списке лет.');

    const added = await admin.post('/admin/calendar/years', { year: '2028', status: 'provisional' }, '/admin/calendar');
    expect(added.statusCode).toBe(303);
    expect(added.headers.location).toBe('/admin/calendar/2028?done=added');
    expect(await t.deps.db.select().from(calendarYears).where(eq(calendarYears.year, 2028))).toEqual([{ year: 2028, status: 'provisional' }]);
    expect((await daysOf(2028)).map((d) => d.date)).toContain('2028-01-08');
    expect(t.deps.calendar.hoursOf('2028-01-05')).toBeNull();
    expect(await lastAudit()).toMatchObject({ action: 'calendar.year_added', entityId: '2028', details: { year: 2028, after: { status: 'provisional' } } });
  });

  it('warns every page from 1 December while next year is provisional, and stops once it is final', async () => {
    expect((await admin.get('/admin/calendar')).body).not.toContain('class="admin-banner');
    clock.advance(7 * 24 * 3600_000); // Monday 30 November, 17:30
    admin = (await staffBrowser(t, 'admin')).browser; // the old session timed out meanwhile
    expect((await admin.get('/admin/calendar')).body).not.toContain(BANNER_2027);
    clock.advance(6.5 * 3600_000); // Tuesday 1 December, 00:00 in Moscow
    admin = (await staffBrowser(t, 'admin')).browser;
    const warned = await admin.get('/admin/calendar');
    expect(warned.body).toContain(`<div class="admin-banner admin-banner-hideable" role="alert"><p>${BANNER_2027}`);
    expect(warned.body).toContain('сроки звонков клиентам в январе 2027 года могут быть неверны');

    // «Скрыть на неделю» (a plain form, no script): gone for that member on every page, for a week; others still see it.
    const { member, secret, browser: manager } = await staffBrowser(t, 'manager');
    const queue = await manager.get('/admin/queue');
    expect(queue.body).toContain(BANNER_2027);
    expect(queue.body).toMatch(/<form method="post" action="\/admin\/calendar-warning\/hide"><input type="hidden" name="_csrf" value="[^"]+"\/?><input type="hidden" name="back" value="\/admin\/queue"\/?>/);
    const hidden = await manager.post('/admin/calendar-warning/hide', { back: '/admin/queue' });
    expect(hidden.statusCode).toBe(303);
    expect(hidden.headers.location).toBe('/admin/queue');
    for (const url of ['/admin/queue', '/admin', '/admin/orders', '/admin/profile']) expect((await manager.get(url)).body, url).not.toContain(BANNER_2027);
    expect((await admin.get('/admin/calendar')).body).toContain(BANNER_2027);
    // Kept on the server: a new session (another device) does not see it either.
    clock.advance(30_000); // an authenticator code works once: the next sign-in takes the next one
    expect((await (await signInStaff(t, member, secret)).get('/admin')).body).not.toContain(BANNER_2027);
    // "back" leads only within the back office.
    for (const back of ['//evil.example/admin', 'https://evil.example/', '/account', '/admin/../account']) {
      expect((await manager.post('/admin/calendar-warning/hide', { back }, '/admin')).headers.location, back).toBe('/admin');
    }
    // A week later it is back, still for this member only to hide again.
    clock.advance(7 * 24 * 3600_000 + 60_000); // Tuesday 8 December, 00:01
    expect((await (await signInStaff(t, member, secret)).get('/admin')).body).toContain(BANNER_2027);
    admin = (await staffBrowser(t, 'admin')).browser;

    const final = await admin.post('/admin/calendar/2027/status', { status: 'final' }, '/admin/calendar/2027');
    expect(final.headers.location).toBe('/admin/calendar/2027?done=status');
    expect(await lastAudit()).toMatchObject({ action: 'calendar.year_status_changed', entityId: '2027', details: { before: { status: 'provisional' }, after: { status: 'final' } } });
    expect((await admin.get('/admin/calendar')).body).not.toContain('class="admin-banner');
  });

  it('warns when next year is missing altogether', async () => {
    clock.advance(365 * 24 * 3600_000); // 8 December 2027: is 2028 there? (added above, provisional)
    admin = (await staffBrowser(t, 'admin')).browser;
    expect((await admin.get('/admin/calendar')).body).toContain('Производственный календарь на 2028 год предварительный');
    clock.advance(366 * 24 * 3600_000); // 8 December 2028 (29 February between): 2029 was never added
    admin = (await staffBrowser(t, 'admin')).browser;
    expect((await admin.get('/admin/calendar')).body).toContain('Производственный календарь на 2029 год не загружен: сроки звонков клиентам в январе 2029 года могут быть неверны.');
  });
});
