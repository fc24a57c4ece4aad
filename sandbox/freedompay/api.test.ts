import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Fields, getString, toPairs, toQuery } from './fields.js';
import { signed } from './signature.js';
import {
  APPROVED_CARD,
  type Kit,
  MERCHANT_ID,
  PLAIN_CARD,
  THREE_DS_CARD,
  nextOrderId,
  returnOf,
  startKit,
} from './test-kit.js';

const DAY = 24 * 60 * 60 * 1000;
const m = (fields: Record<string, string>): Fields => Object.entries({ pg_merchant_id: MERCHANT_ID, ...fields });

describe('Merchant API endpoints', () => {
  let kit: Kit;
  beforeAll(async () => {
    kit = await startKit();
  });
  afterAll(async () => {
    await kit.close();
  });

  const paid = async (extra: Record<string, string> = {}, card = PLAIN_CARD) => {
    const created = await kit.init(extra);
    const outcome = await kit.sandbox.pay(created.paymentId, card);
    expect(outcome.outcome).toBe('success');
    return created;
  };

  it('answers XML, HTTP 200, signed with the endpoint script name and a fresh salt', async () => {
    const { paymentId } = await kit.init();
    const a = await kit.call('get_status3.php', m({ pg_payment_id: paymentId }));
    const b = await kit.call('get_status3.php', m({ pg_payment_id: paymentId }), { transport: 'get' });
    expect(a.http).toBe(200);
    expect(a.body.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    expect(a.verified && b.verified).toBe(true);
    expect(getString(a.fields, 'pg_salt')).not.toBe(getString(b.fields, 'pg_salt'));
    const response = await fetch(`${kit.sandbox.url}/get_status3.php?${toQuery(signed('get_status3.php', m({ pg_payment_id: paymentId }), 'merchant-secret-for-tests'))}`);
    expect(response.headers.get('content-type')).toBe('text/xml; charset=utf-8');
    expect(getString(a.fields, 'pg_payment_status')).toBe('new');
  });

  it('accepts pg_xml requests', async () => {
    const { paymentId } = await kit.init();
    const answer = await kit.call('get_status3.php', m({ pg_payment_id: paymentId }), { transport: 'xml' });
    expect(answer.verified).toBe(true);
    expect(getString(answer.fields, 'pg_payment_id')).toBe(paymentId);
  });

  it('accepts multipart/form-data with bracket keys, nested as the signature expects (V3 shape)', async () => {
    const fields: Fields = [
      ...m({ pg_order_id: nextOrderId(), pg_amount: '2500', pg_description: 'Two items' }),
      ['pg_receipt_positions', [['0', [['count', '2'], ['name', 'Mouse pad'], ['tax_type', '0'], ['price', '1000']]]]],
    ];
    const form = new FormData();
    for (const [name, value] of toPairs(signed('init_payment.php', fields, 'merchant-secret-for-tests'))) form.append(name, value);
    expect([...form.keys()]).toContain('pg_receipt_positions[0][name]');
    const body = await fetch(`${kit.sandbox.url}/init_payment.php`, { method: 'POST', body: form }).then((r) => r.text());
    expect(body).toContain('<pg_status>ok</pg_status>');
  });

  it('unknown merchant → unsigned 9998; bad signature → signed 1100', async () => {
    const unknown = await kit.call('get_status3.php', [['pg_merchant_id', '1'], ['pg_payment_id', '100000']]);
    expect(getString(unknown.fields, 'pg_status')).toBe('error');
    expect(getString(unknown.fields, 'pg_error_code')).toBe('9998');
    expect(getString(unknown.fields, 'pg_sig')).toBeUndefined();

    const bad = await kit.call('get_status3.php', m({ pg_payment_id: '100000' }), { secret: 'not-the-secret' });
    expect(getString(bad.fields, 'pg_error_code')).toBe('1100');
    expect(getString(bad.fields, 'pg_error_description')).toBe('Некорректная подпись запроса');
    expect(bad.verified).toBe(true);
    // Signed for another script: also refused.
    const message = signed('init_payment.php', m({ pg_payment_id: '100000' }), 'merchant-secret-for-tests');
    const wrongScript = await fetch(`${kit.sandbox.url}/get_status3.php?${toQuery(message)}`).then((r) => r.text());
    expect(wrongScript).toContain('<pg_error_code>1100</pg_error_code>');
  });

  it('signatures with empty fields verify both with and without them', async () => {
    const { paymentId } = await paid();
    const fields = m({ pg_payment_id: paymentId, pg_refund_amount: '', pg_salt: 's1' });
    const withEmpty = await kit.call('revoke.php', fields);
    expect(getString(withEmpty.fields, 'pg_status')).toBe('ok');
  });

  it('validation errors are 9403 and name the field', async () => {
    for (const [field, value] of [['pg_amount', '10,50'], ['pg_amount', '0'], ['pg_lifetime', '100'], ['pg_currency', 'XXX'], ['pg_result_url', 'ftp://x/y']]) {
      const answer = await kit.call('init_payment.php', m({ pg_order_id: nextOrderId(), pg_amount: '100', pg_description: 'x', [field as string]: value as string }));
      expect(getString(answer.fields, 'pg_error_code'), `${field}=${value}`).toBe('9403');
      expect(getString(answer.fields, 'pg_error_description')).toContain(field);
      expect(answer.verified).toBe(true);
    }
    const missing = await kit.call('init_payment.php', m({ pg_amount: '100' }));
    expect(getString(missing.fields, 'pg_error_description')).toContain('pg_description');
  });

  it('get_status3: unknown payment → 11068; by order id → the latest payment', async () => {
    const missing = await kit.call('get_status3.php', m({ pg_payment_id: '999999999' }));
    expect(getString(missing.fields, 'pg_error_code')).toBe('11068');
    const orderId = nextOrderId();
    await kit.init({ pg_order_id: orderId });
    const second = await kit.init({ pg_order_id: orderId });
    const byOrder = await kit.call('get_status3.php', m({ pg_order_id: orderId }));
    expect(getString(byOrder.fields, 'pg_payment_id')).toBe(second.paymentId);
  });

  it('two-step: partial capture', async () => {
    const { paymentId } = await paid({ pg_auto_clearing: '0', pg_amount: '1000' });
    expect(kit.sandbox.payment(paymentId)).toMatchObject({ status: 'success', captured: false, clearingAmount: '0' });
    const tooMuch = await kit.call('do_capture.php', m({ pg_payment_id: paymentId, pg_clearing_amount: '1000.01' }));
    expect(getString(tooMuch.fields, 'pg_error_code')).toBe('9403');
    const ok = await kit.call('do_capture.php', m({ pg_payment_id: paymentId, pg_clearing_amount: '600.50' }));
    expect(ok.verified).toBe(true);
    expect([getString(ok.fields, 'pg_status'), getString(ok.fields, 'pg_amount'), getString(ok.fields, 'pg_clearing_amount')]).toEqual(['ok', '1000', '600.50']);
    expect(kit.sandbox.payment(paymentId)).toMatchObject({ captured: true, clearingAmount: '600.50' });
    const twice = await kit.call('do_capture.php', m({ pg_payment_id: paymentId }));
    expect(getString(twice.fields, 'pg_error_code')).toBe('120');
    // Refunds are limited to what was cleared.
    const over = await kit.call('revoke.php', m({ pg_payment_id: paymentId, pg_refund_amount: '601' }));
    expect(getString(over.fields, 'pg_error_code')).toBe('9403');
  });

  it('two-step: cancel before capture; not after', async () => {
    const { paymentId } = await paid({ pg_auto_clearing: '0' });
    const cancelled = await kit.call('cancel.php', m({ pg_payment_id: paymentId }));
    expect(getString(cancelled.fields, 'pg_status')).toBe('ok');
    expect(kit.sandbox.payment(paymentId)?.status).toBe('revoked');
    const capture = await kit.call('do_capture.php', m({ pg_payment_id: paymentId }));
    expect(getString(capture.fields, 'pg_error_code')).toBe('120');

    const oneStep = await paid();
    const refused = await kit.call('cancel.php', m({ pg_payment_id: oneStep.paymentId }));
    expect(getString(refused.fields, 'pg_error_code')).toBe('120');
    const notTwoStep = await kit.call('do_capture.php', m({ pg_payment_id: oneStep.paymentId }));
    expect(getString(notTwoStep.fields, 'pg_error_code')).toBe('120');
  });

  it('cancel of an unpaid payment revokes it', async () => {
    const { paymentId } = await kit.init();
    expect(getString((await kit.call('cancel.php', m({ pg_payment_id: paymentId }))).fields, 'pg_status')).toBe('ok');
    expect(kit.sandbox.payment(paymentId)?.status).toBe('revoked');
  });

  it('two-step: auto-capture 5 virtual days after authorisation', async () => {
    const { paymentId } = await paid({ pg_auto_clearing: '0' });
    await kit.sandbox.advanceClock(5 * DAY - 60_000);
    expect(kit.sandbox.payment(paymentId)?.captured).toBe(false);
    await kit.sandbox.advanceClock(60_000);
    expect(kit.sandbox.payment(paymentId)).toMatchObject({ status: 'success', captured: true, clearingAmount: '1500' });
  });

  it('test-card limits: clearing ✗ refuses capture, reverse ✗ refuses cancel, refund ✗ refuses revoke', async () => {
    const noClearing = await paid({ pg_auto_clearing: '0' }, { ...APPROVED_CARD, pan: '4939770956154989' });
    expect(getString((await kit.call('do_capture.php', m({ pg_payment_id: noClearing.paymentId }))).fields, 'pg_error_code')).toBe('10007');
    const noReverse = await paid({ pg_auto_clearing: '0' }, APPROVED_CARD);
    expect(getString((await kit.call('cancel.php', m({ pg_payment_id: noReverse.paymentId }))).fields, 'pg_error_code')).toBe('10007');
    const created = await kit.init();
    await kit.sandbox.pay(created.paymentId, THREE_DS_CARD, '111111');
    expect(getString((await kit.call('revoke.php', m({ pg_payment_id: created.paymentId }))).fields, 'pg_error_code')).toBe('10007');
  });

  it('revoke: full refund in one go', async () => {
    const { paymentId } = await paid();
    const answer = await kit.call('revoke.php', m({ pg_payment_id: paymentId }));
    expect(answer.verified).toBe(true);
    expect(getString(answer.fields, 'pg_status')).toBe('ok');
    const refundId = getString(answer.fields, 'pg_payment_id');
    expect(Number(refundId)).toBeGreaterThan(Number(paymentId));
    expect(kit.sandbox.payment(paymentId)?.refunds).toEqual([{ paymentId: refundId, amount: '-1500', status: 'success' }]);
    const again = await kit.call('revoke.php', m({ pg_payment_id: paymentId }));
    expect(getString(again.fields, 'pg_error_code')).toBe('120');
  });

  it('revoke: two partial refunds, then an over-refund is refused; get_status3 lists the children', async () => {
    const { paymentId, orderId } = await paid();
    const first = await kit.call('revoke.php', m({ pg_payment_id: paymentId, pg_refund_amount: '500' }));
    const second = await kit.call('revoke.php', m({ pg_payment_id: paymentId, pg_refund_amount: '700.25' }));
    const over = await kit.call('revoke.php', m({ pg_payment_id: paymentId, pg_refund_amount: '300' }));
    expect(getString(over.fields, 'pg_error_code')).toBe('9403');
    expect(getString(over.fields, 'pg_error_description')).toContain('pg_refund_amount');

    const status = await kit.call('get_status3.php', m({ pg_payment_id: paymentId }));
    expect(status.verified).toBe(true);
    const get = (name: string) => getString(status.fields, name);
    expect([get('pg_payment_status'), get('pg_order_id'), get('pg_captured'), get('pg_clearing_amount'), get('pg_refund_amount')]).toEqual([
      'success', orderId, '1', '1500', '-1200.25',
    ]);
    expect(get('pg_card_pan')).toBe('4111-11XX-XXXX-1111');
    expect(get('pg_card_brand')).toBe('VI');
    const list = status.fields.find(([name]) => name === 'pg_refund_payments')?.[1];
    expect(Array.isArray(list)).toBe(true);
    const items = (list as Fields).map(([name, item]) => [name, getString(item as Fields, 'pg_payment_id'), getString(item as Fields, 'pg_amount')]);
    expect(items).toEqual([
      ['pg_refund_payment', getString(first.fields, 'pg_payment_id'), '-500'],
      ['pg_refund_payment', getString(second.fields, 'pg_payment_id'), '-700.25'],
    ]);
    // The rest: 299.75.
    const rest = await kit.call('revoke.php', m({ pg_payment_id: paymentId, pg_refund_amount: '0' }));
    expect(getString(rest.fields, 'pg_refund_amount')).toBe('-299.75');
    // A refund is a payment of its own.
    const child = await kit.call('get_status3.php', m({ pg_payment_id: getString(first.fields, 'pg_payment_id') ?? '' }));
    expect([getString(child.fields, 'pg_amount'), getString(child.fields, 'pg_order_id')]).toEqual(['-500', orderId]);
  });

  it('get_status3 of a failed payment carries the failure code', async () => {
    const { paymentId } = await kit.init();
    await kit.sandbox.pay(paymentId, THREE_DS_CARD, '123456');
    const status = await kit.call('get_status3.php', m({ pg_payment_id: paymentId }));
    expect([getString(status.fields, 'pg_payment_status'), getString(status.fields, 'pg_failure_code')]).toEqual(['failed', '10004']);
  });

  it('apiStatus fault: the order’s API calls get that HTTP status', async () => {
    const orderId = nextOrderId();
    kit.sandbox.setFaults(orderId, { apiStatus: 503 });
    const init = await kit.call('init_payment.php', m({ pg_order_id: orderId, pg_amount: '10', pg_description: 'x' }));
    expect(init.http).toBe(503);
    kit.sandbox.setFaults(orderId, {});
    const { paymentId } = await kit.init({ pg_order_id: orderId });
    kit.sandbox.setFaults(orderId, { apiStatus: 502 });
    expect((await kit.call('get_status3.php', m({ pg_payment_id: paymentId }))).http).toBe(502);
  });
});

describe('hosted page', () => {
  let kit: Kit;
  beforeAll(async () => {
    kit = await startKit();
  });
  afterAll(async () => {
    await kit.close();
  });

  const post = (url: string, body: Record<string, string>) =>
    fetch(url, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(body).toString() });

  it('shows the sandbox banner, the merchant, the amount and the test cards, with strict headers', async () => {
    const { redirectUrl, paymentId } = await kit.init({ pg_description: 'Консультация <b>юриста</b>' });
    const response = await fetch(redirectUrl);
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain('Тестовая платёжная страница — деньги не списываются');
    expect(html).toContain('Тестовый магазин');
    expect(html).toContain('Консультация &lt;b>юриста&lt;/b>');
    expect(html).toMatch(/1\s500,00\s₸/);
    expect(html).toContain('4716 0472 6194 1981');
    expect(html).toMatch(/<label for="f-pan">Номер карты<\/label>/);
    expect(html).not.toContain('<script');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`form-action 'self' ${kit.merchantUrl}`);
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(kit.sandbox.payment(paymentId)?.status).toBe('pending');
    const status = await kit.call('get_status3.php', m({ pg_payment_id: paymentId }));
    expect(getString(status.fields, 'pg_payment_status')).toBe('process');
    const css = await fetch(`${kit.sandbox.url}/pay/sandbox.css`);
    expect(css.headers.get('content-type')).toContain('text/css');
  });

  it('card errors in Russian, values kept except the CVC; a good card → 303 to the signed success URL', async () => {
    const { redirectUrl, paymentId } = await kit.init();
    const bad = await post(redirectUrl, { pan: '4716 0472 6194 1982', expiry: '01/20', cvc: '12', holder: '' });
    expect(bad.status).toBe(422);
    const html = await bad.text();
    for (const text of ['Номер карты введён с ошибкой', 'Срок действия карты истёк', 'три цифры', 'Введите имя владельца']) expect(html).toContain(text);
    expect(html).toContain('value="4716 0472 6194 1982"');
    expect(html).toContain('aria-invalid="true"');

    const good = await post(redirectUrl, APPROVED_CARD);
    expect(good.status).toBe(303);
    const back = returnOf(good.headers.get('location') ?? '');
    expect(back.path).toBe('/orders/success');
    expect(back.valid).toBe(true);
    expect(getString(back.fields, 'pg_payment_id')).toBe(paymentId);
    // Coming back to the page afterwards shows the outcome.
    expect(await fetch(redirectUrl).then((r) => r.text())).toContain('Оплата прошла успешно');
  });

  it('3-D Secure through the page: card → OTP page → wrong code → failure URL', async () => {
    const { redirectUrl } = await kit.init();
    const card = await post(redirectUrl, THREE_DS_CARD);
    expect(card.status).toBe(303);
    const otpUrl = new URL(card.headers.get('location') ?? '', kit.sandbox.url).toString();
    expect(otpUrl).toContain('/pay/3ds?customer=');
    const page = await fetch(otpUrl).then((r) => r.text());
    expect(page).toContain('Код из SMS');
    expect(page).toContain('4916-30XX-XXXX-4310');
    const otp = await post(otpUrl, { otp: '000000' });
    expect(otp.status).toBe(303);
    const back = returnOf(otp.headers.get('location') ?? '');
    expect([back.path, getString(back.fields, 'pg_failure_code')]).toEqual(['/orders/failure', '10004']);
  });

  it('an expired link says so', async () => {
    const { redirectUrl } = await kit.init({ pg_lifetime: '300' });
    await kit.sandbox.advanceClock(300_000);
    const response = await fetch(redirectUrl);
    expect(response.status).toBe(410);
    expect(await response.text()).toContain('Срок действия ссылки истёк');
  });

  it('an unknown token is a 404 page', async () => {
    const response = await fetch(`${kit.sandbox.url}/pay.html?customer=nope`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('Платёж не найден');
  });

  it('payment.php: the browser brings the signed fields and lands on the page', async () => {
    const fields = signed('payment.php', m({ pg_order_id: nextOrderId(), pg_amount: '99.90', pg_description: 'Через браузер' }), 'merchant-secret-for-tests');
    const response = await fetch(`${kit.sandbox.url}/payment.php?${toQuery(fields)}`, { redirect: 'manual' });
    expect(response.status).toBe(303);
    const page = await fetch(response.headers.get('location') ?? '').then((r) => r.text());
    expect(page).toContain('99,90 ₸');
    const badSig = await fetch(`${kit.sandbox.url}/payment.php?${toQuery(signed('payment.php', m({ pg_amount: '1', pg_description: 'x' }), 'wrong'))}`);
    expect(badSig.status).toBe(400);
    expect(await badSig.text()).toContain('1100');
  });
});

