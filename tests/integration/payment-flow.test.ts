import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reconcilePayments } from '../../src/actions/payments/reconcile-payments.js';
import { paymentAttempts, paymentEvents } from '../../src/db/schema/index.js';
import { cards, orderPaidJobs, orderSentToGateway, reloadAttempt, reloadOrder } from '../helpers/payments.js';
import { backends, createTestApp, manualClock, type TestApp } from '../helpers/test-app.js';

describe.each(backends)('paying through the sandbox gateway on %s', (backend) => {
  let t: TestApp;
  const clock = manualClock(new Date());

  beforeAll(async () => {
    t = await createTestApp(backend, { captcha: false, clock });
  });
  afterAll(() => t.close());

  it('confirms a card payment from the signed result callback, once, with only brand and last four digits', async () => {
    const { order, attempt } = await orderSentToGateway(t);
    expect(attempt).toMatchObject({ state: 'initiated', amountKopecks: 1_500_000 });
    const checking = await t.app.inject(`/orders/${order.publicRef}`);
    expect(checking.body).toContain('Проверяем оплату');

    const paid = await t.sandbox.pay(attempt.gatewayPaymentId!, cards.plain);
    expect(paid.outcome).toBe('success');
    expect(paid.redirectUrl).toContain(`/orders/${order.publicRef}`);

    expect(await reloadOrder(t, order.id)).toMatchObject({ state: 'paid' });
    expect(await reloadAttempt(t, attempt.id)).toMatchObject({ state: 'paid', cardBrand: 'VI', cardLast4: '1981', captured: true });
    expect(await orderPaidJobs(t, order.id)).toBe(1);
    const deliveries = t.sandbox.deliveries().filter((d) => d.orderId === attempt.id);
    expect(deliveries.map((d) => [d.kind, d.answerStatus])).toEqual([
      ['check', 'ok'],
      ['result', 'ok'],
    ]);

    const confirmed = await t.app.inject(`/orders/${order.publicRef}`);
    expect(confirmed.body).toContain('Оплата подтверждена');
    expect(confirmed.body).toContain('Visa •••• 1981');
    expect(confirmed.body).not.toContain('http-equiv="refresh"');
  });

  it('takes a 3-D Secure payment once the code is right', async () => {
    const { order, attempt } = await orderSentToGateway(t);
    expect((await t.sandbox.pay(attempt.gatewayPaymentId!, cards.threeDs)).outcome).toBe('needs_otp');
    expect((await t.sandbox.pay(attempt.gatewayPaymentId!, cards.threeDs, '111111')).outcome).toBe('success');
    expect(await reloadOrder(t, order.id)).toMatchObject({ state: 'paid' });
  });

  it('shows the reason after a decline, and "pay again" opens a new attempt for the same order', async () => {
    const { order, attempt } = await orderSentToGateway(t);
    expect((await t.sandbox.pay(attempt.gatewayPaymentId!, cards.declined)).outcome).toBe('failure');
    expect(await reloadAttempt(t, attempt.id)).toMatchObject({ state: 'failed' });
    expect(await reloadOrder(t, order.id)).toMatchObject({ state: 'awaiting_payment' });

    const page = await t.app.inject(`/orders/${order.publicRef}`);
    expect(page.body).toContain('Оплата не прошла');
    expect(page.body).toContain('Банк отклонил платёж');
    expect(page.body).toContain('Оплатить снова');

    const cookie = page.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const again = await t.app.inject({
      method: 'POST',
      url: `/orders/${order.publicRef}/pay`,
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: `_csrf=${encodeURIComponent(csrf)}`,
    });
    expect(again.statusCode).toBe(303);
    expect(again.headers.location).not.toBe(attempt.redirectUrl);
    expect(String(again.headers.location)).toContain(t.sandbox.url);
  });

  it('fails a payment whose 3-D Secure code is wrong', async () => {
    const { order, attempt } = await orderSentToGateway(t);
    await t.sandbox.pay(attempt.gatewayPaymentId!, cards.threeDs);
    expect((await t.sandbox.pay(attempt.gatewayPaymentId!, cards.threeDs, '000000')).outcome).toBe('failure');
    expect(await reloadOrder(t, order.id)).toMatchObject({ state: 'awaiting_payment' });
    expect(await reloadAttempt(t, attempt.id)).toMatchObject({ state: 'failed' });
  });

  it('applies 20 identical result callbacks arriving at once as one transition and one job', async () => {
    const { order, attempt } = await orderSentToGateway(t);
    t.sandbox.setFaults(attempt.id, { repeatResult: 20 });
    await t.sandbox.pay(attempt.gatewayPaymentId!, cards.plain);
    const results = t.sandbox.deliveries().filter((d) => d.orderId === attempt.id && d.kind === 'result');
    expect(results).toHaveLength(20);
    expect(new Set(results.map((d) => d.answerStatus))).toEqual(new Set(['ok']));
    expect(await reloadOrder(t, order.id)).toMatchObject({ state: 'paid' });
    expect(await orderPaidJobs(t, order.id)).toBe(1);
    expect(await t.deps.db.$count(paymentEvents, eq(paymentEvents.attemptId, attempt.id))).toBe(1);
  });

  it('completes a payment whose result callback was lost, by reconciliation', async () => {
    const { order, attempt } = await orderSentToGateway(t);
    t.sandbox.setFaults(attempt.id, { dropResult: true });
    await t.sandbox.pay(attempt.gatewayPaymentId!, cards.plain);
    expect(await reloadOrder(t, order.id)).toMatchObject({ state: 'awaiting_payment' });

    // Not yet: the callback gets two minutes to arrive first.
    expect((await reconcilePayments(t.deps)).applied).toBe(0);
    clock.advance(3 * 60_000);
    const report = await reconcilePayments(t.deps);
    expect(report.applied).toBeGreaterThanOrEqual(1);
    expect(await reloadOrder(t, order.id)).toMatchObject({ state: 'paid' });
    expect(await reloadAttempt(t, attempt.id)).toMatchObject({ state: 'paid', cardLast4: '1981' });
    expect(await orderPaidJobs(t, order.id)).toBe(1);
  });

  it('expires an attempt nobody paid once its lifetime is over, and the order stays payable', async () => {
    const { order, attempt } = await orderSentToGateway(t);
    clock.advance(30 * 60_000);
    await reconcilePayments(t.deps);
    expect(await reloadAttempt(t, attempt.id)).toMatchObject({ state: 'initiated' });
    clock.advance(31 * 60_000); // past the default one-hour lifetime
    await reconcilePayments(t.deps);
    expect(await reloadAttempt(t, attempt.id)).toMatchObject({ state: 'expired' });
    const page = await t.app.inject(`/orders/${order.publicRef}`);
    expect(page.body).toContain('Время на оплату истекло');
    expect(page.body).toContain('Оплатить снова');
  });

  it('never marks anything paid because the browser came back to the success URL', async () => {
    const { order, attempt } = await orderSentToGateway(t);
    const forged = `/orders/${order.publicRef}?pg_order_id=${attempt.id}&pg_payment_id=${attempt.gatewayPaymentId}&pg_salt=x&pg_sig=y`;
    const page = await t.app.inject(forged);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Проверяем оплату');
    expect(await reloadOrder(t, order.id)).toMatchObject({ state: 'awaiting_payment' });
  });
});

