import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, humanLine } from './log.js';
import { startBlock } from './dev-console.js';

const at = Date.UTC(2026, 11, 6, 9, 5, 7);

describe('the development console', () => {
  it('shows a request as one line when it completes, with its status and time', () => {
    const started = new Map<string, string>();
    expect(humanLine(JSON.stringify({ level: 30, time: at, reqId: 'req-1', req: { method: 'GET', url: '/orders/1' }, msg: 'incoming request' }), started)).toBeNull();
    const line = humanLine(JSON.stringify({ level: 30, time: at, reqId: 'req-1', res: { statusCode: 200 }, responseTime: 12.4, msg: 'request completed' }), started);
    expect(line).toMatch(/^\d\d:\d\d:\d\d {2}GET \/orders\/1 → 200 \(12 ms\)\n$/);
    expect(started.size).toBe(0);
  });

  it('names warnings and errors, keeps the fields and indents the stack', () => {
    expect(humanLine(JSON.stringify({ level: 40, time: at, pid: 1, hostname: 'h', msg: 'slow', queue: 'email.deliver', ageSeconds: 400 }))).toMatch(/ {2}WARN {2}slow {2}queue=email\.deliver ageSeconds=400\n$/);
    const error = humanLine(JSON.stringify({ level: 50, time: at, msg: 'backup failed', err: { message: 'disk full', stack: 'Error: disk full\n    at write' } }))!;
    expect(error).toContain('ERROR  backup failed\n    Error: disk full\n        at write\n');
  });

  it('censors what the JSON log censors', () => {
    let text = '';
    const sink = new Writable({ write: (chunk, _encoding, done) => ((text += String(chunk)), done()) });
    const log = createLogger('info', 'pretty', sink);
    log.info({ client: { email: 'ivan@example.ru', phone: '+79123456789' } }, 'client signed in');
    expect(text).toContain('client signed in');
    expect(text).not.toMatch(/ivan@example\.ru|79123456789|"level"/);
    expect(text).toContain('[Redacted]');
  });

  it('prints where everything is as short aligned lines', () => {
    const block = startBlock({
      shop: 'http://localhost:3000/',
      setupLink: 'http://localhost:3000/admin/setup?token=abc',
      backOffice: 'http://localhost:3000/admin',
      mailbox: 'http://localhost:3000/dev/mailbox',
      gateway: { url: 'http://127.0.0.1:3100', cards: [{ pan: '4716047261941981', note: 'Успешная оплата' }, { pan: '5335215945367703', note: 'Отказ' }] },
      register: 'http://127.0.0.1:3200',
      telegram: null,
    });
    const lines = block.trim().split('\n');
    expect(lines[0]).toBe('Shop         http://localhost:3000/');
    expect(block).toContain('  First admin  http://localhost:3000/admin/setup?token=abc');
    expect(block).toContain('  Test cards   4716 0472 6194 1981  Успешная оплата\n               5335 2159 4536 7703  Отказ\n');
    expect(block).not.toContain('Telegram');
    // every value starts in the same column
    for (const line of block.split('\n').filter(Boolean)) expect([line.slice(13, 15), line[15]], line).toEqual(['  ', expect.stringMatching(/\S/)]);
  });
});
