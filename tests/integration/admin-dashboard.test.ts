import { and, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Order } from '../../src/db/queries/orders.js';
import { emails, orders, paymentAttempts, paymentOperations, staffAlerts } from '../../src/db/schema/index.js';
import { formatRub } from '../../src/domain/money.js';
import { paidOrder } from '../helpers/accounts.js';
import { orderSentToGateway } from '../helpers/payments.js';
import { staffBrowser } from '../helpers/staff.js';
import { backends, createTestApp, manualClock, type TestApp } from '../helpers/test-app.js';

const msk = (local: string) => new Date(`${local}+03:00`);

describe.each(backends)('back office: the dashboard on %s', (backend) => {
  let t: TestApp;
  let inReview: Order;
  let overdue: Order;
  const clock = manualClock(msk('2026-10-15T12:00:00'));
  const moveTo = (local: string) => clock.advance(msk(local).getTime() - clock.now().getTime());

  /** Pays an order now and gives it a deadline and (optionally) a first contact, as the queue would. */
  async function paid(email: string, dueAt: Date, contactAt: Date | null): Promise<Order> {
    const order = await paidOrder(t, { email });
    await t.deps.db
      .update(orders)
      .set({ callbackDueAt: dueAt, firstContactAt: contactAt, state: contactAt ? 'contacted' : 'paid' })
      .where(eq(orders.id, order.id));
    return order;
  }

  // Paid orders over six weeks, the site-support service at 15 000 ₽ each; "now" is Tuesday
  // 24 November 2026, 10:30 in Moscow.
  beforeAll(async () => {
    t = await createTestApp(backend, { captcha: false, clock });
    await paid('old@example.ru', msk('2026-10-15T13:00:00'), msk('2026-10-15T14:00:00')); // 40 days ago: outside both windows
    moveTo('2026-11-14T12:00:00');
    await paid('met@example.ru', msk('2026-11-16T10:00:00'), msk('2026-11-16T09:30:00')); // met
    moveTo('2026-11-19T12:00:00');
    const late = await paid('late@example.ru', msk('2026-11-19T13:00:00'), msk('2026-11-19T15:00:00')); // missed
    moveTo('2026-11-22T12:00:00');
    overdue = await paid('overdue@example.ru', msk('2026-11-23T10:00:00'), null); // missed, still waiting
    moveTo('2026-11-24T10:00:00');
    await paid('today@example.ru', msk('2026-11-24T11:00:00'), null); // due later today
    moveTo('2026-11-24T10:30:00');
    await paid('tomorrow@example.ru', msk('2026-11-25T10:00:00'), null); // due tomorrow

    // 5 000 ₽ of the late order refunded this morning.
    const [attempt] = await t.deps.db.select().from(paymentAttempts).where(and(eq(paymentAttempts.orderId, late.id), isNotNull(paymentAttempts.paidAt)));
    await t.deps.db.insert(paymentOperations).values({
      attemptId: attempt!.id,
      kind: 'refund',
      amountKopecks: 500_000,
      state: 'succeeded',
      createdAt: msk('2026-11-24T09:00:00'),
      completedAt: msk('2026-11-24T09:00:00'),
    });
    // A refund that failed is not money given back.
    await t.deps.db.insert(paymentOperations).values({ attemptId: attempt!.id, kind: 'refund', amountKopecks: 100_000, state: 'failed', createdAt: clock.now() });

    inReview = (await orderSentToGateway(t, 'site-support', { email: 'review@example.ru' })).order;
    await t.deps.db.update(orders).set({ state: 'needs_review' }).where(eq(orders.id, inReview.id));
    await t.deps.db.insert(staffAlerts).values([
      { orderId: overdue.id, kind: 'amount_mismatch', message: 'Сумма оплаты не совпала с заказом', createdAt: clock.now() },
      { orderId: overdue.id, kind: 'old', message: 'Давно решённый вопрос', createdAt: clock.now(), resolvedAt: clock.now() },
    ]);
    const [email] = await t.deps.db.select({ id: emails.id }).from(emails).limit(1);
    await t.deps.db.update(emails).set({ status: 'failed', lastError: '550 mailbox unavailable' }).where(eq(emails.id, email!.id));
  });
  afterAll(() => t.close());

  const figure = (body: string, href: string) => new RegExp(`<span class="dashboard-figure[^"]*">([^<]+)</span><a href="${href.replace(/[?]/g, '\\?')}">`).exec(body)?.[1];

  it('counts the callback queue, what is due today and what is overdue, with links to the queue', async () => {
    const { browser } = await staffBrowser(t, 'manager');
    const page = await browser.get('/admin');
    expect(page.statusCode).toBe(200);
    expect(figure(page.body, '/admin/queue')).toBe('3');
    expect(page.body).toContain('из них срок истекает сегодня: 1');
    expect(figure(page.body, '/admin/queue?filter=overdue')).toBe('1');
  });

  it('gives the share of calls made in time over 30 days, not judging deadlines still ahead', async () => {
    const { browser } = await staffBrowser(t, 'manager');
    const page = await browser.get('/admin');
    expect(page.body).toContain('<span class="dashboard-figure dashboard-figure-text">1 из 3 (33,3\u00a0%)</span>');
  });

  it('lists orders in review and open alerts with their messages and links, and counts failed emails', async () => {
    const { browser } = await staffBrowser(t, 'manager');
    const page = await browser.get('/admin');
    expect(page.body).toContain(`<a href="/admin/orders/${overdue.id}">`);
    expect(page.body).toContain('<li>Сумма оплаты не совпала с заказом</li>');
    expect(page.body).not.toContain('Давно решённый вопрос');
    expect(page.body).toContain(`<a href="/admin/orders/${inReview.id}">`);
    expect(page.body).toContain('на проверке');
    expect(figure(page.body, '/admin/emails?status=failed')).toBe('1');
  });

  it('shows admins and accountants the revenue by Moscow day as a chart with one bar per day and a table', async () => {
    for (const role of ['admin', 'accountant'] as const) {
      const { browser } = await staffBrowser(t, role);
      const page = (await browser.get('/admin')).body;
      const svg = /<svg[^>]*role="img"[\s\S]*?<\/svg>/.exec(page)?.[0] ?? '';
      expect(svg.match(/<rect class="dashboard-bar/g)).toHaveLength(30);
      expect(svg.match(/<rect class="dashboard-bar dashboard-bar-negative/g)).toBeNull();
      expect(svg).toContain(`<title id="revenue-title">Выручка по дням за 30 дней, с 26 октября, пн по 24 ноября, вт: всего ${formatRub(7_000_000)}.</title>`);
      expect(svg).toContain('<text class="dashboard-day" x="98.333%" y="216" text-anchor="middle">24.11</text>');
      expect(page).toContain(`<tr><th scope="row">24 ноября, вт</th><td>${formatRub(3_000_000)}</td><td>${formatRub(500_000)}</td><td>${formatRub(2_500_000)}</td></tr>`);
      expect(page).toContain(`<tr><th scope="row">14 ноября, сб</th><td>${formatRub(1_500_000)}</td><td>${formatRub(0)}</td><td>${formatRub(1_500_000)}</td></tr>`);
      expect(page).not.toContain('15 октября');
      expect(page).toContain('минус успешные отмены и возвраты');
    }
  });

  it('keeps money from managers', async () => {
    const { browser } = await staffBrowser(t, 'manager');
    const page = (await browser.get('/admin')).body;
    expect(page).not.toContain('Выручка за 30 дней');
    expect(page).not.toContain('<svg');
  });
});
