import type { JobResult, JobWithMetadata, WorkOptions } from 'pg-boss';
import { pruneAccountRecords } from './actions/accounts/prune-account-records.js';
import { runRestoreDrill } from './actions/backups/run-restore-drill.js';
import { reconcilePayments } from './actions/payments/reconcile-payments.js';
import type { Deps } from './app-deps.js';
import { backupSchedule } from './domain/backups/backup-schedule.js';
import { deliverEmail } from './jobs/deliver-email.js';
import { acceptBySilenceWhenDue, afterOrderPaid, createBackup, escalateLeadWhenDue, escalateWhenDue, issueReceiptJob, pollReceiptJob } from './jobs/handlers.js';
import { deliverWebhook } from './jobs/deliver-webhook.js';
import { sendRequestedLink } from './jobs/send-link.js';
import { deliverNotificationJob, pollTelegramUpdates } from './jobs/notifications.js';
import type { JobName, JobPayloads } from './queue.js';

/**
 * Fetching: up to 5 jobs at a time and straight on while batches come back full, so a backlog drains
 * without waiting for polls; each job of a batch succeeds or fails (and is retried) on its own.
 * Idle workers wake on NOTIFY (PostgreSQL) and poll every 2 s as a backstop (and on PGlite).
 */
const batches = {
  batchSize: 5,
  burstWhenBatchFull: true,
  pollingIntervalSeconds: 2,
  notifyPollingIntervalSeconds: 2,
} satisfies WorkOptions;
/** One job at a time in this process: a slow backup and a click on «Сделать копию сейчас» do not overlap. */
const oneAtATime = { localConcurrency: 1, pollingIntervalSeconds: 2 } satisfies WorkOptions;

interface Handler<N extends JobName> {
  run(deps: Deps, job: JobWithMetadata<JobPayloads[N]>): Promise<unknown>;
  options?: WorkOptions;
  /** Runs the jobs of a batch at once rather than one after another. */
  parallel?: boolean;
  /** Keeps what the handler returned as the job's output (a small report that /metrics sums). */
  report?: boolean;
}

/** Every queue's handler: a queue added to `jobQueues` (queue.ts) without one here does not compile. */
const handlers: { [N in JobName]: Handler<N> } = {
  // Up to 20 at once (four batches of 5, each in parallel; decisions 028 and 042): a job mostly waits on
  // the database and the password hash (~20 ms of CPU on the thread pool), so a burst drains by overlapping them.
  'order.paid': { run: afterOrderPaid, options: { ...batches, localConcurrency: 4 }, parallel: true },
  // The emails of six batches go out in parallel over the mailer's 10 pooled SMTP connections: a
  // password waits behind at most the emails already in flight, not behind a whole burst (decision 042).
  'email.deliver': { run: deliverEmail, options: { ...batches, localConcurrency: 6 }, parallel: true },
  // "Forgot password" and "send a new link": the request only queued what was typed (constant time).
  'accounts.send-link': { run: sendRequestedLink, options: batches },
  'orders.escalate': { run: escalateWhenDue, options: batches },
  'orders.accept-by-silence': { run: acceptBySilenceWhenDue, options: batches },
  'leads.escalate': { run: escalateLeadWhenDue, options: batches },
  // Staff alerts of a batch go out in parallel: each waits on Telegram or the outbox, not on us.
  'notifications.deliver': { run: deliverNotificationJob, options: batches, parallel: true },
  'payments.reconcile': { run: reconcilePayments, report: true },
  'accounts.prune': { run: pruneAccountRecords },
  'backups.create': { run: createBackup, options: oneAtATime },
  'backups.drill': { run: runRestoreDrill, options: oneAtATime },
  // Receipts: sent a few at a time; reports read one at a time (the register allows one read a second).
  'receipts.issue': { run: issueReceiptJob, options: batches },
  'receipts.poll': { run: pollReceiptJob, options: { ...batches, localConcurrency: 1 } },
  // In parallel: one slow CRM (up to 10 s) does not hold up the other deliveries of its batch.
  'webhooks.deliver': { run: deliverWebhook, options: batches, parallel: true },
};

/**
 * Registers the job handlers and schedules. `deps.close()` stops the queue gracefully, letting running
 * jobs finish.
 */
export async function startWorker(deps: Deps): Promise<void> {
  for (const name of Object.keys(handlers) as JobName[]) await work(deps, name, handlers[name] as Handler<JobName>);
  // pg-boss makes sure only one worker runs each tick, however many processes there are.
  await deps.queue.schedule('payments.reconcile', '* * * * *');
  await deps.queue.schedule('accounts.prune', '17 * * * *');
  // Backups (docs/operations.md "Backups"): daily at BACKUP_TIME Moscow time, the restore drill weekly.
  const backupTimes = backupSchedule(deps.config.BACKUP_TIME);
  const longJob = { tz: 'Europe/Moscow', expireInSeconds: 6 * 3600 };
  await deps.queue.schedule('backups.create', backupTimes.backup, { trigger: 'scheduled' }, longJob);
  await deps.queue.schedule('backups.drill', backupTimes.drill, {}, { ...longJob, retryLimit: 0 });
  // Telegram `/start CODE` linking (decision 019): this process long-polls the bot until deps.close().
  if (deps.telegram) void pollTelegramUpdates(deps, deps.telegram);
  deps.log.info('Worker started');
}

async function work(deps: Deps, name: JobName, handler: Handler<JobName>): Promise<void> {
  const options = { ...handler.options, includeMetadata: true, perJobResults: true } as const;
  await deps.queue.work(name, options, (jobs: JobWithMetadata<JobPayloads[JobName]>[]) =>
    settleEach(deps, jobs, handler.parallel ?? false, (job) => handler.run(deps, job), handler.report ?? false),
  );
}

/** Runs every job of a batch (one after another, or all at once) and reports each outcome separately. */
async function settleEach<J extends { id: string; name: string }>(
  deps: Pick<Deps, 'log'>,
  jobs: J[],
  parallel: boolean,
  handle: (job: J) => Promise<unknown>,
  report = false,
): Promise<JobResult[]> {
  const settle = async (job: J): Promise<JobResult> => {
    try {
      const result = await handle(job);
      return report ? { id: job.id, status: 'completed', output: result as object } : { id: job.id, status: 'completed' };
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
