import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, hasRealGateway, parseConfig, productionRules } from './config.js';

function problemsOf(env: Record<string, string>): string[] {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('parseConfig', () => {
  it('logs for a person in development and for machines elsewhere, unless LOG_FORMAT says', () => {
    expect(parseConfig({}).LOG_FORMAT).toBe('pretty');
    expect(parseConfig({ NODE_ENV: 'test' }).LOG_FORMAT).toBe('json');
    expect(parseConfig({ LOG_FORMAT: 'json' }).LOG_FORMAT).toBe('json');
    expect(problemsOf({ LOG_FORMAT: 'xml' })[0]).toMatch(/^LOG_FORMAT: .*\(got "xml"\)/);
  });

  it('takes a metrics token only long enough to resist guessing', () => {
    expect(parseConfig({}).METRICS_TOKEN).toBeUndefined();
    expect(parseConfig({ METRICS_TOKEN: 'a'.repeat(24) }).METRICS_TOKEN).toBe('a'.repeat(24));
    expect(problemsOf({ METRICS_TOKEN: 'short' })).toEqual(['METRICS_TOKEN: нужно не меньше 24 символов (openssl rand -hex 32)']);
    expect(problemsOf({ METRICS_TOKEN: 'has spaces in it but is long enough' })[0]).toMatch(/^METRICS_TOKEN: латинские буквы/);
  });

  it('has working defaults for a newcomer', () => {
    const config = parseConfig({});
    expect(config).toMatchObject({ NODE_ENV: 'development', ROLE: 'all', PORT: 3000, DATA_DIR: './data', CAPTCHA: true });
    expect(config.PUBLIC_URL).toBe('http://localhost:3000');
    expect(config.APP_SECRET).toHaveLength(64);
    expect(config.appSecretGenerated).toBe(true);
  });

  it('names every wrong variable in one error', () => {
    const problems = problemsOf({ PORT: 'eighty', ROLE: 'boss', DATABASE_URL: 'not a url', CAPTCHA: 'maybe', COMPANY_INN: '12' });
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(['CAPTCHA', 'COMPANY_INN', 'DATABASE_URL', 'PORT', 'ROLE']);
    expect(problems.find((p) => p.startsWith('PORT'))).toContain('(got "eighty")');
    // Values of secrets and connection strings are never echoed.
    expect(problems.find((p) => p.startsWith('DATABASE_URL'))).not.toContain('not a url');
  });

  it('refuses CAPTCHA=off and a missing secret in production', () => {
    const problems = problemsOf({ NODE_ENV: 'production', CAPTCHA: 'off' });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^CAPTCHA: off is refused/),
        expect.stringMatching(/^APP_SECRET: required/),
        expect.stringMatching(/^PUBLIC_URL: required/),
      ]),
    );
  });

  it('wants all three Freedom Pay credentials or none', () => {
    const problems = problemsOf({ FREEDOMPAY_MERCHANT_ID: '545084' });
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(['FREEDOMPAY_API_URL', 'FREEDOMPAY_SECRET_KEY']);
    expect(problems.join('\n')).not.toContain('545084');
    // Real credentials bring the production rules (the next test), so a real shop's settings come with them.
    const shop = { APP_SECRET: 'x'.repeat(32), PUBLIC_URL: 'https://shop.example.ru', SMTP_URL: 'smtp://mail.example.ru:587', TRUST_PROXY: '127.0.0.1', RECEIPTS: 'off' };
    expect(parseConfig({ ...shop, FREEDOMPAY_MERCHANT_ID: '545084', FREEDOMPAY_SECRET_KEY: 'secret-key', FREEDOMPAY_API_URL: 'https://api.freedompay.kz' }).FREEDOMPAY_API_URL).toBe('https://api.freedompay.kz');
  });

  it('requires real merchant credentials in production', () => {
    expect(problemsOf({ NODE_ENV: 'production', APP_SECRET: 'x'.repeat(32), PUBLIC_URL: 'https://shop.example.ru', SMTP_URL: 'smtp://mail.example.ru:587', TRUST_PROXY: '127.0.0.1', RECEIPTS: 'off' })).toEqual([
      expect.stringMatching(/^FREEDOMPAY_MERCHANT_ID: real merchant credentials are required/),
    ]);
  });

  describe('receipts settings', () => {
    const production = {
      NODE_ENV: 'production',
      APP_SECRET: 'x'.repeat(32),
      PUBLIC_URL: 'https://shop.example.ru',
      SMTP_URL: 'smtp://mail.example.ru:587',
      TRUST_PROXY: '127.0.0.1',
      FREEDOMPAY_MERCHANT_ID: '545084',
      FREEDOMPAY_SECRET_KEY: 'secret-key',
      FREEDOMPAY_API_URL: 'https://api.freedompay.kz',
    };
    const atol = { ATOL_LOGIN: 'shop-login', ATOL_PASSWORD: 'shop-password', ATOL_GROUP_CODE: 'shop_1' };

    it('uses the register sandbox in development, ATOL with an account, and off only when said', () => {
      expect(parseConfig({})).toMatchObject({ RECEIPTS: 'sandbox', TAX_SYSTEM: 'osn', ATOL_SANDBOX_PORT: 3200, ATOL_API_URL: 'https://online.atol.ru/possystem/v5' });
      expect(parseConfig(atol).RECEIPTS).toBe('atol');
      expect(parseConfig({ ...atol, RECEIPTS: 'off' }).RECEIPTS).toBe('off');
      expect(parseConfig({ TAX_SYSTEM: 'usn_income' }).TAX_SYSTEM).toBe('usn_income');
      expect(problemsOf({ TAX_SYSTEM: 'simplified' }).map((p) => p.split(':')[0])).toEqual(['TAX_SYSTEM']);
    });

    it('wants the whole ATOL account or none, and never echoes the password', () => {
      const problems = problemsOf({ ATOL_PASSWORD: 'shop-password' });
      expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(['ATOL_GROUP_CODE', 'ATOL_LOGIN']);
      expect(problems.join('\n')).not.toContain('shop-password');
      expect(problemsOf({ RECEIPTS: 'atol' })).toEqual(['RECEIPTS: atol needs ATOL_LOGIN, ATOL_PASSWORD and ATOL_GROUP_CODE (got "atol")']);
    });

    it('with real merchant credentials but NODE_ENV not production: the same as production, never the sandbox by default (decision 020)', () => {
      const realShop = { ...production, NODE_ENV: 'development' };
      expect(problemsOf(realShop)).toEqual([
        'ATOL_LOGIN: A real merchant account (FREEDOMPAY_API_URL off this machine) issues 54-FZ cash receipts through ATOL Online: set ATOL_LOGIN, ATOL_PASSWORD and ATOL_GROUP_CODE, or RECEIPTS=off if another register issues them (docs/receipts.md)',
      ]);
      expect(problemsOf({ ...realShop, NODE_ENV: 'test' }).map((p) => p.split(':')[0])).toEqual(['ATOL_LOGIN']);
      expect(problemsOf({ ...realShop, RECEIPTS: 'sandbox' })).toEqual([expect.stringMatching(/^RECEIPTS: the register sandbox is refused with real FREEDOMPAY_ credentials: its receipts never reach the tax service/)]);
      expect(parseConfig({ ...realShop, ...atol }).RECEIPTS).toBe('atol');
      expect(parseConfig({ ...realShop, RECEIPTS: 'off' }).RECEIPTS).toBe('off');
      // The gateway's sandbox on this machine moves no money: the register sandbox stays the default.
      expect(parseConfig({ ...realShop, FREEDOMPAY_API_URL: 'http://127.0.0.1:3100' }).RECEIPTS).toBe('sandbox');
    });

    it('in production takes receipts through ATOL unless RECEIPTS=off, and never through the sandbox', () => {
      expect(problemsOf(production)).toEqual([expect.stringMatching(/^ATOL_LOGIN: NODE_ENV=production issues 54-FZ cash receipts through ATOL Online/)]);
      expect(parseConfig({ ...production, ...atol }).RECEIPTS).toBe('atol');
      expect(parseConfig({ ...production, RECEIPTS: 'off' }).RECEIPTS).toBe('off');
      expect(problemsOf({ ...production, ...atol, RECEIPTS: 'sandbox' })).toEqual([expect.stringMatching(/^RECEIPTS: the register sandbox is refused/)]);
    });
  });

  it('applies the production rules to real merchant credentials whatever NODE_ENV says', () => {
    const real = { FREEDOMPAY_MERCHANT_ID: '545084', FREEDOMPAY_SECRET_KEY: 'secret-key', FREEDOMPAY_API_URL: 'https://api.freedompay.kz' };
    const problems = problemsOf({ ...real, CAPTCHA: 'off' });
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(['APP_SECRET', 'ATOL_LOGIN', 'CAPTCHA', 'PUBLIC_URL', 'SMTP_URL', 'TRUST_PROXY']);
    expect(problems.find((p) => p.startsWith('SMTP_URL'))).toContain('with real FREEDOMPAY_ credentials');
    const atolAccount = { ATOL_LOGIN: 'shop-login', ATOL_PASSWORD: 'shop-password', ATOL_GROUP_CODE: 'shop_1' };
    const complete = { ...real, ...atolAccount, APP_SECRET: 'x'.repeat(32), PUBLIC_URL: 'https://shop.example.ru', SMTP_URL: 'smtp://mail.example.ru:587', TRUST_PROXY: '127.0.0.1' };
    expect(parseConfig(complete).NODE_ENV).toBe('development');
    expect(productionRules(parseConfig(complete))).toBe(true);
    // A sandbox on this machine moves no money: development rules stay (tests, benchmarks, `npm run sandbox`).
    for (const apiUrl of ['http://127.0.0.1:3100', 'http://localhost:3100', 'http://[::1]:3100']) {
      const sandbox = parseConfig({ ...real, FREEDOMPAY_API_URL: apiUrl, CAPTCHA: 'off' });
      expect(hasRealGateway(sandbox)).toBe(false);
      expect(productionRules(sandbox)).toBe(false);
    }
    expect(productionRules(parseConfig({}))).toBe(false);
  });

  it('has timeouts for slow clients, the headers within the whole request', () => {
    expect(parseConfig({})).toMatchObject({ HTTP_REQUEST_TIMEOUT_MS: 30_000, HTTP_HEADERS_TIMEOUT_MS: 10_000, HTTP_KEEP_ALIVE_TIMEOUT_MS: 72_000 });
    expect(problemsOf({ HTTP_REQUEST_TIMEOUT_MS: '5000', HTTP_HEADERS_TIMEOUT_MS: '6000' })).toEqual([expect.stringMatching(/^HTTP_HEADERS_TIMEOUT_MS: must not exceed HTTP_REQUEST_TIMEOUT_MS/)]);
    expect(problemsOf({ HTTP_REQUEST_TIMEOUT_MS: '0' }).map((p) => p.split(':')[0])).toEqual(['HTTP_REQUEST_TIMEOUT_MS']);
  });

  it('takes an explicit yes for the embedded database in production', () => {
    expect(parseConfig({}).EMBEDDED_DATABASE_IN_PRODUCTION).toBe(false);
    expect(parseConfig({ EMBEDDED_DATABASE_IN_PRODUCTION: 'yes' }).EMBEDDED_DATABASE_IN_PRODUCTION).toBe(true);
    expect(problemsOf({ EMBEDDED_DATABASE_IN_PRODUCTION: 'true' }).map((p) => p.split(':')[0])).toEqual(['EMBEDDED_DATABASE_IN_PRODUCTION']);
  });

  it('requires SMTP_URL in production and checks the mail addresses', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toEqual(expect.arrayContaining([expect.stringMatching(/^SMTP_URL: required/)]));
    expect(parseConfig({}).MAIL_FROM).toBe('"Услуги онлайн" <no-reply@uslugi.example>');
    expect(parseConfig({ SMTP_URL: '', MAIL_REPLY_TO: '' })).toMatchObject({ SMTP_URL: undefined, MAIL_REPLY_TO: undefined });
    expect(problemsOf({ MAIL_REPLY_TO: 'not-an-address' }).map((p) => p.split(':')[0])).toEqual(['MAIL_REPLY_TO']);
    expect(problemsOf({ MAIL_FROM: 'a@b.example\r\nBcc: x@y.example' }).map((p) => p.split(':')[0])).toEqual(['MAIL_FROM']);
  });

  it('treats empty optional URLs as unset and trims the trailing slash of PUBLIC_URL', () => {
    const config = parseConfig({ DATABASE_URL: '', PUBLIC_URL: 'https://shop.example.ru/' });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.PUBLIC_URL).toBe('https://shop.example.ru');
  });

  describe('HTTPS settings', () => {
    // The config only checks that the files exist; reading and pairing them is src/http/https.ts's job.
    const dir = mkdtempSync(join(tmpdir(), 'uslugi-config-'));
    const tls = { TLS_CERT_FILE: join(dir, 'cert.pem'), TLS_KEY_FILE: join(dir, 'key.pem') };
    writeFileSync(tls.TLS_CERT_FILE, 'cert');
    writeFileSync(tls.TLS_KEY_FILE, 'key');
    const production = {
      NODE_ENV: 'production',
      APP_SECRET: 'x'.repeat(32),
      PUBLIC_URL: 'https://shop.example.ru',
      SMTP_URL: 'smtp://mail.example.ru:587',
      FREEDOMPAY_MERCHANT_ID: '545084',
      FREEDOMPAY_SECRET_KEY: 'secret-key',
      FREEDOMPAY_API_URL: 'https://api.freedompay.kz',
      ATOL_LOGIN: 'shop-login',
      ATOL_PASSWORD: 'shop-password',
      ATOL_GROUP_CODE: 'shop_1',
    };

    it('refuses production without HTTPS of its own or a trusted proxy, and names both ways out', () => {
      const problems = problemsOf(production);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/^TRUST_PROXY: NODE_ENV=production needs HTTPS: set TLS_CERT_FILE and TLS_KEY_FILE, or run behind an HTTPS reverse proxy/);
      expect(parseConfig({ ...production, TRUST_PROXY: '10.0.0.5' }).TRUST_PROXY).toEqual(['10.0.0.5']);
      expect(parseConfig({ ...production, ...tls }).TRUST_PROXY).toBeUndefined();
    });

    it('takes the proxy as addresses and networks only: never everyone, never a hop count', () => {
      expect(parseConfig({ TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,::1,fd00::/8,loopback' }).TRUST_PROXY).toEqual(['127.0.0.1', '10.0.0.0/8', '::1', 'fd00::/8', 'loopback']);
      expect(parseConfig({ TRUST_PROXY: '' }).TRUST_PROXY).toBeUndefined();
      for (const everyone of ['true', '*', 'all', '1', '2']) {
        expect(problemsOf({ TRUST_PROXY: everyone })).toEqual([expect.stringMatching(/^TRUST_PROXY: name the reverse proxy's address .*forge/)]);
      }
      expect(problemsOf({ TRUST_PROXY: '10.0.0.0/33, proxy.local, 127.0.0.1' })).toEqual([
        'TRUST_PROXY: expected the reverse proxy\'s addresses or networks, comma-separated (e.g. 127.0.0.1, 10.0.0.0/8, loopback, uniquelocal), not "10.0.0.0/33", "proxy.local" (got "10.0.0.0/33, proxy.local, 127.0.0.1")',
      ]);
    });

    it('wants the certificate and key together, as existing files, with an https PUBLIC_URL', () => {
      expect(problemsOf({ TLS_CERT_FILE: tls.TLS_CERT_FILE })).toEqual(['TLS_KEY_FILE: set both TLS_CERT_FILE and TLS_KEY_FILE, or neither']);
      expect(problemsOf({ ...tls, TLS_KEY_FILE: join(dir, 'missing.pem') })).toEqual([`TLS_KEY_FILE: no such file: ${join(dir, 'missing.pem')} (got "${join(dir, 'missing.pem')}")`]);
      expect(problemsOf({ ...tls, PUBLIC_URL: 'http://shop.example.ru' })).toEqual([expect.stringMatching(/^PUBLIC_URL: must start with https:\/\//)]);
      // Without PUBLIC_URL the default address follows the listener: https, so the cookies are __Host- and Secure.
      expect(parseConfig({ ...tls, PORT: '8443' }).PUBLIC_URL).toBe('https://localhost:8443');
    });

    it('runs the plain-HTTP redirect only next to HTTPS of its own, on another port', () => {
      expect(problemsOf({ HTTP_REDIRECT_PORT: '8080' })).toEqual([expect.stringMatching(/^HTTP_REDIRECT_PORT: needs TLS_CERT_FILE and TLS_KEY_FILE/)]);
      expect(problemsOf({ ...tls, PORT: '8443', HTTP_REDIRECT_PORT: '8443' })).toEqual([expect.stringMatching(/^HTTP_REDIRECT_PORT: must differ from PORT/)]);
      expect(parseConfig({ ...tls, PORT: '443', HTTP_REDIRECT_PORT: '80' }).HTTP_REDIRECT_PORT).toBe(80);
    });
  });

  describe('Tilda and Yandex Metrika', () => {
    it('are off by default', () => {
      const config = parseConfig({});
      expect([config.FRAME_ANCESTORS, config.TILDA_API_KEY, config.YANDEX_METRIKA_ID]).toEqual([[], undefined, undefined]);
    });

    it('take https origins for FRAME_ANCESTORS and refuse anything wider or with a path', () => {
      expect(parseConfig({ FRAME_ANCESTORS: ' https://shop.tilda.ws   https://*.example.ru ' }).FRAME_ANCESTORS).toEqual(['https://shop.tilda.ws', 'https://*.example.ru']);
      expect(problemsOf({ FRAME_ANCESTORS: 'http://a.ru https://b.ru/page * https://c.ru' })).toEqual([
        expect.stringContaining('FRAME_ANCESTORS: expected https origins separated by spaces (e.g. https://example.tilda.ws https://www.example.ru), not "http://a.ru", "https://b.ru/page", "*"'),
      ]);
    });

    it('want a long TILDA_API_KEY and a counter number of digits', () => {
      expect(problemsOf({ TILDA_API_KEY: 'short', YANDEX_METRIKA_ID: '12ab' })).toEqual([
        expect.stringMatching(/^TILDA_API_KEY: нужно не меньше 16 символов/),
        expect.stringMatching(/^YANDEX_METRIKA_ID: номер счётчика: только цифры/),
      ]);
      expect(parseConfig({ YANDEX_METRIKA_ID: '98765432' }).YANDEX_METRIKA_SCRIPT_URL).toBe('https://mc.yandex.ru/metrika/tag.js');
    });
  });
});
