import type { RegisterCredentials } from './receipts/register.js';
import { sandboxEntry } from './repo-root.js';

// Without an ATOL account (development), `npm start` runs the offline register sandbox from
// sandbox/atol on ATOL_SANDBOX_PORT, so receipts are made, polled and shown with no internet. Loaded by
// path, not imported (src/repo-root.ts sandboxEntry): it shares no code with the app.

interface AtolSandboxModule {
  createAtolSandbox(options: { groups: { login: string; password: string; groupCode: string; inn: string; companyName: string }[] }): {
    listen(port?: number, host?: string): Promise<string>;
    close(): Promise<void>;
  };
}

export async function startDevRegisterSandbox(
  credentials: RegisterCredentials,
  options: { inn: string; companyName: string },
): Promise<{ url: string; close(): Promise<void> }> {
  const modulePath = sandboxEntry('atol');
  const { createAtolSandbox } = (await import(modulePath)) as AtolSandboxModule;
  const api = new URL(credentials.apiUrl);
  const sandbox = createAtolSandbox({
    groups: [{ login: credentials.login, password: credentials.password, groupCode: credentials.groupCode, inn: options.inn, companyName: options.companyName }],
  });
  const url = await sandbox.listen(Number(api.port), api.hostname);
  return { url, close: () => sandbox.close() };
}
