import { PgBoss } from 'pg-boss';
import type { Database } from '../../src/db/client.js';

/** Runs SQL on the database the jobs live in (a pg Pool, PGlite, or the app's own Database). */
export type RunSql = (text: string, values?: unknown[]) => Promise<Record<string, unknown>[]>;

export function sqlOn(target: Database | { query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> }): RunSql {
  if ('kind' in target) return target.kind === 'pglite' ? sqlOn(target.pglite) : sqlOn(target.pool);
  return async (text, values) => (await target.query(text, values)).rows as Record<string, unknown>[];
}

/** The queues whose jobs carry a paid order to the client's mailbox. */
export const deliveryQueues = ['order.paid', 'email.deliver'];

export interface JobRow {
  name: string;
  state: string;
  retryCount: number;
  /** Seconds from now until the job may run (negative: due). */
  dueInSeconds: number;
}

export async function jobsOf(run: RunSql, names = deliveryQueues): Promise<JobRow[]> {
  const rows = await run(
    `select name, state::text as state, retry_count, extract(epoch from start_after - now())::float8 as due_in
     from pgboss.job where name = any($1::text[]) order by created_on`,
    [names],
  );
  return rows.map((row) => ({ name: String(row.name), state: String(row.state), retryCount: Number(row.retry_count), dueInSeconds: Number(row.due_in) }));
}

/** Whether no job of these queues is waiting, running or due for a retry. */
export async function jobsSettled(run: RunSql, names = deliveryQueues): Promise<boolean> {
  return (await jobsOf(run, names)).every((job) => job.state === 'completed' || job.state === 'failed' || job.state === 'cancelled');
}

/**
 * Lets a retry's backoff elapse now (1–2 min for the first email retry, up to an hour later on):
 * the one wait a test cannot sit out. Only the start time moves; pg-boss still decides what runs.
 */
export async function retriesDueNow(run: RunSql, names = deliveryQueues): Promise<number> {
  const rows = await run(`update pgboss.job set start_after = now() where state = 'retry' and start_after > now() and name = any($1::text[]) returning id`, [names]);
  return rows.length;
}

/**
 * Fails, through pg-boss itself, the jobs a killed process was running (still `active`): what pg-boss's
 * supervisor does once their expiry (15 minutes) has passed. They then go to `retry` like any failure.
 */
export async function failJobsOfDeadProcess(connectionString: string, names = deliveryQueues): Promise<number> {
  const boss = new PgBoss({ connectionString, supervise: false, schedule: false, migrate: false, openTelemetry: { enabled: false } });
  boss.on('error', () => {});
  await boss.start();
  try {
    const run = sqlOn({ query: (text, values) => boss.getDb().executeSql(text, values) as Promise<{ rows: unknown[] }> });
    const active = await run(`select name, id from pgboss.job where state = 'active' and name = any($1::text[])`, [names]);
    for (const job of active) await boss.fail(String(job.name), String(job.id), { message: 'the process running this job was killed' });
    return active.length;
  } finally {
    await boss.stop({ graceful: false });
  }
}

/** Polls until the check holds (the worker is doing real work meanwhile; nothing here waits for a clock). */
export async function eventually(check: () => Promise<boolean>, what: string, timeoutMs = 20_000, everyMs = 100): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
