import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { createMailer } from '../../src/email/mailer.js';
import { verifyDkim } from '../helpers/dkim.js';
import { startTestSmtp, type TestSmtp } from '../helpers/smtp.js';

// Mail that arrives and replies that reach someone: every email is DKIM-signed for the shop's domain
// (checked here independently over the bytes the SMTP server received) and replies go to the company.

describe('outgoing email', () => {
  const dir = mkdtempSync(join(tmpdir(), 'uslugi-dkim-'));
  const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const keyFile = join(dir, 'dkim.pem');
  writeFileSync(keyFile, keys.privateKey.export({ type: 'pkcs8', format: 'pem' }));
  let smtp: TestSmtp;
  beforeAll(async () => {
    smtp = await startTestSmtp();
  });
  afterAll(async () => {
    await smtp.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const settings = () => ({
    SMTP_URL: smtp.url,
    MAIL_FROM: '"Услуги онлайн" <no-reply@shop.example.ru>',
    COMPANY_EMAIL: 'hello@shop.example.ru',
  });

  async function sendOne(env: Record<string, string>, id: string) {
    const mailer = createMailer(parseConfig(env));
    try {
      await mailer.send({ id, to: 'client@example.ru', subject: 'Заказ оплачен', html: '<p>Здравствуйте, Иван!</p><p>Просто ответьте на это письмо.</p>', text: 'Здравствуйте, Иван!\n\nПросто ответьте на это письмо.' });
    } finally {
      mailer.close();
    }
    return smtp.received.find((mail) => mail.headers.get('message-id')?.includes(id))!;
  }

  it('is signed with DKIM for the shop domain, and the signature verifies over the received bytes', async () => {
    const mail = await sendOne({ ...settings(), DKIM_DOMAIN: 'shop.example.ru', DKIM_SELECTOR: 'uslugi1', DKIM_PRIVATE_KEY_FILE: keyFile }, '0d6b1f5e-3a59-4c1e-9f8a-000000000001');
    const result = verifyDkim(mail.raw, keys.publicKey);
    expect(result).toMatchObject({ domain: 'shop.example.ru', selector: 'uslugi1', bodyHashMatches: true, signatureValid: true });
    expect(result.signedHeaders).toEqual(expect.arrayContaining(['from', 'to', 'subject', 'reply-to', 'message-id']));
    // The check is a real one: a changed word in the body or a changed subject fails it.
    const tamperedBody = mail.raw.replace('\r\n\r\n', '\r\n\r\nНе от нас.\r\n');
    expect(verifyDkim(tamperedBody, keys.publicKey).bodyHashMatches).toBe(false);
    const tamperedSubject = mail.raw.replace(/^Subject: .*$/m, 'Subject: =?UTF-8?Q?Other?=');
    expect(verifyDkim(tamperedSubject, keys.publicKey).signatureValid).toBe(false);
  });

  it('sends replies to the company address, or to MAIL_REPLY_TO when set', async () => {
    const plain = await sendOne(settings(), '0d6b1f5e-3a59-4c1e-9f8a-000000000002');
    expect(plain.headers.get('reply-to')).toBe('hello@shop.example.ru');
    expect(plain.headers.has('dkim-signature')).toBe(false);
    const other = await sendOne({ ...settings(), MAIL_REPLY_TO: 'support@shop.example.ru' }, '0d6b1f5e-3a59-4c1e-9f8a-000000000003');
    expect(other.headers.get('reply-to')).toBe('support@shop.example.ru');
  });

  it('refuses incomplete or unusable DKIM settings', () => {
    const problems = (env: Record<string, string>) => {
      try {
        parseConfig(env);
        return [];
      } catch (error) {
        return (error as { problems: string[] }).problems;
      }
    };
    expect(problems({ DKIM_DOMAIN: 'shop.example.ru' }).map((p) => p.split(':')[0]).sort()).toEqual(['DKIM_PRIVATE_KEY_FILE', 'DKIM_SELECTOR']);
    const notAKey = join(dir, 'not-a-key.pem');
    writeFileSync(notAKey, 'hello');
    expect(problems({ DKIM_DOMAIN: 'shop.example.ru', DKIM_SELECTOR: 'uslugi1', DKIM_PRIVATE_KEY_FILE: notAKey })).toEqual([`DKIM_PRIVATE_KEY_FILE: not a readable PEM private key (got "${notAKey}")`]);
    expect(problems({ DKIM_DOMAIN: 'shop.example.ru', DKIM_SELECTOR: 'uslugi1', DKIM_PRIVATE_KEY_FILE: join(dir, 'missing.pem') })[0]).toContain('no such file');
    expect(problems({ DKIM_DOMAIN: 'not a domain', DKIM_SELECTOR: 'a b', DKIM_PRIVATE_KEY_FILE: keyFile }).map((p) => p.split(':')[0]).sort()).toEqual(['DKIM_DOMAIN', 'DKIM_SELECTOR']);
  });
});
