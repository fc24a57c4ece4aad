import { createPrivateKey, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { z } from 'zod';

// The only reader of process.env. Everything else receives a frozen Config.

const flag = z
  .enum(['on', 'off', 'true', 'false', '1', '0'])
  .transform((value) => value === 'on' || value === 'true' || value === '1');

const optionalUrl = z.preprocess((value) => (value === '' ? undefined : value), z.url().optional());
const optionalText = z.preprocess((value) => (value === '' ? undefined : value), z.string().optional());

/**
 * TRUST_PROXY: the reverse proxy whose X-Forwarded-For/-Proto are believed (Fastify trustProxy), by
 * its addresses or networks. "Everyone" and hop counts are refused: neither can tell the proxy from a
 * visitor, who could then forge their IP (rate limits, audit) and claim HTTPS.
 */
export function parseTrustProxy(text: string): { ok: true; value: string[] } | { ok: false; message: string } {
  const value = text.trim();
  if (/^(true|all|\*|\d+)$/i.test(value)) {
    return { ok: false, message: "name the reverse proxy's address (e.g. 127.0.0.1): trusting every address or a hop count lets any visitor forge their IP and protocol" };
  }
  const entries = value.split(',').map((entry) => entry.trim());
  const wrong = entries.filter((entry) => !isProxyAddress(entry));
  if (wrong.length > 0) {
    return {
      ok: false,
      message: `expected the reverse proxy's addresses or networks, comma-separated (e.g. 127.0.0.1, 10.0.0.0/8, loopback, uniquelocal), not "${wrong.join('", "')}"`,
    };
  }
  return { ok: true, value: entries };
}

function isProxyAddress(entry: string): boolean {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

const trustProxy = optionalText.transform((text, ctx) => {
  if (text === undefined) return undefined;
  const parsed = parseTrustProxy(text);
  if (parsed.ok) return parsed.value;
  ctx.addIssue({ code: 'custom', message: parsed.message });
  return z.NEVER;
});

/**
 * FRAME_ANCESTORS: the sites (https origins, space-separated, `https://*.tilda.ws` style wildcards allowed)
 * that may show the service and order pages in a frame (docs/tilda.md). Anything with a path, a query
 * or plain http is refused: the CSP would quietly ignore it or open framing wider than meant.
 */
export function parseFrameAncestors(text: string): { ok: true; value: string[] } | { ok: false; message: string } {
  const entries = text.split(/\s+/).filter(Boolean);
  const wrong = entries.filter((entry) => {
    if (!entry.startsWith('https://')) return true;
    try {
      return new URL(entry.replace('://*.', '://wildcard.')).origin !== entry.replace('://*.', '://wildcard.');
    } catch {
      return true;
    }
  });
  if (wrong.length > 0) return { ok: false, message: `expected https origins separated by spaces (e.g. https://example.tilda.ws https://www.example.ru), not "${wrong.join('", "')}"` };
  return { ok: true, value: entries };
}

const frameAncestors = z.string().default('').transform((text, ctx) => {
  const parsed = parseFrameAncestors(text);
  if (parsed.ok) return parsed.value;
  ctx.addIssue({ code: 'custom', message: parsed.message });
  return z.NEVER;
});

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    ROLE: z.enum(['all', 'web', 'worker']).default('all'),
    HOST: z.string().min(1).default('0.0.0.0'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    // Slow clients (docs/operations.md "Timeouts"): the whole request, its headers, an idle kept-alive connection.
    HTTP_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
    HTTP_HEADERS_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
    HTTP_KEEP_ALIVE_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(72_000),
    PUBLIC_URL: optionalUrl,
    // One file of an order's results or conversation (docs/delivery.md): kept in the database, so bounded.
    RESULT_FILE_MAX_MB: z.coerce.number().int().min(1, 'не меньше 1 (мегабайт)').max(100, 'не больше 100 (мегабайт): файлы хранятся в базе и в каждой резервной копии').default(20),
    DATABASE_URL: optionalUrl,
    DATA_DIR: z.string().min(1).default('./data'),
    APP_SECRET: z.string().min(32, 'нужно не меньше 32 символов').optional(),
    CAPTCHA: flag.default(true),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
    // GET /metrics for Prometheus (docs/operations.md "Metrics"): unset, the route does not exist.
    METRICS_TOKEN: z.preprocess((value) => (value === '' ? undefined : value), z.string().min(24, 'нужно не меньше 24 символов (openssl rand -hex 32)').regex(/^[\x21-\x7e]+$/, 'латинские буквы, цифры и знаки, без пробелов').optional()),
    REDIS_URL: optionalUrl,
    COMPANY_NAME: z.string().min(1).default('ООО «Услуги онлайн»'),
    COMPANY_INN: z.string().regex(/^\d{10}(\d{2})?$/, '10 или 12 цифр').default('7700000000'),
    COMPANY_OGRN: z.string().regex(/^\d{13}(\d{2})?$/, '13 или 15 цифр').default('1207700000000'),
    COMPANY_ADDRESS: z.string().min(1).default('125009, г. Москва, ул. Тверская, д. 1, офис 1'),
    COMPANY_PHONE: z.string().min(1).default('+7 495 000-00-00'),
    COMPANY_EMAIL: z.email().default('hello@uslugi.example'),
    // Email: unset SMTP_URL → the dev mailbox at /dev/mailbox (nothing leaves the machine).
    SMTP_URL: optionalUrl,
    MAIL_FROM: z.string().min(3).regex(/^[^\r\n]+$/, 'one line').default('"Услуги онлайн" <no-reply@uslugi.example>'),
    MAIL_REPLY_TO: z.preprocess((value) => (value === '' ? undefined : value), z.email().optional()),
    // DKIM signing of every email (docs/operations.md "Email authentication"): all three or none.
    DKIM_DOMAIN: z.preprocess((value) => (value === '' ? undefined : value), z.string().regex(/^(?=.{1,253}$)([a-z0-9-]{1,63}\.)+[a-z]{2,63}$/i, 'a domain name, e.g. shop.example.ru').optional()),
    DKIM_SELECTOR: z.preprocess((value) => (value === '' ? undefined : value), z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/i, 'letters, digits and hyphens, e.g. uslugi1').optional()),
    DKIM_PRIVATE_KEY_FILE: optionalText,
    // Freedom Pay: all three credentials, or none for the built-in sandbox gateway.
    FREEDOMPAY_MERCHANT_ID: z.string().regex(/^\d+$/, 'digits only').optional(),
    FREEDOMPAY_SECRET_KEY: z.string().min(8, 'at least 8 characters').optional(),
    FREEDOMPAY_API_URL: optionalUrl,
    FREEDOMPAY_TESTING_MODE: flag.default(false),
    FREEDOMPAY_LIFETIME: z.coerce.number().int().min(300).max(604_800).default(3600),
    FREEDOMPAY_AUTO_CLEARING: flag.default(true),
    FREEDOMPAY_LANGUAGE: z.enum(['ru', 'en']).default('ru'),
    FREEDOMPAY_TIMEOUT_MS: z.coerce.number().int().min(1000).max(120_000).default(15_000),
    FREEDOMPAY_SANDBOX_PORT: z.coerce.number().int().min(1).max(65535).default(3100),
    // The owner's explicit yes to the embedded database in production (no fsync: see docs/operations.md).
    EMBEDDED_DATABASE_IN_PRODUCTION: z
      .enum(['yes', 'no'])
      .default('no')
      .transform((value) => value === 'yes'),
    // Staff alerts in Telegram (docs/notifications.md): the bot's token; unset in development → the sandbox bot.
    TELEGRAM_BOT_TOKEN: z.preprocess((value) => (value === '' ? undefined : value), z.string().regex(/^\d+:[\w-]{10,}$/, 'looks like 123456789:AA…, as @BotFather gives it').optional()),
    TELEGRAM_API_URL: z.url().default('https://api.telegram.org'),
    TELEGRAM_SANDBOX_PORT: z.coerce.number().int().min(1).max(65535).default(3300),
    // Backups (docs/operations.md "Backups"): where they go, the passphrase that encrypts them, when the daily one runs (Moscow time).
    // 54-FZ receipts (docs/receipts.md): the ATOL Online account (all three or none), where its API is,
    // the tax system printed on receipts, and which register takes them.
    ATOL_LOGIN: optionalText,
    ATOL_PASSWORD: optionalText,
    ATOL_GROUP_CODE: optionalText,
    ATOL_API_URL: z.preprocess((value) => (value === '' ? undefined : value), z.url().default('https://online.atol.ru/possystem/v5')),
    TAX_SYSTEM: z.enum(['osn', 'usn_income', 'usn_income_outcome', 'esn', 'patent']).default('osn'),
    // Acceptance of work (docs/back-office.md#acceptance-of-work): working days the client has to accept or
    // make remarks; the offer states the same number ({срок приёмки}).
    ACCEPTANCE_WORKING_DAYS: z.coerce.number().int('целое число рабочих дней').min(1, 'от 1 до 30 рабочих дней').max(30, 'от 1 до 30 рабочих дней').default(5),
    RECEIPTS: z.enum(['atol', 'sandbox', 'off']).optional(),
    ATOL_SANDBOX_PORT: z.coerce.number().int().min(1).max(65535).default(3200),
    BACKUP_DIR: z.string().min(1).default('./backups'),
    BACKUP_PASSPHRASE: z.preprocess((value) => (value === '' ? undefined : value), z.string().min(12, 'нужно не меньше 12 символов').optional()),
    BACKUP_TIME: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'ЧЧ:ММ по Москве, например 03:30').default('03:30'),
    // HTTPS (docs/operations.md "HTTPS"): the app's own certificate and a plain-HTTP port that redirects
    // to it, or the reverse proxy in front that terminates TLS.
    TLS_CERT_FILE: optionalText,
    TLS_KEY_FILE: optionalText,
    HTTP_REDIRECT_PORT: z.preprocess((value) => (value === '' ? undefined : value), z.coerce.number().int().min(1).max(65535).optional()),
    TRUST_PROXY: trustProxy,
    // Tilda and Yandex Metrika (docs/tilda.md, docs/metrika.md).
    FRAME_ANCESTORS: frameAncestors,
    TILDA_API_KEY: z.preprocess((value) => (value === '' ? undefined : value), z.string().min(16, 'нужно не меньше 16 символов').regex(/^[\x21-\x7e]+$/, 'латинские буквы, цифры и знаки, без пробелов').optional()),
    YANDEX_METRIKA_ID: z.preprocess((value) => (value === '' ? undefined : value), z.string().regex(/^\d{1,12}$/, 'номер счётчика: только цифры').optional()),
    // Tests only: where the counter's script is loaded from instead of Yandex (a local stub).
    YANDEX_METRIKA_SCRIPT_URL: z.preprocess((value) => (value === '' ? undefined : value), z.url({ protocol: /^https?$/ }).default('https://mc.yandex.ru/metrika/tag.js')),
  })
  .superRefine((env, ctx) => {
    httpsProblems(env, ctx);
    dkimProblems(env, ctx);
    // Refinements run even when a field failed: compare only a request timeout that is itself valid.
    if (env.HTTP_REQUEST_TIMEOUT_MS >= 100 && env.HTTP_HEADERS_TIMEOUT_MS > env.HTTP_REQUEST_TIMEOUT_MS) {
      ctx.addIssue({ code: 'custom', path: ['HTTP_HEADERS_TIMEOUT_MS'], message: `must not exceed HTTP_REQUEST_TIMEOUT_MS (${env.HTTP_REQUEST_TIMEOUT_MS}): the headers are part of the request` });
    }
    const credentials = [env.FREEDOMPAY_MERCHANT_ID, env.FREEDOMPAY_SECRET_KEY, env.FREEDOMPAY_API_URL];
    if (credentials.some(Boolean) && !credentials.every(Boolean)) {
      for (const [name, value] of [
        ['FREEDOMPAY_MERCHANT_ID', env.FREEDOMPAY_MERCHANT_ID],
        ['FREEDOMPAY_SECRET_KEY', env.FREEDOMPAY_SECRET_KEY],
        ['FREEDOMPAY_API_URL', env.FREEDOMPAY_API_URL],
      ] as const) {
        if (!value) ctx.addIssue({ code: 'custom', path: [name], message: 'set all three FREEDOMPAY_ credentials, or none for the sandbox' });
      }
    }
    receiptProblems(env, ctx);
    if (!productionRules(env)) return;
    // A real merchant account is a real shop, whatever NODE_ENV says: no development door stays open.
    const why = env.NODE_ENV === 'production' ? 'when NODE_ENV=production' : 'with real FREEDOMPAY_ credentials';
    if (!credentials.every(Boolean)) {
      ctx.addIssue({ code: 'custom', path: ['FREEDOMPAY_MERCHANT_ID'], message: 'real merchant credentials are required when NODE_ENV=production' });
    }
    if (!env.CAPTCHA) {
      ctx.addIssue({ code: 'custom', path: ['CAPTCHA'], message: `off is refused ${why}` });
    }
    if (!env.APP_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['APP_SECRET'], message: `required ${why}` });
    }
    if (!env.PUBLIC_URL) {
      ctx.addIssue({ code: 'custom', path: ['PUBLIC_URL'], message: `required ${why}` });
    }
    if (!env.SMTP_URL) {
      ctx.addIssue({ code: 'custom', path: ['SMTP_URL'], message: `required ${why} (the dev mailbox is for development only)` });
    }
  });

