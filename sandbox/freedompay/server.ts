import { TEST_CARDS, createSandbox } from './index.js';

/**
 * `npm run sandbox`: the offline gateway on its own port, for local development with no internet.
 * Settings: SANDBOX_PORT (3100), SANDBOX_HOST (127.0.0.1), SANDBOX_MERCHANT_ID (545084),
 * SANDBOX_SECRET (sandbox-secret-key), SANDBOX_PUBLIC_URL (the URL browsers use, if not the listen address).
 */
const env = process.env;
const port = Number(env.SANDBOX_PORT ?? 3100);
const host = env.SANDBOX_HOST ?? '127.0.0.1';
const merchantId = env.SANDBOX_MERCHANT_ID ?? '545084';

if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`SANDBOX_PORT must be a port number, got ${env.SANDBOX_PORT}\n`);
  process.exit(1);
}

const sandbox = createSandbox({
  merchants: [{ id: merchantId, secret: env.SANDBOX_SECRET ?? 'sandbox-secret-key', name: 'Демо-магазин (песочница)' }],
  ...(env.SANDBOX_PUBLIC_URL ? { publicUrl: env.SANDBOX_PUBLIC_URL } : {}),
  logger: { level: env.SANDBOX_LOG_LEVEL ?? 'info' },
});

const url = await sandbox.listen(port, host);
// Plain stdout rather than the JSON log: this is the welcome text a developer reads.
process.stdout.write(
  [
    '',
    `Freedom Pay sandbox: ${url}`,
    `Merchant id: ${merchantId} (secret from SANDBOX_SECRET, default "sandbox-secret-key")`,
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
