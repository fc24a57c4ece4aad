import { createTelegramSandbox } from './index.js';

/**
 * `npx tsx sandbox/telegram/server.ts` (`npm run sandbox:telegram` once main adds it): the fake
 * Bot API on its own port, for local development without a real bot. Settings:
 * TELEGRAM_SANDBOX_PORT (3300), TELEGRAM_SANDBOX_HOST (127.0.0.1), TELEGRAM_SANDBOX_TOKEN (a fixed
 * fake token), TELEGRAM_SANDBOX_BOT (uslugi_sandbox_bot), TELEGRAM_SANDBOX_LOG_LEVEL (info).
 */
const env = process.env;
const port = Number(env.TELEGRAM_SANDBOX_PORT ?? 3300);
const host = env.TELEGRAM_SANDBOX_HOST ?? '127.0.0.1';
// Not a secret: it only opens this fake, and is printed below on purpose.
const token = env.TELEGRAM_SANDBOX_TOKEN ?? '1000000001:sandbox-token-not-a-real-bot';

if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`TELEGRAM_SANDBOX_PORT must be a port number, got ${env.TELEGRAM_SANDBOX_PORT}\n`);
  process.exit(1);
}

const sandbox = createTelegramSandbox({
  token,
  botUsername: env.TELEGRAM_SANDBOX_BOT ?? 'uslugi_sandbox_bot',
  logger: { level: env.TELEGRAM_SANDBOX_LOG_LEVEL ?? 'info' },
});

const url = await sandbox.listen(port, host);
// Plain stdout rather than the JSON log: this is the welcome text a developer reads.
process.stdout.write(
  [
    '',
    `Telegram Bot API sandbox: ${url}`,
    `  TELEGRAM_API_URL=${url}`,
    `  bot token (fake): ${token}`,
    `Page (messages the bot sent, write to the bot as a person): ${url}/`,
    '',
  ].join('\n') + '\n',
);

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  process.stdout.write(`${signal}: stopping the Telegram sandbox\n`);
  const force = setTimeout(() => process.exit(1), 10_000);
  force.unref();
  await sandbox.close();
  process.exit(0);
}
process.once('SIGTERM', () => void stop('SIGTERM'));
process.once('SIGINT', () => void stop('SIGINT'));
