import { randomBytes } from 'node:crypto';
import type { GatewayCredentials } from './payments/gateway.js';
import { sandboxEntry } from './repo-root.js';

// Without merchant credentials (development), `npm start` runs the offline sandbox gateway from
// sandbox/freedompay on its own port, so a newcomer can buy a service with a test card and no internet.
// It is loaded by path, not imported (src/repo-root.ts sandboxEntry): it shares no code with the app.

interface SandboxModule {
  createSandbox(options: { merchants: { id: string; secret: string; name: string }[]; publicUrl?: string }): {
    listen(port?: number, host?: string): Promise<string>;
    close(): Promise<void>;
  };
  TEST_CARDS: readonly { pan: string; note: string }[];
}

/** A merchant account for this run, on a fixed port so the app can be wired before the sandbox starts. */
export function devSandboxCredentials(port: number): GatewayCredentials {
  return { merchantId: '545084', secretKey: randomBytes(16).toString('hex'), apiUrl: `http://127.0.0.1:${port}`, testingMode: true };
}

export async function startDevSandbox(
  credentials: GatewayCredentials,
  options: { merchantName: string },
): Promise<{ url: string; cards: readonly { pan: string; note: string }[]; close(): Promise<void> }> {
  const modulePath = sandboxEntry('freedompay');
  const { createSandbox, TEST_CARDS } = (await import(modulePath)) as SandboxModule;
  const api = new URL(credentials.apiUrl);
  const sandbox = createSandbox({ merchants: [{ id: credentials.merchantId, secret: credentials.secretKey, name: options.merchantName }] });
  const url = await sandbox.listen(Number(api.port), api.hostname);
  return { url, cards: TEST_CARDS, close: () => sandbox.close() };
}
