import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendOrderConfirmation } from '../../src/actions/orders/send-order-confirmation.js';
import { emails } from '../../src/db/schema/index.js';
import { deliverEmail } from '../../src/jobs/deliver-email.js';
import { cards, orderSentToGateway } from '../helpers/payments.js';
import { backends, createTestApp, manualClock, type TestApp } from '../helpers/test-app.js';

describe.each(backends)('the order confirmation email on %s', (backend) => {
  let t: TestApp;
  const clock = manualClock(new Date('2026-11-27T17:30:00+03:00')); // a Friday, after the cut-off
  beforeAll(async () => {
    t = await createTestApp(backend, { captcha: false, clock });
  });
  afterAll(() => t.close());

  it('is queued once after payment, says when the manager will call, and reaches the dev mailbox', async () => {
    const { order, attempt } = await orderSentToGateway(t);
    expect(await sendOrderConfirmation(t.deps, order.id)).toBe('not_paid');
    await t.sandbox.pay(attempt.gatewayPaymentId!, cards.plain);

    expect(await sendOrderConfirmation(t.deps, order.id)).toBe('queued');
    expect(await sendOrderConfirmation(t.deps, order.id)).toBe('already_queued');
    const queued = await t.deps.db.select().from(emails).where(eq(emails.orderId, order.id));
    expect(queued).toHaveLength(1);
    const [email] = queued;
    expect(email).toMatchObject({ kind: 'order_confirmation', to: 'ivan@example.ru', status: 'queued' });
    expect(email!.text).toContain('в понедельник, 30 ноября, до 10:00');
    expect(email!.text).toContain('Visa •••• 1981');
    expect(email!.text).toContain(`/orders/${order.publicRef}`);

    expect(await deliverEmail(t.deps, { data: { emailId: email!.id }, retryCount: 0, retryLimit: 11 })).toBe('sent');
    const mailbox = await t.app.inject('/dev/mailbox');
    expect(mailbox.statusCode).toBe(200);
    expect(mailbox.body).toContain('ivan@example.ru');
  });
});