describe('when the gateway is down', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite', { captcha: false });
    await t.sandbox.close();
  });
  afterAll(() => t.close());

  it('tells the visitor in Russian, keeps the order, and offers to try again', async () => {
    const { submitOrder, validOrder } = await import('../helpers/order-form.js');
    const response = await submitOrder(t.app, 'seo-audit', validOrder);
    expect(response.statusCode).toBe(503);
    expect(response.body).toContain('Платёжный сервис не отвечает');
    expect(response.body).toContain('Заказ сохранён');
    expect(response.body).toMatch(/action="\/orders\/[\w-]{24}\/pay"/);
    const ref = /\/orders\/([\w-]{24})\/pay/.exec(response.body)![1]!;
    const page = await t.app.inject(`/orders/${ref}`);
    expect(page.body).toContain('Заказ ожидает оплаты');
    expect(page.body).toContain('Перейти к оплате');
  });
});

describe('a payment we never heard of', () => {
  let t: TestApp;
  const clock = manualClock(new Date());
  beforeAll(async () => {
    t = await createTestApp('pglite', { captcha: false, clock });
  });
  afterAll(() => t.close());

  it('is found by reconciliation, recorded and applied', async () => {
    // The gateway created and took the payment, but our init call never got its answer (a timeout)
    // and the result callback was lost: all we have is the attempt we stored before calling.
    const { order, attempt } = await orderSentToGateway(t);
    await t.deps.db.update(paymentAttempts).set({ state: 'created', gatewayPaymentId: null, redirectUrl: null }).where(eq(paymentAttempts.id, attempt.id));
    t.sandbox.setFaults(attempt.id, { dropResult: true });
    await t.sandbox.pay(attempt.gatewayPaymentId!, cards.plain);

    clock.advance(3 * 60_000);
    await reconcilePayments(t.deps);
    expect(await reloadAttempt(t, attempt.id)).toMatchObject({ state: 'paid', gatewayPaymentId: attempt.gatewayPaymentId });
    expect(await reloadOrder(t, order.id)).toMatchObject({ state: 'paid' });
    expect(await orderPaidJobs(t, order.id)).toBe(1);
  });
});

describe('the worker', () => {
  it('schedules payment reconciliation every minute (and the account prune hourly, the backups daily and weekly)', async () => {
    const t = await createTestApp('pglite', { captcha: false });
    try {
      const { startWorker } = await import('../../src/worker.js');
      await startWorker(t.deps);
      const schedules = await t.deps.queue.getSchedules();
      expect(schedules).toHaveLength(4);
      expect(schedules).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ name: 'payments.reconcile', cron: '* * * * *' }),
          expect.objectContaining({ name: 'accounts.prune', cron: '17 * * * *' }),
          expect.objectContaining({ name: 'backups.create', cron: '30 3 * * *', timezone: 'Europe/Moscow' }),
          expect.objectContaining({ name: 'backups.drill', timezone: 'Europe/Moscow' }),
        ]),
      );
    } finally {
      await t.close();
    }
  });
});

describe('the confirmed order page', () => {
  it("says when the manager will call, on Moscow's working calendar", async () => {
    const clock = manualClock(new Date('2026-11-27T17:30:00+03:00')); // a Friday, after the cut-off
    const t = await createTestApp('pglite', { captcha: false, clock });
    try {
      const { order, attempt } = await orderSentToGateway(t);
      await t.sandbox.pay(attempt.gatewayPaymentId!, cards.plain);
      const page = await t.app.inject(`/orders/${order.publicRef}`);
      expect(page.body).toContain('Менеджер свяжется с вами в понедельник, 30 ноября, до 10:00 по московскому времени');
    } finally {
      await t.close();
    }
  });
});
