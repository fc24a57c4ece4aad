import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { createSandbox, type Sandbox } from '../../sandbox/freedompay/index.js';
import { freePort, startServer, waitForHttp, type ServerProcess } from './server-process.js';
import { testMerchant } from './test-app.js';

// The shop as separate `src/server.ts` processes on PostgreSQL, paid through a sandbox gateway the
// test holds, and visited over real HTTP: what the fault tests kill, cut off and restart.

export interface ShopSetup {
  databaseUrl: string;
  smtpUrl: string;
  sandbox: Sandbox;
  /** The gateway's API address as the app sees it (a cut-able proxy, or the sandbox itself). */
  gatewayUrl?: string;
}

export const FAULT_APP_SECRET = 'fault-tests-secret-that-is-long-enough-for-hmac';

export async function startFaultSandbox(): Promise<Sandbox> {
  const sandbox = createSandbox({ merchants: [testMerchant] });
  await sandbox.listen(0, '127.0.0.1');
  return sandbox;
}

/** One shop process on its own port; resolves once it answers /readyz. */
export async function startShop(setup: ShopSetup, extra: Record<string, string> = {}): Promise<{ server: ServerProcess; url: string }> {
  const port = extra.PORT ?? String(await freePort());
  const url = `http://127.0.0.1:${port}`;
  const server = await startServer({
    HOST: '127.0.0.1',
    PORT: port,
    PUBLIC_URL: url,
    DATABASE_URL: setup.databaseUrl,
    SMTP_URL: setup.smtpUrl,
    CAPTCHA: 'off',
    LOG_LEVEL: 'warn',
    APP_SECRET: FAULT_APP_SECRET,
    FREEDOMPAY_MERCHANT_ID: testMerchant.id,
    FREEDOMPAY_SECRET_KEY: testMerchant.secret,
    FREEDOMPAY_API_URL: setup.gatewayUrl ?? setup.sandbox.url,
    FREEDOMPAY_TIMEOUT_MS: '3000',
    // Each test client posts from its own address (X-Forwarded-For), as visitors behind a proxy do.
    TRUST_PROXY: '127.0.0.1',
    BACKUP_DIR: mkdtempSync(join(tmpdir(), 'uslugi-fault-backups-')),
    ...extra,
  });
  await Promise.race([waitForHttp(`${url}/readyz`, 45_000), server.exited.then(() => Promise.reject(new Error(`The shop exited:\n${server.output()}`)))]);
  return { server, url };
}

export interface HttpAnswer {
  status: number;
  location: string | null;
  body: string;
}

let lastIp = 0;

/** A visitor's order over HTTP: the form (its CSRF cookie and token), then the post. */
export async function orderOverHttp(baseUrl: string, email: string, slug = 'site-support'): Promise<HttpAnswer> {
  const ip = `198.18.${(++lastIp >> 8) & 255}.${lastIp & 255}`;
  const headers = { 'x-forwarded-for': ip, 'user-agent': 'vitest fault tests' };
  const form = await fetch(`${baseUrl}/services/${slug}`, { headers });
  const page = await form.text();
  if (form.status !== 200) return { status: form.status, location: null, body: page };
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
  const cookie = form.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
  const body = new URLSearchParams({ _csrf: csrf, name: 'Иван Петров', email, phone: '+7 (912) 345-67-89', comment: '', accept_offer: 'on', consent_pd: 'on' });
  const posted = await fetch(`${baseUrl}/services/${slug}/order`, { method: 'POST', headers: { ...headers, cookie }, body, redirect: 'manual' });
  return { status: posted.status, location: posted.headers.get('location'), body: await posted.text() };
}

/** An order the shop sent to the gateway: a 303 to the sandbox's payment page. */
export function expectSentToGateway(answer: HttpAnswer, sandbox: Sandbox): string {
  expect(answer.status, answer.body.slice(0, 300)).toBe(303);
  expect(answer.location).toContain(sandbox.url);
  return answer.location!;
}
