import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFreedomPayClient, type FreedomPaySettings } from '../../src/payments/freedompay/client.js';

// The client against a misbehaving gateway on loopback: every outcome that is not a signed answer
// must come back as "unknown" (reconcile later) or "refused", never as a thrown error.

describe('Freedom Pay client against a misbehaving gateway', () => {
  let server: Server;
  let behaviour: (respond: (status: number, body: string) => void) => void;
  let settings: FreedomPaySettings;

  beforeAll(async () => {
    server = createServer((_request, response) =>
      behaviour((status, body) => response.writeHead(status, { 'content-type': 'text/xml' }).end(body)),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    settings = {
      merchantId: '545084',
      secretKey: 'secret-key',
      apiUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      testingMode: true,
      lifetimeSeconds: 3600,
      autoClearing: true,
      language: 'ru',
      timeoutMs: 300,
    };
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const init = () =>
    createFreedomPayClient(settings).initPayment({
      attemptId: '3f1c2b9e-1111-4222-8333-444455556666',
      amountKopecks: 100,
      description: 'Тест',
      resultUrl: 'http://shop/result',
      checkUrl: 'http://shop/check',
      successUrl: 'http://shop/ok',
      failureUrl: 'http://shop/fail',
    });

  it('gives up after the timeout with an unknown outcome', async () => {
    behaviour = () => {}; // never answers
    const started = Date.now();
    expect(await init()).toEqual({ ok: false, outcome: 'unknown', reason: 'timeout' });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('treats a 5xx, garbage and a badly signed answer as unknown', async () => {
    for (const [status, body] of [
      [503, 'busy'],
      [200, 'not xml at all <'],
      [200, '<response><pg_status>ok</pg_status><pg_payment_id>1</pg_payment_id><pg_salt>s</pg_salt><pg_sig>00000000000000000000000000000000</pg_sig></response>'],
    ] as const) {
      behaviour = (respond) => respond(status, body);
      expect(await init()).toMatchObject({ ok: false, outcome: 'unknown' });
    }
  });

  it('understands the unsigned "merchant not identified" errors', async () => {
    for (const code of ['9998', '101']) {
      behaviour = (respond) => respond(200, `<response><pg_status>error</pg_status><pg_error_code>${code}</pg_error_code><pg_error_description>Неизвестный магазин</pg_error_description></response>`);
      expect(await init()).toEqual({ ok: false, outcome: 'refused', code, description: 'Неизвестный магазин' });
    }
  });

  it('reports a network failure as unknown', async () => {
    const client = createFreedomPayClient({ ...settings, apiUrl: 'http://127.0.0.1:9' });
    expect(await client.getStatus({ gatewayPaymentId: '1' })).toEqual({ ok: false, outcome: 'unknown', reason: 'network error' });
  });
});