interface ReceiptsEnv extends GatewayEnv {
  ATOL_LOGIN?: string;
  ATOL_PASSWORD?: string;
  ATOL_GROUP_CODE?: string;
  RECEIPTS?: 'atol' | 'sandbox' | 'off';
}

/**
 * The ATOL account comes whole or not at all. A real shop (production, or real merchant credentials
 * whatever NODE_ENV says) takes receipts on a real register unless RECEIPTS=off is said: real money
 * without a receipt breaks 54-FZ, and the sandbox's receipts would show the client fiscal attributes
 * the tax service never saw (decision 020).
 */
function receiptProblems(env: ReceiptsEnv, ctx: z.RefinementCtx): void {
  const account = [
    ['ATOL_LOGIN', env.ATOL_LOGIN],
    ['ATOL_PASSWORD', env.ATOL_PASSWORD],
    ['ATOL_GROUP_CODE', env.ATOL_GROUP_CODE],
  ] as const;
  const complete = account.every(([, value]) => value);
  if (!complete && account.some(([, value]) => value)) {
    for (const [name, value] of account) if (!value) ctx.addIssue({ code: 'custom', path: [name], message: 'set ATOL_LOGIN, ATOL_PASSWORD and ATOL_GROUP_CODE together, or none' });
    return;
  }
  if (env.RECEIPTS === 'atol' && !complete) {
    ctx.addIssue({ code: 'custom', path: ['RECEIPTS'], message: 'atol needs ATOL_LOGIN, ATOL_PASSWORD and ATOL_GROUP_CODE' });
  }
  if (!productionRules(env)) return;
  const shop = env.NODE_ENV === 'production' ? 'NODE_ENV=production' : 'A real merchant account (FREEDOMPAY_API_URL off this machine)';
  if (env.RECEIPTS === 'sandbox') ctx.addIssue({ code: 'custom', path: ['RECEIPTS'], message: `the register sandbox is refused ${env.NODE_ENV === 'production' ? 'when NODE_ENV=production' : 'with real FREEDOMPAY_ credentials'}: its receipts never reach the tax service` });
  else if (!complete && env.RECEIPTS !== 'off') {
    ctx.addIssue({
      code: 'custom',
      path: ['ATOL_LOGIN'],
      message: `${shop} issues 54-FZ cash receipts through ATOL Online: set ATOL_LOGIN, ATOL_PASSWORD and ATOL_GROUP_CODE, or RECEIPTS=off if another register issues them (docs/receipts.md)`,
    });
  }
}

