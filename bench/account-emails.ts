import nodemailer from 'nodemailer';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { parseMessage } from '../tests/helpers/mime.js';
import { freePort, startServer, waitForHttp, type ServerProcess } from '../tests/helpers/server-process.js';
import { BENCH_MERCHANT, ordersSentToGateway, paidCallbackBody, scratchDatabase } from './support.js';

// npm run bench:emails: the time from an accepted result callback (its 200 answer) to the credentials
// email ("Доступ в личный кабинет") accepted by an SMTP server, over 100 orders on PostgreSQL, with
// the app as `npm start` runs it (ROLE=all: web and worker in one process). Target: p95 < 2 s.
// Two batches of 100 new orders: a steady arrival (10 callbacks a second) and a burst (100 at once).
// Baseline in the same run: a plain message sent straight to the same SMTP server with nodemailer, one
// connection per message as the app's transport does (smtp-server, like real servers, waits ~100 ms
// before its greeting to catch early talkers, so that is most of it).
// The pg-boss jobs behind each batch (queue wait, run time) are printed to show where the time goes.
// BENCH_DATABASE_URL (default: the local PostgreSQL) names the server; a scratch database is made.

const ORDERS = 100;
const RATE_PER_SECOND = 10;
const TARGET_P95_MS = 2000;
const ARRIVAL_TIMEOUT_MS = 30_000;
const SUBJECT = 'Доступ в личный кабинет';
// A loopback SMTP server that notes when each message was accepted (just before its 250 reply).
const arrivals = new Map<string, { subject: string; at: number }[]>();
const arrivalWaiters = new Map<string, () => void>();
let received = 0;
const key = (to: string, subject: string) => `${to.toLowerCase()}\n${subject}`;
const smtp = new SMTPServer({
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      const at = performance.now();
      const { subject } = parseMessage(Buffer.concat(chunks).toString('utf8'));
      received++;
      for (const { address } of session.envelope.rcptTo) {
        const list = arrivals.get(address.toLowerCase()) ?? [];
        list.push({ subject, at });
        arrivals.set(address.toLowerCase(), list);
        arrivalWaiters.get(key(address, subject))?.();
      }
      callback();
    });
  },
});
const smtpPort = await freePort();
await new Promise<void>((resolve, reject) => {
  smtp.once('error', reject);
  smtp.listen(smtpPort, '127.0.0.1', () => resolve());
});
const smtpUrl = `smtp://127.0.0.1:${smtpPort}`;

/** Resolves with the arrival time of the message to this address with this subject, or null after the timeout. */
function arrivalOf(to: string, subject: string, timeoutMs: number): Promise<number | null> {
  const found = () => arrivals.get(to.toLowerCase())?.find((message) => message.subject === subject)?.at;
  const already = found();
  if (already !== undefined) return Promise.resolve(already);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      arrivalWaiters.delete(key(to, subject));
      resolve(null);
    }, timeoutMs);
    arrivalWaiters.set(key(to, subject), () => {
      clearTimeout(timer);
      arrivalWaiters.delete(key(to, subject));
      resolve(found() ?? null);
    });
  });
}

