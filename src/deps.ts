import { join, resolve } from 'node:path';
import type { Config } from './config.js';
import type { Deps } from './app-deps.js';
import { systemClock, type Clock } from './clock.js';
import { openDatabase, type Database } from './db/client.js';
import { lockDataDir, type DataDirLock } from './db/data-dir-lock.js';
import { runMigrations } from './db/migrate.js';
import { copyPgliteTemplate, type PrepareSchema } from './db/pglite-template.js';
import { seedDemoCatalog } from './db/seed-catalog.js';
import { createCatalogCache } from './db/queries/catalog-cache.js';
import { captchaKeys } from './captcha/altcha.js';
import { liveCalendar, seedCalendar, type LiveCalendar } from './calendar/calendar-store.js';
import { companyFrom } from './company.js';
import { contentStore, seedLegalTexts, type ContentStore } from './content/site-content.js';
import { createMailer } from './email/mailer.js';
import { jobNames, startQueue } from './queue.js';
import { createTelegramBot, type TelegramBotOptions } from './notifications/telegram/bot-api.js';
import type { Logger } from './log.js';
import { createGateway, credentialsFrom, type GatewayCredentials } from './payments/gateway.js';
import { createCashRegister, registerCredentialsFrom, type RegisterCredentials } from './receipts/register.js';

export interface CreateDepsOptions {
  log: Logger;
  clock?: Clock;
  /** Tests pass an in-memory PGlite or their own PostgreSQL database. */
  databaseUrl?: string | 'memory';
  /** With 'memory': start from this PGlite data dir dump instead of an empty database (tests' migrated copy). */
  pgliteDataDir?: Blob;
  /** Gateway credentials when not in the settings: the built-in sandbox's (server.ts) or a test's. */
  gateway?: GatewayCredentials;
  /** The cash register's group when not the one RECEIPTS names (a test's register sandbox), and its call timeout. */
  register?: RegisterCredentials & { timeoutMs?: number };
  /** The Telegram bot when not in the settings: the development sandbox's (server.ts). */
  telegram?: TelegramBotOptions;
}

export class MissingGatewayError extends Error {
  constructor() {
    super('No Freedom Pay credentials: set FREEDOMPAY_MERCHANT_ID, FREEDOMPAY_SECRET_KEY and FREEDOMPAY_API_URL, or run `npm start` to use the built-in sandbox gateway.');
  }
}

/** What an empty database gets before anything else: the migrations and the job queue's tables and queues. */
export const prepareSchema = (log: Logger): PrepareSchema => ({
  version: jobNames.join(','),
  async run(database) {
    await runMigrations(database);
    const queue = await startQueue(database, { runsWorker: false, log });
    await queue.stop({ graceful: false, close: false });
  },
});

export async function createDeps(config: Config, options: CreateDepsOptions): Promise<Deps> {
  const { log, clock = systemClock } = options;
  const credentials = options.gateway ?? credentialsFrom(config);
  if (!credentials) throw new MissingGatewayError();
  const url = options.databaseUrl ?? config.DATABASE_URL;
  let lock: DataDirLock | null = null;
  let database: Database;
  if (url === 'memory') {
    database = await openDatabase({ inMemory: true, loadDataDir: options.pgliteDataDir });
  } else if (url) {
    database = await openDatabase({ url });
  } else {
    const dataDir = resolve(config.DATA_DIR);
    lock = lockDataDir(dataDir, clock.now());
    const fillEmpty = async (pgliteDir: string) => {
      const copied = await copyPgliteTemplate(prepareSchema(log), pgliteDir);
      if (!copied) log.info('New embedded database: no writable cache for its template (~/.cache/uslugi), so it is created from scratch');
      else if (copied.built) log.info('New embedded database: built its template (once per version of the migrations) and copied it');
      else log.info('New embedded database: copied from the prepared template');
    };
    database = await openDatabase({ pgliteDir: join(dataDir, 'pglite'), fillEmpty }).catch((error: unknown) => {
      lock?.release();
      throw error;
    });
  }
  let calendar: LiveCalendar | null = null;
  let content: ContentStore | null = null;
  try {
    await runMigrations(database);
    if (await seedDemoCatalog(database.db)) log.info('Empty catalog: added the demo services');
    if (await seedCalendar(database.db)) log.info('Working calendar filled from the shipped production calendar');
    calendar = await liveCalendar(database.db, log);
    if (await seedLegalTexts(database.db, clock.now())) log.info('Legal texts filled from the shipped versions');
    content = await contentStore(database.db, { firstCompany: companyFrom(config), log });
    const queue = await startQueue(database, { runsWorker: config.ROLE !== 'web', log });
    const store = content;
    const mailer = createMailer(config, () => store.current().company.email);
    const register = config.RECEIPTS === 'off' ? null : (options.register ?? registerCredentialsFrom(config));
    const telegramOptions = options.telegram ?? (config.TELEGRAM_BOT_TOKEN ? { apiUrl: config.TELEGRAM_API_URL, token: config.TELEGRAM_BOT_TOKEN } : null);
    const telegram = telegramOptions && createTelegramBot(telegramOptions);
    return {
      config,
      log,
      clock,
      database,
      db: database.db,
      queue,
      catalog: createCatalogCache(database.db, clock),
      gateway: createGateway(config, credentials),
      calendar,
      content,
      captcha: config.CAPTCHA ? captchaKeys(config.APP_SECRET) : null,
      mailer,
      cashRegister: register && createCashRegister(register, { timeoutMs: options.register?.timeoutMs, log }),
      telegram,
      async close() {
        calendar?.stop();
        content?.stop();
        telegram?.close(); // ends the update loop's long poll at once
        await queue.stop({ graceful: true, timeout: 10_000 }); // also closes pg-boss's own pool on PostgreSQL
        mailer.close(); // after the queue: a delivery in progress finishes first
        await database.close();
        lock?.release();
      },
    };
  } catch (error) {
    calendar?.stop();
    content?.stop();
    await database.close().catch(() => {});
    lock?.release();
    throw error;
  }
}
