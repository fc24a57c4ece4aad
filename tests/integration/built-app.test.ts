import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, repoRoot, startServer, type ServerProcess } from '../helpers/server-process.js';
import { createPostgresDatabase } from '../helpers/test-app.js';

// Decision 029: `npm start` and production run the bundle in dist/, not the TypeScript sources the other
// tests load through tsx. A package left out of the bundle, a file read beside the code (migrations,
// fonts, public/) or a sandbox not found shows up only here.
describe('the build in dist/', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'uslugi-built-'));
  beforeAll(() => {
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: repoRoot, stdio: 'pipe' });
  }, 120_000);
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  async function stop(server: ServerProcess): Promise<void> {
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  }

  it('runs the development shop on the embedded database, with the sandbox gateway from the build', async () => {
    const port = await freePort();
    const server = await startServer({ DATA_DIR: join(scratch, 'data'), PORT: String(port), HOST: '127.0.0.1', CAPTCHA: 'off' }, [], ['dist/server.js']);
    try {
      await server.waitFor('Shop is open', 120_000);
      const catalog = await (await fetch(`http://127.0.0.1:${port}/`)).text();
      expect(catalog).toContain('href="/services/');
      expect((await fetch(`http://127.0.0.1:${port}/static/styles.css`)).status).toBe(200);
      const gateway = /Sandbox Freedom Pay gateway at (http:\/\/127\.0\.0\.1:\d+)/.exec(server.output())?.[1];
      expect(gateway, server.output()).toBeDefined();
      // The sandbox answers its own pages: it was loaded from dist/bundle/sandbox, not from TypeScript.
      expect((await fetch(`${gateway}/`)).status).toBeLessThan(500);
      await stop(server);
    } finally {
      server.child.kill('SIGKILL');
    }
  }, 180_000);

  it.runIf(process.env.TEST_DATABASE_URL)('migrates and serves PostgreSQL as production runs it', async () => {
    const database = await createPostgresDatabase('uslugi_built');
    const env = {
      DATABASE_URL: database.url,
      NODE_ENV: 'test',
      FREEDOMPAY_MERCHANT_ID: '545084',
      FREEDOMPAY_SECRET_KEY: 'built-app-secret',
      FREEDOMPAY_API_URL: 'http://127.0.0.1:9',
      RECEIPTS: 'off',
    };
    try {
      const migrated = execFileSync(process.execPath, ['dist/cli/migrate.js'], { cwd: repoRoot, env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8' });
      expect(migrated).toContain('Migrations applied (postgres)');
      const port = await freePort();
      const server = await startServer({ ...env, PORT: String(port), HOST: '127.0.0.1' }, [], ['dist/server.js']);
      try {
        await server.waitFor('Shop is open', 60_000);
        expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
        expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toContain('href="/services/');
        await stop(server);
      } finally {
        server.child.kill('SIGKILL');
      }
    } finally {
      await database.drop();
    }
  }, 180_000);
});