let app: ServerProcess | null = null;
let pool: pg.Pool | null = null;
let database: Awaited<ReturnType<typeof scratchDatabase>> | null = null;
try {
  // Baseline: one plain message at a time, sent with nodemailer from this process, until the server accepts it.
  const direct = nodemailer.createTransport({ url: smtpUrl });
  const baseline: number[] = [];
  for (let i = 0; i < ORDERS; i++) {
    const started = performance.now();
    await direct.sendMail({ from: 'bench@example.ru', to: `baseline-${i}@example.ru`, subject: 'baseline', text: 'Проверка связи' });
    baseline.push(performance.now() - started);
  }
  direct.close();

  database = await scratchDatabase();
  const port = await freePort();
  app = await startServer({
    PORT: String(port),
    HOST: '127.0.0.1',
    ROLE: 'all',
    DATABASE_URL: database.url,
    SMTP_URL: smtpUrl,
    MAIL_FROM: '"Услуги онлайн" <no-reply@uslugi.example>',
    CAPTCHA: 'off',
    LOG_LEVEL: 'warn',
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    FREEDOMPAY_MERCHANT_ID: BENCH_MERCHANT.id,
    FREEDOMPAY_SECRET_KEY: BENCH_MERCHANT.secret,
    FREEDOMPAY_API_URL: 'http://127.0.0.1:9', // never called: the attempts are made here, paid by callback
  });
  const started = app;
  await Promise.race([waitForHttp(`http://127.0.0.1:${port}/readyz`), started.exited.then(() => Promise.reject(new Error(started.output())))]);
  pool = new pg.Pool({ connectionString: database.url, max: 2 });

  const steady = await runBatch(pool, port, 'steady', 0);
  // A burst only means something once the steady batch has drained; if it has not, it is skipped.
  const drained = steady.missing === 0 && (await settle(3 * ORDERS));
  const burst = drained ? await runBatch(pool, port, 'burst', ORDERS) : null;

  const baselineP50 = percentile(baseline, 0.5);
  console.log(`\ncredentials email after an accepted result callback, PostgreSQL, ROLE=all (web + worker in one process)\n`);
  console.log(`${''.padEnd(50)} orders  arrived   p50 ms   p95 ms   max ms`);
  // An email that never arrived counts as infinitely late (shown as ">30000").
  const row = (label: string, count: number, values: number[]) =>
    console.log(
      `${label.padEnd(50)} ${String(count).padStart(6)} ${String(values.filter(Number.isFinite).length).padStart(8)} ${ms(percentile(values, 0.5))} ${ms(percentile(values, 0.95))} ${ms(Math.max(...values))}`,
    );
  row('direct nodemailer send, one at a time (baseline)', ORDERS, baseline);
  row(`steady: ${RATE_PER_SECOND} callbacks a second`, ORDERS, steady.latencies);
  if (burst) row(`burst: ${ORDERS} callbacks at once`, ORDERS, burst.latencies);
  else console.log(`burst: skipped (the steady batch's emails had not all gone out)`);

  console.log(`\nwhere the time goes (pg-boss jobs; wait = created → started, run = started → completed)\n`);
  console.log(`${''.padEnd(22)} jobs  done  wait p50  wait p95  run p50  run p95`);
  for (const [label, batch] of [['steady', steady], ['burst', burst]] as const) {
    for (const queue of batch?.jobs ?? []) {
      console.log(
        `${`${label} ${queue.name}`.padEnd(22)} ${String(queue.jobs).padStart(4)} ${String(queue.done).padStart(5)} ${ms(queue.wait_p50, 9)} ${ms(queue.wait_p95, 9)} ${ms(queue.run_p50)} ${ms(queue.run_p95)}`,
      );
    }
  }

  console.log('');
  for (const [label, batch] of [['steady', steady], ['burst', burst]] as const) {
    if (!batch) continue;
    const p95 = percentile(batch.latencies, 0.95);
    const met = batch.missing === 0 && p95 < TARGET_P95_MS;
    const missing = batch.missing ? `, ${batch.missing} of ${ORDERS} not arrived within ${ARRIVAL_TIMEOUT_MS / 1000} s` : '';
    console.log(`${label}: target p95 < ${TARGET_P95_MS} ms: ${met ? 'met' : 'NOT met'} (p95 ${ms(p95, 0)} ms${missing})`);
    console.log(
      `${label}: ratio p50(app: callback answered → credentials email accepted) / p50(baseline: direct nodemailer send) = ${ratio(percentile(batch.latencies, 0.5), baselineP50)}`,
    );
  }
  if (steady.missing > 0 || steady.failedCallbacks > 0 || !burst || burst.missing > 0 || burst.failedCallbacks > 0) {
    const warnings = app.output().split('\n').filter((line) => line.trim() && !line.includes('CAPTCHA=off'));
    if (warnings.length > 0) console.error(`\nserver warnings:\n${warnings.slice(-40).join('\n')}`);
    process.exitCode = 1;
  }
} catch (error) {
  if (app) console.error(`server output:\n${app.output().slice(-4000)}`);
  throw error;
} finally {
  await pool?.end();
  if (app && app.child.exitCode === null) {
    app.child.kill('SIGTERM');
    await app.exited;
  }
  await database?.drop();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
}

