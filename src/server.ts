import type { Server } from 'node:http';
import { resolve } from 'node:path';
import closeWithGrace from 'close-with-grace';
import { makeBackup } from './actions/backups/make-backup.js';
import { ensureSetupLink } from './actions/staff/ensure-setup-link.js';
import { buildApp } from './app.js';
import { serveBackupChannel } from './backup/backup-channel.js';
import { ConfigError, loadConfig, hasRealGateway, productionRules, type Config } from './config.js';
import { DataDirLockedError } from './db/data-dir-lock.js';
import { createDeps, MissingGatewayError } from './deps.js';
import { logStartFacts, startBlock, type StartFacts } from './dev-console.js';
import { devAppSecret } from './dev-app-secret.js';
import { startDevRegisterSandbox } from './dev-register-sandbox.js';
import { devSandboxCredentials, startDevSandbox } from './dev-sandbox.js';
import { devTelegramBot, startDevTelegram } from './dev-telegram.js';
import { httpsOptions, TlsFilesError } from './http/https.js';
import { closeHttpRedirect, startHttpRedirect } from './http/https-redirect.js';
import { serverTimeouts } from './http/timeouts.js';
import { createLogger } from './log.js';
import { credentialsFrom } from './payments/gateway.js';
import { registerCredentialsFrom } from './receipts/register.js';
import { startWorker } from './worker.js';

// The entry point: `npm start`. Runs the web app, the job worker, or both (ROLE).

let config: Config;
try {
  config = loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`uslugi cannot start. ${error.message}\nSee the settings table in README.md.\n`);
  process.exit(1);
}

// An unreadable or mismatched certificate stops the start here, before the data directory is locked.
try {
  httpsOptions(config);
} catch (error) {
  if (!(error instanceof TlsFilesError)) throw error;
  process.stderr.write(`uslugi cannot start. ${error.message}\n`);
  process.exit(1);
}

const log = createLogger(config.LOG_LEVEL, config.LOG_FORMAT);
if (!config.CAPTCHA) log.warn('CAPTCHA=off: the order form has no captcha. Use this only for development and benchmarks.');
if (!config.SMTP_URL) {
  log.info(`SMTP_URL is not set: emails are not sent; read them at ${config.PUBLIC_URL}/dev/mailbox`);
}
if (config.NODE_ENV === 'production' && !config.PUBLIC_URL.startsWith('https:')) {
  log.warn('PUBLIC_URL is not https://: links in emails are plain HTTP and cookies are not marked Secure. Set PUBLIC_URL=https://your-domain.');
}
if (config.RECEIPTS === 'off' && hasRealGateway(config)) {
  log.warn(
    'RECEIPTS=off with a real merchant account: NO 54-FZ CASH RECEIPTS ARE ISSUED for payments, completions or refunds. ' +
      'Every card payment needs one (54-FZ art. 1.2): use this only if another register issues them, otherwise set ATOL_LOGIN, ATOL_PASSWORD and ATOL_GROUP_CODE (docs/receipts.md).',
  );
}
if (productionRules(config) && !config.DATABASE_URL && !config.EMBEDDED_DATABASE_IN_PRODUCTION) {
  log.warn(
    `WARNING: a real shop on the embedded database (PGlite in ${config.DATA_DIR}). It does not fsync: a power cut or a crash of the machine can lose payments it already confirmed. ` +
      'Set DATABASE_URL to a PostgreSQL database, or EMBEDDED_DATABASE_IN_PRODUCTION=yes to accept the risk (docs/operations.md, "Processes").',
  );
}
if (config.appSecretGenerated) {
  config = { ...config, APP_SECRET: devAppSecret(config.DATA_DIR) };
  log.info(`APP_SECRET is not set: using a random one kept in ${config.DATA_DIR}/app-secret (development only).`);
}

// No merchant credentials (development only): pay through the built-in sandbox gateway, started once
// the data directory is ours, so a second `npm start` explains the lock rather than a busy port.
const sandboxCredentials = credentialsFrom(config) ? null : devSandboxCredentials(config.FREEDOMPAY_SANDBOX_PORT);

