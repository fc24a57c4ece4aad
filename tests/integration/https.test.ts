import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, type ConnectionOptions } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signed } from '../../sandbox/freedompay/signature.js';
import { parseXml } from '../../sandbox/freedompay/xml.js';
import { hasValidSignature } from '../../src/payments/freedompay/signature.js';
import { buildApp } from '../../src/app.js';
import { confirmedClient } from '../helpers/accounts.js';
import { freePort, startServer, type ServerProcess } from '../helpers/server-process.js';
import { startTestSmtp, type TestSmtp } from '../helpers/smtp.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { visitor } from '../helpers/visitor.js';
import { rawRequest, selfSignedCertificate, type TestCertificate } from '../helpers/tls.js';

// The real server process, over real TLS with a certificate made for this run.

const HSTS = 'max-age=63072000; includeSubDomains';
const merchant = { FREEDOMPAY_MERCHANT_ID: '545084', FREEDOMPAY_SECRET_KEY: 'https-test-merchant-secret', FREEDOMPAY_API_URL: 'http://127.0.0.1:9' };

type Handshake = { ok: true; protocol: string | null; cipher: string } | { ok: false; code: string };

/** A bare TLS handshake with these client limits: what the server agreed to, or the error it caused. */
function handshake(port: number, ca: Buffer, options: ConnectionOptions): Promise<Handshake> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port, servername: 'localhost', ca, ...options }, () => {
      resolve({ ok: true, protocol: socket.getProtocol(), cipher: socket.getCipher().standardName });
      socket.end();
    });
    socket.on('error', (error: NodeJS.ErrnoException) => resolve({ ok: false, code: error.code ?? error.message }));
  });
}

