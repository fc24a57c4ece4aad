import { randomBytes } from 'node:crypto';
import { setPriority } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createSandbox } from '../sandbox/freedompay/index.js';
import { freePort, startServer, waitForHttp, type ServerProcess } from '../tests/helpers/server-process.js';
import { startTestSmtp } from '../tests/helpers/smtp.js';
import { hashPassword } from '../src/accounts/secrets.js';
import { CpuMeter } from './load/cpu.js';
import { checkInvariants } from './load/invariants.js';
import { type Account, type JourneyContext, percentile, type PlacedOrder, runJourney, Slots, Timings } from './load/journey.js';
import { Mailboxes } from './load/mailbox.js';
import { FAULT_KINDS, planClients } from './load/plan.js';
import { startProxy } from './load/proxy.js';
import { checkFailureAlerts, checkReceiptBooks } from './load/receipt-books.js';
import { accountantSignedIn, describeFaults, injectRegisterFaults, REGISTER_FAULTS, settleReceipts, startRegister } from './load/register.js';
import { BENCH_MERCHANT, scratchDatabase } from './support.js';

// npm run bench:load [-- --clients 500 --concurrency 50 --seed 1]: uslugi on PostgreSQL as two web
// processes (ROLE=web, nice 5 as deployed) behind a round-robin proxy and one worker (ROLE=worker), the sandbox gateway
// duplicating, delaying and dropping result callbacks, a loopback SMTP server, and N clients going
// through the whole journey over HTTP: order form, card page, emails, address confirmation, first
// sign-in, own password (returning clients: sign in, both orders in the account). At most
// `concurrency` clients are active at once; a client waiting for its email does not count. Dropped
// callbacks are finished by the worker's reconciliation (every minute, attempts open > 2 min), so a
// run lasts at least ~3 minutes. Every payment gets a 54-FZ receipt from the ATOL register sandbox,
// which is down for a while, answers 500 a few times and fails a few documents that an accountant
// re-issues from the back office. Then the invariants are checked; any broken one exits 1.
// BENCH_DATABASE_URL (default: the local PostgreSQL) names the server; a scratch database is made.

const { values: args } = parseArgs({
  options: {
    clients: { type: 'string', default: '500' },
    concurrency: { type: 'string', default: '50' },
    seed: { type: 'string', default: '1' },
  },
});
const CLIENTS = positive('clients', args.clients);
const CONCURRENCY = positive('concurrency', args.concurrency);
const SEED = positive('seed', args.seed);
const EMAIL_TIMEOUT_MS = 8 * 60_000; // a dropped callback waits 2–3 min for reconciliation, plus the backlog
const SETTLE_TIMEOUT_MS = 3 * 60_000;
const RECEIPTS_TIMEOUT_MS = 10 * 60_000; // retries back off up to 10 min; the register is read once a second
const BURST_SECONDS = 30; // every client starts at once: the first half-minute is the burst

const started = performance.now();
const smtp = await startTestSmtp();
const mailboxes = new Mailboxes(smtp);
const sandbox = createSandbox({ merchants: [{ id: BENCH_MERCHANT.id, secret: BENCH_MERCHANT.secret, name: 'Нагрузочный тест' }] });
await sandbox.listen(0, '127.0.0.1');
const register = await startRegister();
const database = await scratchDatabase();
const servers: { label: string; server: ServerProcess }[] = [];
let proxy: Awaited<ReturnType<typeof startProxy>> | null = null;
const db = new pg.Pool({ connectionString: database.url, max: 4 });

