import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, startServer } from '../helpers/server-process.js';

// Real merchant credentials make a real shop: no development door (the dev mailbox with its passwords
// and links, the sandbox) may open because NODE_ENV was forgotten; and a real shop on the embedded
// database is told loudly what it risks.

const realMerchant = { FREEDOMPAY_MERCHANT_ID: '545084', FREEDOMPAY_SECRET_KEY: 'real-merchant-secret', FREEDOMPAY_API_URL: 'https://api.freedompay.example' };
const embeddedWarning = 'WARNING: a real shop on the embedded database';

describe('a real shop', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'uslugi-real-shop-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('with real credentials but NODE_ENV unset and no SMTP_URL refuses to start, naming what production needs', { timeout: 60_000 }, async () => {
    const refused = await startServer({ DATA_DIR: dataDir, PORT: String(await freePort()), HOST: '127.0.0.1', NODE_ENV: 'development', ...realMerchant });
    // A shop that starts anyway must not outlive the test: wait a while, then stop it whatever happened.
    const code = await Promise.race([refused.exited, new Promise((resolve) => setTimeout(() => resolve('still running'), 20_000))]);
    refused.child.kill('SIGKILL');
    expect(code).toBe(1);
    const output = refused.output();
    expect(output).toContain('uslugi cannot start. Invalid settings:');
    expect(output).toContain('SMTP_URL: required with real FREEDOMPAY_ credentials (the dev mailbox is for development only)');
    expect(output).toContain('APP_SECRET: required with real FREEDOMPAY_ credentials');
    expect(output).toContain('TRUST_PROXY: A real merchant account (FREEDOMPAY_API_URL) needs HTTPS');
    // Real money needs real receipts: no register sandbox by default (decision 020).
    expect(output).toContain('ATOL_LOGIN: A real merchant account (FREEDOMPAY_API_URL off this machine) issues 54-FZ cash receipts through ATOL Online');
    expect(output).not.toContain('Sandbox ATOL Online register');
    expect(output).not.toContain('Shop is open');
  });

  it('on the embedded database warns loudly in production, unless the owner said yes to it', { timeout: 90_000 }, async () => {
    const port = await freePort();
    const production = {
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      APP_SECRET: 'x'.repeat(32),
      PUBLIC_URL: 'https://shop.example.ru',
      TRUST_PROXY: '127.0.0.1',
      SMTP_URL: 'smtp://127.0.0.1:9',
      RECEIPTS: 'off', // production needs ATOL or this, said out loud (docs/receipts.md): the start warns every time
      ...realMerchant,
    };
    for (const [optIn, warned] of [['no', true], ['yes', false]] as const) {
      const server = await startServer({ ...production, EMBEDDED_DATABASE_IN_PRODUCTION: optIn });
      try {
        await server.waitFor('Shop is open', 60_000);
        expect(server.output().includes(embeddedWarning), server.output()).toBe(warned);
        expect(server.output()).toContain('RECEIPTS=off with a real merchant account: NO 54-FZ CASH RECEIPTS ARE ISSUED');
        expect(server.output()).not.toContain('Sandbox Freedom Pay gateway');
        expect((await fetch(`http://127.0.0.1:${port}/dev/mailbox`)).status).toBe(404);
      } finally {
        server.child.kill('SIGTERM');
        expect(await server.exited, server.output().slice(-1500)).toBe(0);
      }
    }
  });
});
