import type { JobWithMetadata } from 'pg-boss';
import { makeBackup } from '../actions/backups/make-backup.js';
import { escalateCallback } from '../actions/orders/escalate-callback.js';
import { provisionClientAccount } from '../actions/accounts/provision-client-account.js';
import { sendOrderConfirmation } from '../actions/orders/send-order-confirmation.js';
import type { Deps } from '../app-deps.js';
import type { JobPayloads } from '../queue.js';

// The job handlers that do more than call one action with the job's payload. Each takes ids, re-reads
// state and is safe to run twice: a retry repeats nothing already done.

type JobOf<N extends keyof JobPayloads> = Pick<JobWithMetadata<JobPayloads[N]>, 'data'>;

/** After payment: the order confirmation, then the personal account (credentials and verification, or "added to your account"). */
export async function afterOrderPaid(deps: Deps, { data }: JobOf<'order.paid'>): Promise<void> {
  await sendOrderConfirmation(deps, data.orderId);
  await provisionClientAccount(deps, data.orderId);
}

/** At a paid order's callback deadline. "Not due" fails the run so that pg-boss tries again a minute later. */
export async function escalateWhenDue(deps: Deps, { data }: JobOf<'orders.escalate'>): Promise<void> {
  if ((await escalateCallback(deps, data.orderId)) === 'not_due') throw new Error('callback deadline not reached yet');
}

/** A scheduled backup also prunes old files by the retention rule; one asked for in the back office does not. */
export async function createBackup(deps: Deps, { data }: JobOf<'backups.create'>): Promise<void> {
  await makeBackup(deps, { trigger: data.trigger, staffId: data.staffId, prune: data.trigger === 'scheduled' });
}
