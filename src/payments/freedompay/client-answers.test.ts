import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { phpSignature, type PhpFields } from '../../../tests/helpers/php-signature.js';
import { createFreedomPayClient, type FreedomPayClient } from './client.js';

// The gateway's answers, written by hand as its PHP would write them, signed by an independent
// signer and served over loopback HTTP: what our client reads from a status answer must be what
// was signed, in the reading that verified.

const SECRET = 'TestSecretKey123';
let answerXml = '';
let server: Server;
let client: FreedomPayClient;

beforeAll(async () => {
  server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' }).end(answerXml);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  client = createFreedomPayClient({
    merchantId: '545084',
    secretKey: SECRET,
    apiUrl: `http://127.0.0.1:${port}`,
    testingMode: true,
    lifetimeSeconds: 3600,
    autoClearing: true,
    language: 'ru',
    timeoutMs: 3000,
  });
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const elements = (fields: PhpFields): string =>
  fields.map(([tag, value]) => `<${tag}>${typeof value === 'string' ? escape(value) : elements(value)}</${tag}>`).join('');
const document = (fields: PhpFields) => `<?xml version="1.0" encoding="utf-8"?>\n<response>${elements(fields)}</response>`;

const paidStatus: PhpFields = [
  ['pg_status', 'ok'],
  ['pg_payment_id', '987654321'],
  ['pg_order_id', 'ORD-1001'],
  ['pg_currency', 'RUB'],
  ['pg_amount', '1500'],
  ['pg_payment_status', 'success'],
  ['pg_can_reject', '1'],
  ['pg_captured', '1'],
  ['pg_clearing_amount', '1500'],
  ['pg_salt', 'Rt5Yu6Io7P'],
];
const signedStatus = (fields: PhpFields, sign: PhpFields = fields): PhpFields => [...fields, ['pg_sig', phpSignature('get_status3.php', sign, SECRET)]];
const withoutEmpties = (fields: PhpFields) => fields.filter(([, value]) => value !== '');

describe('get_status3 answers', () => {
  it('reads a genuine answer, with a documented list of two refunds', async () => {
    const refund = (id: string, amount: string): [string, PhpFields] => ['pg_refund_payment', [['pg_payment_id', id], ['pg_payment_status', 'success'], ['pg_amount', amount]]];
    answerXml = document(signedStatus([...paidStatus, ['pg_refund_payments', [refund('11', '-500'), refund('12', '-250.50')]]]));
    const answer = await client.getStatus({ gatewayPaymentId: '987654321' });
    expect(answer).toMatchObject({ ok: true, status: { kind: 'paid', amountKopecks: 150_000, refunds: [{ gatewayRefundId: '11', amountKopecks: 50_000 }, { gatewayRefundId: '12', amountKopecks: 25_050 }] } });
  });

  it('does not read an empty field put in front of a genuine answer signed without empties', async () => {
    const genuine = signedStatus(paidStatus, withoutEmpties(paidStatus));
    answerXml = document([['pg_payment_status', ''], ...genuine]);
    expect(await client.getStatus({ gatewayPaymentId: '987654321' })).toMatchObject({ ok: false, outcome: 'unknown' });
  });

  it('refuses an answer whose field names repeat, even when both copies are signed', async () => {
    const repeated: PhpFields = [['pg_payment_status', 'failed'], ...paidStatus];
    answerXml = document(signedStatus(repeated));
    expect(await client.getStatus({ gatewayPaymentId: '987654321' })).toMatchObject({ ok: false, outcome: 'unknown' });
  });

  it.each(['pg_amount', 'pg_payment_status', 'pg_currency', 'pg_captured', 'pg_status'])('refuses a signed answer whose %s is empty', async (name) => {
    const emptied = paidStatus.map(([key, value]): [string, string] => [key, key === name ? '' : (value as string)]);
    answerXml = document(signedStatus(emptied));
    expect(await client.getStatus({ gatewayPaymentId: '987654321' })).toMatchObject({ ok: false, outcome: 'unknown' });
  });

  it('refuses a signed answer without a payment status', async () => {
    answerXml = document(signedStatus(paidStatus.filter(([key]) => key !== 'pg_payment_status')));
    expect(await client.getStatus({ gatewayPaymentId: '987654321' })).toMatchObject({ ok: false, outcome: 'unknown' });
  });

  it('reads character references, spaces and CDATA as PHP does, and the signature over those values verifies', async () => {
    const fields: PhpFields = [...paidStatus, ['pg_card_brand', ' VI '], ['pg_card_pan', '5483-18XX-XXXX-0293'], ['pg_failure_description', 'Заказ & <чай>']];
    const xml = document(signedStatus(fields))
      .replace('<pg_failure_description>Заказ &amp; &lt;чай&gt;</pg_failure_description>', '<pg_failure_description>&#1047;&#x430;каз &amp; <![CDATA[<чай>]]></pg_failure_description>');
    expect(xml).toContain('&#1047;&#x430;каз');
    answerXml = xml;
    expect(await client.getStatus({ gatewayPaymentId: '987654321' })).toMatchObject({ ok: true, status: { kind: 'paid', card: { brand: ' VI ', last4: '0293' } } });
  });
});
