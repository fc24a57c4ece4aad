import { sql } from 'drizzle-orm';
import { PgBoss, fromDrizzle, fromPglite, type JobInsert, type QueueOptions } from 'pg-boss';
import type { Database, Tx } from './db/client.js';
import type { Logger } from './log.js';

// The job queue: pg-boss on the app's own database, so jobs are enqueued in the business transaction
// and exist if and only if it commits. Adding a job is one entry in `jobQueues`; the worker's handler
// table (worker.ts) is typed by it, so a queue without a handler does not compile.

export type Queue = PgBoss;

/** A queue's payload type, written as a value so the names and the types come from one table. */
const payload = <T>() => null as unknown as T;
type Nothing = Record<string, never>;

/** Every job queue, with the payload its handler receives. Handlers take ids and re-read state. */
export const jobQueues = {
  'order.paid': payload<{ orderId: string }>(),
  'payments.reconcile': payload<Nothing>(),
  'email.deliver': payload<{ emailId: string }>(),
  'accounts.prune': payload<Nothing>(),
  /** "Forgot password" or "send a new link", as typed: the lookup happens in the job (actions/accounts/link-requests.ts). */
  'accounts.send-link': payload<{ purpose: 'reset_password' | 'verify_email'; name: string }>(),
  /** At a paid order's callback deadline: tell the manager and the admins if nobody called (job id = order id). */
  'orders.escalate': payload<{ orderId: string }>(),
  /** At a lead's callback deadline: alert the managers and the admins if nobody called (job id = lead id). */
  'leads.escalate': payload<{ leadId: string }>(),
  /** A backup of the whole database into BACKUP_DIR: daily at BACKUP_TIME, or asked for in /admin/backups. */
  'backups.create': payload<{ trigger: 'scheduled' | 'manual'; staffId?: string }>(),
  /** One staff alert to one person on one channel (job id = notification id; docs/notifications.md). */
  'notifications.deliver': payload<{ notificationId: string }>(),
  /** Weekly: restore the latest backup into a scratch database and compare it with its manifest. */
  'backups.drill': payload<Nothing>(),
  /** Send a receipt to the cash register (enqueued with its money event); retried with backoff while the register is unreachable. */
  'receipts.issue': payload<{ receiptId: string }>(),
  /** Read a receipt's report at the register; `callback` marks a read the register's callback asked for (it schedules no follow-up). */
  'receipts.poll': payload<{ receiptId: string; trigger?: 'callback' | 'staff' }>(),
  /** One event to one CRM endpoint (docs/integrations.md), retried with backoff for about a day. */
  'webhooks.deliver': payload<{ deliveryId: string }>(),
};
export type JobPayloads = { [N in keyof typeof jobQueues]: (typeof jobQueues)[N] };
export type JobName = keyof JobPayloads;
export const jobNames = Object.keys(jobQueues) as JobName[];

/**
 * Alerts must not wait out pg-boss's 15-minute expiry when the worker holding them dies (decision 022):
 * their workers touch each job every 5 s, and the supervisor hands a job nobody touched for 10 s to
 * the next worker as a retry. Only for these short jobs: a heartbeat costs one UPDATE per batch every 5 s.
 */
const heartbeat = { heartbeatSeconds: 10 } satisfies QueueOptions;
const queueSettings: Partial<Record<JobName, QueueOptions>> = {
  'notifications.deliver': heartbeat,
  'orders.escalate': heartbeat,
  'leads.escalate': heartbeat,
};
/** How often the worker's supervisor looks for jobs of a dead worker (pg-boss's default is a minute). */
const SUPERVISE_EVERY_S = 10;

/** Per-job settings (retries, backoff, start time) that override the queue's defaults. */
export type JobOptions = Omit<JobInsert, 'data' | 'id'>;

/** Only the worker supervises and runs schedules; a web-only process just enqueues. */
export async function startQueue(database: Database, options: { runsWorker: boolean; log: Logger }): Promise<Queue> {
  const common = {
    supervise: options.runsWorker,
    schedule: options.runsWorker,
    superviseIntervalSeconds: SUPERVISE_EVERY_S,
    monitorIntervalSeconds: SUPERVISE_EVERY_S,
    openTelemetry: { enabled: false },
  };
  const boss =
    database.kind === 'pglite'
      ? new PgBoss({ ...common, db: fromPglite(database.pglite), backend: 'pglite' })
      : new PgBoss({ ...common, db: undefined, connectionString: poolConnectionString(database), useListenNotify: true });
  boss.on('error', (error) => options.log.error({ err: error }, 'job queue error'));
  await boss.start();
  // notify: a new job wakes the workers at once (LISTEN/NOTIFY on PostgreSQL) instead of at their next
  // poll. updateQueue turns it (and a heartbeat) on for queues an earlier version created without. One
  // read first, so a start with every queue in place writes nothing.
  const existing = new Map((await boss.getQueues()).map((queue) => [queue.name, queue]));
  for (const name of jobNames) {
    const settings = { notify: true, ...queueSettings[name] };
    const queue = existing.get(name);
    if (!queue) await boss.createQueue(name, settings);
    else if (queue.notify !== settings.notify || (queue.heartbeatSeconds ?? undefined) !== settings.heartbeatSeconds) await boss.updateQueue(name, settings);
  }
  return boss;
}

/** Enqueues inside the business transaction: the jobs exist if and only if the transaction commits. */
export async function enqueue<N extends JobName>(queue: Queue, tx: Tx, name: N, payloads: JobPayloads[N][], options: JobOptions = {}): Promise<void> {
  if (payloads.length === 0) return;
  await queue.insert(name, payloads.map((data) => ({ ...options, data })), { db: inTransaction(tx) });
}

/** Like enqueue, each job with an id of our choosing (so that it can be cancelled by it) and its own options. */
export async function enqueueWithIds<N extends JobName>(queue: Queue, tx: Tx, name: N, jobs: (JobOptions & { id: string; data: JobPayloads[N] })[]): Promise<void> {
  if (jobs.length === 0) return;
  await queue.insert(name, jobs, { db: inTransaction(tx) });
}

/** Cancels a job that has not finished, in the business transaction (a job already done stays done). */
export async function cancelJob(queue: Queue, tx: Tx, name: JobName, id: string): Promise<void> {
  await queue.cancel(name, id, { db: inTransaction(tx) });
}

// Drizzle's generic execute() is typed loosely; at run time it is exactly what the adapter expects.
const inTransaction = (tx: Tx) => fromDrizzle(tx as unknown as Parameters<typeof fromDrizzle>[0], sql);

function poolConnectionString(database: Extract<Database, { kind: 'postgres' }>): string {
  const connectionString = database.pool.options.connectionString;
  if (!connectionString) throw new Error('The PostgreSQL pool was opened without a connection string');
  return connectionString;
}