/**
 * Makes `ORDERS` new orders awaiting payment (each with its own customer address and an attempt already
 * sent to the gateway), sends their signed result callbacks (`steady`: RATE_PER_SECOND a second, each
 * on schedule whether or not the previous one was answered; `burst`: all at once), and measures each
 * one from its 200 answer to the credentials email's arrival.
 */
async function runBatch(db: pg.Pool, port: number, label: 'steady' | 'burst', first: number) {
  const since = (await db.query<{ now: Date }>('select clock_timestamp() as now')).rows[0]!.now;
  const orders = (await ordersSentToGateway(db, first + 1, first + ORDERS)).map((order) => ({ email: order.email, body: paidCallbackBody(order) }));

  let failedCallbacks = 0;
  const startedAt = performance.now();
  const measured = await Promise.all(
    orders.map(async (order, index) => {
      if (label === 'steady') await sleep(startedAt + (index * 1000) / RATE_PER_SECOND - performance.now());
      const response = await fetch(`http://127.0.0.1:${port}/payments/freedompay/result`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: order.body,
      });
      const answer = await response.text();
      const answeredAt = performance.now();
      if (response.status !== 200 || !answer.includes('<pg_status>ok</pg_status>')) {
        failedCallbacks++;
        console.error(`${label}: callback for ${order.email} answered ${response.status}: ${answer.slice(0, 300)}`);
        return null;
      }
      const arrivedAt = await arrivalOf(order.email, SUBJECT, ARRIVAL_TIMEOUT_MS);
      return arrivedAt === null ? Infinity : Math.max(0, arrivedAt - answeredAt);
    }),
  );
  // A refused callback has no latency; an email that never came is infinitely late.
  const latencies = measured.filter((value): value is number => value !== null);
  const missing = latencies.filter((value) => !Number.isFinite(value)).length;
  return { latencies, missing, failedCallbacks, jobs: await jobStats(db, since) };
}

/** Per queue, the jobs created since then: how long they waited to be picked up, and how long they ran. */
async function jobStats(db: pg.Pool, since: Date) {
  const { rows } = await db.query<{ name: string; jobs: number; done: number; wait_p50: number; wait_p95: number; run_p50: number; run_p95: number }>(
    `select name, count(*)::int as jobs, count(completed_on)::int as done,
       percentile_cont(0.5) within group (order by extract(epoch from started_on - created_on) * 1000) as wait_p50,
       percentile_cont(0.95) within group (order by extract(epoch from started_on - created_on) * 1000) as wait_p95,
       percentile_cont(0.5) within group (order by extract(epoch from completed_on - started_on) * 1000) as run_p50,
       percentile_cont(0.95) within group (order by extract(epoch from completed_on - started_on) * 1000) as run_p95
     from pgboss.job where created_on >= $1 and name in ('order.paid', 'email.deliver') group by name order by name desc`,
    [since],
  );
  return rows;
}

/** Waits (at most 30 s) until the batch's other emails (confirmation, verification) went out too. */
async function settle(total: number): Promise<boolean> {
  const deadline = performance.now() + ARRIVAL_TIMEOUT_MS;
  while (received - ORDERS < total && performance.now() < deadline) await sleep(50);
  return received - ORDERS >= total;
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1)]!;
}

function ms(value: number | null, width = 8): string {
  if (value === Infinity) return `>${ARRIVAL_TIMEOUT_MS}`.padStart(width);
  return (value === null || !Number.isFinite(value) ? '-' : value.toFixed(0)).padStart(width);
}

function ratio(app: number, baseline: number): string {
  return Number.isFinite(app) ? (app / baseline).toFixed(1) : `> ${(ARRIVAL_TIMEOUT_MS / baseline).toFixed(0)} (p50 email not arrived within ${ARRIVAL_TIMEOUT_MS / 1000} s)`;
}

function sleep(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, milliseconds)));
}
