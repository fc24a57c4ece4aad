import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Runs `src/server.ts` as `npm start` does, in its own process. */
export interface ServerProcess {
  child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
  /** Resolves once the output contains the text, rejects if the process exits first. */
  waitFor(text: string, timeoutMs?: number): Promise<void>;
}

/**
 * Starts `src/server.ts` (or `entry`, e.g. the build's `dist/server.js`) with these settings; the sandbox
 * gateway, register and Telegram bot get free ports of their own unless given.
 */
export async function startServer(env: Record<string, string>, nodeArgs: string[] = [], entry = ['--import', 'tsx', 'src/server.ts']): Promise<ServerProcess> {
  const sandboxPort = String(await freePort());
  const registerPort = String(await freePort());
  const telegramPort = String(await freePort());
  const child = spawn(process.execPath, [...nodeArgs, ...entry], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'development', LOG_LEVEL: 'info', LOG_FORMAT: 'json', FREEDOMPAY_SANDBOX_PORT: sandboxPort, ATOL_SANDBOX_PORT: registerPort, TELEGRAM_SANDBOX_PORT: telegramPort, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    output: () => output,
    exited,
    waitFor(text, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const timer = setInterval(() => {
          if (output.includes(text)) done(resolve);
        }, 50);
        const timeout = setTimeout(() => done(() => reject(new Error(`Timed out waiting for "${text}":\n${output}`))), timeoutMs);
        void exited.then((code) => done(() => (output.includes(text) ? resolve() : reject(new Error(`Exited ${code}:\n${output}`)))));
        function done(settle: () => void) {
          clearInterval(timer);
          clearTimeout(timeout);
          settle();
        }
      });
    },
  };
}

/** Polls a URL until it answers 200 (for servers started with quiet logs). */
export async function waitForHttp(url: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await fetch(url).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}
