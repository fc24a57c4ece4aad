import type { Deps } from '../../app-deps.js';
import { enqueue, type JobOptions, type JobPayloads } from '../../queue.js';

// "Forgot password" and "send a new link" must not tell a stranger who has an account, by their answer
// or by how long it takes. Looking the account up, counting its links and writing the email take
// several queries that an unknown name skips, so the request does none of it: it only queues what was
// typed, the same single insert either way, and the job (jobs/send-link.ts) does the rest.

/**
 * A few quick retries (a database blip); the job holds what a visitor typed, possibly someone's
 * address, so pg-boss deletes it 5 minutes after it is done.
 */
export const linkRequestJob = { retryLimit: 3, retryDelay: 10, retryBackoff: true, deleteAfterSeconds: 300 } satisfies JobOptions;

export type LinkRequest = JobPayloads['accounts.send-link'];

export async function queueLinkRequest(deps: Pick<Deps, 'db' | 'queue'>, request: LinkRequest): Promise<void> {
  await deps.db.transaction((tx) => enqueue(deps.queue, tx, 'accounts.send-link', [request], linkRequestJob));
}
