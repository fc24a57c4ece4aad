import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { orderOverHttp } from '../helpers/fault-shop.js';
import { freePort, startServer } from '../helpers/server-process.js';

// `npm start`, buy something, stop, `npm start` again on the same ./data: the built-in sandbox gateway
// starts afresh each time, and the orders of the second run must reach it as those of the first did.

describe('the server started twice on one data directory', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'uslugi-restart-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('sends an order of each run to the sandbox gateway', { timeout: 120_000 }, async () => {
    const port = String(await freePort());
    const sandboxPort = String(await freePort());
    const env = { DATA_DIR: dataDir, PORT: port, HOST: '127.0.0.1', CAPTCHA: 'off', FREEDOMPAY_SANDBOX_PORT: sandboxPort };
    for (const run of [1, 2]) {
      const server = await startServer(env);
      try {
        await server.waitFor('Shop is open', 60_000);
        const answer = await orderOverHttp(`http://127.0.0.1:${port}`, `run${run}@example.ru`);
        expect(answer.status, `run ${run}: ${answer.body.slice(0, 300)}`).toBe(303);
        expect(answer.location).toContain(`http://127.0.0.1:${sandboxPort}/`);
      } finally {
        server.child.kill('SIGTERM');
        expect(await server.exited).toBe(0);
      }
    }
  });
});