describe('control routes', () => {
  let kit: Kit;
  beforeAll(async () => {
    kit = await startKit({ startTime: new Date('2026-01-10T09:00:00Z') });
  });
  afterAll(async () => {
    await kit.close();
  });

  const json = (path: string, body: unknown) =>
    fetch(`${kit.sandbox.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('faults, clock and payment view over HTTP', async () => {
    const orderId = nextOrderId();
    expect((await json('/sandbox/faults', { orderId, dropResult: true })).status).toBe(200);
    expect((await json('/sandbox/faults', { orderId, bogus: 1 })).status).toBe(400);
    const { paymentId } = await kit.init({ pg_order_id: orderId });
    await kit.sandbox.pay(paymentId, APPROVED_CARD);
    expect(kit.results(orderId)).toHaveLength(0);

    const view = await fetch(`${kit.sandbox.url}/sandbox/payments/${paymentId}`).then((r) => r.json());
    expect(view).toMatchObject({ paymentId, orderId, status: 'success', captured: true, cardPanMasked: '4716-04XX-XXXX-1981', cardBrand: 'VI' });
    expect((await fetch(`${kit.sandbox.url}/sandbox/payments/1`)).status).toBe(404);

    const advanced = await json('/sandbox/clock/advance', { ms: 24 * 60 * 60 * 1000 });
    const { now } = (await advanced.json()) as { now: string };
    expect(new Date(now).getTime()).toBeGreaterThanOrEqual(new Date('2026-01-11T09:00:00Z').getTime());
    expect(returnOf((await kit.sandbox.pay((await kit.init()).paymentId, APPROVED_CARD)).redirectUrl ?? '').valid).toBe(true);
  });
});
