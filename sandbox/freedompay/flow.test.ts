import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getString } from './fields.js';
import {
  APPROVED_CARD,
  DECLINED_CARD,
  type Kit,
  MERCHANT_ID,
  PLAIN_CARD,
  THREE_DS_CARD,
  nextOrderId,
  returnOf,
  startKit,
} from './test-kit.js';

const MINUTE = 60_000;

describe('payer flow and callbacks', () => {
  let kit: Kit;
  beforeAll(async () => {
    kit = await startKit();
  });
  afterAll(async () => {
    await kit.close();
  });

  it('init → plain card → verified result callback → signed redirect to the success URL', async () => {
    const { paymentId, redirectUrl, orderId, fields } = await kit.init({ cart_id: '42' });
    expect(paymentId).toMatch(/^\d+$/);
    expect(Number(paymentId)).toBeGreaterThanOrEqual(100000);
    expect(redirectUrl).toMatch(new RegExp(`^${kit.sandbox.url}/pay\\.html\\?customer=[0-9a-f]{32}$`));
    expect(getString(fields, 'pg_redirect_url_type')).toBe('need data');
    expect(kit.sandbox.payment(paymentId)?.status).toBe('new');

    const paid = await kit.sandbox.pay(paymentId, PLAIN_CARD);
    expect(paid.outcome).toBe('success');

    const [result, ...more] = kit.results(orderId);
    expect(more).toHaveLength(0);
    expect(result?.valid).toBe(true);
    expect(result?.method).toBe('POST');
    expect(result?.contentType).toMatch(/^application\/x-www-form-urlencoded/);
    const get = (name: string) => getString(result?.fields ?? [], name);
    expect(get('pg_result')).toBe('1');
    expect(get('pg_can_reject')).toBe('1');
    expect(get('pg_payment_id')).toBe(paymentId);
    expect(get('pg_amount')).toBe('1500');
    expect(get('pg_captured')).toBe('1');
    expect(get('pg_card_pan')).toBe('4111-11XX-XXXX-1111');
    expect(get('pg_card_brand')).toBe('VI');
    expect(get('pg_payment_date')).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(get('cart_id')).toBe('42');

    const back = returnOf(paid.redirectUrl ?? '');
    expect(back.path).toBe('/orders/success');
    expect(back.valid).toBe(true);
    expect(getString(back.fields, 'pg_order_id')).toBe(orderId);
    expect(getString(back.fields, 'pg_payment_id')).toBe(paymentId);
    expect(getString(back.fields, 'cart_id')).toBe('42');

    expect(kit.sandbox.payment(paymentId)).toMatchObject({ status: 'success', captured: true, clearingAmount: '1500', merchantId: MERCHANT_ID, orderId });
    expect(kit.sandbox.paymentByOrder(MERCHANT_ID, orderId)?.paymentId).toBe(paymentId);
    expect(kit.sandbox.deliveries().filter((d) => d.orderId === orderId)).toEqual([
      expect.objectContaining({ kind: 'result', attempt: 1, httpStatus: 200, answerStatus: 'ok' }),
    ]);
  });

  it('the same idempotency key returns the same payment', async () => {
    const orderId = nextOrderId();
    const first = await kit.init({ pg_order_id: orderId, pg_idempotency_key: `key-${orderId}` });
    const again = await kit.init({ pg_order_id: orderId, pg_idempotency_key: `key-${orderId}`, pg_salt: 'other' });
    expect(again.paymentId).toBe(first.paymentId);
    expect(again.redirectUrl).toBe(first.redirectUrl);
    const other = await kit.init({ pg_order_id: orderId, pg_idempotency_key: `key2-${orderId}` });
    expect(other.paymentId).not.toBe(first.paymentId);
  });

  it('3-D Secure: the card needs the code; 111111 passes, 000000 fails the payment', async () => {
    const ok = await kit.init();
    expect(await kit.sandbox.pay(ok.paymentId, THREE_DS_CARD)).toEqual({ outcome: 'needs_otp' });
    expect(kit.results(ok.orderId)).toHaveLength(0);
    const passed = await kit.sandbox.pay(ok.paymentId, THREE_DS_CARD, '111111');
    expect(passed.outcome).toBe('success');
    expect(kit.sandbox.payment(ok.paymentId)?.status).toBe('success');

    const bad = await kit.init();
    const failed = await kit.sandbox.pay(bad.paymentId, THREE_DS_CARD, '000000');
    expect(failed.outcome).toBe('failure');
    const back = returnOf(failed.redirectUrl ?? '');
    expect(back.path).toBe('/orders/failure');
    expect(back.valid).toBe(true);
    expect(getString(back.fields, 'pg_failure_code')).toBe('10004');
    expect(getString(back.fields, 'pg_failure_description')).toMatch(/3-D Secure/);
    expect(kit.sandbox.payment(bad.paymentId)?.status).toBe('failed');
    const result = kit.results(bad.orderId)[0];
    expect(getString(result?.fields ?? [], 'pg_result')).toBe('0');
    expect(getString(result?.fields ?? [], 'pg_can_reject')).toBe('0');
  });

  it('a declined test card fails with a failure code, reported in the callback and the return', async () => {
    const { paymentId, orderId } = await kit.init();
    const paid = await kit.sandbox.pay(paymentId, DECLINED_CARD);
    expect(paid.outcome).toBe('failure');
    expect(getString(returnOf(paid.redirectUrl ?? '').fields, 'pg_failure_code')).toBe('10007');
    const fields = kit.results(orderId)[0]?.fields ?? [];
    expect(getString(fields, 'pg_result')).toBe('0');
    expect(getString(fields, 'pg_failure_code')).toBe('10007');
    expect(kit.sandbox.payment(paymentId)?.status).toBe('failed');
  });

  it('the decline fault declines even an approving card', async () => {
    const orderId = nextOrderId();
    kit.sandbox.setFaults(orderId, { decline: true });
    const { paymentId } = await kit.init({ pg_order_id: orderId });
    expect((await kit.sandbox.pay(paymentId, APPROVED_CARD)).outcome).toBe('failure');
  });

  it('result not accepted → retries every 30 virtual minutes with pg_can_reject=0, until accepted', async () => {
    const orderId = nextOrderId();
    kit.answers[`result:${orderId}`] = { httpStatus: 500 };
    const { paymentId } = await kit.init({ pg_order_id: orderId });
    expect((await kit.sandbox.pay(paymentId, APPROVED_CARD)).outcome).toBe('success');
    expect(kit.results(orderId)).toHaveLength(1);

    await kit.sandbox.advanceClock(29 * MINUTE);
    expect(kit.results(orderId)).toHaveLength(1);
    await kit.sandbox.advanceClock(1 * MINUTE);
    expect(kit.results(orderId)).toHaveLength(2);
    expect(getString(kit.results(orderId)[1]?.fields ?? [], 'pg_can_reject')).toBe('0');

    kit.answers[`result:${orderId}`] = { badSignature: true };
    await kit.sandbox.advanceClock(30 * MINUTE);
    kit.answers[`result:${orderId}`] = { status: 'ok' };
    await kit.sandbox.advanceClock(30 * MINUTE);
    await kit.sandbox.advanceClock(5 * 60 * MINUTE);
    const records = kit.sandbox.deliveries().filter((d) => d.orderId === orderId);
    expect(records.map((d) => [d.attempt, d.httpStatus, d.error ?? null])).toEqual([
      [1, 500, 'HTTP 500'],
      [2, 500, 'HTTP 500'],
      [3, 200, 'bad signature'],
      [4, 200, null],
    ]);
    expect(records[3]!.at.getTime() - records[0]!.at.getTime()).toBeGreaterThanOrEqual(90 * MINUTE);
  });

  it('gives up after the configured retries (4 by default: five attempts in all)', async () => {
    const orderId = nextOrderId();
    kit.answers[`result:${orderId}`] = { garbage: true };
    const { paymentId } = await kit.init({ pg_order_id: orderId });
    await kit.sandbox.pay(paymentId, APPROVED_CARD);
    await kit.sandbox.advanceClock(10 * 60 * MINUTE); // one jump: every retry still runs at its own time
    const records = kit.sandbox.deliveries().filter((d) => d.orderId === orderId);
    expect(records.map((d) => d.attempt)).toEqual([1, 2, 3, 4, 5]);
    expect(records.every((d) => d.error === 'unparsable answer')).toBe(true);
  });

  it('dropResult: no callback ever, the payment is still there for reconciliation', async () => {
    const orderId = nextOrderId();
    kit.sandbox.setFaults(orderId, { dropResult: true });
    const { paymentId } = await kit.init({ pg_order_id: orderId });
    const paid = await kit.sandbox.pay(paymentId, APPROVED_CARD);
    expect(paid.outcome).toBe('success');
    await kit.sandbox.advanceClock(3 * 60 * MINUTE);
    expect(kit.results(orderId)).toHaveLength(0);
    const status = await kit.call('get_status3.php', [['pg_merchant_id', MERCHANT_ID], ['pg_order_id', orderId]]);
    expect(status.verified).toBe(true);
    expect(getString(status.fields, 'pg_payment_status')).toBe('success');
    expect(getString(status.fields, 'pg_payment_id')).toBe(paymentId);
  });

  it('delayResultMs and repeatResult', async () => {
    const delayed = nextOrderId();
    kit.sandbox.setFaults(delayed, { delayResultMs: 10 * MINUTE });
    const first = await kit.init({ pg_order_id: delayed });
    await kit.sandbox.pay(first.paymentId, APPROVED_CARD);
    expect(kit.results(delayed)).toHaveLength(0);
    await kit.sandbox.advanceClock(10 * MINUTE);
    expect(kit.results(delayed)).toHaveLength(1);
    expect(getString(kit.results(delayed)[0]?.fields ?? [], 'pg_can_reject')).toBe('1');

    const repeated = nextOrderId();
    kit.sandbox.setFaults(repeated, { repeatResult: 3 });
    const second = await kit.init({ pg_order_id: repeated });
    await kit.sandbox.pay(second.paymentId, APPROVED_CARD);
    const copies = kit.results(repeated);
    expect(copies).toHaveLength(3);
    expect(copies.every((c) => c.valid)).toBe(true);
    expect(new Set(copies.map((c) => getString(c.fields, 'pg_payment_id')))).toEqual(new Set([second.paymentId]));
  });

  it('corruptSignature: the merchant sees a bad signature on the callback and the return', async () => {
    const orderId = nextOrderId();
    kit.sandbox.setFaults(orderId, { corruptSignature: true });
    const { paymentId } = await kit.init({ pg_order_id: orderId });
    const paid = await kit.sandbox.pay(paymentId, APPROVED_CARD);
    expect(kit.results(orderId)[0]?.valid).toBe(false);
    expect(returnOf(paid.redirectUrl ?? '').valid).toBe(false);
    const status = await kit.call('get_status3.php', [['pg_merchant_id', MERCHANT_ID], ['pg_payment_id', paymentId]]);
    expect(getString(status.fields, 'pg_status')).toBe('ok');
    expect(status.verified).toBe(false);
  });

  it('rejected with pg_can_reject=1 → the payment is reversed and the payer goes to the failure URL', async () => {
    const orderId = nextOrderId();
    kit.answers[`result:${orderId}`] = { status: 'rejected', description: 'Бронь истекла' };
    const { paymentId } = await kit.init({ pg_order_id: orderId });
    const paid = await kit.sandbox.pay(paymentId, APPROVED_CARD);
    expect(paid.outcome).toBe('failure');
    const back = returnOf(paid.redirectUrl ?? '');
    expect(back.path).toBe('/orders/failure');
    expect(getString(back.fields, 'pg_failure_description')).toBe('Бронь истекла');
    expect(kit.sandbox.payment(paymentId)).toMatchObject({ status: 'revoked', captured: false });
  });

  it('rejected on a retry (pg_can_reject=0) is not honoured', async () => {
    const orderId = nextOrderId();
    kit.answers[`result:${orderId}`] = { httpStatus: 503 };
    const { paymentId } = await kit.init({ pg_order_id: orderId });
    await kit.sandbox.pay(paymentId, APPROVED_CARD);
    kit.answers[`result:${orderId}`] = { status: 'rejected' };
    await kit.sandbox.advanceClock(30 * MINUTE);
    expect(kit.results(orderId)).toHaveLength(2);
    expect(kit.sandbox.payment(paymentId)?.status).toBe('success');
  });

  it('check URL: ok lets the payment through, rejected declines it before authorisation', async () => {
    const okOrder = nextOrderId();
    const ok = await kit.init({ pg_order_id: okOrder, pg_check_url: `${kit.merchantUrl}/fp/check`, note: 'x' });
    expect((await kit.sandbox.pay(ok.paymentId, APPROVED_CARD)).outcome).toBe('success');
    const check = kit.received.find((r) => r.kind === 'check' && getString(r.fields, 'pg_order_id') === okOrder);
    expect(check?.valid).toBe(true);
    expect(getString(check?.fields ?? [], 'pg_payment_id')).toBe(ok.paymentId);
    expect(getString(check?.fields ?? [], 'note')).toBe('x');

    const noOrder = nextOrderId();
    kit.answers[`check:${noOrder}`] = { status: 'rejected' };
    const no = await kit.init({ pg_order_id: noOrder, pg_check_url: `${kit.merchantUrl}/fp/check` });
    expect((await kit.sandbox.pay(no.paymentId, APPROVED_CARD)).outcome).toBe('failure');
    expect(kit.sandbox.payment(no.paymentId)?.status).toBe('failed');
    expect(kit.sandbox.deliveries().filter((d) => d.orderId === noOrder).map((d) => [d.kind, d.answerStatus])).toEqual([
      ['check', 'rejected'],
      ['result', 'ok'],
    ]);
  });

  it('GET and XML callback methods are signed and verifiable', async () => {
    const getOrder = nextOrderId();
    const viaGet = await kit.init({ pg_order_id: getOrder, pg_request_method: 'GET' });
    await kit.sandbox.pay(viaGet.paymentId, APPROVED_CARD);
    expect(kit.results(getOrder)[0]).toMatchObject({ method: 'GET', valid: true });

    const xmlOrder = nextOrderId();
    const viaXml = await kit.init({ pg_order_id: xmlOrder, pg_request_method: 'XML', extra_field: 'a&b' });
    await kit.sandbox.pay(viaXml.paymentId, APPROVED_CARD);
    const result = kit.results(xmlOrder)[0];
    expect(result).toMatchObject({ method: 'POST', valid: true });
    expect(getString(result?.fields ?? [], 'extra_field')).toBe('a&b');
    expect(kit.sandbox.deliveries().find((d) => d.orderId === xmlOrder)?.answerStatus).toBe('ok');
  });

  it('a POST return method gives the fields to post instead of a query', async () => {
    const { paymentId, orderId } = await kit.init({ pg_success_url_method: 'POST' });
    const paid = await kit.sandbox.pay(paymentId, APPROVED_CARD);
    expect(paid).toMatchObject({ outcome: 'success', redirectMethod: 'POST', redirectUrl: `${kit.merchantUrl}/orders/success` });
    expect(paid.redirectFields).toEqual(expect.arrayContaining([['pg_order_id', orderId], ['pg_payment_id', paymentId]]));
  });

  it('lifetime: an unpaid payment becomes incomplete and cannot be paid', async () => {
    const { paymentId } = await kit.init({ pg_lifetime: '300' });
    await kit.sandbox.advanceClock(301_000);
    expect(kit.sandbox.payment(paymentId)?.status).toBe('incomplete');
    await expect(kit.sandbox.pay(paymentId, APPROVED_CARD)).rejects.toThrow(/expired/);
  });

  it('pay() refuses card data the form would refuse', async () => {
    const { paymentId } = await kit.init();
    await expect(kit.sandbox.pay(paymentId, { ...APPROVED_CARD, pan: '4716047261941982' })).rejects.toThrow(/Номер карты введён с ошибкой/);
    await expect(kit.sandbox.pay(paymentId, { ...APPROVED_CARD, expiry: '01/20' })).rejects.toThrow(/истёк/);
    expect(kit.sandbox.payment(paymentId)?.status).toBe('pending');
  });
});

describe('callback timeout', () => {
  let kit: Kit;
  beforeAll(async () => {
    kit = await startKit({ callbackTimeoutMs: 100, resultRetry: { intervalMs: 60_000, count: 1 } });
  });
  afterAll(async () => {
    await kit.close();
  });

  it('a merchant that answers too late counts as no answer: check declines, result is retried', async () => {
    const orderId = nextOrderId();
    kit.answers[`check:${orderId}`] = { delayMs: 400 };
    kit.answers[`result:${orderId}`] = { delayMs: 400 };
    const { paymentId } = await kit.init({ pg_order_id: orderId, pg_check_url: `${kit.merchantUrl}/fp/check` });
    expect((await kit.sandbox.pay(paymentId, APPROVED_CARD)).outcome).toBe('failure');
    delete kit.answers[`result:${orderId}`];
    await kit.sandbox.advanceClock(60_000);
    expect(kit.sandbox.deliveries().map((d) => [d.kind, d.attempt, d.httpStatus, d.error ?? null])).toEqual([
      ['check', 1, null, 'timeout'],
      ['result', 1, null, 'timeout'],
      ['result', 2, 200, null],
    ]);
  });
});