/** DKIM settings come in threes, and the key file must hold a private key (a PEM RSA key, as nodemailer signs). */
function dkimProblems(env: { DKIM_DOMAIN?: string; DKIM_SELECTOR?: string; DKIM_PRIVATE_KEY_FILE?: string }, ctx: z.RefinementCtx): void {
  const settings = [
    ['DKIM_DOMAIN', env.DKIM_DOMAIN],
    ['DKIM_SELECTOR', env.DKIM_SELECTOR],
    ['DKIM_PRIVATE_KEY_FILE', env.DKIM_PRIVATE_KEY_FILE],
  ] as const;
  if (!settings.some(([, value]) => value)) return;
  for (const [name, value] of settings) if (!value) ctx.addIssue({ code: 'custom', path: [name], message: 'set DKIM_DOMAIN, DKIM_SELECTOR and DKIM_PRIVATE_KEY_FILE together, or none' });
  const file = env.DKIM_PRIVATE_KEY_FILE;
  if (!file) return;
  try {
    const key = createPrivateKey(readFileSync(file));
    if (key.asymmetricKeyType !== 'rsa') ctx.addIssue({ code: 'custom', path: ['DKIM_PRIVATE_KEY_FILE'], message: `an RSA key is needed, not ${key.asymmetricKeyType}` });
  } catch (error) {
    const why = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : 'not a readable PEM private key';
    ctx.addIssue({ code: 'custom', path: ['DKIM_PRIVATE_KEY_FILE'], message: why });
  }
}