describe('HTTPS served by the app itself, with a trusted proxy too', () => {
  let server: ServerProcess;
  const certificate: TestCertificate = selfSignedCertificate();
  const dataDir = mkdtempSync(join(tmpdir(), 'uslugi-https-'));
  const ports = Promise.all([freePort(), freePort()]);
  const started = ports.then(([port, plainPort]) =>
    startServer({
      DATA_DIR: dataDir,
      HOST: '127.0.0.1',
      PORT: String(port),
      HTTP_REDIRECT_PORT: String(plainPort),
      TLS_CERT_FILE: certificate.certFile,
      TLS_KEY_FILE: certificate.keyFile,
      // The "proxy" is 127.0.0.2: the same machine, another loopback address the test can send from.
      TRUST_PROXY: '127.0.0.2',
      ROLE: 'web',
      ...merchant,
    }),
  );
  let port: number;
  let plainPort: number;

  beforeAll(async () => {
    [port, plainPort] = await ports;
    server = await started;
    await server.waitFor(`Shop is open at https://localhost:${port}/`, 60_000);
  });
  afterAll(async () => {
    server?.child.kill('SIGTERM');
    expect(await server?.exited).toBe(0);
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(certificate.dir, { recursive: true, force: true });
  });

  it('speaks TLS 1.2 and 1.3 with forward-secret AEAD suites, and refuses TLS 1.1 and old suites', async () => {
    // Security level 0 lets this client offer TLS 1.1 at all: the refusal below is the server's.
    const legacy = { ciphers: 'DEFAULT:@SECLEVEL=0', minVersion: 'TLSv1', maxVersion: 'TLSv1.1' } as const;
    expect(await handshake(port, certificate.cert, legacy)).toEqual({ ok: false, code: 'ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION' });
    expect(await handshake(port, certificate.cert, { ...legacy, maxVersion: 'TLSv1.2' })).toMatchObject({ ok: true, protocol: 'TLSv1.2' });

    expect(await handshake(port, certificate.cert, { maxVersion: 'TLSv1.2' })).toEqual({ ok: true, protocol: 'TLSv1.2', cipher: 'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256' });
    expect(await handshake(port, certificate.cert, { minVersion: 'TLSv1.3' })).toMatchObject({ ok: true, protocol: 'TLSv1.3' });
    expect(await handshake(port, certificate.cert, { maxVersion: 'TLSv1.2', ciphers: 'ECDHE-ECDSA-CHACHA20-POLY1305' })).toMatchObject({ ok: true, cipher: 'TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256' });
    // CBC with SHA-1, offered alone: the server has nothing in common with such a client.
    // The same handshake_failure alert: OpenSSL 3.0 (Node 20) names it SSLV3_…, OpenSSL 3.5 (Node 24) SSL/TLS_….
    expect(await handshake(port, certificate.cert, { maxVersion: 'TLSv1.2', ciphers: 'ECDHE-ECDSA-AES128-SHA:@SECLEVEL=0' })).toEqual({ ok: false, code: expect.stringMatching(/^ERR_SSL_(SSLV3|SSL\/TLS)_ALERT_HANDSHAKE_FAILURE$/) });
  });

  it('sends HSTS and __Host- Secure cookies over HTTPS', async () => {
    const page = await rawRequest(`https://127.0.0.1:${port}/account/login`, { ca: certificate.cert });
    expect(page.status).toBe(200);
    expect(page.headers['strict-transport-security']).toBe(HSTS);
    expect(page.headers['set-cookie']).toEqual([expect.stringMatching(/^__Host-csrf=[^;]+; Path=\/; HttpOnly; Secure; SameSite=Lax$/)]);
  });

  it('redirects pages from plain HTTP to the https PUBLIC_URL, keeping the path and query', async () => {
    for (const method of ['GET', 'HEAD']) {
      const response = await rawRequest(`http://127.0.0.1:${plainPort}/services/site-support?utm=1`, { method, headers: { host: 'evil.example' } });
      expect(response.status).toBe(301);
      expect(response.headers.location).toBe(`https://localhost:${port}/services/site-support?utm=1`);
      expect(response.headers['strict-transport-security']).toBeUndefined();
    }
    const form = await rawRequest(`http://127.0.0.1:${plainPort}/account/login`, { method: 'POST', body: 'login=x' });
    expect(form).toMatchObject({ status: 308, headers: { location: `https://localhost:${port}/account/login` } });
  });

  it('answers the gateway on plain HTTP itself, without a redirect: a signed answer to a signed callback', async () => {
    const fields = Object.entries({ pg_order_id: randomUUID(), pg_payment_id: '987654', pg_amount: '15000.00', pg_currency: 'RUB', pg_result: '1', pg_can_reject: '1' });
    const body = new URLSearchParams(signed('result', fields, merchant.FREEDOMPAY_SECRET_KEY) as [string, string][]).toString();
    const response = await rawRequest(`http://127.0.0.1:${plainPort}/payments/freedompay/result`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toContain('xml');
    expect(response.headers['strict-transport-security']).toBeUndefined(); // plain HTTP: not ours to promise
    const answer = parseXml(response.body)!.fields as [string, string][];
    expect(Object.fromEntries(answer)).toMatchObject({ pg_status: 'error', pg_description: 'Заказ не найден' });
    expect(hasValidSignature('result', answer, merchant.FREEDOMPAY_SECRET_KEY)).toBe(true);

    const check = await rawRequest(`http://127.0.0.1:${plainPort}/payments/freedompay/check?pg_order_id=1`);
    expect(check.status).toBe(200);
    expect(Object.fromEntries(parseXml(check.body)!.fields as [string, string][])).toMatchObject({ pg_status: 'error', pg_description: 'Неверная подпись' });
  });

  /** The client address the app logged for this request path (the request log line). */
  async function loggedIp(path: string): Promise<string> {
    await server.waitFor(`"url":"${path}"`);
    const line = server.output().split('\n').find((l) => l.includes(`"url":"${path}"`))!;
    return (JSON.parse(line) as { req: { ip: string } }).req.ip;
  }
  const forwarded = { 'x-forwarded-for': '203.0.113.7', 'x-forwarded-proto': 'https' };

  it('believes X-Forwarded-For and -Proto from the trusted proxy: the client IP, and HTTPS (so HSTS)', async () => {
    // The plain listener: only the proxy's word makes this request HTTPS.
    const response = await rawRequest(`http://127.0.0.1:${plainPort}/payments/freedompay/check?from=proxy`, { localAddress: '127.0.0.2', headers: forwarded });
    expect(response.status).toBe(200);
    expect(response.headers['strict-transport-security']).toBe(HSTS);
    const page = await rawRequest(`https://127.0.0.1:${port}/probe-from-proxy`, { ca: certificate.cert, localAddress: '127.0.0.2', headers: forwarded });
    expect(page.status).toBe(404);
    expect(await loggedIp('/probe-from-proxy')).toBe('203.0.113.7');
  });

  it('ignores the same headers from anyone else', async () => {
    const response = await rawRequest(`http://127.0.0.1:${plainPort}/payments/freedompay/check?from=visitor`, { localAddress: '127.0.0.1', headers: forwarded });
    expect(response.status).toBe(200);
    expect(response.headers['strict-transport-security']).toBeUndefined();
    const page = await rawRequest(`https://127.0.0.1:${port}/probe-from-visitor`, { ca: certificate.cert, localAddress: '127.0.0.1', headers: forwarded });
    expect(page.status).toBe(404);
    expect(await loggedIp('/probe-from-visitor')).toBe('127.0.0.1');
  });
});

describe('refusing to start', () => {
  // Started at once, in parallel with the servers above: each process takes seconds to boot.
  const production = startServer({ NODE_ENV: 'production', APP_SECRET: 'x'.repeat(32), PUBLIC_URL: 'https://shop.example.ru', SMTP_URL: 'smtp://127.0.0.1:9', ...merchant });
  const badKey = selfSignedCertificate();
  writeFileSync(badKey.keyFile, 'not a key');
  const withBadKey = startServer({ DATA_DIR: badKey.dir, TLS_CERT_FILE: badKey.certFile, TLS_KEY_FILE: badKey.keyFile });
  afterAll(() => rmSync(badKey.dir, { recursive: true, force: true }));

  it('in production without HTTPS of its own or a trusted proxy, saying both ways out', async () => {
    const refused = await production;
    expect(await refused.exited).toBe(1);
    expect(refused.output()).toContain('uslugi cannot start. Invalid settings:');
    expect(refused.output()).toContain('TRUST_PROXY: NODE_ENV=production needs HTTPS: set TLS_CERT_FILE and TLS_KEY_FILE, or run behind an HTTPS reverse proxy');
  });

  it('with a key file that is not a key, naming the files', async () => {
    const refused = await withBadKey;
    expect(await refused.exited).toBe(1);
    expect(refused.output()).toMatch(/uslugi cannot start\. TLS_CERT_FILE\/TLS_KEY_FILE: not a usable certificate and key pair/);
    expect(refused.output()).not.toContain('    at ');
  });
});

describe('an https PUBLIC_URL behind a proxy (TLS terminated before the app)', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  beforeAll(async () => {
    smtp = await startTestSmtp();
    // Database-independent (cookie names and headers): PGlite only.
    t = await createTestApp('pglite', { captcha: false, env: { SMTP_URL: smtp.url } });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });

  it('names the client session and CSRF cookies __Host- with Secure, and sends HSTS (the staff cookie: tests/e2e/https-login.test.ts)', async () => {
    // A paid, confirmed client made through the real flow on the test app (its PUBLIC_URL must reach the sandbox)…
    const { login, password } = await confirmedClient(t, smtp.received, { email: 'secure@example.ru', name: 'Вера Щит' });
    // …then the same database behind the public https:// address.
    const app = await buildApp({ ...t.deps, config: { ...t.deps.config, PUBLIC_URL: 'https://shop.example.ru' } });
    try {
      const browser = visitor(app);
      const loginPage = await browser.get('/account/login');
      expect(loginPage.headers['strict-transport-security']).toBe(HSTS);
      expect(loginPage.headers['set-cookie']).toMatch(/^__Host-csrf=[^;]+; Path=\/; HttpOnly; Secure; SameSite=Lax$/);
      const signedIn = await browser.post('/account/login', { login, password });
      expect(signedIn.statusCode).toBe(303);
      expect(signedIn.headers['set-cookie']).toMatch(/^__Host-session=[\w-]{43}; Path=\/; HttpOnly; Secure; SameSite=Lax$/);
      expect((await browser.get('/account/password/change')).statusCode).toBe(200); // the __Host- cookie is the one read back

      const staffLogin = await visitor(app).get('/admin/login');
      expect(staffLogin.headers['set-cookie']).toMatch(/^__Host-csrf=/);
    } finally {
      await app.close();
    }
  });
});

