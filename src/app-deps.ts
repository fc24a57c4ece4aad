import type { Config } from './config.js';
import type { Database, Db } from './db/client.js';
import type { CatalogCache } from './db/queries/catalog-cache.js';
import type { CaptchaKeys } from './captcha/altcha.js';
import type { LiveCalendar } from './calendar/calendar-store.js';
import type { ContentStore } from './content/site-content.js';
import type { Clock } from './clock.js';
import type { Mailer } from './email/mailer.js';
import type { Logger } from './log.js';
import type { TelegramBot } from './notifications/telegram/bot-api.js';
import type { Gateway } from './payments/gateway.js';
import type { Queue } from './queue.js';
import type { CashRegister } from './receipts/cash-register.js';

// The type of what the wiring (deps.ts) hands to the app, the worker and the actions. Only types: a
// module may take `Pick<Deps, ...>` without importing the wiring, so no import cycle runs through it.

/** Everything the app, the worker and the actions need, wired in one place. */
export interface Deps {
  config: Config;
  log: Logger;
  clock: Clock;
  database: Database;
  db: Db;
  queue: Queue;
  catalog: CatalogCache;
  gateway: Gateway;
  /**
   * Moscow working time for the manager's callback deadline: loaded from the database at start, read
   * again after an edit here and every minute for edits made by another process.
   */
  calendar: LiveCalendar;
  /**
   * What the owner edits in the back office (company details, legal texts, email wording), kept in
   * memory: read again after an edit here and every 10 s for edits made by another process.
   */
  content: ContentStore;
  /** SMTP when SMTP_URL is set; otherwise the dev mailbox (emails stay in the database). */
  mailer: Mailer;
  /** The Telegram bot for staff alerts; null without TELEGRAM_BOT_TOKEN (and no sandbox bot). */
  telegram: TelegramBot | null;
  /** Null when CAPTCHA=off (development and benchmarks only). */
  captcha: CaptchaKeys | null;
  /** Where 54-FZ receipts are registered: ATOL Online, or the register sandbox; null when RECEIPTS=off. */
  cashRegister: CashRegister | null;
  close(): Promise<void>;
}
