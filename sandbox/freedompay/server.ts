import { existsSync } from 'node:fs';
import { TEST_CARDS, createSandbox } from './index.js';

/**
 * `npm run sandbox`: the offline gateway on its own port, for local development with no internet.
 * Settings, from the environment or `.env` as the app reads them (so both agree on the port):
 * FREEDOMPAY_SANDBOX_PORT (3100), FREEDOMPAY_SANDBOX_HOST (127.0.0.1), FREEDOMPAY_SANDBOX_MERCHANT_ID
 * (545084), FREEDOMPAY_SANDBOX_SECRET (sandbox-secret-key), FREEDOMPAY_SANDBOX_PUBLIC_URL (the URL
 * browsers use, if not the listen address), FREEDOMPAY_SANDBOX_LOG_LEVEL (info).
 */
if (existsSync('.env')) process.loadEnvFile('.env');
const env = process.env;

// The names before they matched the app's FREEDOMPAY_SANDBOX_PORT: said aloud rather than ignored.
const renamed = ['PORT', 'HOST', 'MERCHANT_ID', 'SECRET', 'PUBLIC_URL', 'LOG_LEVEL'].filter((name) => env[`SANDBOX_${name}`] !== undefined);
if (renamed.length > 0) {
  process.stderr.write(`Renamed settings: ${renamed.map((name) => `SANDBOX_${name} is now FREEDOMPAY_SANDBOX_${name}`).join('; ')}.\n`);
  process.exit(1);
}

const port = Number(env.FREEDOMPAY_SANDBOX_PORT ?? 3100);
const host = env.FREEDOMPAY_SANDBOX_HOST ?? '127.0.0.1';
const merchantId = env.FREEDOMPAY_SANDBOX_MERCHANT_ID ?? '545084';

if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`FREEDOMPAY_SANDBOX_PORT must be a port number, got ${env.FREEDOMPAY_SANDBOX_PORT}\n`);
  process.exit(1);
}

const sandbox = createSandbox({
  merchants: [{ id: merchantId, secret: env.FREEDOMPAY_SANDBOX_SECRET ?? 'sandbox-secret-key', name: 'Демо-магазин (песочница)' }],
  ...(env.FREEDOMPAY_SANDBOX_PUBLIC_URL ? { publicUrl: env.FREEDOMPAY_SANDBOX_PUBLIC_URL } : {}),
  logger: { level: env.FREEDOMPAY_SANDBOX_LOG_LEVEL ?? 'info' },
});

const url = await sandbox.listen(port, host);
// Plain stdout rather than the JSON log: this is the welcome text a developer reads.
process.stdout.write(
  [
    '',
    `Freedom Pay sandbox: ${url}`,
    `Merchant id: ${merchantId} (secret from FREEDOMPAY_SANDBOX_SECRET, default "sandbox-secret-key")`,
    'Test cards (any future expiry, any 3-digit CVC; 3-D Secure code 111111):',
    ...TEST_CARDS.map((card) => `  ${card.pan.padEnd(20)} ${card.threeDs ? '3DS ' : '    '} ${card.note}`),
    '',
  ].join('\n') + '\n',
);

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  process.stdout.write(`${signal}: stopping the sandbox\n`);
  const force = setTimeout(() => process.exit(1), 10_000);
  force.unref();
  await sandbox.close();
  process.exit(0);
}
process.once('SIGTERM', () => void stop('SIGTERM'));
process.once('SIGINT', () => void stop('SIGINT'));
