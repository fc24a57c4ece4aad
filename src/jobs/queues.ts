import { sql } from 'drizzle-orm';
import { fromDrizzle, type JobInsert } from 'pg-boss';
import type { Tx } from '../db/client.js';
import type { Queue } from './queue.js';

/** Every job queue, with the payload its handler receives. Handlers take ids and re-read state. */
export interface JobPayloads {
  'order.paid': { orderId: string };
  'payments.reconcile': Record<string, never>;
  'email.deliver': { emailId: string };
  'accounts.prune': Record<string, never>;
  /** "Forgot password" or "send a new link", as typed: the lookup happens in the job (accounts/link-requests.ts). */
  'accounts.send-link': { purpose: 'reset_password' | 'verify_email'; name: string };
  /** At a paid order's callback deadline: tell the manager and the admins if nobody called (job id = order id). */
  'orders.escalate': { orderId: string };
  /** A backup of the whole database into BACKUP_DIR: daily at BACKUP_TIME, or asked for in /admin/backups. */
  'backups.create': { trigger: 'scheduled' | 'manual'; staffId?: string };
  /** Weekly: restore the latest backup into a scratch database and compare it with its manifest. */
  'backups.drill': Record<string, never>;
}
export type JobName = keyof JobPayloads;
export const jobNames: JobName[] = ['order.paid', 'payments.reconcile', 'email.deliver', 'accounts.prune', 'accounts.send-link', 'orders.escalate', 'backups.create', 'backups.drill'];

/** Per-job settings (retries, backoff, start time) that override the queue's defaults. */
export type JobOptions = Omit<JobInsert, 'data' | 'id'>;

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
