import { Writable } from 'node:stream';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';

describe('logs', () => {
  it('never carry personal data: query strings are cut and personal fields censored', async () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) });
    const log = createLogger('info', 'json', sink);
    const app = Fastify({ loggerInstance: log as FastifyBaseLogger });
    app.get('/payments/freedompay/result', async (request) => {
      request.log.info({ order: { email: 'ivan@example.ru', phone: '+79123456789', name: 'Иван' } }, 'handled');
      return 'ok';
    });
    await app.inject('/payments/freedompay/result?pg_user_contact_email=ivan@example.ru&pg_card_pan=4716-04XX-XXXX-1981');
    await app.close();
    const text = lines.join('');
    expect(text).toContain('/payments/freedompay/result');
    expect(text).not.toMatch(/ivan@example\.ru|79123456789|4716|Иван/);
    expect(text).toContain('[Redacted]');
  });
});
