import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refundPayment } from '../../src/actions/payments/refund-payment.js';
import { requestPasswordReset } from '../../src/actions/accounts/request-password-reset.js';
import type { Order } from '../../src/db/queries/orders.js';
import { auditLog, clients, emails, paymentAttempts } from '../../src/db/schema/index.js';
import { orderNumber } from '../../src/domain/orders/order-number.js';
import { paidOrder, runLinkRequests } from '../helpers/accounts.js';
import { orderSentToGateway } from '../helpers/payments.js';
import { startTestSmtp, type TestSmtp } from '../helpers/smtp.js';
import { staffBrowser } from '../helpers/staff.js';
import { backends, createTestApp, manualClock, type TestApp } from '../helpers/test-app.js';
import type { Visitor } from '../helpers/visitor.js';

describe.each(backends)('back office: clients on %s', (backend) => {
  let t: TestApp;
  let smtp: TestSmtp;
  let manager: Visitor;
  let managerId: string;
  let accountant: Visitor;
  let anna: Order;
  let boris: Order;
  const clock = manualClock(new Date('2026-11-24T11:20:00+03:00'));
  const MANAGER_IP = '203.0.113.77';

  beforeAll(async () => {
    smtp = await startTestSmtp();
    t = await createTestApp(backend, { captcha: false, clock, env: { SMTP_URL: smtp.url } });
    anna = await paidOrder(t, { name: 'Анна Смирнова', email: 'anna@example.ru', phone: '+7 (912) 345-67-89' });
    clock.advance(60_000);
    boris = await paidOrder(t, { name: 'Борис Ким', email: 'Boris.Kim@example.ru', phone: '8 903 111-22-33' });
    const signedIn = await staffBrowser(t, 'manager', MANAGER_IP);
    manager = signedIn.browser;
    managerId = signedIn.member.id;
    accountant = (await staffBrowser(t, 'accountant')).browser;
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  /** The clients a list page shows, by name, in order. */
  async function found(url: string): Promise<string[]> {
    const page = await manager.get(url);
    expect(page.statusCode).toBe(200);
    return [...page.body.matchAll(/<a href="\/admin\/clients\/[0-9a-f-]{36}">([^<]+)<\/a>/g)].map((m) => m[1]!);
  }
  const search = (q: string) => found(`/admin/clients?q=${encodeURIComponent(q)}`);

  it('lists clients newest first; every role that may open clients gets the list', async () => {
    expect(await found('/admin/clients')).toEqual(['Борис Ким', 'Анна Смирнова']);
    expect((await accountant.get('/admin/clients')).statusCode).toBe(200);
  });

  it('finds a client by a part of the name, the address, the phone in any format, the order reference or number', async () => {
    expect(await search('смирн')).toEqual(['Анна Смирнова']);
    expect(await search('Смирнова Анна')).toEqual(['Анна Смирнова']);
    expect(await search('BORIS.KIM@')).toEqual(['Борис Ким']);
    expect(await search('example.ru')).toEqual(['Борис Ким', 'Анна Смирнова']);
    expect(await search('8 (912) 345-67-89')).toEqual(['Анна Смирнова']);
    expect(await search('+79123456789')).toEqual(['Анна Смирнова']);
    expect(await search('111-22-33')).toEqual(['Борис Ким']);
    expect(await search('8 903')).toEqual(['Борис Ким']); // the start of a number, with the trunk prefix
    expect(await search(boris.publicRef)).toEqual(['Борис Ким']);
    expect(await search(boris.publicRef.slice(0, 10))).toEqual(['Борис Ким']);
    expect(await search(`${t.baseUrl}/orders/${anna.publicRef}`)).toEqual(['Анна Смирнова']);
    // The order number, typed every way staff type it (Cyrillic or Latin letter, with or without dash, bare digits).
    for (const spelling of [orderNumber(anna.number), String(anna.number), `у${anna.number}`, `U-${anna.number}`, `№ ${orderNumber(anna.number)}`]) {
      expect(await search(spelling), spelling).toEqual(['Анна Смирнова']);
    }
    expect(await search('Виктор')).toEqual([]);
    // LIKE wildcards typed into the box are just characters.
    expect(await search('%')).toEqual([]);
  });

  it('finds orders that belong to no account (not paid, or paid before accounts existed) in their own table', async () => {
    const { order } = await orderSentToGateway(t, 'site-support', { name: 'Вера Ли', email: 'vera@example.ru', phone: '+7 916 000-11-22' });
    const page = await manager.get(`/admin/clients?q=${encodeURIComponent('8 916 000 11 22')}`);
    expect(page.body).toContain('Найдено клиентов: 0');
    expect(page.body).toContain('Заказы без личного кабинета');
    expect(page.body).toContain(`<a href="/admin/orders/${order.id}">${orderNumber(order.number)}</a>`);
    expect(page.body).toContain('vera@example.ru');
    expect(page.body).toContain('Ждёт оплаты');
    // Orders with an account are not repeated there.
    expect((await manager.get(`/admin/clients?q=${anna.publicRef}`)).body).toContain('Таких заказов по этому запросу нет.');
  });

  it('pages through the list 50 at a time, keeping the search', async () => {
    const base = new Date('2026-01-01T00:00:00Z').getTime();
    await t.deps.db.insert(clients).values(
      Array.from({ length: 55 }, (_, i) => ({
        login: `pager.client.${i}`,
        email: `pager${i}@example.org`,
        name: `Постраничный ${String(i).padStart(2, '0')}`,
        phone: '+74950000000',
        passwordHash: 'not-used',
        createdAt: new Date(base + i * 60_000),
      })),
    );
    const first = await found('/admin/clients?q=example.org');
    expect(first).toHaveLength(50);
    expect(first[0]).toBe('Постраничный 54');
    const page = await manager.get('/admin/clients?q=example.org');
    expect(page.body).toContain('Найдено клиентов: 55');
    expect(page.body).toContain('href="/admin/clients?q=example.org&amp;page=2"');
    const second = await found('/admin/clients?q=example.org&page=2');
    expect(second).toEqual(['Постраничный 04', 'Постраничный 03', 'Постраничный 02', 'Постраничный 01', 'Постраничный 00']);
  });

  it("the card shows contacts, the account, orders, payments with refunds, and emails — and the opening is audited with the IP", async () => {
    const [attempt] = await t.deps.db.select().from(paymentAttempts).where(eq(paymentAttempts.orderId, anna.id));
    expect((await refundPayment(t.deps, { attemptId: attempt!.id, amountKopecks: 100_000, reason: 'Часть работы не нужна' })).kind).toBe('succeeded');

    const card = await manager.get(`/admin/clients/${anna.clientId}`);
    expect(card.statusCode).toBe(200);
    const body = card.body;
    expect(body).toContain('<h1>Анна Смирнова</h1>');
    expect(body).toContain('href="mailto:anna@example.ru"');
    expect(body).toContain('+7 912 345 67 89');
    expect(body).toContain('Почта не подтверждена');
    expect(body).toMatch(/временный, действует до 27\.11\.2026 11:20/);
    // Orders: the number links to the order's back-office card.
    expect(body).toContain(`<a href="/admin/orders/${anna.id}">${orderNumber(anna.number)}</a>`);
    expect(body).toContain('Техническая поддержка сайта');
    expect(body).toContain('24.11.2026 11:20');
    // Payments: amount, card, state, the refund.
    expect(body).toContain('Visa •••• 1981');
    expect(body).toContain('Оплачен');
    expect(body).toMatch(/Возврат 1\u00a0000\u00a0₽: выполнено/);
    // Emails: each one the client got, linked to the outbox.
    const stored = await t.deps.db.select().from(emails).where(eq(emails.to, 'anna@example.ru'));
    expect(stored.map((e) => e.kind)).toEqual(expect.arrayContaining(['credentials', 'order_confirmation', 'verify_email']));
    for (const email of stored) expect(body).toContain(`<a href="/admin/emails/${email.id}">${email.subject}</a>`);
    expect(body).not.toContain('boris');

    const entries = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'client.viewed'), eq(auditLog.entityId, anna.clientId!)));
    expect(entries).toEqual([expect.objectContaining({ staffId: managerId, entity: 'client', ip: MANAGER_IP, at: clock.now() })]);
  });

  it('lists emails the account was sent without an order (a password reset) on the card', async () => {
    await requestPasswordReset(t.deps, 'Boris.Kim@example.ru');
    await runLinkRequests(t);
    const [resetEmail] = await t.deps.db.select().from(emails).where(eq(emails.kind, 'password_reset'));
    expect(resetEmail).toMatchObject({ orderId: null, clientId: boris.clientId });
    expect((await manager.get(`/admin/clients/${boris.clientId}`)).body).toContain(`/admin/emails/${resetEmail!.id}`);
  });

  it('an accountant sees the card but no links into the outbox they may not open', async () => {
    const card = await accountant.get(`/admin/clients/${anna.clientId}`);
    expect(card.statusCode).toBe(200);
    expect(card.body).toContain(`Заказ ${orderNumber(anna.number)} оплачен: Техническая поддержка сайта`);
    expect(card.body).not.toContain('/admin/emails/');
  });

  it('answers 404 for a client that does not exist, and audits nothing', async () => {
    const before = (await t.deps.db.select().from(auditLog).where(eq(auditLog.action, 'client.viewed'))).length;
    expect((await manager.get('/admin/clients/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await manager.get('/admin/clients/not-an-id')).statusCode).toBe(404);
    expect(await t.deps.db.select().from(auditLog).where(eq(auditLog.action, 'client.viewed'))).toHaveLength(before);
  });
});
