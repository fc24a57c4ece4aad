import { eq } from 'drizzle-orm';
import { createTelegramSandbox, type PersonInput, type TelegramSandbox } from '../../sandbox/telegram/index.js';
import type { Clock } from '../../src/clock.js';
import { telegramLinks } from '../../src/db/schema/index.js';
import { eventually } from './fault-jobs.js';
import type { TestApp } from './test-app.js';
import type { Visitor } from './visitor.js';

export const TELEGRAM_TOKEN = '4242424242:AAH-test-token-for-alerts';

/** The fake Bot API on loopback, and the settings that point the app at it. */
export async function startTelegram(): Promise<{ telegram: TelegramSandbox; env: Record<string, string> }> {
  const telegram = createTelegramSandbox({ token: TELEGRAM_TOKEN, botUsername: 'uslugi_alerts_bot' });
  const url = await telegram.listen();
  return { telegram, env: { TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN, TELEGRAM_API_URL: url } };
}

/** Asks for a linking code on the profile page, as the staff member would, and reads it off the page. */
export async function linkingCode(browser: Visitor): Promise<{ code: string; page: string }> {
  const page = await browser.post('/admin/profile/telegram/code', {}, '/admin/profile');
  const code = /<strong class="telegram-code">([A-Z0-9]+)<\/strong>/.exec(page.body)?.[1];
  if (page.statusCode !== 200 || !code) throw new Error(`No code on the profile page (${page.statusCode}): ${page.body.slice(0, 300)}`);
  return { code, page: page.body };
}

/** The person writes `/start CODE` to the bot and the worker's update loop links the chat. */
export async function linkTelegram(t: TestApp, telegram: TelegramSandbox, browser: Visitor, staffId: string, person: PersonInput): Promise<void> {
  const { code } = await linkingCode(browser);
  telegram.userWrites(person, `/start ${code}`);
  await eventually(async () => (await t.deps.db.select().from(telegramLinks).where(eq(telegramLinks.staffId, staffId))).some((l) => l.chatId === person.id && !l.blockedAt), 'the chat is linked');
}

/**
 * Real time moved to a fixed moment in the past (a working Tuesday in Moscow) and on by hand: jobs the
 * app schedules "now" by this clock are due at once for pg-boss, which reads the database's clock.
 */
export function shiftedClock(start: Date): Clock & { advance(ms: number): void } {
  let offset = start.getTime() - Date.now();
  return { now: () => new Date(Date.now() + offset), advance: (ms) => void (offset += ms) };
}
