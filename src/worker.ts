import { reconcilePayments } from './actions/reconcile-payments.js';
import type { Deps } from './deps.js';

/**
 * Registers the job handlers and schedules. `order.paid` jobs are enqueued by payments and wait for
 * their handlers (emails, the client account), which arrive with the accounts feature. `deps.close()`
 * stops the queue gracefully, letting running jobs finish.
 */
export async function startWorker(deps: Deps): Promise<void> {
  await deps.queue.work('payments.reconcile', async () => {
    await reconcilePayments(deps);
  });
  // Every minute; pg-boss makes sure only one worker runs each tick, however many processes there are.
  await deps.queue.schedule('payments.reconcile', '* * * * *');
  deps.log.info('Worker started');
}
