import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, startServer } from '../helpers/server-process.js';

// Decision 027: a new embedded database is a copy of a prepared template, built once per version of
// the migrations (by `npm install`, or here by the first start, in a home whose cache is empty).
describe('a new embedded database', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'uslugi-template-'));
  const home = join(scratch, 'home');
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  async function firstStart(dataDir: string, expected: string, homeDir = home): Promise<void> {
    const port = await freePort();
    const server = await startServer({ HOME: homeDir, DATA_DIR: join(scratch, dataDir), PORT: String(port), HOST: '127.0.0.1', CAPTCHA: 'off' });
    try {
      await server.waitFor('Shop is open', 120_000);
      expect(server.output()).toContain(expected);
      // Migrated, seeded and with its job queues: ready, the catalog shown, the worker started.
      expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
      expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toContain('href="/services/');
      expect(server.output()).toContain('Worker started');
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
    } finally {
      server.child.kill('SIGKILL');
    }
  }

  it('builds the template when there is none, then copies it into every new data dir', async () => {
    await firstStart('data-1', 'New embedded database: built its template');
    const templates = readdirSync(join(home, '.cache', 'uslugi'));
    expect(templates).toEqual([expect.stringMatching(/^pglite-[0-9a-f]{16}$/)]);

    await firstStart('data-2', 'New embedded database: copied from the prepared template');
    expect(existsSync(join(scratch, 'data-2', 'pglite', 'PG_VERSION'))).toBe(true);
    // Decision 041: the copy opens with small shared buffers from its first start.
    expect(readFileSync(join(scratch, 'data-2', 'pglite', 'postgresql.auto.conf'), 'utf8')).toContain("shared_buffers = '32MB'");
    expect(readdirSync(join(scratch, 'data-2'))).not.toContain('pglite.copying');
  }, 300_000);

  it('creates the database from scratch when the cache cannot be written', async () => {
    const notADirectory = join(scratch, 'home-is-a-file');
    writeFileSync(notADirectory, '');
    await firstStart('data-3', 'New embedded database: no writable cache for its template', notADirectory);
    expect(existsSync(join(scratch, 'data-3', 'pglite', 'PG_VERSION'))).toBe(true);
  }, 300_000);
});
