import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupRuns } from '../../src/db/schema/index.js';
import { enqueue } from '../../src/queue.js';
import { backends, createTestApp, type TestApp } from '../helpers/test-app.js';

const TOKEN = 'metrics-token-0123456789abcdef';

describe.each(backends)('GET /metrics on %s', (backend) => {
  let t: TestApp;
  const scrape = async (authorization = `Bearer ${TOKEN}`) => t.app.inject({ url: '/metrics', headers: { authorization } });
  /** One sample's value from the text format. */
  const sample = (text: string, line: string) => {
    const found = text.split('\n').find((l) => l.startsWith(`${line} `));
    return found === undefined ? undefined : Number(found.slice(line.length + 1));
  };

  beforeAll(async () => {
    t = await createTestApp(backend, { env: { METRICS_TOKEN: TOKEN } });
  });
  afterAll(() => t.close());

  it('answers only the bearer of METRICS_TOKEN', async () => {
    expect((await scrape('')).statusCode).toBe(401);
    expect((await scrape(`Bearer ${TOKEN}x`)).statusCode).toBe(401);
    expect((await scrape(`Basic ${TOKEN}`)).statusCode).toBe(401);
    const ok = await scrape();
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
  });

  it('times requests by route pattern and counts callbacks by outcome', async () => {
    expect((await t.app.inject('/services/site-support')).statusCode).toBe(200);
    expect((await t.app.inject('/services/no-such-service')).statusCode).toBe(404);
    await t.app.inject({ method: 'POST', url: '/payments/freedompay/result', payload: 'pg_order_id=1&pg_sig=forged', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    const text = (await scrape()).body;
    expect(sample(text, 'uslugi_http_request_duration_seconds_count{route="/services/:slug",method="GET",status="2xx"}')).toBe(1);
    expect(sample(text, 'uslugi_http_request_duration_seconds_count{route="/services/:slug",method="GET",status="4xx"}')).toBe(1);
    expect(text).not.toContain('no-such-service'); // patterns, not URLs: bounded labels, no visitor input
    expect(sample(text, 'uslugi_gateway_callbacks_total{callback="result",outcome="refused"}')).toBe(1);
  });

  it('reads queue depths and ages, emails, backups and overdue call-backs from the database at scrape time', async () => {
    let text = (await scrape()).body;
    expect(sample(text, 'uslugi_backup_last_success_timestamp_seconds')).toBe(0); // never: the age alert fires
    expect(sample(text, 'uslugi_orders_callback_overdue')).toBe(0);

    const now = t.deps.clock.now();
    await t.deps.db.transaction((tx) => enqueue(t.deps.queue, tx, 'accounts.prune', [{}]));
    await t.deps.db.insert(backupRuns).values({ trigger: 'cli', startedAt: new Date(now.getTime() - 7201_000), finishedAt: new Date(now.getTime() - 7200_000), status: 'ok', encrypted: false });
    text = (await scrape()).body;
    expect(sample(text, 'uslugi_queue_waiting_jobs{queue="accounts.prune"}')).toBe(1);
    expect(sample(text, 'uslugi_queue_oldest_waiting_seconds{queue="accounts.prune"}')).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'uslugi_backup_last_success_timestamp_seconds')).toBeCloseTo((now.getTime() - 7200_000) / 1000, 0);
    for (const status of ['queued', 'sent', 'failed']) expect(sample(text, `uslugi_emails{status="${status}"}`)).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'uslugi_reconciliation_runs_last_hour{result="completed"}')).toBe(0);
  });
});

describe('GET /metrics without METRICS_TOKEN', () => {
  it('does not exist', async () => {
    const t = await createTestApp('pglite');
    try {
      expect((await t.app.inject({ url: '/metrics', headers: { authorization: 'Bearer anything-at-all-here-123456' } })).statusCode).toBe(404);
    } finally {
      await t.close();
    }
  });
});
