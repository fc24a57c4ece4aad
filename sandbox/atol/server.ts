import { createAtolSandbox } from './index.js';

/**
 * `npm run sandbox:atol`: the offline ATOL Online v5 register on its own port, for local development
 * with no internet. Settings: ATOL_SANDBOX_PORT (3200), ATOL_SANDBOX_HOST (127.0.0.1),
 * ATOL_SANDBOX_LOGIN (uslugi-dev), ATOL_SANDBOX_PASSWORD (uslugi-dev-password),
 * ATOL_SANDBOX_GROUP (uslugi-dev_1), ATOL_SANDBOX_INN (7700000000), ATOL_SANDBOX_DONE_AFTER_MS (1500),
 * ATOL_SANDBOX_PUBLIC_URL (the URL browsers use, if not the listen address).
 */
const env = process.env;
const port = Number(env.ATOL_SANDBOX_PORT ?? 3200);
const host = env.ATOL_SANDBOX_HOST ?? '127.0.0.1';
const login = env.ATOL_SANDBOX_LOGIN ?? 'uslugi-dev';
const password = env.ATOL_SANDBOX_PASSWORD ?? 'uslugi-dev-password';
const groupCode = env.ATOL_SANDBOX_GROUP ?? 'uslugi-dev_1';
const inn = env.ATOL_SANDBOX_INN ?? '7700000000';
const doneAfterMs = Number(env.ATOL_SANDBOX_DONE_AFTER_MS ?? 1500);

if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`ATOL_SANDBOX_PORT must be a port number, got ${env.ATOL_SANDBOX_PORT}\n`);
  process.exit(1);
}
if (!Number.isInteger(doneAfterMs) || doneAfterMs < 0) {
  process.stderr.write(`ATOL_SANDBOX_DONE_AFTER_MS must be a whole number of milliseconds, got ${env.ATOL_SANDBOX_DONE_AFTER_MS}\n`);
  process.exit(1);
}

const sandbox = createAtolSandbox({
  groups: [{ login, password, groupCode, inn, companyName: 'ООО «Демо-услуги» (песочница)' }],
  doneAfterMs,
  ...(env.ATOL_SANDBOX_PUBLIC_URL ? { publicUrl: env.ATOL_SANDBOX_PUBLIC_URL } : {}),
  logger: { level: env.ATOL_SANDBOX_LOG_LEVEL ?? 'info' },
});

const url = await sandbox.listen(port, host);
// Plain stdout rather than the JSON log: this is the welcome text a developer reads. The password
// is a fixed development value of this offline sandbox, not a secret.
process.stdout.write(
  [
    '',
    `ATOL Online v5 sandbox: ${url}  (receipts page: ${url}/)`,
    `API base: ${sandbox.apiUrl}`,
    `Login: ${login}   Password: ${env.ATOL_SANDBOX_PASSWORD ? '(from ATOL_SANDBOX_PASSWORD)' : password}`,
    `Group code: ${groupCode}   Company INN: ${inn}`,
    `Documents are done ${doneAfterMs} ms after registration. Faults: POST ${url}/sandbox/faults`,
    '',
  ].join('\n') + '\n',
);

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  process.stdout.write(`${signal}: stopping the ATOL sandbox\n`);
  const force = setTimeout(() => process.exit(1), 10_000);
  force.unref();
  await sandbox.close();
  process.exit(0);
}
process.once('SIGTERM', () => void stop('SIGTERM'));
process.once('SIGINT', () => void stop('SIGINT'));
