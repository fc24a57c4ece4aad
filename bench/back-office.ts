// @ts-expect-error autocannon ships no types
import autocannon from 'autocannon';
import pg from 'pg';
import { hashPassword } from '../src/accounts/secrets.js';
import { sealSecret } from '../src/staff/secret-box.js';
import { base32Decode, hotp, newTotpSecret, totpStep } from '../src/staff/totp.js';
import { freePort, startServer, waitForHttp } from '../tests/helpers/server-process.js';
import { BENCH_MERCHANT, ordersSentToGateway, scratchDatabase } from './support.js';

// npm run bench:admin: the back office's busiest pages on PostgreSQL holding a year of orders
// (20 000 paid, 40 of them waiting for a call), signed in as an admin, 10 connections, 5 s each.
// Baseline in the same run: GET /admin/staff (session check, one small query, the same layout). Target: p99 under 200 ms on every page.

const DURATION = Number(process.env.BENCH_DURATION ?? 5);
const CONNECTIONS = 10;
const ORDERS = 20_000;
const WAITING = 40;
const APP_SECRET = 'bench-app-secret-that-is-long-enough-for-hkdf';

const database = await scratchDatabase();
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const app = await startServer({
  PORT: String(port),
  HOST: '127.0.0.1',
  ROLE: 'web',
  DATABASE_URL: database.url,
  APP_SECRET,
  CAPTCHA: 'off',
  LOG_LEVEL: 'warn',
  PUBLIC_URL: base,
  FREEDOMPAY_MERCHANT_ID: BENCH_MERCHANT.id,
  FREEDOMPAY_SECRET_KEY: BENCH_MERCHANT.secret,
  FREEDOMPAY_API_URL: 'http://127.0.0.1:9',
});
const pool = new pg.Pool({ connectionString: database.url, max: 4 });
try {
  await Promise.race([waitForHttp(`${base}/readyz`), app.exited.then(() => Promise.reject(new Error(app.output())))]);
  await seed(pool);
  const cookie = await signIn();

  const pages = [
    ['baseline  GET /admin/staff', '/admin/staff'],
    ['dashboard GET /admin', '/admin'],
    ['queue     GET /admin/queue', '/admin/queue'],
    ['orders    GET /admin/orders', '/admin/orders'],
    ['search    GET /admin/clients?q=…', '/admin/clients?q=bench-12345%40example.ru'],
    ['payments  GET /admin/payments', '/admin/payments'],
  ] as const;
  const results = [];
  for (const [name, path] of pages) {
    const url = `${base}${path}`;
    await autocannon({ url, connections: 2, duration: 1, headers: { cookie } }); // warm up
    const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION, headers: { cookie } });
    results.push({ name, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, bad: r.errors + r.timeouts + r.non2xx });
  }
  const baseline = results[0]!;
  process.stdout.write(`\nBack office on PostgreSQL, ${ORDERS} paid orders (${WAITING} waiting), ${CONNECTIONS} connections, ${DURATION} s each\n`);
  for (const r of results) {
    const ok = r === baseline || r.p99 < 200 ? 'ok' : 'SLOW';
    process.stdout.write(
      `  ${r.name.padEnd(34)} ${String(Math.round(r.rps)).padStart(6)} req/s  p50 ${String(r.p50).padStart(4)} ms  p99 ${String(r.p99).padStart(4)} ms  ` +
        `ratio to baseline ${(r.rps / baseline.rps).toFixed(2)}  errors ${r.bad}  ${ok}\n`,
    );
  }
} finally {
  await pool.end();
  app.child.kill('SIGTERM');
  await app.exited;
  await database.drop();
}

/** A year of paid orders; the last few paid in the past hour and not yet contacted. */
async function seed(db: pg.Pool): Promise<void> {
  await ordersSentToGateway(db, 1, ORDERS);
  await db.query(`
    with numbered as (select o.id, row_number() over (order by o.public_ref) as n from orders o)
    update orders o set state = 'paid',
      paid_at = now() - ((${ORDERS} - n) * interval '26 minutes'),
      callback_due_at = now() - ((${ORDERS} - n) * interval '26 minutes') + interval '1 hour',
      first_contact_at = case when n > ${ORDERS - WAITING} then null else now() - ((${ORDERS} - n) * interval '26 minutes') + interval '20 minutes' end
    from numbered where numbered.id = o.id`);
  await db.query(`update payment_attempts a set state = 'paid', captured = true, paid_at = o.paid_at, card_brand = 'VISA', card_last4 = '1981'
    from orders o where o.id = a.order_id`);
  await db.query('analyze');
}

/** Signs an admin in through the real pages (password, then TOTP) and returns the cookies. */
async function signIn(): Promise<string> {
  const secret = newTotpSecret();
  await pool.query(
    `insert into staff (email, name, role, state, password_hash, totp_secret, created_at, enrolled_at)
     values ('bench@example.ru', 'Бенч Админ', 'admin', 'active', $1, $2, now(), now())`,
    [await hashPassword('bench admin password'), sealSecret(APP_SECRET, secret)],
  );
  const jar = new Map<string, string>();
  const remember = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, value] = pair!.split('=');
      jar.set(name!, value!);
    }
    return response;
  };
  const cookies = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const post = async (path: string, fields: Record<string, string>, token: string) =>
    remember(
      await fetch(`${base}${path}`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookies() },
        body: new URLSearchParams({ _csrf: token, ...fields }),
      }),
    );
  const csrf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)![1]!;
  const login = await remember(await fetch(`${base}/admin/login`)).text();
  const step = await (await post('/admin/login', { email: 'bench@example.ru', password: 'bench admin password' }, csrf(login))).text();
  const challenge = /name="challenge" value="([^"]+)"/.exec(step)![1]!;
  const done = await post('/admin/login/code', { challenge, code: hotp(base32Decode(secret)!, totpStep(new Date())) }, csrf(step));
  if (done.status !== 303) throw new Error(`Sign-in answered ${done.status}`);
  return cookies();
}
