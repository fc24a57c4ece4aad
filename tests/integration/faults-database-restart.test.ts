import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../sandbox/freedompay/index.js';
import { eventually, jobsSettled, retriesDueNow, sqlOn, type RunSql } from '../helpers/fault-jobs.js';
import { postgresBinDir, startThrowawayPostgres, type ThrowawayPostgres } from '../helpers/fault-postgres.js';
import { expectSentToGateway, orderOverHttp, startFaultSandbox, startShop, type HttpAnswer } from '../helpers/fault-shop.js';
import { cards } from '../helpers/payments.js';
import type { ServerProcess } from '../helpers/server-process.js';
import { startTestSmtp, type TestSmtp } from '../helpers/smtp.js';

// The shop's own PostgreSQL server (never the shared one) is restarted while visitors are ordering.
// Requests in that window must fail cleanly (the Russian 503 page, nothing internal, no order left
// half-made), and once the database is back the shop and its worker carry on by themselves.

describe.skipIf(!postgresBinDir() && !process.env.CI)('PostgreSQL restarted under traffic', () => {
  let database: ThrowawayPostgres;
  let smtp: TestSmtp;
  let sandbox: Sandbox;
  let shop: { server: ServerProcess; url: string };
  let pool: pg.Pool;
  let run: RunSql;
  beforeAll(async () => {
    [database, smtp, sandbox] = await Promise.all([startThrowawayPostgres(), startTestSmtp(), startFaultSandbox()]);
    shop = await startShop({ databaseUrl: database.url, smtpUrl: smtp.url, sandbox }, { LOG_LEVEL: 'error' });
  });
  afterAll(async () => {
    shop?.server.child.kill('SIGKILL');
    await pool?.end();
    await Promise.all([database?.destroy(), smtp?.stop(), sandbox?.close()]);
  });

  /** An answer a visitor may get: sent to the gateway, or the "try again" page without internals. */
  function expectCleanAnswer(answer: HttpAnswer): 'placed' | 'unavailable' {
    if (answer.status === 303) {
      expectSentToGateway(answer, sandbox);
      return 'placed';
    }
    expect(answer.status, answer.body.slice(0, 500)).toBe(503);
    expect(answer.body).toContain('Сервис временно недоступен');
    expect(answer.body).toContain('<html lang="ru"');
    expect(answer.body).not.toMatch(/ECONN|57P0|terminat|postgres|\n\s+at /i);
    return 'unavailable';
  }

  it('answers 503 while it is down, leaves no partial order, and recovers with its worker', async () => {
    const placed = async (email: string) => expectSentToGateway(await orderOverHttp(shop.url, email), sandbox);
    // Four visitors keep ordering, one order after another, while the server is stopped (its clients
    // are disconnected, mid-transaction for some) and started again; each stops once it got through.
    let phase = 'up' as 'up' | 'down' | 'back';
    const answers: { phase: typeof phase; answer: HttpAnswer }[] = [];
    const seen = (which: typeof phase, outcome: number) => answers.filter((a) => a.phase === which && a.answer.status === outcome).length;
    const visitor = async (n: number) => {
      for (let i = 0; phase !== 'back' || seen('back', 303) < 8; i++) {
        const at = phase;
        answers.push({ phase: at, answer: await orderOverHttp(shop.url, `visitor-${n}-${i}@example.ru`) });
      }
    };
    const traffic = Promise.all([0, 1, 2, 3].map(visitor));
    await eventually(async () => seen('up', 303) >= 8, 'orders go through');
    phase = 'down';
    await database.stop('fast');
    await eventually(async () => seen('down', 503) >= 12, 'orders were refused while the database is down');
    expect((await fetch(`${shop.url}/readyz`)).status).toBe(503);
    expect((await fetch(`${shop.url}/healthz`)).status).toBe(200);
    await database.start();
    phase = 'back';
    await traffic;
    const outcomes = answers.map(({ answer }) => expectCleanAnswer(answer));
    expect(outcomes).toContain('unavailable');
    await eventually(async () => (await fetch(`${shop.url}/readyz`)).status === 200, 'the shop is ready again');
    const after = await placed('after@example.ru');
    expect(shop.server.child.exitCode).toBeNull();

    pool = new pg.Pool({ connectionString: database.url, max: 2 });
    run = sqlOn(pool);
    // No order without its payment attempt; every visitor sent to the gateway has one behind the link.
    const orphans = await pool.query('select id from orders o where not exists (select 1 from payment_attempts a where a.order_id = o.id)');
    expect(orphans.rows).toEqual([]);
    const locations = [after, ...answers.filter(({ answer }) => answer.status === 303).map(({ answer }) => answer.location!)];
    const attempts = await pool.query(`select count(*)::int as n from payment_attempts where state = 'initiated' and redirect_url = any($1::text[])`, [locations]);
    expect(attempts.rows[0]).toEqual({ n: locations.length });

    // The worker carries on: the order placed after the restart is paid and its emails go out.
    const { rows } = await pool.query<{ id: string; order_id: string; gateway_payment_id: string }>(
      'select id, order_id, gateway_payment_id from payment_attempts where redirect_url = $1',
      [after],
    );
    await sandbox.pay(rows[0]!.gateway_payment_id, cards.plain);
    await eventually(async () => {
      await retriesDueNow(run);
      return smtp.received.filter((mail) => mail.envelopeTo.includes('after@example.ru')).length === 3 && (await jobsSettled(run));
    }, "the paid order's emails went out");
    const sent = await pool.query(`select count(*)::int as n from emails where order_id = $1 and status = 'sent'`, [rows[0]!.order_id]);
    expect(sent.rows[0]).toEqual({ n: 3 });

    // Nothing was lost along the way: a connection lent out during the restart and never given back
    // would hold the shutdown (the pool waits for it) until it is killed 20 s later with exit code 1.
    shop.server.child.kill('SIGTERM');
    expect(await shop.server.exited).toBe(0);
  });
});
