import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../sandbox/freedompay/index.js';
import { eventually, failJobsOfDeadProcess, jobsOf, jobsSettled, retriesDueNow, sqlOn, type RunSql } from '../helpers/fault-jobs.js';
import { postgresBinDir, startThrowawayPostgres, type ThrowawayPostgres } from '../helpers/fault-postgres.js';
import { expectSentToGateway, orderOverHttp, startFaultSandbox, startShop } from '../helpers/fault-shop.js';
import { cards } from '../helpers/payments.js';
import { startTestSmtp, type TestSmtp } from '../helpers/smtp.js';

// The process is killed (SIGKILL: no shutdown hook runs) right after it answered the gateway's result
// callback, while the SMTP server is down so no email can have gone out. A new process on the same
// database must send every email of that order exactly once and create the client's account once.

describe.skipIf(!postgresBinDir() && !process.env.CI)('a shop process killed after answering a result callback', () => {
  let database: ThrowawayPostgres;
  let smtp: TestSmtp;
  let sandbox: Sandbox;
  let pool: pg.Pool;
  let run: RunSql;
  beforeAll(async () => {
    [database, smtp, sandbox] = await Promise.all([startThrowawayPostgres(), startTestSmtp(), startFaultSandbox()]);
    await smtp.stop();
    pool = new pg.Pool({ connectionString: database.url, max: 2 });
    pool.on('error', () => {});
    run = sqlOn(pool);
  });
  afterAll(async () => {
    await pool?.end();
    await Promise.all([database?.destroy(), smtp?.stop(), sandbox?.close()]);
  });

  async function recoverJobs() {
    const jobs = await jobsOf(run);
    await failJobsOfDeadProcess(database.url);
    await retriesDueNow(run);
    return jobs.map((job) => `${job.name}:${job.state}`);
  }

  const one = async <T>(text: string, values: unknown[]) => (await pool.query(text, values)).rows[0] as T;

  it('delivers every email exactly once after a restart, and the account exists once', async () => {
    const setup = { databaseUrl: database.url, smtpUrl: smtp.url, sandbox };
    const first = await startShop(setup);
    const address = 'crash@example.ru';
    const location = expectSentToGateway(await orderOverHttp(first.url, address), sandbox);
    const attempt = await one<{ id: string; order_id: string; gateway_payment_id: string }>(
      'select id, order_id, gateway_payment_id from payment_attempts where redirect_url = $1',
      [location],
    );

    // pay() resolves once the result callback was answered: the process dies right after.
    await sandbox.pay(attempt.gateway_payment_id, cards.plain);
    first.server.child.kill('SIGKILL');
    await first.server.exited;
    const answered = sandbox.deliveries().filter((d) => d.orderId === attempt.id && d.kind === 'result');
    expect(answered.map((d) => d.answerStatus)).toEqual(['ok']);
    expect(await one('select state from orders where id = $1', [attempt.order_id])).toEqual({ state: 'paid' });
    expect(smtp.received).toEqual([]);

    // Whatever a dead process was doing is picked up again: a job it held fails (as its expiry would
    // after 15 minutes) and every backoff elapses at once.
    const atFirstKill = await recoverJobs();
    expect(atFirstKill).toEqual([expect.stringMatching(/^order.paid:(created|active)$/)]);

    // The next process dies too, this time while its worker is at the emails: the account and the
    // emails are written (one transaction), their deliveries are running or waiting for a retry.
    const second = await startShop(setup, { LOG_LEVEL: 'error' });
    await eventually(
      async () => (await one<{ n: number }>('select count(*)::int as n from emails where order_id = $1', [attempt.order_id])).n === 3,
      'the emails were written',
      20_000,
      10,
    );
    second.server.child.kill('SIGKILL');
    await second.server.exited;
    expect(smtp.received).toEqual([]);
    expect(await recoverJobs()).toHaveLength(4); // the order's follow-up and its three deliveries
    const third = await startShop(setup, { LOG_LEVEL: 'error' });
    try {
      await smtp.start();
      await eventually(
        async () => {
          await retriesDueNow(run);
          const { unsent } = await one<{ unsent: number }>(`select count(*)::int as unsent from emails where order_id = $1 and status <> 'sent'`, [attempt.order_id]);
          return unsent === 0 && (await jobsSettled(run));
        },
        'every email of the order was sent',
        30_000,
      );

      const sent = await pool.query<{ id: string; kind: string }>('select id, kind from emails where order_id = $1 order by kind', [attempt.order_id]);
      expect(sent.rows.map((row) => row.kind)).toEqual(['credentials', 'order_confirmation', 'verify_email']);
      const received = smtp.received.filter((mail) => mail.envelopeTo.includes(address));
      expect(received.map((mail) => mail.headers.get('message-id')).sort()).toEqual(sent.rows.map((row) => `<${row.id}@uslugi.example>`).sort());
      expect(await one('select count(*)::int as n from clients where email = $1', [address])).toEqual({ n: 1 });
      expect(await one('select count(*)::int as n from payment_events where attempt_id = $1', [attempt.id])).toEqual({ n: 1 });
      expect((await jobsOf(run, ['order.paid'])).map((job) => job.state)).toEqual(['completed']);
      expect(third.server.output()).not.toMatch(/"level":(50|60)/);
    } finally {
      third.server.child.kill('SIGTERM');
      expect(await third.server.exited).toBe(0);
    }
  });
});
