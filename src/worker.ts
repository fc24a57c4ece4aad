import type { Job, JobResult, JobWithMetadata, WorkOptions } from 'pg-boss';
import { makeBackup } from './actions/backups/make-backup.js';
import { runRestoreDrill } from './actions/backups/run-restore-drill.js';
import { escalateCallback } from './actions/orders/escalate-callback.js';
import { provisionClientAccount } from './actions/provision-client-account.js';
import { pruneAccountRecords } from './actions/prune-account-records.js';
import { reconcilePayments } from './actions/reconcile-payments.js';
import { sendOrderConfirmation } from './actions/send-order-confirmation.js';
import type { Deps } from './deps.js';
import { backupSchedule } from './domain/backup-schedule.js';
import { deliverEmail } from './jobs/deliver-email.js';
import { sendRequestedLink } from './jobs/send-link.js';
import type { JobPayloads } from './jobs/queues.js';

/**
 * Fetching: up to 5 jobs at a time and straight on while batches come back full, so a backlog drains
 * without waiting for polls; each job of a batch succeeds or fails (and is retried) on its own.
 * Idle workers wake on NOTIFY (PostgreSQL) and poll every 2 s as a backstop (and on PGlite).
 */
const batches = {
  batchSize: 5,
  burstWhenBatchFull: true,
  perJobResults: true,
  pollingIntervalSeconds: 2,
  notifyPollingIntervalSeconds: 2,
} satisfies WorkOptions;

/**
 * Registers the job handlers and schedules. `deps.close()` stops the queue gracefully, letting running
 * jobs finish. Handlers take ids, re-read state and are safe to run twice.
 */
export async function startWorker(deps: Deps): Promise<void> {
  // After payment: the order confirmation, then the personal account (credentials and verification,
  // or "added to your account"). Each step checks what it already did, so a retry repeats nothing.
  // Two workers: account creation spends ~65 ms hashing a password on the thread pool.
  await deps.queue.work('order.paid', { ...batches, localConcurrency: 2 }, (jobs: Job<JobPayloads['order.paid']>[]) =>
    settleEach(deps, jobs, false, async ({ data }) => {
      await sendOrderConfirmation(deps, data.orderId);
      await provisionClientAccount(deps, data.orderId);
    }),
  );
  // The emails of a batch go out in parallel over the mailer's pooled SMTP connections.
  await deps.queue.work('email.deliver', { ...batches, includeMetadata: true }, (jobs: JobWithMetadata<JobPayloads['email.deliver']>[]) =>
    settleEach(deps, jobs, true, (job) => deliverEmail(deps, job)),
  );
  // "Forgot password" and "send a new link": the request only queued what was typed (constant time).
  await deps.queue.work('accounts.send-link', batches, (jobs: Job<JobPayloads['accounts.send-link']>[]) =>
    settleEach(deps, jobs, false, ({ data }) => sendRequestedLink(deps, data)),
  );
  // At a paid order's callback deadline. "Not due" fails the run so that pg-boss tries again a minute later.
  await deps.queue.work('orders.escalate', batches, (jobs: Job<JobPayloads['orders.escalate']>[]) =>
    settleEach(deps, jobs, false, async ({ data }) => {
      if ((await escalateCallback(deps, data.orderId)) === 'not_due') throw new Error('callback deadline not reached yet');
    }),
  );
  await deps.queue.work('payments.reconcile', async () => {
    await reconcilePayments(deps);
  });
  await deps.queue.work('accounts.prune', async () => {
    await pruneAccountRecords(deps);
  });
  // pg-boss makes sure only one worker runs each tick, however many processes there are.
  await deps.queue.schedule('payments.reconcile', '* * * * *');
  await deps.queue.schedule('accounts.prune', '17 * * * *');
  // Backups (docs/operations.md "Backups"): daily at BACKUP_TIME Moscow time, the restore drill weekly.
  // One at a time per queue, so a slow backup and a click on «Сделать копию сейчас» do not overlap.
  await deps.queue.work('backups.create', { localConcurrency: 1, pollingIntervalSeconds: 2 }, async ([job]: Job<JobPayloads['backups.create']>[]) => {
    const { trigger, staffId } = job!.data;
    await makeBackup(deps, { trigger, staffId, prune: trigger === 'scheduled' });
  });
  await deps.queue.work('backups.drill', { localConcurrency: 1 }, async () => {
    await runRestoreDrill(deps);
  });
  const backupTimes = backupSchedule(deps.config.BACKUP_TIME);
  const longJob = { tz: 'Europe/Moscow', expireInSeconds: 6 * 3600 };
  await deps.queue.schedule('backups.create', backupTimes.backup, { trigger: 'scheduled' }, longJob);
  await deps.queue.schedule('backups.drill', backupTimes.drill, {}, { ...longJob, retryLimit: 0 });
  deps.log.info('Worker started');
}

/** Runs every job of a batch (one after another, or all at once) and reports each outcome separately. */
async function settleEach<J extends { id: string; name: string }>(
  deps: Pick<Deps, 'log'>,
  jobs: J[],
  parallel: boolean,
  handle: (job: J) => Promise<unknown>,
): Promise<JobResult[]> {
  const settle = async (job: J): Promise<JobResult> => {
    try {
      await handle(job);
      return { id: job.id, status: 'completed' };
    } catch (error) {
      deps.log.warn({ err: error, queue: job.name, jobId: job.id }, 'job failed; pg-boss retries it with backoff');
      return { id: job.id, status: 'failed', output: { message: error instanceof Error ? error.message : String(error) } };
    }
  };
  if (parallel) return Promise.all(jobs.map(settle));
  const results: JobResult[] = [];
  for (const job of jobs) results.push(await settle(job));
  return results;
}
