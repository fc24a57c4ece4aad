import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffAlerts } from '../../src/db/schema/index.js';
import { signed } from '../../sandbox/freedompay/signature.js';
import { buildXml, parseXml } from '../../sandbox/freedompay/xml.js';
import type { Fields } from '../../sandbox/freedompay/fields.js';
import { orderPaidJobs, orderSentToGateway, reloadAttempt, reloadOrder } from '../helpers/payments.js';
import { backends, createTestApp, testMerchant, type TestApp } from '../helpers/test-app.js';

// Callbacks built by hand and signed with the sandbox's own signature code (not ours), then sent
// over HTTP the way the gateway sends them.

describe.each(backends)('gateway callbacks on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend, { captcha: false });
  });
  afterAll(() => t.close());

  const resultFields = (attemptId: string, paymentId: string, overrides: Record<string, string> = {}): Fields =>
    Object.entries({
      pg_order_id: attemptId,
      pg_payment_id: paymentId,
      pg_amount: '15000.00',
      pg_currency: 'RUB',
      pg_result: '1',
      pg_can_reject: '1',
      pg_captured: '1',
      pg_card_pan: '5483-18XX-XXXX-0293',
      pg_card_brand: 'MC',
      pg_payment_date: '2026-11-23 12:00:00',
      ...overrides,
    });

  async function post(
    script: 'result' | 'check',
    fields: Fields,
    options: { secret?: string; salt?: string; transport?: 'form' | 'xml' | 'get' | 'multipart' } = {},
  ) {
    const body = signed(script, fields, options.secret ?? testMerchant.secret, { salt: options.salt }) as [string, string][];
    const url = `${t.baseUrl}/payments/freedompay/${script}`;
    const transport = options.transport ?? 'form';
    let response: Response;
    if (transport === 'get') {
      response = await fetch(`${url}?${new URLSearchParams(body)}`);
    } else if (transport === 'xml') {
      response = await fetch(url, { method: 'POST', body: new URLSearchParams({ pg_xml: buildXml('request', body) }) });
    } else if (transport === 'multipart') {
      const form = new FormData();
      for (const [k, v] of body) form.append(k, v);
      response = await fetch(url, { method: 'POST', body: form });
    } else {
      response = await fetch(url, { method: 'POST', body: new URLSearchParams(body) });
    }
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('xml');
    const parsed = parseXml(await response.text());
    const get = (name: string) => parsed?.fields.find(([k]) => k === name)?.[1];
    return { status: get('pg_status'), salt: get('pg_salt'), fields: parsed!.fields };
  }

  it('answers a forged callback with a signed error and changes nothing', async () => {
    const { order, attempt } = await orderSentToGateway(t);
    const answer = await post('result', resultFields(attempt.id, attempt.gatewayPaymentId!), { secret: 'not-the-merchant-secret' });
    expect(answer.status).toBe('error');
    const { verify } = await import('../../sandbox/freedompay/signature.js');
    expect(verify('result', answer.fields, testMerchant.secret)).toBe(true);
    expect(await reloadOrder(t, order.id)).toMatchObject({ state: 'awaiting_payment' });
    expect(await orderPaidJobs(t, order.id)).toBe(0);
  });

  it.each(['form', 'get', 'xml', 'multipart'] as const)('accepts a genuine callback sent as %s, echoing its salt', async (transport) => {
    const { order, attempt } = await orderSentToGateway(t);
    const fields = resultFields(attempt.id, attempt.gatewayPaymentId!);
    const answer = await post('result', fields, { transport, salt: `salt${transport}` });
    expect(answer.status).toBe('ok');
    expect(answer.salt).toBe(`salt${transport}`);
    expect(await reloadOrder(t, order.id)).toMatchObject({ state: 'paid' });
    expect(await reloadAttempt(t, attempt.id)).toMatchObject({ cardBrand: 'MC', cardLast4: '0293' });
    // A repeat gets the same answer and changes nothing.
    expect((await post('result', fields, { transport })).status).toBe('ok');
    expect(await orderPaidJobs(t, order.id)).toBe(1);
  });

  it('answers error for a payment we do not know', async () => {
    const answer = await post('result', resultFields('00000000-0000-4000-8000-000000000000', '999999'));
    expect(answer.status).toBe('error');
  });

  it('rejects a wrong amount when the gateway can reverse it, again on repeats', async () => {
    const { order, attempt } = await orderSentToGateway(t);
    const fields = resultFields(attempt.id, attempt.gatewayPaymentId!, { pg_amount: '150.00' });
    expect((await post('result', fields)).status).toBe('rejected');
    expect((await post('result', fields)).status).toBe('rejected');
    expect(await reloadOrder(t, order.id)).toMatchObject({ state: 'awaiting_payment' });
    expect(await reloadAttempt(t, attempt.id)).toMatchObject({ state: 'failed', failureCode: 'rejected_by_shop' });
  });

  it('accepts a wrong amount it cannot reject, sends the order to review and alerts staff', async () => {
    const { order, attempt } = await orderSentToGateway(t);
    const answer = await post('result', resultFields(attempt.id, attempt.gatewayPaymentId!, { pg_currency: 'KZT', pg_can_reject: '0' }));
    expect(answer.status).toBe('ok');
    expect(await reloadOrder(t, order.id)).toMatchObject({ state: 'needs_review' });
    const alerts = await t.deps.db.select().from(staffAlerts).where(eq(staffAlerts.orderId, order.id));
    expect(alerts).toEqual([expect.objectContaining({ kind: 'amount_mismatch', resolvedAt: null })]);
    expect(await orderPaidJobs(t, order.id)).toBe(0);
  });

  it('marks the attempt failed on a failure result and keeps the order payable', async () => {
    const { order, attempt } = await orderSentToGateway(t);
    const fields = resultFields(attempt.id, attempt.gatewayPaymentId!, { pg_result: '0', pg_failure_code: '10009', pg_failure_description: 'Недостаточно средств' });
    expect((await post('result', fields)).status).toBe('ok');
    expect(await reloadAttempt(t, attempt.id)).toMatchObject({ state: 'failed', failureDescription: 'Недостаточно средств' });
    expect(await reloadOrder(t, order.id)).toMatchObject({ state: 'awaiting_payment' });
    // A late success still wins: money taken is the truth.
    expect((await post('result', resultFields(attempt.id, attempt.gatewayPaymentId!))).status).toBe('ok');
    expect(await reloadOrder(t, order.id)).toMatchObject({ state: 'paid' });
    // …and a late failure never demotes it.
    expect((await post('result', fields)).status).toBe('ok');
    expect(await reloadAttempt(t, attempt.id)).toMatchObject({ state: 'paid' });
  });

  it('answers the check callback ok only while the order awaits exactly this amount', async () => {
    const { attempt } = await orderSentToGateway(t);
    const check = (amount: string) =>
      post('check', Object.entries({ pg_order_id: attempt.id, pg_payment_id: attempt.gatewayPaymentId!, pg_amount: amount, pg_currency: 'RUB' }));
    expect((await check('15000.00')).status).toBe('ok');
    expect((await check('15000')).status).toBe('ok');
    expect((await check('14999.99')).status).toBe('rejected');
    await post('result', resultFields(attempt.id, attempt.gatewayPaymentId!));
    expect((await check('15000.00')).status).toBe('rejected');
  });
});
