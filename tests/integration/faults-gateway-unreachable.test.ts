import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reconcilePayments } from '../../src/actions/payments/reconcile-payments.js';
import { orders, paymentAttempts } from '../../src/db/schema/index.js';
import { createGateway } from '../../src/payments/gateway.js';
import { startCutProxy, type CutProxy } from '../helpers/fault-proxy.js';
import { openOrderForm, submitOrder, validOrder } from '../helpers/order-form.js';
import { cards, orderPaidJobs, reloadAttempt, reloadOrder } from '../helpers/payments.js';
import { backends, createTestApp, manualClock, testMerchant, type TestApp } from '../helpers/test-app.js';

// The gateway's API becomes unreachable (connections refused) at the worst moments: when the order is
// placed, and after the payer paid but the result callback was lost, so that only reconciliation can
// find out. payment-flow.test.ts checks the visitor's page with the gateway down for good; here it
// comes back, and the same order must end paid, once.

describe.each(backends)('the gateway unreachable for a while, on %s', (backend) => {
  let t: TestApp;
  let gateway: CutProxy;
  const clock = manualClock(new Date());
  beforeAll(async () => {
    t = await createTestApp(backend, { captcha: false, clock });
    // The app's gateway client talks to the sandbox through a proxy the test can cut.
    const sandbox = new URL(t.sandbox.url);
    gateway = await startCutProxy({ host: sandbox.hostname, port: Number(sandbox.port) });
    t.deps.gateway = createGateway(t.deps.config, { merchantId: testMerchant.id, secretKey: testMerchant.secret, apiUrl: gateway.url, testingMode: true });
  });
  afterAll(async () => {
    await gateway.close();
    await t.close();
  });

  it('tells the visitor, keeps the order, and reconciliation finishes the payment once the gateway is back', async () => {
    await gateway.cut();
    const session = await openOrderForm(t.app, 'site-support');
    const refused = await submitOrder(t.app, 'site-support', { ...validOrder, email: 'gateway-down@example.ru' }, { session });
    expect(refused.statusCode).toBe(503);
    expect(refused.body).toContain('Платёжный сервис не отвечает');
    expect(refused.body).toContain('Заказ сохранён, деньги не списаны');
    const ref = /action="\/orders\/([\w-]{24})\/pay"/.exec(refused.body)![1]!;
    const [order] = await t.deps.db.select().from(orders).where(eq(orders.publicRef, ref));
    expect(order).toMatchObject({ state: 'awaiting_payment' });
    const [attempt] = await t.deps.db.select().from(paymentAttempts).where(eq(paymentAttempts.orderId, order!.id));
    expect(attempt).toMatchObject({ state: 'created', gatewayPaymentId: null });

    // Back: «Оплатить снова» on that page sends the payer to the gateway with the same attempt.
    await gateway.restore();
    const csrf = /name="_csrf" value="([^"]+)"/.exec(refused.body)![1]!;
    const again = await t.app.inject({
      method: 'POST',
      url: `/orders/${ref}/pay`,
      headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: `_csrf=${encodeURIComponent(csrf)}`,
    });
    expect(again.statusCode).toBe(303);
    expect(String(again.headers.location)).toContain(t.sandbox.url);
    const sent = await reloadAttempt(t, attempt!.id);
    expect(sent).toMatchObject({ state: 'initiated', redirectUrl: again.headers.location });

    // The payer pays, the result callback is lost, and the gateway is unreachable again.
    t.sandbox.setFaults(attempt!.id, { dropResult: true });
    expect((await t.sandbox.pay(sent.gatewayPaymentId!, cards.plain)).outcome).toBe('success');
    await gateway.cut();
    clock.advance(3 * 60_000);
    expect(await reconcilePayments(t.deps)).toMatchObject({ checked: 1, applied: 0, unreachable: 1 });
    expect(await reloadOrder(t, order!.id)).toMatchObject({ state: 'awaiting_payment' });
    expect((await t.app.inject(`/orders/${ref}`)).body).toContain('Проверяем оплату');

    await gateway.restore();
    clock.advance(2 * 60_000); // the next round that looks at this attempt again
    expect(await reconcilePayments(t.deps)).toMatchObject({ applied: 1, unreachable: 0 });
    expect(await reloadOrder(t, order!.id)).toMatchObject({ state: 'paid' });
    expect(await reloadAttempt(t, attempt!.id)).toMatchObject({ state: 'paid', cardLast4: '1981' });
    expect(await orderPaidJobs(t, order!.id)).toBe(1);
    expect((await t.app.inject(`/orders/${ref}`)).body).toContain('Оплата подтверждена');

    // Later rounds find nothing left to do.
    clock.advance(2 * 60_000);
    expect(await reconcilePayments(t.deps)).toMatchObject({ checked: 0 });
    expect(await orderPaidJobs(t, order!.id)).toBe(1);
  });
});
