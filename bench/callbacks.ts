import pg from 'pg';
// @ts-expect-error autocannon ships no types
import autocannon from 'autocannon';
import { freePort, startServer, waitForHttp } from '../tests/helpers/server-process.js';
import { BENCH_MERCHANT, ordersSentToGateway, paidCallbackBody, scratchDatabase } from './support.js';

// npm run bench (second part): signed result callbacks for distinct orders at 50 connections on
// PostgreSQL, against the rate of single-row committed INSERTs into the same database, in the same
// run. Target: ratio ≥ 0.3, p99 < 50 ms. The baseline is measured two ways and both are printed:
// one connection committing one row at a time (the database's commit rate, which the target is read
// against), and 50 callers on a pool of the app's size (where PostgreSQL groups commits).
// BENCH_DATABASE_URL (default: the local PostgreSQL) names the server; a scratch database is made.

const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = 50;
const POOL_SIZE = 10; // the app's own pool size (src/db/client.ts)
const ORDERS = 60_000; // more than can be paid in one run: every callback is for a new order
const database = await scratchDatabase();
const port = await freePort();
const app = await startServer({
  PORT: String(port),
  HOST: '127.0.0.1',
  ROLE: 'web',
  DATABASE_URL: database.url,
  CAPTCHA: 'off',
  LOG_LEVEL: 'warn',
  PUBLIC_URL: `http://127.0.0.1:${port}`,
  FREEDOMPAY_MERCHANT_ID: BENCH_MERCHANT.id,
  FREEDOMPAY_SECRET_KEY: BENCH_MERCHANT.secret,
  FREEDOMPAY_API_URL: 'http://127.0.0.1:9', // never called while processing callbacks
}, process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : []);
const pool = new pg.Pool({ connectionString: database.url, max: POOL_SIZE });
try {
  await Promise.race([waitForHttp(`http://127.0.0.1:${port}/readyz`), app.exited.then(() => Promise.reject(new Error(app.output())))]);

  // Orders awaiting payment, each with an attempt already sent to the gateway.
  const orders = await ordersSentToGateway(pool, 1, ORDERS);
  await pool.query('analyze'); // as autovacuum would, before the load rather than during it
  const bodies = orders.map(paidCallbackBody);

  // Baselines: single-row INSERTs, each its own committed transaction.
  await pool.query('create table bench_rows (id bigserial primary key, payload text not null, created_at timestamptz not null default now())');
  const single = new pg.Pool({ connectionString: database.url, max: 1 });
  const sequential = await insertRate(single, 1, DURATION);
  await single.end();
  const concurrent = await insertRate(pool, CONNECTIONS, DURATION);

  let next = 0;
  const callbacks = await autocannon({
    url: `http://127.0.0.1:${port}/payments/freedompay/result`,
    connections: CONNECTIONS,
    duration: DURATION,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        setupRequest: (request: Record<string, unknown>) => ({ ...request, body: bodies[next++ % bodies.length] }),
      },
    ],
  });
  await new Promise((resolve) => setTimeout(resolve, 500)); // let callbacks still in flight finish
  const counts = await pool.query<{ paid: number; events: number; jobs: number }>(`select
    (select count(*)::int from orders where state = 'paid') as paid,
    (select count(*)::int from payment_events where answer = 'ok') as events,
    (select count(*)::int from pgboss.job where name = 'order.paid') as jobs`);
  const { paid, events, jobs } = counts.rows[0]!;

  const rate = callbacks.requests.average as number;
  const errors = callbacks.errors + callbacks.timeouts + callbacks.non2xx;
  console.log(`\nresult callbacks on PostgreSQL, ${DURATION} s × ${CONNECTIONS} connections, pool of ${POOL_SIZE}\n`);
  const row = (label: string, perSecond: number, p99: number, errorCount: number) =>
    console.log(`${label.padEnd(52)} ${perSecond.toFixed(0).padStart(8)} ${p99.toFixed(1).padStart(9)} ${String(errorCount).padStart(7)}`);
  console.log(`${''.padEnd(52)}    per s    p99 ms  errors`);
  row('INSERT one row per commit, 1 connection (baseline)', sequential.perSecond, sequential.p99, 0);
  row(`INSERT one row per commit, ${CONNECTIONS} callers / pool ${POOL_SIZE}`, concurrent.perSecond, concurrent.p99, 0);
  row('signed result callback, distinct orders', rate, callbacks.latency.p99, errors);
  console.log(`\ncallbacks answered: ${callbacks.requests.total}; orders paid: ${paid}; events: ${events}; order.paid jobs: ${jobs}`);
  const ratio = rate / sequential.perSecond;
  const met = ratio >= 0.3 && callbacks.latency.p99 < 50;
  console.log(`callbacks / commit rate = ${ratio.toFixed(2)} (target ≥ 0.3); against ${CONNECTIONS} concurrent inserters ${(rate / concurrent.perSecond).toFixed(2)}`);
  console.log(`p99 ${callbacks.latency.p99} ms (target < 50): ${met ? 'targets met' : 'targets NOT met'}`);
  // Every answered callback paid exactly one order and enqueued exactly one job.
  if (errors > 0 || paid !== events || jobs !== paid || paid < callbacks.requests.total) process.exitCode = 1;
} finally {
  await pool.end();
  app.child.kill('SIGTERM');
  await app.exited;
  await database.drop();
}

async function insertRate(target: pg.Pool, callers: number, seconds: number): Promise<{ perSecond: number; p99: number }> {
  const latencies: number[] = [];
  const deadline = performance.now() + seconds * 1000;
  const caller = async () => {
    while (performance.now() < deadline) {
      const started = performance.now();
      await target.query('insert into bench_rows (payload) values ($1)', ['x'.repeat(64)]);
      latencies.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: callers }, caller));
  latencies.sort((a, b) => a - b);
  return { perSecond: latencies.length / seconds, p99: latencies[Math.floor(latencies.length * 0.99)] ?? 0 };
}