interface GatewayEnv {
  NODE_ENV: string;
  FREEDOMPAY_MERCHANT_ID?: string;
  FREEDOMPAY_SECRET_KEY?: string;
  FREEDOMPAY_API_URL?: string;
}

/**
 * Merchant credentials for a gateway beyond this machine. A loopback FREEDOMPAY_API_URL is a sandbox
 * (tests, benchmarks, `npm run sandbox`): no money moves, so development rules may stay.
 */
export function hasRealGateway(env: GatewayEnv): boolean {
  if (!env.FREEDOMPAY_MERCHANT_ID || !env.FREEDOMPAY_SECRET_KEY || !env.FREEDOMPAY_API_URL) return false;
  if (!URL.canParse(env.FREEDOMPAY_API_URL)) return false; // reported as a wrong URL already
  const host = new URL(env.FREEDOMPAY_API_URL).hostname.replace(/^\[|\]$/g, '');
  return !(host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host));
}

/** Production's requirements (secrets, SMTP, HTTPS, captcha) hold in production and for every real shop. */
export function productionRules(env: GatewayEnv): boolean {
  return env.NODE_ENV === 'production' || hasRealGateway(env);
}

interface HttpsEnv extends GatewayEnv {
  PORT: number;
  PUBLIC_URL?: string;
  TLS_CERT_FILE?: string;
  TLS_KEY_FILE?: string;
  HTTP_REDIRECT_PORT?: number;
  TRUST_PROXY?: string[];
}

