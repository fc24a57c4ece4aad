import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpsVisitor } from '../helpers/https-visitor.js';
import { proxyInstalled, startProxy, type ProxyKind, type ProxySite, type RunningProxy } from '../helpers/reverse-proxy.js';
import { freePort, startServer, type ServerProcess } from '../helpers/server-process.js';
import { selfSignedCertificate, type TestCertificate } from '../helpers/tls.js';

// The shop behind Debian's Caddy and nginx running deploy/'s own files, with TLS: what a visitor, the
// gateway and an attacker see through them. The app trusts only the proxy (TRUST_PROXY=127.0.0.1);
// visitors come from other loopback addresses, so the address the app uses is checkable.

const installed = proxyInstalled('caddy') && proxyInstalled('nginx');
if (!installed && !process.env.CI) process.stderr.write('\n*** SKIPPED: the reverse-proxy test needs Debian\'s caddy and nginx (apt-get install caddy nginx) ***\n\n');

describe.runIf(installed || process.env.CI)('the shop behind a real reverse proxy', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'uslugi-proxy-'));
  let certificate: TestCertificate;
  let server: ServerProcess;
  const sites = {} as Record<ProxyKind, ProxySite>;
  const proxies: RunningProxy[] = [];

  beforeAll(async () => {
    certificate = selfSignedCertificate();
    const appPort = await freePort();
    for (const kind of ['caddy', 'nginx'] as const) sites[kind] = { httpsPort: await freePort(), httpPort: await freePort(), upstreams: [`127.0.0.1:${appPort}`], certificate };
    server = await startServer({
      DATA_DIR: dataDir,
      BACKUP_DIR: join(dataDir, 'backups'),
      HOST: '127.0.0.1',
      PORT: String(appPort),
      PUBLIC_URL: `https://localhost:${sites.caddy.httpsPort}`,
      TRUST_PROXY: '127.0.0.1',
      CAPTCHA: 'off',
      // The sandbox gateway (in the app's process) calls back through Caddy and must trust its certificate.
      NODE_EXTRA_CA_CERTS: certificate.certFile,
    });
    await server.waitFor('Shop is open', 240_000);
    for (const kind of ['caddy', 'nginx'] as const) proxies.push(await startProxy(kind, sites[kind]));
  }, 300_000);

  afterAll(async () => {
    for (const proxy of proxies) await proxy.stop();
    server?.child.kill('SIGTERM');
    await server?.exited;
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** The request-log line of the first request for this path (its query cut, as logged). */
  const loggedIp = async (path: string) => {
    await server.waitFor(`"url":"${path}"`, 10_000);
    const line = server.output().split('\n').find((l) => l.includes(`"url":"${path}"`))!;
    return (JSON.parse(line) as { req: { ip: string } }).req.ip;
  };

  it.each(['caddy', 'nginx'] as const)('%s: pages over HTTPS with HSTS and __Host- secure cookies; the app logs the visitor, not the forged X-Forwarded-For', async (kind) => {
    const base = `https://localhost:${sites[kind].httpsPort}`;
    const visitor = new HttpsVisitor('127.0.0.7', certificate.cert);
    const page = await visitor.get(`${base}/services/site-support`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<form');
    expect(page.headers['strict-transport-security']).toBe('max-age=63072000; includeSubDomains');
    const cookies = page.headers['set-cookie'] ?? [];
    expect(cookies.length).toBeGreaterThan(0);
    for (const cookie of cookies) expect(cookie).toMatch(/^__Host-[^;]+;.*; Secure/i);

    const probe = `/proxy-probe-${kind}`;
    const forged = await visitor.get(`${base}${probe}`, { 'x-forwarded-for': '203.0.113.66', 'x-forwarded-proto': 'http' });
    expect(forged.status).toBe(404);
    expect(await loggedIp(probe)).toBe('127.0.0.7');
    // The dev mailbox answers only a browser on the machine itself, never one relayed by a proxy.
    expect((await visitor.get(`${base}/dev/mailbox`)).status).toBe(404);
  });

  it.each(['caddy', 'nginx'] as const)('%s: plain HTTP sends pages to HTTPS and hands the gateway callbacks to the app', async (kind) => {
    const visitor = new HttpsVisitor('127.0.0.8', certificate.cert);
    const page = await visitor.get(`http://localhost:${sites[kind].httpPort}/services/site-support?x=1`);
    expect(page.status).toBe(301);
    expect(page.location).toMatch(/^https:\/\/localhost(:\d+)?\/services\/site-support\?x=1$/);
    const callback = await visitor.form(`http://localhost:${sites[kind].httpPort}/payments/freedompay/result`, { pg_order_id: 'nothing', pg_sig: 'wrong' });
    expect(callback.status).not.toBe(301);
    expect(callback.location).toBeUndefined();
    expect(callback.body).toMatch(/<response>|pg_status|<\?xml/);
  });

  it.each(['caddy', 'nginx'] as const)('%s: forms get 1 MB, the upload paths room for an order file (docs/delivery.md)', async (kind) => {
    const base = `https://localhost:${sites[kind].httpsPort}`;
    const visitor = new HttpsVisitor('127.0.0.12', certificate.cert);
    const twoMegabytes = 'x'.repeat(2 * 1024 * 1024);
    // Refused by the proxy: nginx says 413; Debian's Caddy 2.6 cuts the body and answers 413 or 502, depending on timing.
    expect([413, 502]).toContain((await visitor.post(`${base}/account/profile`, { name: twoMegabytes })).status);
    // Through the proxy to the app, which sends a visitor who is not signed in to the sign-in page.
    const upload = await visitor.post(`${base}/account/orders/some-order/messages`, { body: twoMegabytes });
    expect([upload.status, upload.location?.replace(base, '')]).toEqual([303, '/account/login']);
  });

  it('caddy: sign-in attempts are counted per visitor address, however often X-Forwarded-For changes', async () => {
    const base = `https://localhost:${sites.caddy.httpsPort}`;
    const attacker = new HttpsVisitor('127.0.0.9', certificate.cert);
    expect((await attacker.get(`${base}/account/login`)).status).toBe(200);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 12; attempt++) {
      const answer = await attacker.post(`${base}/account/login`, { login: 'nobody@example.ru', password: 'wrong-password' }, { 'x-forwarded-for': `198.51.100.${attempt}` });
      statuses.push(answer.status);
    }
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    expect(statuses.at(-1)).toBe(429);

    const neighbour = new HttpsVisitor('127.0.0.10', certificate.cert);
    await neighbour.get(`${base}/account/login`);
    expect((await neighbour.post(`${base}/account/login`, { login: 'nobody@example.ru', password: 'wrong-password' })).status).toBe(401);
  });

  it('caddy: the development journey: order, the sandbox card page, its result callback through the proxy, the paid order page', async () => {
    const base = `https://localhost:${sites.caddy.httpsPort}`;
    const client = new HttpsVisitor('127.0.0.11', certificate.cert);
    expect((await client.get(`${base}/services/site-support`)).status).toBe(200);
    const placed = await client.post(`${base}/services/site-support/order`, {
      name: 'Иван Петров', email: 'proxy-journey@example.ru', phone: '+7 (912) 345-67-89', comment: '', accept_offer: 'on', consent_pd: 'on',
    });
    expect(placed.status, placed.body.slice(0, 300)).toBe(303);
    const paymentPage = placed.location!;
    expect(paymentPage).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    expect((await client.get(paymentPage)).status).toBe(200);
    const paid = await client.form(paymentPage, { pan: '4716 0472 6194 1981', expiry: '12/30', cvc: '123', holder: 'IVAN PETROV' });
    expect(paid.status).toBe(303);
    expect(paid.location).toMatch(new RegExp(`^${base}/orders/`));

    // The sandbox's result callback went to PUBLIC_URL, through Caddy, with the proxy's address trusted.
    await server.waitFor('"url":"/payments/freedompay/result"', 20_000);
    const deadline = Date.now() + 20_000;
    let orderPage = await client.get(paid.location!);
    while (!orderPage.body.includes('Платёж получен') && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      orderPage = await client.get(paid.location!);
    }
    expect(orderPage.status).toBe(200);
    expect(orderPage.body).toContain('Платёж получен');
  });
});
