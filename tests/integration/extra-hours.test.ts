import { and, eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agreeSpecification } from '../../src/actions/orders/agree-specification.js';
import { logContact } from '../../src/actions/orders/log-contact.js';
import { logWorkHours } from '../../src/actions/orders/log-work-hours.js';
import { startWork } from '../../src/actions/orders/start-work.js';
import type { StaffMember } from '../../src/db/queries/staff.js';
import { auditLog, extraHoursRequests, invoices } from '../../src/db/schema/index.js';
import { deliverQueuedEmails, mailTo, signedInClient } from '../helpers/accounts.js';
import { startTestSmtp, type TestSmtp } from '../helpers/smtp.js';
import { staffBrowser } from '../helpers/staff.js';
import { backends, createTestApp, manualClock, type TestApp } from '../helpers/test-app.js';
import type { Visitor } from '../helpers/visitor.js';

// Extra hours only with the client's agreement: hours worked beyond the specification are invoiced
// only after the client approved them in the account (docs/back-office.md).

const plain = (html: string) => html.replace(/[\u00a0\u202f]/g, ' ').replaceAll('&quot;', '"').replaceAll('&#171;', '«').replaceAll('&#187;', '»');

describe.each(backends)('extra hours need the client’s agreement on %s', (backend) => {
  let t: TestApp;
  let smtp: TestSmtp;
  let manager: { browser: Visitor; member: StaffMember };
  const clock = manualClock(new Date('2026-11-24T11:20:00+03:00'));
  let n = 0;

  beforeAll(async () => {
    smtp = await startTestSmtp();
    t = await createTestApp(backend, { clock, env: { SMTP_URL: smtp.url, CAPTCHA: 'off' } });
    manager = await staffBrowser(t, 'manager', '198.51.100.20');
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  const today = () => DateTime.fromJSDate(clock.now(), { zone: 'Europe/Moscow' }).toFormat('yyyy-MM-dd');

  /** An hourly order (5 h included, 3 000 ₽ an hour) with a 5-hour specification and these hours worked. */
  async function orderAtWork(hours: string) {
    n += 1;
    const email = `extra${n}@example.ru`;
    const client = await signedInClient(t, smtp.received, { email, name: 'Клиент Часов' }, `203.0.113.${100 + n}`);
    const actor = { member: manager.member, ip: '198.51.100.20' };
    const orderId = client.order.id;
    await logContact(t.deps, { ...actor, orderId, body: { channel: 'phone', outcome: 'reached', contacted_at: DateTime.fromJSDate(clock.now(), { zone: 'Europe/Moscow' }).toFormat("yyyy-MM-dd'T'HH:mm") } });
    await agreeSpecification(t.deps, { ...actor, orderId, body: { text: 'Обновить модули.', hours: '5' } });
    await startWork(t.deps, { ...actor, orderId });
    expect(await logWorkHours(t.deps, { ...actor, orderId, body: { work_date: today(), hours, note: '' } })).toMatchObject({ kind: 'done' });
    return { ...client, email, orderId, ref: client.order.publicRef };
  }

  const answerAction = async (browser: Visitor, ref: string) => /action="(\/account\/orders\/[^"]+\/extra-hours\/[^"]+)"/.exec((await browser.get(`/account/orders/${ref}`)).body)?.[1];

  it('refuses the invoice until the client approves; staff ask, the client approves in the account, then staff invoice', async () => {
    const { orderId, ref, email, browser } = await orderAtWork('7,25');

    // Worked beyond the agreed hours, never asked: no invoice, and the page says what to do.
    const refused = await manager.browser.post(`/admin/orders/${orderId}/invoices`, { amount: '6 750', reason: '' }, `/admin/orders/${orderId}/invoices/new`);
    expect(refused.statusCode).toBe(409);
    expect(plain(refused.body)).toContain('Часы сверх согласованных клиент не одобрял');
    expect(await t.deps.db.$count(invoices, eq(invoices.orderId, orderId))).toBe(0);

    const card = plain((await manager.browser.get(`/admin/orders/${orderId}`)).body);
    expect(card).toContain('<dt>Входит в услугу</dt><dd>5 ч</dd>');
    expect(card).toContain('<dt>Согласовано с клиентом</dt><dd>5 ч</dd>');
    expect(card).toContain('<dt>Отработано</dt><dd>7 ч 15 мин</dd>');
    expect(card).toContain('<dt>К доплате</dt><dd>нет</dd>');
    expect(card).toContain('Сверх согласованного');
    expect(card).toContain('value="2,25"'); // the form proposes what was worked beyond the agreement

    const noNote = await manager.browser.post(`/admin/orders/${orderId}/extra-hours`, { hours: '2,25', note: '' });
    expect(noNote.statusCode).toBe(422);
    expect(plain(noNote.body)).toContain('Напишите клиенту, зачем нужны дополнительные часы');
    const badHours = await manager.browser.post(`/admin/orders/${orderId}/extra-hours`, { hours: '1,33', note: 'Перенос почты.' });
    expect(badHours.statusCode).toBe(422);
    expect(plain(badHours.body)).toContain('с точностью до четверти часа');

    const asked = await manager.browser.post(`/admin/orders/${orderId}/extra-hours`, { hours: '2,25', note: 'Перенос почты занял больше времени.' });
    expect(asked.statusCode).toBe(303);
    expect(asked.headers.location).toBe(`/admin/orders/${orderId}?done=extra_hours`);
    const [request] = await t.deps.db.select().from(extraHoursRequests).where(eq(extraHoursRequests.orderId, orderId));
    expect(request).toMatchObject({ minutes: 135, hourlyRateKopecks: 300_000, state: 'pending', requestedBy: manager.member.id });
    const [requestedAudit] = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'order.extra_hours_requested'), eq(auditLog.entityId, orderId)));
    expect(requestedAudit).toMatchObject({ staffId: manager.member.id, details: { requestId: request!.id, minutes: 135 } });
    await deliverQueuedEmails(t);
    const [mail] = mailTo(smtp.received, email, /^Согласуйте дополнительные часы/);
    expect(mail!.text).toContain('Дополнительно: 2,25\u00a0ч × 3\u00a0000\u00a0₽ за час = 6\u00a0750\u00a0₽');
    expect(mail!.text).toContain(`/account/orders/${ref}#extra-hours`);

    // One request at a time; while it waits, staff see it and the invoice still waits too.
    const second = await manager.browser.post(`/admin/orders/${orderId}/extra-hours`, { hours: '1', note: 'Ещё.' });
    expect(second.statusCode).toBe(409);
    expect(plain(second.body)).toContain('Клиент ещё не ответил на прежний запрос');
    expect(plain((await manager.browser.get(`/admin/orders/${orderId}`)).body)).toContain('ждёт ответа клиента');
    expect(plain((await manager.browser.get(`/admin/orders/${orderId}/invoices/new`)).body)).toContain('ждут согласия клиента');

    // Another client cannot answer it.
    const stranger = await signedInClient(t, smtp.received, { email: 'stranger@example.ru', name: 'Чужой Клиент' }, '203.0.113.250');
    const action = (await answerAction(browser, ref))!;
    expect(action).toBe(`/account/orders/${ref}/extra-hours/${request!.id}`);
    expect((await stranger.browser.post(action, { answer: 'approve' }, '/account')).statusCode).toBe(404);

    const page = plain((await browser.get(`/account/orders/${ref}`)).body);
    expect(page).toContain('Дополнительно 2,25 ч × 3 000 ₽ за час = 6 750 ₽');
    expect(page).toContain('Перенос почты занял больше времени.');
    expect(page).toContain('<dt>Согласовано с вами</dt><dd>5 ч</dd>');
    const nothing = await browser.post(action, { answer: 'maybe' }, `/account/orders/${ref}`);
    expect(nothing.statusCode).toBe(422);
    expect(plain(nothing.body)).toContain('Выберите: одобрить часы или обсудить с менеджером.');

    const approved = await browser.post(action, { answer: 'approve' }, `/account/orders/${ref}`);
    expect(approved.statusCode).toBe(303);
    const after = plain((await browser.get(`/account/orders/${ref}`)).body);
    expect(after).toContain('<strong>Одобрено</strong>');
    expect(after).toContain('<dt>Согласовано с вами</dt><dd>7,25 ч</dd>');
    expect(after).toContain('<dt>К доплате</dt><dd>2,25 ч</dd>');
    expect((await browser.post(action, { answer: 'approve' }, `/account/orders/${ref}`)).statusCode).toBe(409);
    const [approvedAudit] = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'order.extra_hours_approved'), eq(auditLog.entityId, orderId)));
    expect(approvedAudit).toMatchObject({ staffId: null, details: { requestId: request!.id, minutes: 135 } });

    // Now staff can invoice exactly the approved hours.
    const form = plain((await manager.browser.get(`/admin/orders/${orderId}/invoices/new`)).body);
    expect(form).toContain('value="6 750"');
    const issued = await manager.browser.post(`/admin/orders/${orderId}/invoices`, { amount: '6 750', reason: '' }, `/admin/orders/${orderId}/invoices/new`);
    expect(issued.statusCode).toBe(303);
    expect(await t.deps.db.select({ extraMinutes: invoices.extraMinutes }).from(invoices).where(eq(invoices.orderId, orderId))).toEqual([{ extraMinutes: 135 }]);
  });

  it('invoices only the approved part, and a request sent back for discussion keeps the rest out', async () => {
    const { orderId, ref, browser } = await orderAtWork('8');
    await manager.browser.post(`/admin/orders/${orderId}/extra-hours`, { hours: '1', note: 'Настройка форм.' }, `/admin/orders/${orderId}`);
    await browser.post((await answerAction(browser, ref))!, { answer: 'approve' }, `/account/orders/${ref}`);
    await manager.browser.post(`/admin/orders/${orderId}/extra-hours`, { hours: '2', note: 'Перенос почты.' }, `/admin/orders/${orderId}`);
    const discussed = await browser.post((await answerAction(browser, ref))!, { answer: 'discuss', comment: 'Почему так долго?' }, `/account/orders/${ref}`);
    expect(discussed.statusCode).toBe(303);

    const card = plain((await manager.browser.get(`/admin/orders/${orderId}`)).body);
    expect(card).toContain('клиент просит обсудить');
    expect(card).toContain('Клиент: «Почему так долго?»');
    const [discussion] = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'order.extra_hours_discussion'), eq(auditLog.entityId, orderId)));
    expect(discussion).toMatchObject({ staffId: null, details: { minutes: 120, comment: 'Почему так долго?' } });
    // 3 h worked beyond the specification, 1 h approved: the invoice covers that hour only.
    const form = plain((await manager.browser.get(`/admin/orders/${orderId}/invoices/new`)).body);
    expect(form).toContain('value="3 000"');
  });
});