/** TLS files come in pairs and must exist; the redirect port needs them; production needs HTTPS somewhere. */
function httpsProblems(env: HttpsEnv, ctx: z.RefinementCtx): void {
  const files = [
    ['TLS_CERT_FILE', env.TLS_CERT_FILE],
    ['TLS_KEY_FILE', env.TLS_KEY_FILE],
  ] as const;
  for (const [name, file] of files) {
    if (!file && files.some(([, other]) => other)) ctx.addIssue({ code: 'custom', path: [name], message: 'set both TLS_CERT_FILE and TLS_KEY_FILE, or neither' });
    if (file && !existsSync(file)) ctx.addIssue({ code: 'custom', path: [name], message: `no such file: ${file}` });
  }
  const tls = Boolean(env.TLS_CERT_FILE && env.TLS_KEY_FILE);
  if (tls && env.PUBLIC_URL && !env.PUBLIC_URL.startsWith('https://')) {
    ctx.addIssue({ code: 'custom', path: ['PUBLIC_URL'], message: 'must start with https:// when the app serves HTTPS itself (TLS_CERT_FILE)' });
  }
  if (env.HTTP_REDIRECT_PORT !== undefined && !tls) {
    ctx.addIssue({ code: 'custom', path: ['HTTP_REDIRECT_PORT'], message: 'needs TLS_CERT_FILE and TLS_KEY_FILE (behind a reverse proxy, let the proxy redirect to HTTPS)' });
  }
  if (env.HTTP_REDIRECT_PORT !== undefined && env.HTTP_REDIRECT_PORT === env.PORT) {
    ctx.addIssue({ code: 'custom', path: ['HTTP_REDIRECT_PORT'], message: 'must differ from PORT' });
  }
  if (productionRules(env) && !tls && env.TRUST_PROXY === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['TRUST_PROXY'],
      message: `${env.NODE_ENV === 'production' ? 'NODE_ENV=production' : 'A real merchant account (FREEDOMPAY_API_URL)'} needs HTTPS: set TLS_CERT_FILE and TLS_KEY_FILE, or run behind an HTTPS reverse proxy and set TRUST_PROXY to its address (docs/operations.md, "HTTPS")`,
    });
  }
}

