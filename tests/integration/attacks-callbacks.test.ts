import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paymentEvents } from '../../src/db/schema/index.js';
import type { Fields } from '../../sandbox/freedompay/fields.js';
import { signed } from '../../sandbox/freedompay/signature.js';
import { fingerprint } from '../helpers/attack-db.js';
import { cards, orderPaidJobs, orderSentToGateway, reloadAttempt, reloadOrder } from '../helpers/payments.js';
import { returnMoney } from '../helpers/money-returns.js';
import { staffBrowser } from '../helpers/staff.js';
import { backends, createTestApp, manualClock, testMerchant, type TestApp } from '../helpers/test-app.js';

// Callbacks an attacker could send: altered after signing, signed with a guessed key, signed for the
// other script, replayed in a burst, or replayed after the payment was cancelled. What is already in
// payment-callbacks.test.ts (a wrong key, a sequential repeat, a correctly signed wrong amount) is
// not repeated here. Every refusal must leave the database exactly as it was.

describe.each(backends)('attacks on the gateway callbacks on %s', (backend) => {
  let t: TestApp;
  const clock = manualClock(new Date('2026-11-24T11:20:00+03:00'));
  beforeAll(async () => {
    t = await createTestApp(backend, { captcha: false, clock });
  });
  afterAll(() => t.close());

  const paidFields = (attemptId: string, paymentId: string, amount = '15000.00'): Fields =>
    Object.entries({
      pg_order_id: attemptId,
      pg_payment_id: paymentId,
      pg_amount: amount,
      pg_currency: 'RUB',
      pg_result: '1',
      pg_can_reject: '1',
      pg_captured: '1',
      pg_card_pan: '4716-04XX-XXXX-1981',
      pg_card_brand: 'VI',
      pg_payment_date: '2026-11-24 11:20:00',
    });

  const sign = (script: 'result' | 'check', fields: Fields, secret = testMerchant.secret) => signed(script, fields, secret) as [string, string][];

  async function send(script: 'result' | 'check', body: [string, string][]): Promise<string | undefined> {
    const response = await fetch(`${t.baseUrl}/payments/freedompay/${script}`, { method: 'POST', body: new URLSearchParams(body) });
    expect(response.status).toBe(200);
    return /<pg_status>(\w+)<\/pg_status>/.exec(await response.text())?.[1];
  }

  /** Replaces a field's value in an already signed body (what a man in the middle would do). */
  const tampered = (body: [string, string][], name: string, value: string): [string, string][] => body.map(([k, v]) => [k, k === name ? value : v]);

  it('refuses a signed callback changed after signing (amount, order, result) and one signed for the other script', async () => {
    const { order, attempt } = await orderSentToGateway(t);
    const genuine = sign('result', paidFields(attempt.id, attempt.gatewayPaymentId!));
    const other = await orderSentToGateway(t);
    const before = await fingerprint(t);
    const forgeries: [string, 'result' | 'check', [string, string][]][] = [
      ['amount lowered after signing', 'result', tampered(genuine, 'pg_amount', '1.00')],
      ['another order after signing', 'result', tampered(genuine, 'pg_order_id', other.attempt.id)],
      ['currency changed after signing', 'result', tampered(genuine, 'pg_currency', 'KZT')],
      ['signature removed', 'result', genuine.filter(([k]) => k !== 'pg_sig')],
      ['signature emptied', 'result', tampered(genuine, 'pg_sig', '')],
      ['signature in capitals', 'result', tampered(genuine, 'pg_sig', genuine.find(([k]) => k === 'pg_sig')![1].toUpperCase().replace(/[0-9]/, 'F'))],
      ['amount changed and re-signed with a guessed key', 'result', sign('result', paidFields(attempt.id, attempt.gatewayPaymentId!, '1.00'), 'secret')],
      ['re-signed with an empty key', 'result', sign('result', paidFields(attempt.id, attempt.gatewayPaymentId!), '')],
      ['a check callback replayed as a result', 'result', sign('check', paidFields(attempt.id, attempt.gatewayPaymentId!))],
      ['a result callback replayed as a check', 'check', genuine],
    ];
    for (const [what, script, body] of forgeries) expect({ what, status: await send(script, body) }).toEqual({ what, status: 'error' });
    expect(await fingerprint(t)).toEqual(before);
    expect(await reloadOrder(t, order.id)).toMatchObject({ state: 'awaiting_payment' });
    // The untouched original still works: the refusals were for the tampering.
    expect(await send('result', genuine)).toBe('ok');
    expect(await reloadOrder(t, order.id)).toMatchObject({ state: 'paid' });
  });

  it('applies a burst of the same signed callback once: one transition, one event, one order.paid job', async () => {
    const { order, attempt } = await orderSentToGateway(t);
    const genuine = sign('result', paidFields(attempt.id, attempt.gatewayPaymentId!));
    const answers = await Promise.all(Array.from({ length: 12 }, () => send('result', genuine)));
    expect(new Set(answers)).toEqual(new Set(['ok']));
    expect(await reloadOrder(t, order.id)).toMatchObject({ state: 'paid' });
    expect(await orderPaidJobs(t, order.id)).toBe(1);
    const events = await t.deps.db.select().from(paymentEvents).where(eq(paymentEvents.attemptId, attempt.id));
    expect(events.filter((e) => e.kind === 'paid')).toHaveLength(1);
  });

  it('a paid callback replayed after the money went back does not make the order paid again', async () => {
    const { order, attempt } = await orderSentToGateway(t);
    expect((await t.sandbox.pay(attempt.gatewayPaymentId!, cards.plain)).outcome).toBe('success');
    expect(await reloadOrder(t, order.id)).toMatchObject({ state: 'paid' });
    const { browser } = await staffBrowser(t, 'accountant', '198.51.100.90');
    const returnUrl = `/admin/payments/${attempt.id}/return`;
    const page = await browser.get(returnUrl);
    const kind = /name="kind" value="(\w+)"/.exec(page.body)![1]!;
    // A cancel or a full refund, whichever the bank day allows: either way the money went back.
    expect((await returnMoney(browser, returnUrl, { kind, amount: '15 000', reason: 'Клиент передумал' })).done?.statusCode).toBe(303);
    const ended = { order: (await reloadOrder(t, order.id)).state, attempt: (await reloadAttempt(t, attempt.id)).state };
    expect(['cancelled', 'refunded']).toContain(ended.order);

    const before = await fingerprint(t);
    const replayed = sign('result', paidFields(attempt.id, attempt.gatewayPaymentId!));
    await send('result', replayed);
    await send('result', replayed);
    expect({ order: (await reloadOrder(t, order.id)).state, attempt: (await reloadAttempt(t, attempt.id)).state }).toEqual(ended);
    expect(await orderPaidJobs(t, order.id)).toBe(1);
    const after = await fingerprint(t);
    // At most the event log notes the duplicate; the order, attempt, emails and operations are untouched.
    for (const table of ['orders', 'payment_attempts', 'payment_operations', 'emails', 'clients', 'invoices']) expect(after[table]).toEqual(before[table]);
  });
});
