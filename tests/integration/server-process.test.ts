import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, startServer } from '../helpers/server-process.js';

describe('the server process', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'uslugi-data-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('starts on the embedded database, refuses a second process on the same data directory, and stops cleanly', async () => {
    const port = await freePort();
    const first = await startServer({ DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', CAPTCHA: 'off' });
    try {
      await first.waitFor(`Shop is open at http://localhost:${port}/`);
      expect(first.output()).toContain('CAPTCHA=off');
      expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(200);
      expect(existsSync(join(dataDir, 'uslugi.lock'))).toBe(true);

      const second = await startServer({ DATA_DIR: dataDir, PORT: String(await freePort()), HOST: '127.0.0.1' });
      expect(await second.exited).toBe(1);
      expect(second.output()).toContain(`is in use by process ${first.child.pid}`);

      first.child.kill('SIGTERM');
      expect(await first.exited).toBe(0);
      expect(existsSync(join(dataDir, 'uslugi.lock'))).toBe(false);
    } finally {
      first.child.kill('SIGKILL');
    }
  });

  it('takes over a lock left by a process that died', async () => {
    const port = await freePort();
    const crashed = await startServer({ DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', CAPTCHA: 'off' });
    await crashed.waitFor('Shop is open');
    crashed.child.kill('SIGKILL');
    await crashed.exited;
    expect(existsSync(join(dataDir, 'uslugi.lock'))).toBe(true);

    const restarted = await startServer({ DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', CAPTCHA: 'off' });
    try {
      await restarted.waitFor('Shop is open');
      const catalog = await fetch(`http://127.0.0.1:${port}/`);
      expect(await catalog.text()).toContain('Лендинг под ключ');
    } finally {
      restarted.child.kill('SIGTERM');
      expect(await restarted.exited).toBe(0);
    }
  });

  it('runs only the worker or only the web app when ROLE says so', async () => {
    const port = await freePort();
    const worker = await startServer({ DATA_DIR: dataDir, PORT: String(port), ROLE: 'worker' });
    await worker.waitFor('Worker started');
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
    worker.child.kill('SIGTERM');
    expect(await worker.exited).toBe(0);

    const web = await startServer({ DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', ROLE: 'web', CAPTCHA: 'off' });
    await web.waitFor('Shop is open');
    expect(web.output()).not.toContain('Worker started');
    web.child.kill('SIGINT');
    expect(await web.exited).toBe(0);
  });

  it('exits with one message naming every wrong setting', async () => {
    const bad = await startServer({ DATA_DIR: dataDir, PORT: 'eighty', ROLE: 'boss' });
    expect(await bad.exited).toBe(1);
    expect(bad.output()).toContain('uslugi cannot start. Invalid settings:');
    expect(bad.output()).toMatch(/PORT: .*\(got "eighty"\)/);
    expect(bad.output()).toMatch(/ROLE: .*\(got "boss"\)/);
    expect(bad.output()).not.toContain('    at '); // no stack trace
  });
});
