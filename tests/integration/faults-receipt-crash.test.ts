import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../sandbox/freedompay/index.js';
import { deliveryQueues, eventually, failJobsOfDeadProcess, retriesDueNow, sqlOn, type RunSql } from '../helpers/fault-jobs.js';
import { postgresBinDir, startThrowawayPostgres, type ThrowawayPostgres } from '../helpers/fault-postgres.js';
import { startRegisterProcess, type RegisterProcess } from '../helpers/fault-register.js';
import { expectSentToGateway, orderOverHttp, startFaultSandbox, startShop } from '../helpers/fault-shop.js';
import { cards } from '../helpers/payments.js';
import { startTestSmtp, type TestSmtp } from '../helpers/smtp.js';

// The shop process is killed (SIGKILL: no shutdown hook runs) after it saved two receipts and while the
// register, slowed down, still holds the call for one of them: that one is `sent` (the register may
// make it, but we never hear), the other `queued` or `sent`. The register runs as its own process and
// outlives the shop. A new shop process on the same database must end with exactly one receipt per
// money event, and the register with exactly one document per external id.

const receiptQueues = ['receipts.issue', 'receipts.poll'];
const SLOW_MS = 5000;

interface ReceiptRow {
  id: string;
  order_id: string;
  external_id: string;
  state: string;
  attempts: number;
  register_uuid: string | null;
}

describe.skipIf(!postgresBinDir() && !process.env.CI)('a shop process killed between saving a receipt and the register\'s answer', () => {
  let database: ThrowawayPostgres;
  let smtp: TestSmtp;
  let sandbox: Sandbox;
  let register: RegisterProcess;
  let pool: pg.Pool;
  let run: RunSql;
  beforeAll(async () => {
    [database, smtp, sandbox, register] = await Promise.all([startThrowawayPostgres(), startTestSmtp(), startFaultSandbox(), startRegisterProcess()]);
    pool = new pg.Pool({ connectionString: database.url, max: 2 });
    pool.on('error', () => {});
    run = sqlOn(pool);
  });
  afterAll(async () => {
    await pool?.end();
    await Promise.all([database?.destroy(), smtp?.stop(), sandbox?.close(), register?.stop()]);
  });

  const receiptRows = async () => (await pool.query<ReceiptRow>('select id, order_id, external_id, state::text as state, attempts, register_uuid from receipts order by created_at')).rows;

  /** A visitor orders over HTTP and the gateway's sandbox pays: resolves once the shop answered the result callback. */
  async function paidOverHttp(url: string, email: string): Promise<string> {
    const location = expectSentToGateway(await orderOverHttp(url, email), sandbox);
    const { rows } = await pool.query<{ order_id: string; gateway_payment_id: string }>('select order_id, gateway_payment_id from payment_attempts where redirect_url = $1', [location]);
    await sandbox.pay(rows[0]!.gateway_payment_id, cards.plain);
    return rows[0]!.order_id;
  }

  it('after a restart: one receipt per money event, one document per external id, all done', { timeout: 180_000 }, async () => {
    const setup = { databaseUrl: database.url, smtpUrl: smtp.url, sandbox };
    // ATOL settings pointing at the register process: RECEIPTS=atol, as a real shop.
    const first = await startShop(setup, register.shopEnv);
    await register.setFaults({ slowMs: SLOW_MS });

    const slowOrder = await paidOverHttp(first.url, 'slow-register@example.ru');
    // The worker sent it (state `sent` before the call) and the register has the call in hand, sleeping.
    await eventually(async () => (await receiptRows()).some((r) => r.order_id === slowOrder && r.state === 'sent'), 'the receipt was sent', 20_000, 20);
    await register.server.waitFor('/possystem/v5/uslugi-dev_1/sell', 30_000);
    // A second payment right before the end: its receipt is saved with the payment, not yet answered.
    const lastOrder = await paidOverHttp(first.url, 'last-payment@example.ru');
    first.server.child.kill('SIGKILL');
    await first.server.exited;

    const atKill = await receiptRows();
    expect(atKill.map((r) => [r.order_id, r.state])).toEqual([
      [slowOrder, 'sent'],
      [lastOrder, expect.stringMatching(/^(queued|sent)$/)],
    ]);
    expect(atKill.every((r) => r.register_uuid === null)).toBe(true);
    // The register finishes the call nobody waits for any more: it holds the document, the shop does not know.
    await eventually(async () => (await register.documents()).some((d) => d.externalId === atKill[0]!.external_id), 'the register made the orphaned document', SLOW_MS * 3);
    await register.setFaults({ slowMs: 0 });

    // What pg-boss does once the dead process's jobs expire (15 minutes), and every backoff elapsed now.
    const queues = [...receiptQueues, ...deliveryQueues];
    await failJobsOfDeadProcess(database.url, queues);
    await retriesDueNow(run, queues);

    const second = await startShop(setup, { ...register.shopEnv, LOG_LEVEL: 'error' });
    try {
      await eventually(
        async () => {
          await retriesDueNow(run, queues);
          return (await receiptRows()).every((r) => r.state === 'done');
        },
        'every receipt was done',
        60_000,
        200,
      );
      const after = await receiptRows();
      expect(after).toHaveLength(2);
      expect((await pool.query(`select event::text, count(*)::int as n from receipts group by event, source_id`)).rows).toEqual([
        { event: 'order_paid', n: 1 },
        { event: 'order_paid', n: 1 },
      ]);
      // The resend of the orphaned one was a duplicate at the register (code 33): it read that document.
      expect(after[0]!.attempts).toBeGreaterThanOrEqual(2);

      const documents = await register.documents();
      const perExternalId = new Map<string, number>();
      for (const d of documents) perExternalId.set(d.externalId, (perExternalId.get(d.externalId) ?? 0) + 1);
      expect([...perExternalId.values()]).toEqual([1, 1]);
      expect(documents.map((d) => d.externalId).sort()).toEqual(after.map((r) => r.external_id).sort());
      for (const row of after) expect(documents.find((d) => d.externalId === row.external_id)).toMatchObject({ uuid: row.register_uuid, status: 'done', operation: 'sell' });
      // The books of both orders: the money kept is the money on receipts.
      const books = await pool.query<{ kept: number; receipted: number }>(
        `select (select coalesce(sum(amount_kopecks), 0)::int from payment_attempts a where a.order_id = o.id and a.paid_at is not null) as kept,
                (select coalesce(sum(money_kopecks), 0)::int from receipts r where r.order_id = o.id and r.state = 'done' and r.kind = 'sale') as receipted
           from orders o where o.id = any($1::uuid[])`,
        [[slowOrder, lastOrder]],
      );
      expect(books.rows).toHaveLength(2);
      for (const row of books.rows) expect(row.receipted).toBe(row.kept);
      expect(second.server.output()).not.toMatch(/"level":(50|60)/);
    } finally {
      second.server.child.kill('SIGTERM');
      expect(await second.server.exited).toBe(0);
    }
  });
});
