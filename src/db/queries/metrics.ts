import { sql } from 'drizzle-orm';
import type { Queryable } from '../client.js';

// What /metrics reads at scrape time (docs/operations.md "Metrics"): the state the worker leaves in the
// database, so it is right whichever process is scraped and costs nothing on the hot paths.

export interface QueueState {
  queue: string;
  /** Jobs due now and not yet taken (created or retry with start_after passed). */
  waiting: number;
  active: number;
  /** Seconds the oldest due job has waited since it became due; 0 when none. */
  oldestWaitingSeconds: number;
}

export interface OperationsSnapshot {
  queues: QueueState[];
  emails: { queued: number; sent: number; failed: number; failedLastDay: number; retrying: number };
  reconciliation: { runsLastHour: number; failedRunsLastHour: number; checked: number; applied: number; expired: number; unreachable: number };
  /** Unix time of the last backup that succeeded; 0 when there was none. */
  lastBackupAt: number;
  overdueCallbacks: number;
}

const numberOf = (value: unknown) => Number(value ?? 0);
/** Rows of a raw query, the same shape on node-postgres and PGlite. */
const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

export async function operationsSnapshot(db: Queryable, now: Date): Promise<OperationsSnapshot> {
  const at = now.toISOString();
  const queues = rowsOf<{ name: string; waiting: string; active: string; oldest: string | null }>(await db.execute(sql`
    select name,
           count(*) filter (where state in ('created', 'retry') and start_after <= ${at}::timestamptz) as waiting,
           count(*) filter (where state = 'active') as active,
           extract(epoch from ${at}::timestamptz - min(start_after) filter (where state in ('created', 'retry') and start_after <= ${at}::timestamptz)) as oldest
      from pgboss.job
     where state in ('created', 'retry', 'active')
     group by name`));
  const [emails] = rowsOf<Record<string, string>>(
    await db.execute(sql`
      select count(*) filter (where status = 'queued') as queued,
             count(*) filter (where status = 'sent') as sent,
             count(*) filter (where status = 'failed') as failed,
             count(*) filter (where status = 'failed' and created_at > ${at}::timestamptz - interval '1 day') as failed_last_day,
             count(*) filter (where status = 'queued' and attempts > 0) as retrying
        from emails`),
  );
  const [reconcile] = rowsOf<Record<string, string>>(
    await db.execute(sql`
      select count(*) filter (where state = 'completed') as runs,
             count(*) filter (where state = 'failed') as failed,
             coalesce(sum((output->>'checked')::int) filter (where state = 'completed'), 0) as checked,
             coalesce(sum((output->>'applied')::int) filter (where state = 'completed'), 0) as applied,
             coalesce(sum((output->>'expired')::int) filter (where state = 'completed'), 0) as expired,
             coalesce(sum((output->>'unreachable')::int) filter (where state = 'completed'), 0) as unreachable
        from pgboss.job
       where name = 'payments.reconcile' and state in ('completed', 'failed') and completed_on > ${at}::timestamptz - interval '1 hour'`),
  );
  const [backup] = rowsOf<{ at: string | null }>(await db.execute(sql`select extract(epoch from max(finished_at)) as at from backup_runs where status = 'ok'`));
  const [overdue] = rowsOf<{ count: string }>(
    await db.execute(sql`
      select count(*) as count from orders
       where first_contact_at is null and callback_due_at < ${at}::timestamptz and state not in ('cancelled', 'refunded')`),
  );
  return {
    queues: queues.map((row) => ({ queue: row.name, waiting: numberOf(row.waiting), active: numberOf(row.active), oldestWaitingSeconds: Math.max(0, numberOf(row.oldest)) })),
    emails: { queued: numberOf(emails?.queued), sent: numberOf(emails?.sent), failed: numberOf(emails?.failed), failedLastDay: numberOf(emails?.failed_last_day), retrying: numberOf(emails?.retrying) },
    reconciliation: {
      runsLastHour: numberOf(reconcile?.runs),
      failedRunsLastHour: numberOf(reconcile?.failed),
      checked: numberOf(reconcile?.checked),
      applied: numberOf(reconcile?.applied),
      expired: numberOf(reconcile?.expired),
      unreachable: numberOf(reconcile?.unreachable),
    },
    lastBackupAt: numberOf(backup?.at),
    overdueCallbacks: numberOf(overdue?.count),
  };
}
