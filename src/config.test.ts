import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config.js';

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
    expect(parseConfig({ FREEDOMPAY_MERCHANT_ID: '545084', FREEDOMPAY_SECRET_KEY: 'secret-key', FREEDOMPAY_API_URL: 'https://api.freedompay.kz' }).FREEDOMPAY_API_URL).toBe('https://api.freedompay.kz');
  });

  it('requires real merchant credentials in production', () => {
    expect(problemsOf({ NODE_ENV: 'production', APP_SECRET: 'x'.repeat(32), PUBLIC_URL: 'https://shop.example.ru', SMTP_URL: 'smtp://mail.example.ru:587' })).toEqual([
      expect.stringMatching(/^FREEDOMPAY_MERCHANT_ID: real merchant credentials are required/),
    ]);
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
});