export type Config = Readonly<
  Omit<z.infer<typeof schema>, 'APP_SECRET' | 'PUBLIC_URL' | 'RECEIPTS' | 'LOG_FORMAT'> & {
    APP_SECRET: string;
    /** Pretty lines in development, JSON lines elsewhere, unless LOG_FORMAT says. */
    LOG_FORMAT: 'json' | 'pretty';
    PUBLIC_URL: string;
    /** Which register takes the receipts: ATOL Online (credentials set), the register sandbox (development without them), or none (said explicitly). */
    RECEIPTS: 'atol' | 'sandbox' | 'off';
    /** True when APP_SECRET was not set and a per-process one was generated (development only). */
    appSecretGenerated: boolean;
  }
>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid settings:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses settings; throws one ConfigError naming every wrong variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = schema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const name = issue.path.join('.') || '(environment)';
      const got = env[name];
      const shown = got === undefined || /SECRET|PASSWORD|PASSPHRASE|TOKEN|URL/.test(name) ? '' : ` (got "${got}")`;
      return `${name}: ${issue.message}${shown}`;
    });
    throw new ConfigError(problems);
  }
  const parsed = result.data;
  return Object.freeze({
    ...parsed,
    APP_SECRET: parsed.APP_SECRET ?? randomBytes(32).toString('hex'),
    appSecretGenerated: parsed.APP_SECRET === undefined,
    RECEIPTS: parsed.RECEIPTS ?? (parsed.ATOL_LOGIN ? 'atol' : 'sandbox'),
    // A person reads a development console; machines read production's JSON lines.
    LOG_FORMAT: parsed.LOG_FORMAT ?? (parsed.NODE_ENV === 'development' ? 'pretty' : 'json'),
    PUBLIC_URL: (parsed.PUBLIC_URL ?? `${parsed.TLS_CERT_FILE ? 'https' : 'http'}://localhost:${parsed.PORT}`).replace(/\/$/, ''),
  });
}

/** Reads `.env` (if present) under the real environment, then parses. */
export function loadConfig(envFile = '.env'): Config {
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  return parseConfig(process.env);
}