try {
  const [webPorts, proxyPort] = [[await freePort(), await freePort()], await freePort()];
  const publicUrl = `http://127.0.0.1:${proxyPort}`;
  const env = {
    HOST: '127.0.0.1',
    DATABASE_URL: database.url,
    SMTP_URL: smtp.url,
    CAPTCHA: 'off',
    LOG_LEVEL: 'warn',
    PUBLIC_URL: publicUrl,
    // One secret for every process: a CSRF form from one process is posted to another.
    APP_SECRET: randomBytes(32).toString('hex'),
    FREEDOMPAY_MERCHANT_ID: BENCH_MERCHANT.id,
    FREEDOMPAY_SECRET_KEY: BENCH_MERCHANT.secret,
    FREEDOMPAY_API_URL: sandbox.url,
    ...register.env,
  };
  const start = async (label: string, extra: Record<string, string>) => {
    const server = await startServer({ ...env, ...extra });
    servers.push({ label, server });
    return server;
  };
  const ready = (server: ServerProcess, url: string) => Promise.race([waitForHttp(url, 60_000), server.exited.then(() => Promise.reject(new Error(server.output())))]);
  // The first process migrates and seeds the empty database; the others start on a ready one.
  await ready(await start('web 1', { ROLE: 'web', PORT: String(webPorts[0]) }), `http://127.0.0.1:${webPorts[0]}/readyz`);
  const [web2, worker] = await Promise.all([start('web 2', { ROLE: 'web', PORT: String(webPorts[1]) }), start('worker', { ROLE: 'worker', LOG_LEVEL: 'info' })]);
  await Promise.all([ready(web2, `http://127.0.0.1:${webPorts[1]}/readyz`), worker.waitFor('Worker started', 60_000)]);
  proxy = await startProxy(webPorts, proxyPort);
  // As deploy/systemd runs them (decision 042): the web processes at nice 5, so under overload the worker
  // drains the emails people wait for before more pages are served.
  for (const { label, server } of servers) if (label.startsWith('web')) setPriority(server.child.pid!, 5);
  const accountant = await accountantSignedIn(db, publicUrl, env.APP_SECRET);

  const catalog = await fetch(`${publicUrl}/`).then((response) => response.text());
  const slugs = [...new Set([...catalog.matchAll(/href="\/services\/([\w-]+)"/g)].map((match) => match[1]!))];
  if (slugs.length === 0) throw new Error('the catalog lists no services');
  const plan = planClients(CLIENTS, SEED, slugs);
  const orderCount = plan.reduce((sum, client) => sum + client.orders.length, 0);
  const kinds = (kind: string) => plan.filter((client) => client.kind === kind).length;
  console.log(
    `\nload: ${CLIENTS} clients (${kinds('new')} new, ${kinds('twin')} with two orders at once, ${kinds('returning')} returning), ${orderCount} orders, ${CONCURRENCY} at a time, seed ${SEED}`,
  );
  console.log(
    `result callbacks: ${FAULT_KINDS.map((fault) => `${fault} ${plan.flatMap((client) => client.orders).filter((order) => order.fault === fault).length}`).join(', ')}`,
  );
  console.log(describeFaults(REGISTER_FAULTS));
  console.log(`two web processes behind ${publicUrl}, one worker, PostgreSQL ${new URL(database.url).pathname.slice(1)}, gateway ${sandbox.url}, SMTP ${smtp.url}\n`);

  const ctx: JourneyContext = { baseUrl: publicUrl, sandbox, db, mailboxes, slots: new Slots(CONCURRENCY), timings: new Timings(), emailTimeoutMs: EMAIL_TIMEOUT_MS };
  const placed: PlacedOrder[] = [];
  const accounts = new Map<number, Promise<Account>>();
  const failures: string[] = [];
  let finished = 0;
  const cpu = new CpuMeter(db, new URL(database.url).pathname.slice(1), servers.map(({ label, server }) => ({ label, pid: server.child.pid! })));
  const harnessCpu = process.cpuUsage();
  cpu.begin();
  // The harness is one process (clients, proxy, gateway, register, SMTP): if its event loop lags, every
  // latency measured through it does too, so the lag is printed beside them.
  const harnessLag = monitorEventLoopDelay({ resolution: 10 });
  harnessLag.enable();
  const journeysStarted = performance.now();
  injectRegisterFaults(register.atol, REGISTER_FAULTS);
  const progress = setInterval(() => console.log(`  ${secondsSince(journeysStarted)} s: ${finished} of ${CLIENTS} clients done, ${placed.length} orders paid at the gateway, ${failures.length} failed`), 15_000);
  for (const client of plan) {
    const journey = runJourney(ctx, client, client.returningTo === undefined ? undefined : accounts.get(client.returningTo), placed);
    accounts.set(client.index, journey);
    journey.then(
      () => finished++,
      (error: unknown) => {
        finished++;
        failures.push(`client ${client.index} (${client.kind}): ${error instanceof Error ? error.message : String(error)}`);
      },
    );
  }
  await Promise.allSettled(accounts.values());
  clearInterval(progress);
  const journeysSeconds = (performance.now() - journeysStarted) / 1000;
  const cpuUsed = await cpu.end();
  harnessLag.disable();
  const harnessMs = cpuMsOf(process.cpuUsage(harnessCpu));

  // The last emails (access active) and any job still running; then a moment for stragglers
  // (a late duplicate would show up now).
  const settled = await settle(db, SETTLE_TIMEOUT_MS);
  const receiptsSettled = await settleReceipts(db, accountant.browser, publicUrl, RECEIPTS_TIMEOUT_MS);
  await settle(db, SETTLE_TIMEOUT_MS); // the accountant's alert emails
  await new Promise((resolve) => setTimeout(resolve, 3000));

  const books = await checkReceiptBooks(db, register.atol);
  const alertsReceived = mailboxes.all().get(accountant.email)?.length ?? 0;
  const checks = [...(await checkInvariants(db, sandbox, BENCH_MERCHANT.id, placed, mailboxes, [accountant.email])), books.check, await checkFailureAlerts(db, alertsReceived, accountant.email)];
  // Over all orders the pace includes the wait for reconciliation; over those paid by callback it
  // is what the web processes sustained.
  const pace = (
    await db.query<{ paid: number; minutes: number; by_callback: number; callback_minutes: number }>(
      `select count(*)::int as paid, extract(epoch from max(o.paid_at) - min(o.created_at)) / 60 as minutes,
         count(*) filter (where e.source = 'callback')::int as by_callback,
         extract(epoch from max(o.paid_at) filter (where e.source = 'callback') - min(o.created_at)) / 60 as callback_minutes
       from orders o join payment_attempts a on a.order_id = o.id join payment_events e on e.attempt_id = a.id and e.kind = 'paid'
       where o.state = 'paid'`,
    )
  ).rows[0]!;
  const jobs = await db.query<{ name: string; jobs: number; wait_p95: number; run_p95: number }>(
    `select name, count(*)::int as jobs,
       percentile_cont(0.95) within group (order by extract(epoch from started_on - created_on) * 1000) as wait_p95,
       percentile_cont(0.95) within group (order by extract(epoch from completed_on - started_on) * 1000) as run_p95
     from pgboss.job where name in ('order.paid', 'email.deliver') group by name order by name desc`,
  );

  console.log(`\nsteps (ms)${''.padEnd(34)} count      p50      p95      max`);
  for (const [step, values] of [...ctx.timings.steps].sort(([a], [b]) => stepOrder(a) - stepOrder(b))) {
    console.log(`  ${step.padEnd(42)} ${String(values.length).padStart(5)} ${ms(percentile(values, 0.5))} ${ms(percentile(values, 0.95))} ${ms(Math.max(...values))}`);
  }
  console.log(`\nclients: ${CLIENTS - failures.length} of ${CLIENTS} finished the journey in ${journeysSeconds.toFixed(0)} s (${((CLIENTS - failures.length) / (journeysSeconds / 60)).toFixed(0)} per minute)`);
  console.log(`orders paid per minute: ${(pace.paid / Number(pace.minutes)).toFixed(0)} (${pace.paid} orders, first placed → last paid ${(Number(pace.minutes) * 60).toFixed(0)} s, reconciliation included)`);
  console.log(`  paid by callback: ${(pace.by_callback / Number(pace.callback_minutes)).toFixed(0)} per minute (${pace.by_callback} orders in ${(Number(pace.callback_minutes) * 60).toFixed(0)} s)`);
  for (const job of jobs.rows) console.log(`  ${job.name} jobs: ${job.jobs}, queue wait p95 ${ms(job.wait_p95).trim()} ms, run p95 ${ms(job.run_p95).trim()} ms`);
  const burst = await credentialsEmailLatency(db, BURST_SECONDS);
  console.log(`  credentials emails, order paid → accepted by SMTP: p95 ${ms(burst.all).trim()} ms over all ${burst.count}, p95 ${ms(burst.burst).trim()} ms for the ${burst.burstCount} orders paid in the first ${BURST_SECONDS} s (the burst)`);
  console.log(
    `    burst stages, p95: paid → email queued ${ms(burst.stages.toQueue).trim()} ms, queued → picked up ${ms(burst.stages.inQueue).trim()} ms, picked up → accepted by SMTP ${ms(burst.stages.sending).trim()} ms`,
  );
  const finishedClients = CLIENTS - failures.length;
  const appMs = cpuUsed.reduce((sum, { ms: used }) => sum + used, 0);
  const hashMs = await hashCpuMs();
  const hashes = plan.reduce((sum, client) => sum + (client.kind === 'returning' ? 1 : 3), 0); // new: create, sign in, own password; returning: sign in
  const floor = (hashes * hashMs) / CLIENTS;
  console.log(`cpu per journey (ms, kernel accounting over the journeys): ${cpuUsed.map(({ label, ms: used }) => `${label} ${(used / finishedClients).toFixed(0)}`).join(', ')}`);
  console.log(
    `  app and database ${(appMs / finishedClients).toFixed(0)} ms per journey = ${(appMs / finishedClients / floor).toFixed(1)} × the password-hash floor of ${floor.toFixed(0)} ms ` +
      `(${(hashes / CLIENTS).toFixed(2)} argon2 runs per journey × ${hashMs.toFixed(1)} ms each, measured now); the harness (clients, proxy, gateway, SMTP) ${(harnessMs / finishedClients).toFixed(0)} ms more`,
  );
  console.log(
    `  harness event loop delay (ms): p50 ${(harnessLag.percentile(50) / 1e6).toFixed(0)}, p99 ${(harnessLag.percentile(99) / 1e6).toFixed(0)}, max ${(harnessLag.max / 1e6).toFixed(0)}`,
  );
  console.log(`proxy: ${proxy.forwarded.map((count, index) => `web ${index + 1} ${count}`).join(', ')} requests, ${proxy.failed} upstream failures`);
  if (!settled) console.log(`outbox or jobs not settled within ${SETTLE_TIMEOUT_MS / 1000} s`);
  const receiptJobs = await db.query<{ name: string; jobs: number; retries: number }>(
    `select name, count(*)::int as jobs, coalesce(sum(retry_count), 0)::int as retries from pgboss.job where name in ('receipts.issue', 'receipts.poll') group by name order by name`,
  );
  const doneIn = await db.query<{ p50: number; p95: number; max: number }>(
    `select percentile_cont(0.5) within group (order by s) as p50, percentile_cont(0.95) within group (order by s) as p95, max(s) as max
       from (select extract(epoch from completed_at - created_at) as s from receipts where state = 'done') t`,
  );
  console.log(
    `receipts: ${books.receipts}, money events: ${books.moneyEvents}, register documents: ${books.registerDocuments}, re-issued by staff: ${receiptsSettled.reissued}; invariant held: ${books.held ? 'yes' : 'no'}`,
  );
  const d = doneIn.rows[0]!;
  console.log(`  money event → receipt done (s): p50 ${Number(d.p50).toFixed(1)}, p95 ${Number(d.p95).toFixed(1)}, max ${Number(d.max).toFixed(1)} (register down ${REGISTER_FAULTS.downMs / 1000} s)`);
  for (const job of receiptJobs.rows) console.log(`  ${job.name} jobs: ${job.jobs}, retries ${job.retries}`);
  if (!receiptsSettled.settled) console.log(`receipts not all done within ${RECEIPTS_TIMEOUT_MS / 1000} s`);
  for (const failure of failures.slice(0, 20)) console.log(`  failed: ${failure}`);
  if (failures.length > 20) console.log(`  … ${failures.length - 20} more failed clients`);

  console.log('\ninvariants');
  const journeysOk = { name: 'every client finished the journey', figure: `${CLIENTS - failures.length} of ${CLIENTS}`, ok: failures.length === 0, problems: [] };
  for (const check of [journeysOk, ...checks]) {
    console.log(`  ${check.ok ? 'ok    ' : 'BROKEN'} ${check.name}: ${check.figure}`);
    for (const problem of check.problems.slice(0, 10)) console.log(`           ${problem}`);
    if (check.problems.length > 10) console.log(`           … ${check.problems.length - 10} more`);
  }
  const broken = [journeysOk, ...checks].filter((check) => !check.ok).length;
  console.log(`\n${broken === 0 ? 'all invariants hold' : `${broken} invariant(s) BROKEN`}; run time ${secondsSince(started)} s`);
  if (broken > 0) {
    for (const { label, server } of servers) {
      const lines = server.output().split('\n').filter((line) => line.trim() && !line.includes('CAPTCHA=off'));
      if (lines.length > 0) console.error(`\n${label} output (last lines):\n${lines.slice(-15).join('\n')}`);
    }
    process.exitCode = 1;
  }
} catch (error) {
  for (const { label, server } of servers) console.error(`\n${label} output:\n${server.output().slice(-3000)}`);
  throw error;
} finally {
  await proxy?.close();
  await Promise.all(
    servers.map(async ({ server }) => {
      if (server.child.exitCode === null) server.child.kill('SIGTERM');
      await server.exited;
    }),
  );
  await db.end();
  mailboxes.close();
  await sandbox.close();
  await register.atol.close();
  await smtp.stop();
  await database.drop();
}

