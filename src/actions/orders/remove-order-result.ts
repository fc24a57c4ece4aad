import { and, eq, isNull } from 'drizzle-orm';
import type { Deps } from '../../app-deps.js';
import { audit } from '../../db/queries/audit.js';
import { lockOrder } from '../../db/queries/order-lock.js';
import { orderFiles, orderResults } from '../../db/schema/index.js';
import type { StaffActor, WorkResult } from './work-result.js';

/**
 * Takes back a result added by mistake. The row stays, marked removed (who, when: the card lists it
 * struck through, the audit log has it); the file's bytes are deleted, because a file attached by
 * mistake is often another client's, and it must not live on in the database and its backups.
 */
export async function removeOrderResult(deps: Pick<Deps, 'db' | 'clock'>, input: StaffActor & { orderId: string; resultId: string }): Promise<WorkResult> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const order = await lockOrder(tx, input.orderId);
    if (!order) return { kind: 'not_found' };
    const [result] = await tx
      .update(orderResults)
      .set({ removedAt: now, removedBy: input.member.id })
      .where(and(eq(orderResults.id, input.resultId), eq(orderResults.orderId, order.id), isNull(orderResults.removedAt)))
      .returning();
    if (!result) return { kind: 'not_found' };
    if (result.fileId) await tx.delete(orderFiles).where(eq(orderFiles.id, result.fileId));
    await audit(tx, {
      staffId: input.member.id,
      action: 'order.result_removed',
      entity: 'order',
      entityId: order.id,
      details: { resultId: result.id, fileName: result.fileName, url: result.url, wasPublished: result.publishedAt !== null },
      ip: input.ip,
      at: now,
    });
    return { kind: 'done' };
  });
}
