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
}
export type JobName = keyof JobPayloads;
export const jobNames: JobName[] = ['order.paid', 'payments.reconcile', 'email.deliver', 'accounts.prune'];

/** Per-job settings (retries, backoff, start time) that override the queue's defaults. */
export type JobOptions = Omit<JobInsert, 'data' | 'id'>;

/** Enqueues inside the business transaction: the jobs exist if and only if the transaction commits. */
export async function enqueue<N extends JobName>(queue: Queue, tx: Tx, name: N, payloads: JobPayloads[N][], options: JobOptions = {}): Promise<void> {
  if (payloads.length === 0) return;
  // Drizzle's generic execute() is typed loosely; at run time it is exactly what the adapter expects.
  const db = fromDrizzle(tx as unknown as Parameters<typeof fromDrizzle>[0], sql);
  await queue.insert(name, payloads.map((data) => ({ ...options, data })), { db });
}