/** Waits until every email went out and no order.paid or email.deliver job is left; false on timeout. */
async function settle(pool: pg.Pool, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    const { rows } = await pool.query<{ open: number }>(`select
      (select count(*)::int from emails where status = 'queued') +
      (select count(*)::int from pgboss.job where name in ('order.paid', 'email.deliver') and state not in ('completed', 'failed', 'cancelled')) as open`);
    if (rows[0]!.open === 0) return true;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return false;
}

/**
 * Order paid → credentials email accepted by SMTP, p95 in ms: over all orders, and over those paid in the
 * first seconds of the run; for the burst also each stage's p95: paid → email queued (the order.paid
 * job), queued → picked up (the email.deliver queue), picked up → accepted (the SMTP conversation).
 */
async function credentialsEmailLatency(pool: pg.Pool, burstSeconds: number) {
  const { rows } = await pool.query<{ count: number; all: number; burst_count: number; burst: number; to_queue: number; in_queue: number; sending: number }>(
    `with latency as (
       select extract(epoch from e.sent_at - o.paid_at) * 1000 as ms,
         extract(epoch from e.created_at - o.paid_at) * 1000 as to_queue,
         extract(epoch from j.started_on - e.created_at) * 1000 as in_queue,
         extract(epoch from e.sent_at - j.started_on) * 1000 as sending,
         o.paid_at < (select min(created_at) from orders) + make_interval(secs => $1) as in_burst
       from emails e join orders o on o.id = e.order_id
         join pgboss.job j on j.name = 'email.deliver' and j.data->>'emailId' = e.id::text
       where e.kind = 'credentials' and e.sent_at is not null)
     select count(*)::int as count, percentile_cont(0.95) within group (order by ms) as all,
       count(*) filter (where in_burst)::int as burst_count, percentile_cont(0.95) within group (order by ms) filter (where in_burst) as burst,
       percentile_cont(0.95) within group (order by to_queue) filter (where in_burst) as to_queue,
       percentile_cont(0.95) within group (order by in_queue) filter (where in_burst) as in_queue,
       percentile_cont(0.95) within group (order by sending) filter (where in_burst) as sending
     from latency`,
    [burstSeconds],
  );
  const row = rows[0]!;
  return {
    count: row.count,
    all: Number(row.all),
    burstCount: row.burst_count,
    burst: Number(row.burst),
    stages: { toQueue: Number(row.to_queue), inQueue: Number(row.in_queue), sending: Number(row.sending) },
  };
}

/** CPU milliseconds of one argon2 run with the app's parameters (a verify costs the same), here and now. */
async function hashCpuMs(): Promise<number> {
  await hashPassword('warm-up');
  const before = process.cpuUsage();
  const runs = 10;
  for (let run = 0; run < runs; run++) await hashPassword(`floor ${run}`);
  return cpuMsOf(process.cpuUsage(before)) / runs;
}

function cpuMsOf(usage: NodeJS.CpuUsage): number {
  return (usage.user + usage.system) / 1000;
}

function stepOrder(step: string): number {
  const order = ['service page', 'order form', 'payment page', 'card', 'order page', 'emails after payment', 'confirm email', 'sign in', 'change password', 'account page'];
  const index = order.findIndex((prefix) => step.startsWith(prefix));
  return index * 10 + FAULT_KINDS.findIndex((fault) => step.endsWith(`(${fault})`));
}

function ms(value: number): string {
  return (Number.isFinite(value) ? value.toFixed(0) : '-').padStart(8);
}

function secondsSince(from: number): string {
  return ((performance.now() - from) / 1000).toFixed(0);
}

function positive(name: string, value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new Error(`--${name} must be a positive whole number, got ${value}`);
  return number;
}
