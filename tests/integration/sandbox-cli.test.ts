import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { freePort, repoRoot } from '../helpers/server-process.js';

// `npm run sandbox` reads the same FREEDOMPAY_SANDBOX_PORT as the app, so the two agree on where the
// gateway is; the names it read before are refused with the new one, not silently ignored.

function runSandbox(env: Record<string, string>): { output(): string; exited: Promise<number | null>; stop(): void } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'sandbox/freedompay/server.ts'], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return { output: () => output, exited: new Promise((resolve) => child.on('exit', resolve)), stop: () => child.kill('SIGTERM') };
}

async function waitFor(check: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('npm run sandbox', () => {
  it('listens on FREEDOMPAY_SANDBOX_PORT', async () => {
    const port = await freePort();
    const sandbox = runSandbox({ FREEDOMPAY_SANDBOX_PORT: String(port) });
    try {
      await waitFor(() => sandbox.output().includes('Freedom Pay sandbox:'));
      expect(sandbox.output()).toContain(`Freedom Pay sandbox: http://127.0.0.1:${port}`);
      const clock = await fetch(`http://127.0.0.1:${port}/sandbox/clock`);
      expect(clock.status).toBe(200);
      expect(await clock.json()).toHaveProperty('now');
    } finally {
      sandbox.stop();
      expect(await sandbox.exited).toBe(0);
    }
  });

  it('refuses the old SANDBOX_PORT, naming the new setting', async () => {
    const sandbox = runSandbox({ SANDBOX_PORT: String(await freePort()) });
    try {
      expect(await sandbox.exited).toBe(1);
      expect(sandbox.output()).toContain('SANDBOX_PORT is now FREEDOMPAY_SANDBOX_PORT');
    } finally {
      sandbox.stop(); // a sandbox that did not refuse must not outlive the test
    }
  });
});
