import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyPaymentEvents } from '../../src/actions/payments/apply-payment-events.js';
import type { GatewayEvent } from '../../src/payments/freedompay/events.js';
import { orderPaidJobs, orderSentToGateway, reloadAttempt, reloadOrder } from '../helpers/payments.js';
import { backends, createTestApp, type TestApp } from '../helpers/test-app.js';

// Callbacks that arrive together are applied in one transaction; the outcome must be exactly that of
// applying them one after another.

describe.each(backends)('a batch of gateway messages on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend, { captcha: false });
  });
  afterAll(() => t.close());

  const message = (attemptId: string, gatewayPaymentId: string, overrides: Partial<GatewayEvent> = {}): GatewayEvent => ({
    kind: 'paid',
    attemptId,
    gatewayPaymentId,
    amountKopecks: 1_500_000,
    currency: 'RUB',
    captured: true,
    canReject: true,
    card: { brand: 'VI', last4: '1981' },
    failure: null,
    ...overrides,
  });

  it('applies each message in order, as if one after another', async () => {
    const a = await orderSentToGateway(t);
    const b = await orderSentToGateway(t);
    const c = await orderSentToGateway(t);
    const failedB = message(b.attempt.id, b.attempt.gatewayPaymentId!, { kind: 'failed', failure: { code: '10007', description: 'Отказ' } });
    const results = await applyPaymentEvents(
      t.deps,
      [
        message(a.attempt.id, a.attempt.gatewayPaymentId!),
        message(a.attempt.id, a.attempt.gatewayPaymentId!), // the same callback again
        failedB,
        message('00000000-0000-4000-8000-000000000000', '424242'), // not ours
        message(b.attempt.id, b.attempt.gatewayPaymentId!), // a late success after the failure
        failedB, // …and the failure repeated: changes nothing
        message(c.attempt.id, c.attempt.gatewayPaymentId!, { amountKopecks: 100 }), // wrong amount
      ].map((event) => ({ event, source: 'callback' as const })),
    );
    expect(results).toEqual([
      { kind: 'answered', answer: 'ok', duplicate: false },
      { kind: 'answered', answer: 'ok', duplicate: true },
      { kind: 'answered', answer: 'ok', duplicate: false },
      { kind: 'unknown_attempt' },
      { kind: 'answered', answer: 'ok', duplicate: false },
      { kind: 'answered', answer: 'ok', duplicate: true },
      { kind: 'answered', answer: 'rejected', duplicate: false },
    ]);
    expect(await reloadOrder(t, a.order.id)).toMatchObject({ state: 'paid' });
    expect(await reloadAttempt(t, b.attempt.id)).toMatchObject({ state: 'paid', failureCode: '10007', cardLast4: '1981' });
    expect(await reloadOrder(t, b.order.id)).toMatchObject({ state: 'paid' });
    expect(await reloadAttempt(t, c.attempt.id)).toMatchObject({ state: 'failed', failureCode: 'rejected_by_shop' });
    expect(await reloadOrder(t, c.order.id)).toMatchObject({ state: 'awaiting_payment' });
    expect([await orderPaidJobs(t, a.order.id), await orderPaidJobs(t, b.order.id), await orderPaidJobs(t, c.order.id)]).toEqual([1, 1, 0]);

    // A later batch sees what the first one recorded.
    const again = await applyPaymentEvents(t.deps, [{ event: message(a.attempt.id, a.attempt.gatewayPaymentId!), source: 'callback' }]);
    expect(again).toEqual([{ kind: 'answered', answer: 'ok', duplicate: true }]);
  });
});
