import { and, count, eq } from 'drizzle-orm';
import type { Deps } from '../../app-deps.js';
import { audit } from '../../db/queries/audit.js';
import { receipts } from '../../db/schema/index.js';
import { externalIdFor } from '../../domain/receipts/external-id.js';
import { enqueue } from '../../queue.js';
import { externalIdEntity, issueRetries, sellerFrom } from './queue-receipt.js';

export type ReissueResult = { kind: 'reissued'; receiptId: string } | { kind: 'not_failed' } | { kind: 'already_reissued' } | { kind: 'not_found' } | { kind: 'off' };

/**
 * Staff send a failed receipt again as a new document: the same money event and lines, the seller's
 * details as they are now (the usual cause of a failure is a wrong INN or tax system), and the next
 * external id of the event (`…:2`, `…:3`), since the register keeps the failed one for good. Audited.
 */
export async function reissueReceipt(deps: Pick<Deps, 'db' | 'clock' | 'queue' | 'config' | 'content'>, input: { receiptId: string; staffId: string; ip: string }): Promise<ReissueResult> {
  if (deps.config.RECEIPTS === 'off') return { kind: 'off' };
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const [failed] = await tx.select().from(receipts).where(eq(receipts.id, input.receiptId)).for('update');
    if (!failed) return { kind: 'not_found' } as const;
    if (failed.state !== 'fail') return { kind: 'not_failed' } as const;
    const [next] = await tx.select({ id: receipts.id }).from(receipts).where(eq(receipts.reissueOf, failed.id));
    if (next) return { kind: 'already_reissued' } as const;
    const [issued] = await tx
      .select({ n: count() })
      .from(receipts)
      .where(and(eq(receipts.event, failed.event), eq(receipts.sourceId, failed.sourceId)));
    const sequence = (issued?.n ?? 1) + 1;
    const document = { ...failed.document, company: sellerFrom(deps) };
    const [created] = await tx
      .insert(receipts)
      .values({
        orderId: failed.orderId,
        invoiceId: failed.invoiceId,
        event: failed.event,
        sourceId: failed.sourceId,
        kind: failed.kind,
        settlement: failed.settlement,
        moneyKopecks: failed.moneyKopecks,
        totalKopecks: failed.totalKopecks,
        document,
        externalId: externalIdFor(failed.event, externalIdEntity(failed), sequence),
        reissueOf: failed.id,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: receipts.id, externalId: receipts.externalId });
    await enqueue(deps.queue, tx, 'receipts.issue', [{ receiptId: created!.id }], issueRetries);
    await audit(tx, {
      staffId: input.staffId,
      action: 'receipt.reissued',
      entity: 'receipt',
      entityId: created!.id,
      details: { orderId: failed.orderId, invoiceId: failed.invoiceId, reissueOf: failed.id, failedExternalId: failed.externalId, externalId: created!.externalId, errorCode: failed.errorCode, errorText: failed.errorText },
      ip: input.ip,
      at: now,
    });
    return { kind: 'reissued', receiptId: created!.id } as const;
  });
}
