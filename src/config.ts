import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';

// The only reader of process.env. Everything else receives a frozen Config.

const flag = z
  .enum(['on', 'off', 'true', 'false', '1', '0'])
  .transform((value) => value === 'on' || value === 'true' || value === '1');

const optionalUrl = z.preprocess((value) => (value === '' ? undefined : value), z.url().optional());

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    ROLE: z.enum(['all', 'web', 'worker']).default('all'),
    HOST: z.string().min(1).default('0.0.0.0'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    PUBLIC_URL: optionalUrl,
    DATABASE_URL: optionalUrl,
    DATA_DIR: z.string().min(1).default('./data'),
    APP_SECRET: z.string().min(32, 'нужно не меньше 32 символов').optional(),
    CAPTCHA: flag.default(true),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
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
  })
  .superRefine((env, ctx) => {
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
    if (env.NODE_ENV !== 'production') return;
    if (!credentials.every(Boolean)) {
      ctx.addIssue({ code: 'custom', path: ['FREEDOMPAY_MERCHANT_ID'], message: 'real merchant credentials are required when NODE_ENV=production' });
    }
    if (!env.CAPTCHA) {
      ctx.addIssue({ code: 'custom', path: ['CAPTCHA'], message: 'off is refused when NODE_ENV=production' });
    }
    if (!env.APP_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['APP_SECRET'], message: 'required when NODE_ENV=production' });
    }
    if (!env.PUBLIC_URL) {
      ctx.addIssue({ code: 'custom', path: ['PUBLIC_URL'], message: 'required when NODE_ENV=production' });
    }
    if (!env.SMTP_URL) {
      ctx.addIssue({ code: 'custom', path: ['SMTP_URL'], message: 'required when NODE_ENV=production (the dev mailbox is for development only)' });
    }
  });

export type Config = Readonly<
  Omit<z.infer<typeof schema>, 'APP_SECRET' | 'PUBLIC_URL'> & {
    APP_SECRET: string;
    PUBLIC_URL: string;
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
      const shown = got === undefined || /SECRET|PASSWORD|URL/.test(name) ? '' : ` (got "${got}")`;
      return `${name}: ${issue.message}${shown}`;
    });
    throw new ConfigError(problems);
  }
  const parsed = result.data;
  return Object.freeze({
    ...parsed,
    APP_SECRET: parsed.APP_SECRET ?? randomBytes(32).toString('hex'),
    appSecretGenerated: parsed.APP_SECRET === undefined,
    PUBLIC_URL: (parsed.PUBLIC_URL ?? `http://localhost:${parsed.PORT}`).replace(/\/$/, ''),
  });
}

/** Reads `.env` (if present) under the real environment, then parses. */
export function loadConfig(envFile = '.env'): Config {
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  return parseConfig(process.env);
}
