import { eq } from 'drizzle-orm';
import type { Deps } from '../../app-deps.js';
import { receipts } from '../../db/schema/index.js';
import { enqueue } from '../../queue.js';

/**
 * The register says a receipt is done or failed. Callbacks are not signed, so nothing in the body is
 * believed: it only names a receipt (by the register's uuid) whose report we then read ourselves,
 * once, if it is still waiting.
 */
export async function noteRegisterCallback(deps: Pick<Deps, 'db' | 'queue' | 'config'>, registerUuid: string | null): Promise<'read_queued' | 'ignored'> {
  if (deps.config.RECEIPTS === 'off' || !registerUuid) return 'ignored';
  return deps.db.transaction(async (tx) => {
    const [receipt] = await tx.select({ id: receipts.id, state: receipts.state }).from(receipts).where(eq(receipts.registerUuid, registerUuid));
    if (receipt?.state !== 'wait') return 'ignored';
    await enqueue(deps.queue, tx, 'receipts.poll', [{ receiptId: receipt.id, trigger: 'callback' }], { retryLimit: 0 });
    return 'read_queued';
  });
}
