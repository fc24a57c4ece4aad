import Fastify, { type FastifyInstance } from 'fastify';
import { createAtolSandbox } from './sandbox.js';
import type { AtolSandbox, AtolSandboxOptions } from './types.js';

/**
 * Test harness: a sandbox on loopback plus a tiny "shop" that receives callbacks and answers as
 * told. Requests are plain fetch() with hand-written JSON — no client code of ours is involved.
 * Not a test file itself (no .test.ts), only imported by them.
 */
export const LOGIN = 'shop-login';
export const PASSWORD = 'shop-password';
export const GROUP = 'shop-example-ru_1234';
export const INN = '7700000000';
export const OTHER_LOGIN = 'other-login';
export const OTHER_GROUP = 'other-shop_77';
export const MINUTE = 60_000;
export const DAY = 24 * 60 * MINUTE;

/** A base clock that stands still: only advanceClock() moves virtual time, so tests can count milliseconds. */
export const frozenAt = (iso: string) => {
  const ms = new Date(iso).getTime();
  return { now: () => ms };
};

export interface Answer {
  http: number;
  body: Record<string, unknown>;
  text: string;
  contentType: string;
}

export interface ReceivedCallback {
  body: Record<string, unknown>;
  contentType: string;
}

export interface Kit {
  sandbox: AtolSandbox;
  shopUrl: string;
  callbacks: ReceivedCallback[];
  /** HTTP status the shop answers callbacks with. */
  shopAnswer: { status: number };
  token(login?: string, pass?: string): Promise<string>;
  call(method: 'GET' | 'POST', path: string, options?: { token?: string; body?: unknown; raw?: string; contentType?: string; query?: string }): Promise<Answer>;
  register(operation: string, body: unknown, token?: string): Promise<Answer>;
  report(uuid: string, token?: string, group?: string): Promise<Answer>;
  /** After moving the clock past a day: the next register/report gets a fresh token. */
  forgetToken(): void;
  close(): Promise<void>;
}

let counter = 0;
export const nextExternalId = (kind = 'prepay') => `ord-${process.pid}-${++counter}:${kind}:1`;

export async function startKit(options: Partial<AtolSandboxOptions> = {}): Promise<Kit> {
  const callbacks: ReceivedCallback[] = [];
  const shopAnswer = { status: 200 };
  const shop: FastifyInstance = Fastify();
  shop.post('/hooks/atol', async (request, reply) => {
    callbacks.push({ body: request.body as Record<string, unknown>, contentType: String(request.headers['content-type'] ?? '') });
    return reply.code(shopAnswer.status).send({ ok: shopAnswer.status === 200 });
  });
  await shop.listen({ port: 0, host: '127.0.0.1' });
  const address = shop.server.address();
  const shopUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  const sandbox = createAtolSandbox({
    groups: [
      { login: LOGIN, password: PASSWORD, groupCode: GROUP, inn: INN, companyName: 'ООО «Пример»' },
      { login: OTHER_LOGIN, password: 'other-password', groupCode: OTHER_GROUP },
    ],
    callbacks: { timeoutMs: 2000 },
    ...options,
  });
  await sandbox.listen();

  let cachedToken: string | undefined;
  const kit: Kit = {
    sandbox,
    shopUrl,
    callbacks,
    shopAnswer,
    async token(login = LOGIN, pass = PASSWORD) {
      const answer = await kit.call('POST', '/getToken', { body: { login, pass, source: 'uslugi-tests' } });
      if (answer.http !== 200 || typeof answer.body.token !== 'string') throw new Error(`getToken failed: ${answer.text}`);
      return answer.body.token;
    },
    async call(method, path, callOptions = {}) {
      const headers: Record<string, string> = {};
      if (callOptions.token !== undefined) headers.Token = callOptions.token;
      const hasBody = callOptions.body !== undefined || callOptions.raw !== undefined;
      if (hasBody) headers['Content-Type'] = callOptions.contentType ?? 'application/json; charset=utf-8';
      const response = await fetch(`${sandbox.apiUrl}${path}${callOptions.query ?? ''}`, {
        method,
        headers,
        ...(hasBody ? { body: callOptions.raw ?? JSON.stringify(callOptions.body) } : {}),
      });
      const text = await response.text();
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(text) as Record<string, unknown>;
      } catch {
        // Not JSON (a proxy page): the test looks at `text`.
      }
      return { http: response.status, body, text, contentType: response.headers.get('content-type') ?? '' };
    },
    async register(operation, body, token) {
      return kit.call('POST', `/${GROUP}/${operation}`, { token: token ?? (cachedToken ??= await kit.token()), body });
    },
    async report(uuid, token, group = GROUP) {
      return kit.call('GET', `/${group}/report/${uuid}`, { token: token ?? (cachedToken ??= await kit.token()) });
    },
    forgetToken() {
      cachedToken = undefined;
    },
    async close() {
      await sandbox.close();
      await shop.close();
    },
  };
  return kit;
}

