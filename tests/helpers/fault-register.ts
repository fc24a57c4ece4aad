import { spawn } from 'node:child_process';
import { freePort, repoRoot, type ServerProcess } from './server-process.js';

// The ATOL register sandbox as a process of its own (`npm run sandbox:atol`), so it outlives a shop
// process the test kills; driven and read through its /sandbox/ control routes, as a person would.

/** What the register sandbox shows of a document (GET /sandbox/receipts). */
export interface RegisteredDocument {
  uuid: string;
  externalId: string;
  operation: string;
  status: 'wait' | 'done' | 'fail';
}

export interface RegisterProcess {
  server: ServerProcess;
  /** The API base the shop's ATOL_API_URL points at. */
  apiUrl: string;
  /** The shop's settings for this register (the sandbox's fixed development group). */
  shopEnv: Record<string, string>;
  setFaults(patch: Record<string, unknown>): Promise<void>;
  documents(): Promise<RegisteredDocument[]>;
  stop(): Promise<void>;
}

export async function startRegisterProcess(doneAfterMs = 300): Promise<RegisterProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'sandbox/atol/server.ts'], {
    cwd: repoRoot,
    // Info logs: each API request is logged as it arrives, so a test can see a call in flight.
    env: { PATH: process.env.PATH ?? '', ATOL_SANDBOX_PORT: String(port), ATOL_SANDBOX_DONE_AFTER_MS: String(doneAfterMs), ATOL_SANDBOX_LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const server: ServerProcess = {
    child,
    output: () => output,
    exited,
    async waitFor(text, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      while (!output.includes(text)) {
        if (Date.now() > deadline || child.exitCode !== null) throw new Error(`The register sandbox never said "${text}":\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
  await server.waitFor(`ATOL Online v5 sandbox: ${url}`);
  const control = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${url}${path}`, { method, headers: body ? { 'content-type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return response.json() as Promise<unknown>;
  };
  return {
    server,
    apiUrl: `${url}/possystem/v5`,
    shopEnv: { ATOL_LOGIN: 'uslugi-dev', ATOL_PASSWORD: 'uslugi-dev-password', ATOL_GROUP_CODE: 'uslugi-dev_1', ATOL_API_URL: `${url}/possystem/v5` },
    setFaults: async (patch) => void (await control('POST', '/sandbox/faults', patch)),
    documents: async () => (await control('GET', '/sandbox/receipts')) as RegisteredDocument[],
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
