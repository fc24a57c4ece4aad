import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, emails, orders, paymentAttempts, staffAlerts } from '../../src/db/schema/index.js';
import { createSandbox, type Sandbox } from '../../sandbox/freedompay/index.js';
import { openOrderForm, submitOrder, validOrder } from '../helpers/order-form.js';
import { staffMember } from '../helpers/staff.js';
import { backends, createTestApp, testMerchant, type TestApp } from '../helpers/test-app.js';

// A gateway that hands out a payment number the shop already keeps for another attempt — what a
// development sandbox restarted on the same data did — must not turn the order form into a 500: the
// visitor hears "try again", the order is kept, and the admins are told.

describe.each(backends)('a repeated gateway payment id, on %s', (backend) => {
  let t: TestApp;
  let restarted: Sandbox;
  beforeAll(async () => {
    t = await createTestApp(backend, { captcha: false, sandbox: { firstPaymentId: 700000 } });
  });
  afterAll(async () => {
    await restarted?.close();
    await t.close();
  });

  it('answers the payment-unavailable page, keeps the order, and alerts the admins', async () => {
    const { member: admin } = await staffMember(t, 'admin', { email: 'owner@staff.example.ru' });
    const first = await submitOrder(t.app, 'site-support', { ...validOrder, email: 'first@example.ru' });
    expect(first.statusCode).toBe(303);
    const [held] = await t.deps.db.select().from(paymentAttempts);
    expect(held!.gatewayPaymentId).toBe('700000');

    // The gateway restarts on the same address and numbers its payments from the same start again.
    const port = Number(new URL(t.sandbox.url).port);
    await t.sandbox.close();
    // Let the app's HTTP client see its kept-alive connection closed, as it would over a real restart's seconds.
    await new Promise((resolve) => setTimeout(resolve, 200));
    restarted = createSandbox({ merchants: [testMerchant], firstPaymentId: 700000 });
    await restarted.listen(port, '127.0.0.1');

    const session = await openOrderForm(t.app, 'site-support');
    const second = await submitOrder(t.app, 'site-support', { ...validOrder, email: 'second@example.ru' }, { session });
    expect(second.statusCode).toBe(503);
    expect(second.body).toContain('Платёжный сервис не отвечает');
    expect(second.body).toContain('Заказ сохранён, деньги не списаны');
    const ref = /action="\/orders\/([\w-]{24})\/pay"/.exec(second.body)![1]!;
    const [order] = await t.deps.db.select().from(orders).where(eq(orders.publicRef, ref));
    expect(order).toMatchObject({ state: 'awaiting_payment', customerEmail: 'second@example.ru' });
    const [attempt] = await t.deps.db.select().from(paymentAttempts).where(eq(paymentAttempts.orderId, order!.id));
    expect(attempt).toMatchObject({ state: 'failed', gatewayPaymentId: null, failureCode: 'gateway_payment_id_conflict' });

    const alerts = await t.deps.db.select().from(staffAlerts).where(eq(staffAlerts.orderId, order!.id));
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.message).toContain('700000');
    const entries = await t.deps.db.select().from(auditLog).where(eq(auditLog.action, 'payment.gateway_id_conflict'));
    expect(entries).toMatchObject([{ entityId: attempt!.id, details: { gatewayPaymentId: '700000', heldByAttemptId: held!.id } }]);
    const told = await t.deps.db.select().from(emails).where(eq(emails.kind, 'gateway_payment_id_conflict'));
    expect(told).toMatchObject([{ to: admin.email, orderId: order!.id }]);

    // «Оплатить снова»: a new attempt gets a new number and reaches the gateway.
    const csrf = /name="_csrf" value="([^"]+)"/.exec(second.body)![1]!;
    const again = await t.app.inject({
      method: 'POST',
      url: `/orders/${ref}/pay`,
      headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: `_csrf=${encodeURIComponent(csrf)}`,
    });
    expect(again.statusCode).toBe(303);
    expect(String(again.headers.location)).toContain(restarted.url);
    const attempts = await t.deps.db.select().from(paymentAttempts).where(eq(paymentAttempts.orderId, order!.id));
    expect(attempts.map((a) => [a.state, a.gatewayPaymentId]).sort()).toEqual([['failed', null], ['initiated', '700001']]);
  });
});
