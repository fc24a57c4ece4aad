import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Order } from '../../src/db/queries/orders.js';
import { auditLog, emails, orderContacts, orderSpecifications, workEntries } from '../../src/db/schema/index.js';
import { deliverQueuedEmails, mailTo, NEW_PASSWORD, paidOrder, signedInClient } from '../helpers/accounts.js';
import { reloadOrder } from '../helpers/payments.js';
import { startTestSmtp, type TestSmtp } from '../helpers/smtp.js';
import { staffMember } from '../helpers/staff.js';
import { backends, createTestApp, manualClock, type TestApp } from '../helpers/test-app.js';
import { visitor, type Visitor } from '../helpers/visitor.js';
import { escalationJobOf, moscow, staffSessions, type Member } from './admin-orders-support.js';
import { orderNumber } from '../../src/domain/orders/order-number.js';

// An order's way through the back office: paid → contacted → specified → in work → completed, with
// the hours, the refusals of steps out of turn, and what the client sees of it in the account.

describe.each(backends)('the order workflow on %s', (backend) => {
  let t: TestApp;
  let smtp: TestSmtp;
  const clock = manualClock(moscow('2026-11-24T10:15')); // a Tuesday
  const moveTo = (local: string) => clock.advance(moscow(local).getTime() - clock.now().getTime());
  const as = staffSessions(() => t, clock);
  let manager: Member;
  let order: Order;
  let client: { login: string };
  let card: string;
  let browser: Visitor;

  const state = async () => (await reloadOrder(t, order.id)).state;
  const auditActions = async (orderId: string) =>
    (await t.deps.db.select().from(auditLog).where(eq(auditLog.entityId, orderId)).orderBy(asc(auditLog.id))).map((entry) => entry.action);

  beforeAll(async () => {
    smtp = await startTestSmtp();
    t = await createTestApp(backend, { captcha: false, clock, env: { SMTP_URL: smtp.url } });
    manager = await staffMember(t, 'manager', { name: 'Мария Менеджерова' });
    const signedIn = await signedInClient(t, smtp.received, { email: 'ivan@example.ru', name: 'Иван Петров' }, '203.0.113.77');
    order = signedIn.order; // site-support: hourly, 5 hours included, 3 000 ₽ an hour
    client = signedIn;
    card = `/admin/orders/${order.id}`;
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });

  it('refuses every step but a contact while the order waits for the call, in Russian, changing nothing', async () => {
    browser = await as(manager);
    await browser.post(`${card}/take`, {}, card);
    const attempts: [string, Record<string, string>, string][] = [
      ['start', {}, 'Начать работу можно после согласования спецификации. Сейчас заказ: «Оплачен, ждёт звонка».'],
      ['complete', {}, 'Завершить можно только заказ в работе. Сейчас заказ: «Оплачен, ждёт звонка».'],
      ['specification', { text: 'Что-то', hours: '1' }, 'Спецификацию согласуют после того, как клиент на связи, и до начала работ.'],
      ['hours', { work_date: '2026-11-24', hours: '1' }, 'Часы записываются после связи с клиентом и до завершения заказа.'],
    ];
    for (const [step, fields, message] of attempts) {
      const answer = await browser.post(`${card}/${step}`, fields, card);
      expect(answer.statusCode, step).toBe(409);
      expect(answer.body, step).toContain(message);
    }
    expect(await state()).toBe('paid');
    expect(await t.deps.db.select().from(orderSpecifications)).toHaveLength(0);
    expect(await t.deps.db.select().from(workEntries)).toHaveLength(0);
    expect(await auditActions(order.id)).toEqual(['order.taken']);
    // The card offers only what the state allows.
    const page = await browser.get(card);
    expect(page.body).toContain('Записать контакт');
    expect(page.body).not.toContain('Начать работу</button>');
    expect(page.body).not.toContain('Записать часы</button>');
  });

  it('keeps what was typed and says what is wrong when a contact is not right', async () => {
    moveTo('2026-11-24T10:45');
    browser = await as(manager);
    const answer = await browser.post(`${card}/contacts`, { channel: 'phone', outcome: '', contacted_at: '2026-11-24T12:00', note: 'Перезвонить после обеда' }, card);
    expect(answer.statusCode).toBe(422);
    expect(answer.body).toContain('Выберите, чем закончился контакт.');
    expect(answer.body).toContain('Время контакта не может быть в будущем.');
    expect(answer.body).toContain('Перезвонить после обеда</textarea>');
    expect(answer.body).toContain('value="2026-11-24T12:00"');
    expect(await t.deps.db.select().from(orderContacts)).toHaveLength(0);
  });

  it('moves the order along: reached → contacted, the specification (sent to the client), the work, the hours', async () => {
    const reached = await browser.post(`${card}/contacts`, { channel: 'phone', outcome: 'reached', contacted_at: '2026-11-24T10:40', note: 'Обсудили задачи' }, card);
    expect(reached.statusCode).toBe(303);
    expect(await state()).toBe('contacted');
    expect((await reloadOrder(t, order.id)).firstContactAt).toEqual(moscow('2026-11-24T10:40'));
    expect((await escalationJobOf(t, order.id))!.state).toBe('cancelled');

    const invalid = await browser.post(`${card}/specification`, { text: ' ', hours: '7,3' }, card);
    expect(invalid.statusCode).toBe(422);
    expect(invalid.body).toContain('Опишите согласованную работу: что будет сделано и в какие сроки.');
    expect(invalid.body).toContain('Часы указываются с точностью до четверти часа: 0,25, 0,5 или 0,75.');
    expect(invalid.body).toContain('value="7,3"');

    const spec = 'Обновить CMS до последней версии.\n- настроить резервные копии\n- проверить формы';
    const agreed = await browser.post(`${card}/specification`, { text: spec, hours: '7,5' }, card);
    expect(agreed.statusCode).toBe(303);
    expect(agreed.headers.location).toBe(`${card}?done=specification`);
    expect(await state()).toBe('specified');
    await deliverQueuedEmails(t);
    const [letter] = mailTo(smtp.received, 'ivan@example.ru', `Спецификация по заказу ${orderNumber(order.number)} согласована: Техническая поддержка сайта`);
    expect(letter!.text).toContain('- настроить резервные копии');
    expect(letter!.text).toContain('Согласованный объём работ: 7,5\u00a0ч');
    expect(letter!.text).toContain(`${t.baseUrl}/account/orders/${order.publicRef}`);

    // Agreed again before the work starts: a new version, the client is told it replaces the old one.
    expect((await browser.post(`${card}/specification`, { text: `${spec}\n- ускорить загрузку`, hours: '8' }, card)).statusCode).toBe(303);
    expect(await t.deps.db.select().from(orderSpecifications).where(eq(orderSpecifications.orderId, order.id))).toHaveLength(2);
    const revision = await t.deps.db.select().from(emails).where(and(eq(emails.kind, 'specification_agreed'), eq(emails.orderId, order.id)));
    expect(revision).toHaveLength(2);
    expect(revision.map((e) => e.text).join()).toContain('она заменяет предыдущую');

    expect((await browser.post(`${card}/start`, {}, card)).headers.location).toBe(`${card}?done=started`);
    expect(await state()).toBe('in_work');
    const again = await browser.post(`${card}/start`, {}, card);
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('Сейчас заказ: «В работе».');
    const lateSpec = await browser.post(`${card}/specification`, { text: 'Другое', hours: '1' }, card);
    expect(lateSpec.statusCode).toBe(409);

    expect((await browser.post(`${card}/hours`, { work_date: '2026-11-24', hours: '3,5', note: 'Обновление CMS' }, card)).statusCode).toBe(303);
    expect((await browser.post(`${card}/hours`, { work_date: '2026-11-24', hours: '2', note: 'Резервные копии' }, card)).statusCode).toBe(303);
    const badHours = await browser.post(`${card}/hours`, { work_date: '2026-11-25', hours: '0,1', note: '' }, card);
    expect(badHours.statusCode).toBe(422);
    expect(badHours.body).toContain('Дата работы не может быть в будущем.');
    expect(badHours.body).toContain('Часы указываются с точностью до четверти часа');
    const entries = await t.deps.db.select().from(workEntries).where(eq(workEntries.orderId, order.id));
    expect(entries.map((e) => e.minutes).sort()).toEqual([120, 210]);

    const page = await browser.get(card);
    expect(page.body).toContain('Всего: <strong>5,5\u00a0ч</strong>');
    expect(page.body).toContain('из 5\u00a0ч, входящих в услугу.');
    expect(page.body).toContain('Сверх включённых: 0,5\u00a0ч × 3\u00a0000\u00a0₽/ч = 1\u00a0500\u00a0₽');
    expect(page.body).toContain('Прежние версии (1)');
    expect(page.body).toContain('Срок звонка соблюдён');
  });

  it('completes an hourly order with hours beyond those included by going to the surcharge invoice', async () => {
    const completed = await browser.post(`${card}/complete`, {}, card);
    expect(completed.statusCode).toBe(303);
    expect(completed.headers.location).toBe(`${card}/invoices/new`);
    expect(await state()).toBe('completed');
    const late = await browser.post(`${card}/hours`, { work_date: '2026-11-24', hours: '1' }, card);
    expect(late.statusCode).toBe(409);
    expect(late.body).toContain('Сейчас заказ: «Выполнен».');

    expect(await auditActions(order.id)).toEqual([
      'order.taken',
      'order.contact_logged',
      'order.specification_agreed',
      'order.specification_agreed',
      'order.work_started',
      'order.hours_logged',
      'order.hours_logged',
      'order.completed',
    ]);
    const [done] = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.entityId, order.id), eq(auditLog.action, 'order.completed')));
    expect(done).toMatchObject({ staffId: manager.member.id, details: { from: 'in_work', to: 'completed', loggedMinutes: 330, extraMinutes: 30, uninvoicedMinutes: 30 } });
  });

  it('shows the client the agreed specification and the hours worked in the account', async () => {
    const account = visitor(t.app, '203.0.113.78');
    expect((await account.post('/account/login', { login: client.login, password: NEW_PASSWORD }, '/account/login')).statusCode).toBe(303);
    const page = await account.get(`/account/orders/${order.publicRef}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<p>- ускорить загрузку</p>');
    expect(page.body).toContain('8\u00a0ч');
    expect(page.body).toContain('Всего: <strong>5,5\u00a0ч</strong>');
    expect(page.body).toContain('24.11.2026: 5,5\u00a0ч');
    expect(page.body).toContain('Сверх включённых: 0,5\u00a0ч');
    expect(page.body).not.toContain('Обновление CMS'); // staff notes stay in the back office
  });

  it('completes a fixed-price order back to the card, whatever the hours', async () => {
    const fixed = await paidOrder(t, { email: 'olga@example.ru', name: 'Ольга Котова' }, 'landing-page');
    const fixedCard = `/admin/orders/${fixed.id}`;
    browser = await as(manager);
    await browser.post(`${fixedCard}/contacts`, { channel: 'email', outcome: 'reached', contacted_at: '2026-11-24T10:45', note: '' }, fixedCard);
    await browser.post(`${fixedCard}/specification`, { text: 'Лендинг из пяти блоков', hours: '0' }, fixedCard);
    await browser.post(`${fixedCard}/start`, {}, fixedCard);
    await browser.post(`${fixedCard}/hours`, { work_date: '2026-11-24', hours: '12' }, fixedCard);
    const completed = await browser.post(`${fixedCard}/complete`, {}, fixedCard);
    expect(completed.headers.location).toBe(`${fixedCard}?done=completed`);
    expect((await browser.get(completed.headers.location as string)).body).toContain('Заказ завершён.');
    expect((await reloadOrder(t, fixed.id)).state).toBe('completed');
  });
});
