import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { type Fields, fieldsFromQuery, getString, toQuery } from './fields.js';
import { createSandbox } from './sandbox.js';
import { scriptNameOf, signed, verify } from './signature.js';
import type { Sandbox, SandboxOptions } from './types.js';
import { buildXml, parseXml } from './xml.js';

/**
 * Test harness: a sandbox plus a tiny "merchant" on loopback that receives check/result callbacks,
 * verifies them with the sandbox's signature module (fine inside sandbox tests) and answers as told.
 * Not a test file itself (no .test.ts), only imported by them.
 */
export const MERCHANT_ID = '545084';
export const SECRET = 'merchant-secret-for-tests';
export const APPROVED_CARD = { pan: '4716 0472 6194 1981', expiry: '12/30', cvc: '123', holder: 'IVAN IVANOV' };
export const PLAIN_CARD = { pan: '4111111111111111', expiry: '12/30', cvc: '123', holder: 'IVAN IVANOV' };
export const THREE_DS_CARD = { pan: '4916307416334310', expiry: '12/30', cvc: '123', holder: 'IVAN IVANOV' };
export const DECLINED_CARD = { pan: '5335215945367703', expiry: '12/30', cvc: '123', holder: 'IVAN IVANOV' };

export interface Received {
  kind: string;
  method: string;
  contentType: string;
  fields: Fields;
  /** Whether pg_sig verified with the script name of the called URL. */
  valid: boolean;
}

export interface MerchantAnswer {
  status?: 'ok' | 'rejected' | 'error';
  description?: string;
  httpStatus?: number;
  badSignature?: boolean;
  /** Plain text instead of XML. */
  garbage?: boolean;
  /** Answer this late (real milliseconds; only for the callback timeout test). */
  delayMs?: number;
}

async function readFields(request: FastifyRequest): Promise<Fields> {
  const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : '';
  if (request.method === 'GET') return fieldsFromQuery(query);
  const form = fieldsFromQuery(String(request.body ?? ''));
  const xml = getString(form, 'pg_xml');
  return xml === undefined ? form : (parseXml(xml)?.fields ?? []);
}

export interface Kit {
  sandbox: Sandbox;
  merchantUrl: string;
  received: Received[];
  answers: Record<string, MerchantAnswer>;
  /** A signed Merchant API call; the answer parsed, and whether its signature verified. */
  call(script: string, fields: Fields, options?: { secret?: string; transport?: 'form' | 'get' | 'xml' }): Promise<{ http: number; fields: Fields; verified: boolean; body: string }>;
  /** init_payment.php with sensible defaults plus `extra`; returns the payment id and redirect URL. */
  init(extra?: Record<string, string>): Promise<{ paymentId: string; redirectUrl: string; orderId: string; fields: Fields }>;
  results(orderId: string): Received[];
  close(): Promise<void>;
}

let orderCounter = 0;
export const nextOrderId = () => `ORD-${process.pid}-${++orderCounter}`;

export async function startKit(options: Partial<SandboxOptions> = {}): Promise<Kit> {
  const received: Received[] = [];
  const answers: Record<string, MerchantAnswer> = {};
  const merchant: FastifyInstance = Fastify();
  merchant.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_r, body, done) => done(null, body));
  const handler = async (request: FastifyRequest<{ Params: { kind: string } }>, reply: import('fastify').FastifyReply) => {
    const fields = await readFields(request);
    const script = scriptNameOf(`http://x${request.url}`);
    received.push({ kind: request.params.kind, method: request.method, contentType: String(request.headers['content-type'] ?? ''), fields, valid: verify(script, fields, SECRET) });
    const orderId = getString(fields, 'pg_order_id') ?? '';
    const answer = answers[`${request.params.kind}:${orderId}`] ?? answers[request.params.kind] ?? {};
    if (answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
    if (answer.garbage) return reply.type('text/plain').send('OK');
    const message = signed(script, [['pg_status', answer.status ?? 'ok'], ['pg_description', answer.description ?? 'Принято']], answer.badSignature ? 'wrong' : SECRET, {
      salt: getString(fields, 'pg_salt') ?? 'salt',
    });
    return reply.code(answer.httpStatus ?? 200).type('text/xml; charset=utf-8').send(buildXml('response', message));
  };
  merchant.get('/fp/:kind', handler);
  merchant.post('/fp/:kind', handler);
  await merchant.listen({ port: 0, host: '127.0.0.1' });
  const address = merchant.server.address();
  const merchantUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  const sandbox = createSandbox({
    merchants: [{ id: MERCHANT_ID, secret: SECRET, name: 'Тестовый магазин' }],
    callbackTimeoutMs: 2000,
    ...options,
  });
  await sandbox.listen();

  const kit: Kit = {
    sandbox,
    merchantUrl,
    received,
    answers,
    async call(script, fields, callOptions = {}) {
      const message = signed(script, fields, callOptions.secret ?? SECRET);
      const url = `${sandbox.url}/${script}`;
      const transport = callOptions.transport ?? 'form';
      const response =
        transport === 'get'
          ? await fetch(`${url}?${toQuery(message)}`)
          : await fetch(url, {
              method: 'POST',
              headers: { 'content-type': 'application/x-www-form-urlencoded' },
              body: transport === 'xml' ? new URLSearchParams({ pg_xml: buildXml('request', message) }).toString() : toQuery(message),
            });
      const body = await response.text();
      const answer = parseXml(body)?.fields ?? [];
      return { http: response.status, fields: answer, verified: verify(script, answer, SECRET), body };
    },
    async init(extra = {}) {
      const orderId = extra.pg_order_id ?? nextOrderId();
      const fields: Fields = Object.entries({
        pg_merchant_id: MERCHANT_ID,
        pg_order_id: orderId,
        pg_amount: '1500.00',
        pg_currency: 'KZT',
        pg_description: 'Заказ услуги',
        pg_result_url: `${merchantUrl}/fp/result`,
        pg_success_url: `${merchantUrl}/orders/success`,
        pg_failure_url: `${merchantUrl}/orders/failure`,
        pg_testing_mode: '1',
        ...extra,
      });
      const answer = await kit.call('init_payment.php', fields);
      if (getString(answer.fields, 'pg_status') !== 'ok') throw new Error(`init failed: ${answer.body}`);
      return { paymentId: getString(answer.fields, 'pg_payment_id') ?? '', redirectUrl: getString(answer.fields, 'pg_redirect_url') ?? '', orderId, fields: answer.fields };
    },
    results(orderId) {
      return received.filter((r) => r.kind === 'result' && getString(r.fields, 'pg_order_id') === orderId);
    },
    async close() {
      await sandbox.close();
      await merchant.close();
    },
  };
  return kit;
}

/** The query of a browser return as fields, and whether its signature verifies (script = last segment). */
export function returnOf(url: string): { path: string; fields: Fields; valid: boolean } {
  const parsed = new URL(url);
  const fields = fieldsFromQuery(parsed.search);
  return { path: parsed.pathname, fields, valid: verify(scriptNameOf(url), fields, SECRET) };
}
