import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escalateCallback } from '../../src/actions/orders/escalate-callback.js';
import { orderNumber } from '../../src/domain/orders/order-number.js';
import type { Order } from '../../src/db/queries/orders.js';
import { auditLog, emails, orderContacts, staff } from '../../src/db/schema/index.js';
import { deliverQueuedEmails, mailTo, paidOrder } from '../helpers/accounts.js';
import { reloadOrder } from '../helpers/payments.js';
import { startTestSmtp, type TestSmtp } from '../helpers/smtp.js';
import { staffMember } from '../helpers/staff.js';
import { backends, createTestApp, manualClock, type TestApp } from '../helpers/test-app.js';
import { escalationJobOf, moscow, rowOrder, staffSessions, type Member } from './admin-orders-support.js';

// The callback queue, the escalation of a missed callback, and who may do what. The clock starts on a
// Tuesday morning in Moscow and only moves forward, test after test.

describe.each(backends)('the callback queue and its escalation on %s', (backend) => {
  let t: TestApp;
  let smtp: TestSmtp;
  const clock = manualClock(moscow('2026-11-24T08:30'));
  const moveTo = (local: string) => clock.advance(moscow(local).getTime() - clock.now().getTime());
  let admin: Member, secondAdmin: Member, disabledAdmin: Member, manager: Member, otherManager: Member, accountant: Member;
  const as = staffSessions(() => t, clock);
  let early: Order, first: Order, second: Order;

  beforeAll(async () => {
    smtp = await startTestSmtp();
    t = await createTestApp(backend, { captcha: false, clock, env: { SMTP_URL: smtp.url } });
    admin = await staffMember(t, 'admin', { name: 'Алла Админова', email: 'alla@staff.example.ru' });
    secondAdmin = await staffMember(t, 'admin', { name: 'Борис Админов', email: 'boris@staff.example.ru' });
    disabledAdmin = await staffMember(t, 'admin', { name: 'Бывший Админ', email: 'former@staff.example.ru' });
    await t.deps.db.update(staff).set({ state: 'disabled' }).where(eq(staff.id, disabledAdmin.member.id));
    manager = await staffMember(t, 'manager', { name: 'Мария Менеджерова', email: 'maria@staff.example.ru' });
    otherManager = await staffMember(t, 'manager', { name: 'Олег Менеджеров', email: 'oleg@staff.example.ru' });
    accountant = await staffMember(t, 'accountant', { name: 'Вера Бухгалтерова', email: 'vera@staff.example.ru' });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });

  it('fixes the deadline at payment and schedules the escalation at it, under the order id', async () => {
    early = await paidOrder(t, { email: 'early@example.ru', name: 'Ранний Клиент' }); // 08:30, before the working day
    expect(early.callbackDueAt).toEqual(moscow('2026-11-24T10:00'));
    const job = await escalationJobOf(t, early.id);
    expect(job).toMatchObject({ state: 'created', orderId: early.id });
    expect(job!.startAfter).toEqual(moscow('2026-11-24T10:00'));

    moveTo('2026-11-24T10:15');
    first = await paidOrder(t, { email: 'first@example.ru', name: 'Первый Клиент', phone: '+7 912 111-22-33' });
    expect(first.callbackDueAt).toEqual(moscow('2026-11-24T11:15'));
    moveTo('2026-11-24T10:20');
    second = await paidOrder(t, { email: 'second@example.ru', name: 'Второй Клиент' });
    expect(second.callbackDueAt).toEqual(moscow('2026-11-24T11:20'));
  });

  it('lists the orders nobody called, nearest deadline first, with the time left and the overdue in red', async () => {
    const browser = await as(manager);
    const page = await browser.get('/admin/queue');
    expect(page.statusCode).toBe(200);
    expect(rowOrder(page.body, [second, early, first])).toEqual([early, first, second].map((o) => orderNumber(o.number)));
    expect(page.body).toContain('Ранний Клиент');
    expect(page.body).toContain('href="tel:+79121112233"');
    expect(page.body).toContain('+7 912 111 22 33');
    expect(page.body).toContain('24.11.2026 11:15');
    expect(page.body).toContain('осталось 55 мин');
    expect(page.body).toContain('осталось 1 ч');
    expect(page.body).toMatch(/<tr class="orders-overdue-row">(?:(?!<\/tr>).)*просрочено на 20 мин/s);
    expect(page.body).toContain('В очереди: 3');
    expect(page.body).toMatch(/просрочено: 1/);
    // The countdown script comes with the page's nonce; without it the server's words stand.
    const nonce = /script-src 'nonce-([^']+)'/.exec(String(page.headers['content-security-policy']))![1]!;
    expect(page.body).toContain(`<script type="module" src="/static/admin-countdown.js" nonce="${nonce}">`);
    expect(page.body).toContain(`data-server-now="${clock.now().getTime()}"`);
    expect((await t.app.inject('/static/admin-countdown.js')).statusCode).toBe(200);
  });

  it('lets a manager take an unassigned order, once, and filters the queue', async () => {
    const browser = await as(manager);
    const taken = await browser.post(`/admin/orders/${first.id}/take`, {}, '/admin/queue');
    expect(taken.statusCode).toBe(303);
    expect(taken.headers.location).toBe(`/admin/orders/${first.id}?done=taken`);
    expect((await reloadOrder(t, first.id)).assignedStaffId).toBe(manager.member.id);
    expect((await browser.get(`/admin/orders/${first.id}?done=taken`)).body).toContain('Заказ теперь ваш.');

    const other = await as(otherManager);
    const refused = await other.post(`/admin/orders/${first.id}/take`, {}, '/admin/queue');
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('Заказ уже ведёт Мария Менеджерова. Передать его может администратор.');
    expect((await reloadOrder(t, first.id)).assignedStaffId).toBe(manager.member.id);

    const numbers = async (url: string) => rowOrder((await browser.get(url)).body, [early, first, second]);
    expect(await numbers('/admin/queue?filter=mine')).toEqual([orderNumber(first.number)]);
    expect(await numbers('/admin/queue?filter=unassigned')).toEqual([early, second].map((o) => orderNumber(o.number)));
    expect(await numbers('/admin/queue?filter=overdue')).toEqual([orderNumber(early.number)]);
    expect(await numbers('/admin/queue?filter=all')).toHaveLength(3);
    expect((await browser.get('/admin/queue?filter=mine')).body).toContain('Мария Менеджерова');
    const bad = await browser.get('/admin/queue?filter=everything');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Такого фильтра нет.');

    const audits = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'order.taken'), eq(auditLog.entityId, first.id)));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ staffId: manager.member.id, entity: 'order' });
    expect(audits[0]!.ip).toMatch(/^198\.51\.100\.\d+$/);
  });

  it('shows the queue to an accountant without the take button, and refuses them taking or logging (403)', async () => {
    const browser = await as(accountant);
    const page = await browser.get('/admin/queue');
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('/take"');
    const card = await browser.get(`/admin/orders/${second.id}`);
    expect(card.statusCode).toBe(200);
    expect(card.body).not.toContain('Записать контакт');
    const take = await browser.post(`/admin/orders/${second.id}/take`, {}, `/admin/orders/${second.id}`);
    expect(take.statusCode).toBe(403);
    const contact = await browser.post(`/admin/orders/${second.id}/contacts`, { channel: 'phone', outcome: 'reached', contacted_at: '2026-11-24T10:20', note: '' });
    expect(contact.statusCode).toBe(403);
    expect(await t.deps.db.select().from(orderContacts).where(eq(orderContacts.orderId, second.id))).toHaveLength(0);
    expect((await reloadOrder(t, second.id)).assignedStaffId).toBeNull();
  });

  it('lets only an admin assign, and only to an active manager or admin', async () => {
    const managerBrowser = await as(otherManager);
    const denied = await managerBrowser.post(`/admin/orders/${second.id}/assign`, { staff_id: otherManager.member.id }, `/admin/orders/${second.id}`);
    expect(denied.statusCode).toBe(403);

    const browser = await as(admin);
    const card = await browser.get(`/admin/orders/${second.id}`);
    expect(card.body).toContain('Передать сотруднику');
    expect(card.body).not.toContain(`value="${accountant.member.id}"`);
    expect(card.body).not.toContain(`value="${disabledAdmin.member.id}"`);
    const toAccountant = await browser.post(`/admin/orders/${second.id}/assign`, { staff_id: accountant.member.id });
    expect(toAccountant.statusCode).toBe(422);
    expect(toAccountant.body).toContain('Заказ можно передать только работающему менеджеру или администратору.');
    const assigned = await browser.post(`/admin/orders/${second.id}/assign`, { staff_id: otherManager.member.id }, `/admin/orders/${second.id}`);
    expect(assigned.statusCode).toBe(303);
    expect((await reloadOrder(t, second.id)).assignedStaffId).toBe(otherManager.member.id);
    const [entry] = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'order.assigned'), eq(auditLog.entityId, second.id)));
    expect(entry).toMatchObject({ staffId: admin.member.id, details: { from: null, to: otherManager.member.id } });
  });

  it('escalates a missed callback at the deadline: one email to the manager and each active admin, once', async () => {
    expect(await escalateCallback(t.deps, first.id)).toBe('not_due'); // 10:20, due 11:15
    expect(await t.deps.db.select().from(emails).where(eq(emails.kind, 'callback_escalation'))).toHaveLength(0);

    moveTo('2026-11-24T11:15');
    expect(await escalateCallback(t.deps, first.id)).toBe('escalated');
    expect(await escalateCallback(t.deps, first.id)).toBe('already_escalated');
    await deliverQueuedEmails(t);
    const subject = `Просрочен звонок клиенту: заказ ${orderNumber(first.number)}`;
    const letters = smtp.received.filter((mail) => mail.subject === subject);
    expect(letters.map((mail) => mail.envelopeTo).flat().sort()).toEqual(['alla@staff.example.ru', 'boris@staff.example.ru', 'maria@staff.example.ru']);
    const toManager = mailTo(smtp.received, 'maria@staff.example.ru', subject)[0]!;
    expect(toManager.text).toContain('Здравствуйте, Мария Менеджерова!');
    expect(toManager.text).toContain('Никто не связался с клиентом до 24 ноября 2026 в 11:15 (мск)');
    expect(toManager.text).toContain('Заказ ведёт Мария Менеджерова.');
    expect(toManager.text).toContain(`${t.baseUrl}/admin/orders/${first.id}`);

    const order = await reloadOrder(t, first.id);
    expect(order.escalatedAt).toEqual(moscow('2026-11-24T11:15'));
    const audits = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'order.callback_escalated'), eq(auditLog.entityId, first.id)));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ staffId: null, ip: null });
    // The second run above (a retry, a second worker) queued nothing more.
    expect(await t.deps.db.select().from(emails).where(and(eq(emails.kind, 'callback_escalation'), eq(emails.orderId, first.id)))).toHaveLength(3);
  });

  it('sends nothing when a contact was logged first: the first contact stops the clock and cancels the job', async () => {
    const browser = await as(otherManager);
    const form = await browser.get(`/admin/orders/${second.id}`);
    expect(form.body).toContain('value="2026-11-24T11:15"'); // "when" defaults to now, Moscow time
    const logged = await browser.post(`/admin/orders/${second.id}/contacts`, { channel: 'phone', outcome: 'no_answer', contacted_at: '2026-11-24T11:10', note: 'Не взял трубку' });
    expect(logged.statusCode).toBe(303);
    expect(logged.headers.location).toBe(`/admin/orders/${second.id}?done=first_contact`);

    const order = await reloadOrder(t, second.id);
    expect(order.firstContactAt).toEqual(moscow('2026-11-24T11:10'));
    expect(order.state).toBe('paid'); // not reached yet
    expect((await escalationJobOf(t, second.id))!.state).toBe('cancelled');
    const queue = await browser.get('/admin/queue');
    expect(rowOrder(queue.body, [early, first, second])).toEqual([early, first].map((o) => orderNumber(o.number)));

    moveTo('2026-11-24T11:25');
    expect(await escalateCallback(t.deps, second.id)).toBe('contacted');
    expect(await t.deps.db.select().from(emails).where(and(eq(emails.kind, 'callback_escalation'), eq(emails.orderId, second.id)))).toHaveLength(0);
    const card = await (await as(otherManager)).get(`/admin/orders/${second.id}`);
    expect(card.body).toContain('Срок звонка соблюдён');
    expect(card.body).toContain('Не взял трубку');

    const [entry] = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'order.contact_logged'), eq(auditLog.entityId, second.id)));
    expect(entry).toMatchObject({ staffId: otherManager.member.id, details: { channel: 'phone', outcome: 'no_answer', firstContact: true, from: 'paid', to: 'paid' } });
  });

  it('escalates an unassigned order to the admins alone', async () => {
    expect(await escalateCallback(t.deps, early.id)).toBe('escalated');
    const rows = await t.deps.db.select().from(emails).where(and(eq(emails.kind, 'callback_escalation'), eq(emails.orderId, early.id)));
    expect(rows.map((row) => row.to).sort()).toEqual(['alla@staff.example.ru', 'boris@staff.example.ru']);
    expect(rows[0]!.text).toContain('Заказ пока никто не взял.');
  });

  it('lists every paid order newest first, by state and page, and refuses a bad query', async () => {
    const browser = await as(secondAdmin);
    const all = await browser.get('/admin/orders');
    expect(all.statusCode).toBe(200);
    expect(rowOrder(all.body, [early, first, second])).toEqual([second, first, early].map((o) => orderNumber(o.number)));
    expect(all.body).toContain('Страница 1 из 1 · всего 3');
    expect(all.body).toContain('Срок звонка соблюдён');
    expect(all.body).toContain('Звонок просрочен');
    const paid = await browser.get('/admin/orders?state=paid');
    expect(paid.body).toContain('всего 3');
    const completed = await browser.get('/admin/orders?state=completed');
    expect(completed.body).toContain('Заказов в этом статусе нет.');
    for (const query of ['state=lost', 'page=0', 'page=abc', 'state=awaiting_payment']) {
      expect((await browser.get(`/admin/orders?${query}`)).statusCode, query).toBe(400);
    }
    expect((await browser.get('/admin/orders/not-a-uuid')).statusCode).toBe(404);
    expect((await browser.get('/admin/orders/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });
});
