import { DateTime } from 'luxon';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../sandbox/freedompay/index.js';
import { signed } from '../../sandbox/freedompay/signature.js';
import { eventually, jobsSettled, retriesDueNow, sqlOn, type RunSql } from '../helpers/fault-jobs.js';
import { postgresBinDir, startThrowawayPostgres, type ThrowawayPostgres } from '../helpers/fault-postgres.js';
import { expectSentToGateway, orderOverHttp, startFaultSandbox, startShop } from '../helpers/fault-shop.js';
import { cards } from '../helpers/payments.js';
import type { ServerProcess } from '../helpers/server-process.js';
import { startTestSmtp, type TestSmtp } from '../helpers/smtp.js';
import { testMerchant } from '../helpers/test-app.js';

// Two shop processes (each a web app and a worker) on one PostgreSQL database receive the same signed
// result callback at the same moment, several times each, as a gateway retrying through a load
// balancer would send it. Exactly one transition may come of it: one payment event, one order.paid
// job, one confirmation email.

describe.skipIf(!postgresBinDir() && !process.env.CI)('one result callback at two processes at once', () => {
  let database: ThrowawayPostgres;
  let smtp: TestSmtp;
  let sandbox: Sandbox;
  let pool: pg.Pool;
  let run: RunSql;
  const shops: { server: ServerProcess; url: string }[] = [];
  beforeAll(async () => {
    [database, smtp, sandbox] = await Promise.all([startThrowawayPostgres(), startTestSmtp(), startFaultSandbox()]);
    pool = new pg.Pool({ connectionString: database.url, max: 2 });
    run = sqlOn(pool);
    // Both start at once on the empty database: the migrations run under an advisory lock.
    const setup = { databaseUrl: database.url, smtpUrl: smtp.url, sandbox };
    shops.push(...(await Promise.all([startShop(setup), startShop(setup)])));
  });
  afterAll(async () => {
    for (const { server } of shops) server.child.kill('SIGTERM');
    const codes = await Promise.all(shops.map(({ server }) => server.exited));
    await pool?.end();
    await Promise.all([database?.destroy(), smtp?.stop(), sandbox?.close()]);
    expect(codes).toEqual([0, 0]);
  });

  const count = async (text: string, values: unknown[]) => Number((await pool.query<{ n: number }>(text, values)).rows[0]!.n);

  it('makes one transition, one order.paid job and one confirmation email', async () => {
    const [a, b] = shops as [(typeof shops)[0], (typeof shops)[0]];
    const address = 'twice@example.ru';
    const location = expectSentToGateway(await orderOverHttp(a.url, address), sandbox);
    const { rows } = await pool.query<{ id: string; order_id: string; gateway_payment_id: string; amount_kopecks: number }>(
      'select id, order_id, gateway_payment_id, amount_kopecks from payment_attempts where redirect_url = $1',
      [location],
    );
    const attempt = rows[0]!;
    // The payer pays; the gateway's own callback is held back so that the test sends it, signed the same way.
    sandbox.setFaults(attempt.id, { dropResult: true });
    expect((await sandbox.pay(attempt.gateway_payment_id, cards.plain)).outcome).toBe('success');
    expect(await count('select count(*)::int as n from payment_events where attempt_id = $1', [attempt.id])).toBe(0);

    const body = new URLSearchParams(
      signed(
        'result',
        [
          ['pg_order_id', attempt.id],
          ['pg_payment_id', attempt.gateway_payment_id],
          ['pg_amount', (attempt.amount_kopecks / 100).toFixed(2)],
          ['pg_currency', 'RUB'],
          ['pg_result', '1'],
          ['pg_can_reject', '1'],
          ['pg_captured', '1'],
          ['pg_card_pan', '4716-04XX-XXXX-1981'],
          ['pg_card_brand', 'VI'],
          ['pg_payment_date', DateTime.now().setZone('Asia/Almaty').toFormat('yyyy-MM-dd HH:mm:ss')],
        ],
        testMerchant.secret,
      ) as [string, string][],
    ).toString();
    const send = async (url: string) => {
      const answer = await fetch(`${url}/payments/freedompay/result`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
      return `${answer.status} ${/<pg_status>(\w+)<\/pg_status>/.exec(await answer.text())?.[1]}`;
    };
    const answers = await Promise.all([a, b, a, b, a, b, a, b].map((shop) => send(shop.url)));
    expect(answers).toEqual(Array(8).fill('200 ok'));

    expect(await count('select count(*)::int as n from payment_events where attempt_id = $1', [attempt.id])).toBe(1);
    expect(await count(`select count(*)::int as n from orders where id = $1 and state = 'paid'`, [attempt.order_id])).toBe(1);
    expect(await count(`select count(*)::int as n from pgboss.job where name = 'order.paid' and data->>'orderId' = $1`, [attempt.order_id])).toBe(1);

    await eventually(
      async () => {
        await retriesDueNow(run);
        return (await count('select count(*)::int as n from emails where order_id = $1', [attempt.order_id])) === 3 && (await jobsSettled(run));
      },
      "the order's emails went out",
    );
    const kinds = await pool.query<{ kind: string; n: number }>('select kind, count(*)::int as n from emails where order_id = $1 group by kind order by kind', [attempt.order_id]);
    expect(kinds.rows).toEqual([
      { kind: 'credentials', n: 1 },
      { kind: 'order_confirmation', n: 1 },
      { kind: 'verify_email', n: 1 },
    ]);
    const received = smtp.received.filter((mail) => mail.envelopeTo.includes(address));
    expect(received.filter((mail) => /^Заказ У-\d+ оплачен/.test(mail.subject))).toHaveLength(1);
    expect(received).toHaveLength(3);
    expect(await count('select count(*)::int as n from clients where email = $1', [address])).toBe(1);
  });
});
