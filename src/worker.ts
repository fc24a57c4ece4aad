import { pruneAccountRecords } from './actions/prune-account-records.js';
import { provisionClientAccount } from './actions/provision-client-account.js';
import { reconcilePayments } from './actions/reconcile-payments.js';
import { sendOrderConfirmation } from './actions/send-order-confirmation.js';
import type { Deps } from './deps.js';
import { deliverEmail } from './jobs/deliver-email.js';
import type { JobPayloads } from './jobs/queues.js';
import type { JobWithMetadata } from 'pg-boss';

/**
 * Registers the job handlers and schedules. `deps.close()` stops the queue gracefully, letting running
 * jobs finish. Handlers take ids, re-read state and are safe to run twice.
 */
export async function startWorker(deps: Deps): Promise<void> {
  // After payment: the order confirmation, then the personal account (credentials and verification,
  // or "added to your account"). Each step checks what it already did, so a retry repeats nothing.
  await deps.queue.work('order.paid', async (jobs: { data: JobPayloads['order.paid'] }[]) => {
    for (const job of jobs) {
      await sendOrderConfirmation(deps, job.data.orderId);
      await provisionClientAccount(deps, job.data.orderId);
    }
  });
  await deps.queue.work('payments.reconcile', async () => {
    await reconcilePayments(deps);
  });
  // One email per fetch (the default batch), so one failure never retries a neighbour that went out.
  await deps.queue.work('email.deliver', { includeMetadata: true }, async (jobs: JobWithMetadata<JobPayloads['email.deliver']>[]) => {
    for (const job of jobs) await deliverEmail(deps, job);
  });
  await deps.queue.work('accounts.prune', async () => {
    await pruneAccountRecords(deps);
  });
  await deps.queue.schedule('accounts.prune', '17 * * * *');
  // Every minute; pg-boss makes sure only one worker runs each tick, however many processes there are.
  await deps.queue.schedule('payments.reconcile', '* * * * *');
  deps.log.info('Worker started');
}
