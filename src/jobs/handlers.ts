import type { JobWithMetadata } from 'pg-boss';
import { makeBackup } from '../actions/backups/make-backup.js';
import { acceptBySilence } from '../actions/orders/accept-by-silence.js';
import { escalateCallback } from '../actions/orders/escalate-callback.js';
import { escalateLead } from '../actions/leads/escalate-lead.js';
import { provisionClientAccount } from '../actions/accounts/provision-client-account.js';
import { sendOrderConfirmation } from '../actions/orders/send-order-confirmation.js';
import { issueReceipt, RegisterUnavailableError } from '../actions/receipts/issue-receipt.js';
import { pollReceipt } from '../actions/receipts/poll-receipt.js';
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

/** At the end of a hand-over's acceptance period, likewise. */
export async function acceptBySilenceWhenDue(deps: Deps, { data }: JobOf<'orders.accept-by-silence'>): Promise<void> {
  if ((await acceptBySilence(deps, data.handoverId)) === 'not_due') throw new Error('acceptance period not over yet');
}

/** At a lead's callback deadline, likewise. */
export async function escalateLeadWhenDue(deps: Deps, { data }: JobOf<'leads.escalate'>): Promise<void> {
  if ((await escalateLead(deps, data.leadId)) === 'not_due') throw new Error('lead callback deadline not reached yet');
}

/** A scheduled backup also prunes old files by the retention rule; one asked for in the back office does not. */
export async function createBackup(deps: Deps, { data }: JobOf<'backups.create'>): Promise<void> {
  await makeBackup(deps, { trigger: data.trigger, staffId: data.staffId, prune: data.trigger === 'scheduled' });
}

/** Sends a receipt to the register; an unreachable register fails the run so pg-boss retries it (same external id). */
export async function issueReceiptJob(deps: Deps, { data }: JobOf<'receipts.issue'>): Promise<void> {
  const result = await issueReceipt(deps, data.receiptId);
  if (result.kind === 'unavailable') throw new RegisterUnavailableError(result.reason);
}

/**
 * Reads a receipt's report. An unreachable register fails a scheduled read so pg-boss retries it; a read
 * the callback or staff asked for is simply dropped (the scheduled reads carry on).
 */
export async function pollReceiptJob(deps: Deps, { data }: JobOf<'receipts.poll'>): Promise<void> {
  const result = await pollReceipt(deps, data);
  if (result.kind === 'unavailable' && !data.trigger) throw new RegisterUnavailableError(result.reason);
}
