import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postWebhook } from './post-webhook.js';
import { signatureHeader } from './signature.js';

// A real HTTP server on loopback playing the difficult endpoint: slow, redirecting, verbose.

describe('posting a webhook', () => {
  let server: Server;
  let base = '';
  const hits: string[] = [];
  beforeAll(async () => {
    server = createServer((request, response) => {
      hits.push(request.url ?? '');
      request.resume();
      if (request.url === '/slow') return void setTimeout(() => response.end('late'), 1000);
      if (request.url === '/redirect') return void response.writeHead(307, { location: '/elsewhere' }).end();
      if (request.url === '/huge') {
        response.writeHead(200);
        for (let i = 0; i < 1000; i++) response.write('я'.repeat(1000));
        return void response.end();
      }
      response.writeHead(202).end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('reports the status, the body and the time taken', async () => {
    expect(await postWebhook(`${base}/ok`, '{}', {})).toMatchObject({ kind: 'answered', status: 202, body: 'ok', durationMs: expect.any(Number) });
  });

  it('does not follow redirects', async () => {
    expect(await postWebhook(`${base}/redirect`, '{}', {})).toMatchObject({ kind: 'answered', status: 307 });
    expect(hits).not.toContain('/elsewhere');
  });

  it('keeps only the first 1 KB of a long answer', async () => {
    const outcome = await postWebhook(`${base}/huge`, '{}', {});
    expect(outcome.kind === 'answered' && Buffer.byteLength(outcome.body)).toBeLessThanOrEqual(1024 + 2);
    expect(outcome.kind === 'answered' && outcome.body.startsWith('яяя')).toBe(true);
  });

  it('gives up on a slow endpoint at the timeout', async () => {
    const outcome = await postWebhook(`${base}/slow`, '{}', {}, { timeoutMs: 200 });
    expect(outcome).toMatchObject({ kind: 'no_answer', error: 'нет ответа за 0.2 с' });
    expect(outcome.durationMs).toBeLessThan(900);
  });

  it('says why there was no answer at all', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    expect(await postWebhook(`http://127.0.0.1:${port}/`, '{}', {})).toMatchObject({ kind: 'no_answer', error: expect.stringContaining('ECONNREFUSED') });
  });
});

describe('the signature header', () => {
  it('is t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">', () => {
    // Reference value computed with `printf '1795504503.{"a":1}' | openssl dgst -sha256 -hmac whsec_test`.
    expect(signatureHeader('whsec_test', '{"a":1}', new Date(1795504503_999))).toBe(`t=1795504503,v1=${REFERENCE}`);
  });
});
const REFERENCE = '64b528b12f0fe6dafcf655d91b5ac8494c4e4fa19bc3b08f3f179087598e931e';