const company = { email: 'receipts@shop.example.ru', sno: 'osn', inn: INN, payment_address: 'https://shop.example.ru' };

/** docs/atol-protocol.md#worked-examples, 5.a: 100 % prepayment of 15 000.00 by card, VAT 22/122. */
export function prepayment(externalId = nextExternalId(), extra: Record<string, unknown> = {}) {
  return {
    external_id: externalId,
    timestamp: '05.02.2026 12:00:01',
    receipt: {
      client: { email: 'client@mail.example' },
      company: { ...company },
      items: [
        {
          name: 'Настройка сервера, пакет 8 ч',
          price: 15000.0,
          quantity: 1,
          measure: 0,
          sum: 15000.0,
          payment_method: 'full_prepayment',
          payment_object: 4,
          vat: { type: 'vat122', sum: 2704.92 },
        },
      ],
      payments: [{ type: 1, sum: 15000.0 }],
      vats: [{ type: 'vat122', sum: 2704.92 }],
      total: 15000.0,
      internet: true,
    },
    ...extra,
  };
}

/** docs/atol-protocol.md#worked-examples, 5.c: 2 extra hours × 2 500.00, full payment by card, VAT 22 %. */
export function extraHours(externalId = nextExternalId('extra')) {
  return {
    external_id: externalId,
    timestamp: '12.02.2026 10:15:42',
    receipt: {
      client: { phone: '+79251234567' },
      company: { ...company },
      items: [
        {
          name: 'Дополнительные часы работ (заказ 10482)',
          price: 2500.0,
          quantity: 2,
          measure: 71,
          sum: 5000.0,
          payment_method: 'full_payment',
          payment_object: 4,
          vat: { type: 'vat22', sum: 901.64 },
        },
      ],
      payments: [{ type: 1, sum: 5000.0 }],
      vats: [{ type: 'vat22', sum: 901.64 }],
      total: 5000.0,
      internet: true,
    },
  };
}

/** docs/atol-protocol.md#worked-examples, 5.d: partial refund of the prepayment, 5 000.00. */
export function refund(externalId = nextExternalId('refund')) {
  return {
    external_id: externalId,
    timestamp: '07.02.2026 16:02:10',
    receipt: {
      client: { email: 'client@mail.example' },
      company: { ...company },
      items: [
        {
          name: 'Настройка сервера, пакет 8 ч (частичный возврат предоплаты)',
          price: 5000.0,
          quantity: 1,
          measure: 0,
          sum: 5000.0,
          payment_method: 'full_prepayment',
          payment_object: 4,
          vat: { type: 'vat122', sum: 901.64 },
        },
      ],
      payments: [{ type: 1, sum: 5000.0 }],
      vats: [{ type: 'vat122', sum: 901.64 }],
      total: 5000.0,
      internet: true,
    },
  };
}

/** docs/atol-protocol.md#worked-examples, 5.f: a prepayment receipt that was never issued, corrected. */
export function correction(externalId = nextExternalId('prepay-corr')) {
  return {
    external_id: externalId,
    timestamp: '06.02.2026 09:05:00',
    correction: {
      client: { email: 'buyer2@mail.example' },
      company: { ...company },
      correction_info: { type: 'self', base_date: '05.02.2026' },
      items: [
        {
          name: 'Аудит конфигурации',
          price: 8000.0,
          quantity: 1,
          measure: 0,
          sum: 8000.0,
          payment_method: 'full_prepayment',
          payment_object: 4,
          vat: { type: 'vat122', sum: 1442.62 },
        },
      ],
      payments: [{ type: 1, sum: 8000.0 }],
      vats: [{ type: 'vat122', sum: 1442.62 }],
      total: 8000.0,
      internet: true,
    },
  };
}

export const TIMESTAMP = /^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}:\d{2}$/;
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
