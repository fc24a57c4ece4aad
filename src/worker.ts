import type { Deps } from './deps.js';

/**
 * Registers the job handlers on the queue. There are none yet: email delivery, account
 * provisioning and payment reconciliation arrive with their features. pg-boss already runs its
 * maintenance and schedules in this role; `deps.close()` stops it gracefully, finishing running jobs.
 */
export async function startWorker(deps: Deps): Promise<void> {
  deps.log.info('Worker started');
}