// No bot token in development: the staff alerts' Telegram is the offline sandbox bot.
const sandboxBot = !config.TELEGRAM_BOT_TOKEN && config.NODE_ENV === 'development' ? devTelegramBot(config.TELEGRAM_SANDBOX_PORT) : null;

const deps = await createDeps(config, { log, gateway: sandboxCredentials ?? undefined, telegram: sandboxBot ?? undefined }).catch((error: unknown) => {
  if (error instanceof DataDirLockedError || error instanceof MissingGatewayError) {
    process.stderr.write(`uslugi cannot start. ${error.message}\n`);
    process.exit(1);
  }
  throw error;
});

const sandbox = sandboxCredentials && (await startDevSandbox(sandboxCredentials, { merchantName: config.COMPANY_NAME }));
// No ATOL account (development): receipts go to the offline register sandbox on ATOL_SANDBOX_PORT,
// started by the process that runs the jobs (only they call the register).
const registerSandbox =
  config.RECEIPTS === 'sandbox' && config.ROLE !== 'web' ? await startDevRegisterSandbox(registerCredentialsFrom(config)!, { inn: config.COMPANY_INN, companyName: config.COMPANY_NAME }) : null;
const telegramSandbox = sandboxBot && (await startDevTelegram(sandboxBot));
// `npm run backup` on the embedded database asks this process, the only one that can read it (decision 025).
const backupChannel =
  deps.database.kind === 'pglite'
    ? await serveBackupChannel(resolve(config.DATA_DIR), () => makeBackup(deps, { trigger: 'cli', prune: false })).catch((error: unknown) => {
        log.warn({ err: error }, `No backup channel in ${config.DATA_DIR} (a path too long for a unix socket?): \`npm run backup\` works only with the app stopped`);
        return null;
      })
    : null;
const app = config.ROLE === 'worker' ? null : await buildApp(deps);
if (config.ROLE !== 'web') await startWorker(deps);

let httpRedirect: Server | undefined; // HTTP_REDIRECT_PORT's listener, once started

// SIGTERM/SIGINT: stop accepting, let requests and jobs in flight finish, close the database, exit 0.
closeWithGrace({ delay: 20_000, logger: log }, async ({ signal, err }) => {
  if (err) log.error({ err }, 'Shutting down after an error');
  else log.info({ signal }, 'Shutting down');
  if (httpRedirect) await closeHttpRedirect(httpRedirect);
  await app?.close();
  await backupChannel?.close();
  await deps.close();
  await sandbox?.close();
  await registerSandbox?.close();
  await telegramSandbox?.close();
});

if (app) {
  await app.listen({ port: config.PORT, host: config.HOST });
  if (config.HTTP_REDIRECT_PORT) {
    httpRedirect = await startHttpRedirect(app, { port: config.HTTP_REDIRECT_PORT, host: config.HOST, publicUrl: config.PUBLIC_URL, timeouts: serverTimeouts(config) });
    log.info(`Plain HTTP on port ${config.HTTP_REDIRECT_PORT} redirects to ${config.PUBLIC_URL} (gateway callbacks are answered there directly)`);
  }
  const database = deps.database.kind === 'pglite' ? `embedded database in ${config.DATA_DIR}` : 'PostgreSQL';
  log.info(`Shop is open at ${config.PUBLIC_URL}/ (${database}, role ${config.ROLE})`);
}
// Where everything is: a block a person reads in development, log lines for machines. The setup link
// goes to the terminal only, never the structured log: it is a secret that creates an admin.
const facts: StartFacts = {
  shop: app ? `${config.PUBLIC_URL}/` : null,
  setupLink: app ? await ensureSetupLink(deps) : null,
  backOffice: `${config.PUBLIC_URL}/admin`,
  mailbox: app && !config.SMTP_URL && !productionRules(config) ? `${config.PUBLIC_URL}/dev/mailbox` : null,
  gateway: sandbox ? { url: sandbox.url, cards: sandbox.cards } : null,
  register: registerSandbox?.url ?? null,
  telegram: telegramSandbox?.url ?? null,
};
if (config.LOG_FORMAT === 'pretty') process.stdout.write(startBlock(facts));
else logStartFacts(log, facts, (text) => process.stdout.write(text));
