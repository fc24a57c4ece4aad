import { eq } from 'drizzle-orm';
import type { Deps } from '../../app-deps.js';
import { audit } from '../../db/queries/audit.js';
import { faqEntries } from '../../db/schema/index.js';

export type DeleteFaqEntryResult = { kind: 'deleted' | 'not_found' };

export async function deleteFaqEntry(deps: Pick<Deps, 'db' | 'clock' | 'catalog'>, input: { staffId: string; ip: string; entryId: string }): Promise<DeleteFaqEntryResult> {
  const result = await deps.db.transaction(async (tx) => {
    const [deleted] = await tx.delete(faqEntries).where(eq(faqEntries.id, input.entryId)).returning();
    if (!deleted) return { kind: 'not_found' } as const;
    await audit(tx, { staffId: input.staffId, action: 'faq.deleted', entity: 'faq', entityId: deleted.id, details: { question: deleted.question }, ip: input.ip, at: deps.clock.now() });
    return { kind: 'deleted' } as const;
  });
  if (result.kind === 'deleted') deps.catalog.invalidate();
  return result;
}
