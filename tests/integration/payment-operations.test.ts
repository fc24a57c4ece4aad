import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cancelPayment } from '../../src/actions/payments/cancel-payment.js';
import { capturePayment } from '../../src/actions/payments/capture-payment.js';
import { refundPayment } from '../../src/actions/payments/refund-payment.js';
import { settleOperations } from '../../src/actions/payments/settle-operations.js';
import { operationsForAttempt } from '../../src/db/queries/payments.js';
import type { CardInput } from '../../sandbox/freedompay/index.js';
import { cards, orderSentToGateway, reloadAttempt, reloadOrder } from '../helpers/payments.js';
import { backends, createTestApp, manualClock, type TestApp } from '../helpers/test-app.js';

async function paidOrder(t: TestApp, card: CardInput = cards.plain) {
  const { order, attempt } = await orderSentToGateway(t);
  expect((await t.sandbox.pay(attempt.gatewayPaymentId!, card)).outcome).toBe('success');
  return { order, attempt: await reloadAttempt(t, attempt.id) };
}

describe.each(backends)('refunds of one-step payments on %s', (backend) => {
  let t: TestApp;
  const clock = manualClock(new Date());
  beforeAll(async () => {
    t = await createTestApp(backend, { captcha: false, clock });
  });
  afterAll(() => t.close());

  it('refunds in full: the order becomes refunded and the gateway shows the refund', async () => {
    const { order, attempt } = await paidOrder(t);
    const result = await refundPayment(t.deps, { attemptId: attempt.id, reason: 'Клиент передумал' });
    expect(result.kind).toBe('succeeded');
    expect(await reloadAttempt(t, attempt.id)).toMatchObject({ state: 'refunded' });
    expect(await reloadOrder(t, order.id)).toMatchObject({ state: 'refunded' });
    expect(t.sandbox.payment(attempt.gatewayPaymentId!)?.refunds).toEqual([expect.objectContaining({ amount: '-15000' })]);
  });

  it('refunds in parts up to the paid sum, and refuses more', async () => {
    const { order, attempt } = await paidOrder(t);
    expect((await refundPayment(t.deps, { attemptId: attempt.id, amountKopecks: 500_000 })).kind).toBe('succeeded');
    expect((await refundPayment(t.deps, { attemptId: attempt.id, amountKopecks: 400_000 })).kind).toBe('succeeded');
    expect(await reloadOrder(t, order.id)).toMatchObject({ state: 'paid' }); // partly refunded keeps its state
    const tooMuch = await refundPayment(t.deps, { attemptId: attempt.id, amountKopecks: 600_001 });
    expect(tooMuch).toEqual({ kind: 'not_allowed', reason: expect.stringContaining('6\u00a0000\u00a0₽') });
    expect((await refundPayment(t.deps, { attemptId: attempt.id })).kind).toBe('succeeded');
    expect(await reloadOrder(t, order.id)).toMatchObject({ state: 'refunded' });
    expect((await operationsForAttempt(t.deps.db, attempt.id)).map((op) => op.amountKopecks)).toEqual([500_000, 400_000, 600_000]);
    expect(t.sandbox.payment(attempt.gatewayPaymentId!)?.refunds.map((r) => r.amount)).toEqual(['-5000', '-4000', '-6000']);
  });

  it('records a refusal from the gateway and changes nothing else', async () => {
    const { order, attempt } = await paidOrder(t, cards.cancellable); // this test card cannot be refunded
    const refused = await refundPayment(t.deps, { attemptId: attempt.id });
    expect(refused.kind).toBe('failed');
    expect(await reloadOrder(t, order.id)).toMatchObject({ state: 'paid' });
    expect((await operationsForAttempt(t.deps.db, attempt.id))[0]).toMatchObject({ state: 'failed' });
  });

  it('settles a refund the gateway made although its answer was unreadable', async () => {
    const { order, attempt } = await paidOrder(t);
    t.sandbox.setFaults(attempt.id, { corruptSignature: true });
    const lost = await refundPayment(t.deps, { attemptId: attempt.id, amountKopecks: 100_000 });
    expect(lost.kind).toBe('unknown');
    expect(t.sandbox.payment(attempt.gatewayPaymentId!)?.refunds).toHaveLength(1);
    // Until settled, the unknown refund still counts against what can be refunded.
    expect(await refundPayment(t.deps, { attemptId: attempt.id, amountKopecks: 1_450_000 })).toMatchObject({ kind: 'not_allowed' });

    t.sandbox.setFaults(attempt.id, {});
    clock.advance(2 * 60_000);
    expect(await settleOperations(t.deps)).toBe(1);
    const [operation] = await operationsForAttempt(t.deps.db, attempt.id);
    expect(operation).toMatchObject({ state: 'succeeded', gatewayRefundId: expect.any(String) });
    expect(await reloadOrder(t, order.id)).toMatchObject({ state: 'paid' });
  });

  it('settles a refund that never reached the gateway as failed', async () => {
    const { attempt } = await paidOrder(t);
    t.sandbox.setFaults(attempt.id, { apiStatus: 502 });
    expect((await refundPayment(t.deps, { attemptId: attempt.id, amountKopecks: 100_000 })).kind).toBe('unknown');
    t.sandbox.setFaults(attempt.id, {});
    clock.advance(2 * 60_000);
    expect(await settleOperations(t.deps)).toBe(1);
    expect((await operationsForAttempt(t.deps.db, attempt.id))[0]).toMatchObject({ state: 'failed' });
    expect((await refundPayment(t.deps, { attemptId: attempt.id })).kind).toBe('succeeded');
  });
});

describe.each(backends)('two-step payments on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend, { captcha: false, env: { FREEDOMPAY_AUTO_CLEARING: 'off' } });
  });
  afterAll(() => t.close());

  it('holds the money, then captures part of it, then refunds', async () => {
    const { attempt } = await paidOrder(t);
    expect(attempt).toMatchObject({ state: 'paid', captured: false });
    expect((await refundPayment(t.deps, { attemptId: attempt.id })).kind).toBe('not_allowed');
    expect((await capturePayment(t.deps, { attemptId: attempt.id, amountKopecks: 1_000_000 })).kind).toBe('succeeded');
    expect(await reloadAttempt(t, attempt.id)).toMatchObject({ captured: true });
    expect(t.sandbox.payment(attempt.gatewayPaymentId!)).toMatchObject({ captured: true, clearingAmount: '10000' });
    expect((await capturePayment(t.deps, { attemptId: attempt.id })).kind).toBe('not_allowed');
  });

  it('cancels a held payment: the order is cancelled and the gateway releases the hold', async () => {
    const { order, attempt } = await paidOrder(t, cards.cancellable);
    expect((await cancelPayment(t.deps, { attemptId: attempt.id, reason: 'Отказ в тот же день' })).kind).toBe('succeeded');
    expect(await reloadAttempt(t, attempt.id)).toMatchObject({ state: 'cancelled' });
    expect(await reloadOrder(t, order.id)).toMatchObject({ state: 'cancelled' });
    expect(t.sandbox.payment(attempt.gatewayPaymentId!)?.status).toBe('revoked');
    expect((await cancelPayment(t.deps, { attemptId: attempt.id })).kind).toBe('not_allowed');
  });

  it('refuses to cancel after capture', async () => {
    const { attempt } = await paidOrder(t);
    await capturePayment(t.deps, { attemptId: attempt.id });
    const result = await cancelPayment(t.deps, { attemptId: attempt.id });
    expect(result.kind).toBe('failed');
    expect(await reloadAttempt(t, attempt.id)).toMatchObject({ state: 'paid' });
  });
});
