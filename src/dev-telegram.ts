import { sandboxEntry } from './repo-root.js';

// Without TELEGRAM_BOT_TOKEN in development, `npm start` runs the offline Telegram sandbox from
// sandbox/telegram as the staff alerts' bot: its page shows every chat and writes `/start CODE` as a
// person. Loaded by path, not imported, like the sandbox gateway (dev-sandbox.ts).

interface TelegramSandboxModule {
  createTelegramSandbox(options: { token: string }): { listen(port?: number, host?: string): Promise<string>; close(): Promise<void> };
}

/** The sandbox's fake token: it is no secret, the sandbox accepts only this one. */
const SANDBOX_TOKEN = '1000000001:sandbox-token-not-a-real-bot';

export function devTelegramBot(port: number): { apiUrl: string; token: string; sandboxPage: string } {
  const url = `http://127.0.0.1:${port}`;
  return { apiUrl: url, token: SANDBOX_TOKEN, sandboxPage: url };
}

export async function startDevTelegram(bot: { apiUrl: string; token: string }): Promise<{ url: string; close(): Promise<void> }> {
  const modulePath = sandboxEntry('telegram');
  const { createTelegramSandbox } = (await import(modulePath)) as TelegramSandboxModule;
  const api = new URL(bot.apiUrl);
  const sandbox = createTelegramSandbox({ token: bot.token });
  const url = await sandbox.listen(Number(api.port), api.hostname);
  return { url, close: () => sandbox.close() };
}
