import { audit } from '../../db/queries/audit.js';
import type { StaffMember } from '../../db/queries/staff.js';
import type { Deps } from '../../app-deps.js';
import { enqueue } from '../../queue.js';

/**
 * «Сделать копию сейчас»: the worker makes the copy (on the embedded database only the running
 * process can read it).
 */
export async function requestBackup(deps: Pick<Deps, 'db' | 'queue' | 'clock'>, by: StaffMember, ip: string): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await enqueue(deps.queue, tx, 'backups.create', [{ trigger: 'manual', staffId: by.id }], { retryLimit: 1 });
    await audit(tx, { staffId: by.id, action: 'backups.requested', entity: 'backup', details: {}, ip, at: now });
  });
}
