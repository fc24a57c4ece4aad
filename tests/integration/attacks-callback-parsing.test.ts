import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseXml } from '../../sandbox/freedompay/xml.js';
import { verify } from '../../sandbox/freedompay/signature.js';
import { fingerprint } from '../helpers/attack-db.js';
import { orderSentToGateway, reloadAttempt, reloadOrder } from '../helpers/payments.js';
import { phpSigned, type PhpFields } from '../helpers/php-signature.js';
import { backends, createTestApp, testMerchant, type TestApp } from '../helpers/test-app.js';

// How the callback routes read what arrives: a signed message means exactly what was signed, XML is
// read as the gateway's PHP writes it, and no body can grow memory or get anything but the
// protocol's signed XML answer. Messages are signed by an independent signer (tests/helpers), our
// answers checked with the sandbox's code. Each case comes from an outside review.

describe.each(backends)('callback parsing attacks on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    // Behind a proxy on loopback, so each case can speak from an address of its own.
    t = await createTestApp(backend, { captcha: false, env: { TRUST_PROXY: '127.0.0.1' } });
  });
  afterAll(() => t.close());

  const paid = (attemptId: string, paymentId: string, extra: PhpFields = []): PhpFields => [
    ['pg_order_id', attemptId],
    ['pg_payment_id', paymentId],
    ['pg_amount', '15000.00'],
    ['pg_currency', 'RUB'],
    ['pg_result', '1'],
    ['pg_can_reject', '1'],
    ['pg_captured', '1'],
    ['pg_card_pan', '4716-04XX-XXXX-1981'],
    ['pg_card_brand', 'VI'],
    ...extra,
    ['pg_salt', 'Zx9Yw8Vu7T'],
  ];
  const sign = (fields: PhpFields, script: 'result' | 'check' = 'result') => phpSigned(script, fields, testMerchant.secret) as [string, string][];

  let address = 0;
  const newAddress = () => `203.0.113.${++address}`;

  async function send(script: 'result' | 'check', body: BodyInit, options: { from?: string; type?: string } = {}) {
    const headers: Record<string, string> = { 'x-forwarded-for': options.from ?? newAddress() };
    if (options.type) headers['content-type'] = options.type;
    const response = await fetch(`${t.baseUrl}/payments/freedompay/${script}`, { method: 'POST', body, headers });
    const text = await response.text();
    const answer = parseXml(text);
    return {
      http: response.status,
      type: response.headers.get('content-type') ?? '',
      retryAfter: response.headers.get('retry-after'),
      status: answer?.fields.find(([name]) => name === 'pg_status')?.[1],
      signedByUs: !!answer && verify(script, answer.fields, testMerchant.secret),
      text,
    };
  }
  const form = (pairs: [string, string][]) => new URLSearchParams(pairs);

  describe('a signed callback means exactly what was signed', () => {
    it('refuses a genuine success with an empty pg_result put in front, and still accepts the genuine one', async () => {
      const { order, attempt } = await orderSentToGateway(t);
      const fields = paid(attempt.id, attempt.gatewayPaymentId!);
      const genuine = sign(fields);
      const before = await fingerprint(t);
      expect(await send('result', form([['pg_result', ''], ...genuine]))).toMatchObject({ http: 200, status: 'error', signedByUs: true });
      // Even signed over both copies, a repeated name is refused: a reader and a signer could disagree.
      expect(await send('result', form(sign([['pg_result', '0'], ...fields])))).toMatchObject({ status: 'error' });
      expect(await fingerprint(t)).toEqual(before);
      expect(await reloadAttempt(t, attempt.id)).toMatchObject({ state: 'initiated' });
      expect((await send('result', form(genuine))).status).toBe('ok');
      expect(await reloadOrder(t, order.id)).toMatchObject({ state: 'paid' });
    });

    it('refuses a signed check whose amount is empty', async () => {
      const { attempt } = await orderSentToGateway(t);
      const check: PhpFields = [['pg_order_id', attempt.id], ['pg_payment_id', attempt.gatewayPaymentId!], ['pg_amount', ''], ['pg_currency', 'RUB'], ['pg_salt', 'c1']];
      expect(await send('check', form(sign(check, 'check')))).toMatchObject({ http: 200, status: 'error', signedByUs: true });
    });
  });

  describe('XML read as the gateway writes it', () => {
    const xmlOf = (fields: PhpFields, writeValue: (name: string, value: string) => string) =>
      `<?xml version="1.0" encoding="utf-8"?>\n<request>${fields.map(([name, value]) => `<${name}>${writeValue(name, value as string)}</${name}>`).join('')}</request>`;
    const plain = (_name: string, value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;');

    it('accepts a signed pg_xml callback whose values hold a character reference and surrounding spaces', async () => {
      const { order, attempt } = await orderSentToGateway(t);
      const fields = sign(paid(attempt.id, attempt.gatewayPaymentId!, [['pg_card_owner', ' IVAN '], ['pg_description', 'Заказ № 1 & <услуги>']]));
      const xml = xmlOf(fields, (name, value) => (name === 'pg_description' ? '&#1047;&#x430;каз № 1 &amp; <![CDATA[<услуги>]]>' : plain(name, value)));
      expect(xml).toContain('<pg_card_owner> IVAN </pg_card_owner>');
      expect(await send('result', form([['pg_xml', xml]]))).toMatchObject({ http: 200, status: 'ok', signedByUs: true });
      expect(await reloadOrder(t, order.id)).toMatchObject({ state: 'paid' });
    });

    it('accepts the same as a raw XML body', async () => {
      const { order, attempt } = await orderSentToGateway(t);
      const fields = sign(paid(attempt.id, attempt.gatewayPaymentId!, [['pg_description', 'Заказ']]));
      const xml = xmlOf(fields, (name, value) => (name === 'pg_description' ? '&#1047;&#1072;&#1082;&#1072;&#1079;' : plain(name, value)));
      expect(await send('result', xml, { type: 'text/xml; charset=utf-8' })).toMatchObject({ status: 'ok' });
      expect(await reloadOrder(t, order.id)).toMatchObject({ state: 'paid' });
    });

    it('refuses XML with a document type and fields beside pg_xml', async () => {
      const { attempt } = await orderSentToGateway(t);
      const fields = sign(paid(attempt.id, attempt.gatewayPaymentId!));
      const xml = xmlOf(fields, plain);
      const withDoctype = xml.replace('<request>', '<!DOCTYPE request [<!ENTITY x "1">]><request>');
      expect(await send('result', form([['pg_xml', withDoctype]]))).toMatchObject({ status: 'error', signedByUs: true });
      expect(await send('result', form([['pg_result', '0'], ['pg_xml', xml]]))).toMatchObject({ status: 'error', signedByUs: true });
      expect(await reloadAttempt(t, attempt.id)).toMatchObject({ state: 'initiated' });
    });
  });

  describe('no body exhausts the server or gets anything but a signed XML error', () => {
    const multipart = (fields: [string, string][]) => {
      const body = new FormData();
      for (const [name, value] of fields) body.append(name, value);
      return body;
    };

    it('refuses a multipart body over 64 KB as it does a form one', async () => {
      const big = multipart(Array.from({ length: 20 }, (_, i): [string, string] => [`f${i}`, 'x'.repeat(60_000)]));
      expect(await send('result', big)).toMatchObject({ http: 413, status: 'error', signedByUs: true });
      const bigForm = form([['pg_description', 'x'.repeat(70_000)]]);
      expect(await send('check', bigForm)).toMatchObject({ http: 413, status: 'error', signedByUs: true });
    });

    it('still accepts a genuine multipart callback', async () => {
      const { order, attempt } = await orderSentToGateway(t);
      expect(await send('result', multipart(sign(paid(attempt.id, attempt.gatewayPaymentId!))))).toMatchObject({ http: 200, status: 'ok' });
      expect(await reloadOrder(t, order.id)).toMatchObject({ state: 'paid' });
    });

    it.each([
      ['a malformed multipart body', 'multipart/form-data; boundary=XYZ', '--XYZ\r\nContent-Disposition: form-data; name="pg_result"\r\n\r\n1'],
      ['a multipart body without a boundary', 'multipart/form-data', 'pg_result=1'],
      ['a file in a multipart body', 'multipart/form-data; boundary=XYZ', '--XYZ\r\nContent-Disposition: form-data; name="f"; filename="a.txt"\r\n\r\nhello\r\n--XYZ--\r\n'],
      ['broken XML', 'text/xml', '<request><pg_result>1</request>'],
      ['JSON', 'application/json', '{"pg_result":'],
      ['an unknown type', 'application/octet-stream', 'pg_result=1'],
    ])('answers %s with a signed XML error', async (_what, type, body) => {
      const answer = await send('result', body, { type });
      expect(answer).toMatchObject({ status: 'error', signedByUs: true });
      expect(answer.type).toContain('xml');
      expect(answer.http).toBeLessThan(500);
    });

    it('answers a body without a content type, and an empty POST, with a signed XML error', async () => {
      expect(await send('result', new Uint8Array([0x70, 0x67, 0x3d, 0xff]))).toMatchObject({ http: 200, status: 'error', signedByUs: true });
      expect(await send('check', '', { type: 'application/x-www-form-urlencoded' })).toMatchObject({ http: 200, status: 'error', signedByUs: true });
    });

    it('limits unsigned garbage per address, never a valid signed callback, and never another address', async () => {
      const noisy = newAddress();
      const { order, attempt } = await orderSentToGateway(t);
      const genuine = sign(paid(attempt.id, attempt.gatewayPaymentId!));
      // Valid callbacks do not count, however many.
      for (let i = 0; i < 25; i++) expect((await send('result', form(genuine), { from: noisy })).status).toBe('ok');
      const garbage = form([['pg_order_id', attempt.id], ['pg_result', '1'], ['pg_sig', 'f'.repeat(32)]]);
      const answers = [];
      for (let i = 0; i < 22; i++) answers.push(await send('result', garbage, { from: noisy }));
      expect(answers.slice(0, 20).map((a) => a.http)).toEqual(Array<number>(20).fill(200));
      expect(answers.slice(20)).toEqual([
        expect.objectContaining({ http: 429, status: 'error', signedByUs: true }),
        expect.objectContaining({ http: 429, status: 'error', signedByUs: true }),
      ]);
      expect(Number(answers[20]!.retryAfter)).toBeGreaterThan(0);
      // The limited address still gets its valid callbacks through; other addresses are not limited.
      expect(await send('result', form(genuine), { from: noisy })).toMatchObject({ http: 200, status: 'ok' });
      expect(await send('check', garbage, { from: newAddress() })).toMatchObject({ http: 200, status: 'error' });
      expect(await reloadOrder(t, order.id)).toMatchObject({ state: 'paid' });
    });
  });
});
