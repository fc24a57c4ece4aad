import { eq } from 'drizzle-orm';
import type { Deps } from '../../app-deps.js';
import { parseFaqForm, type FaqFormErrors, type FaqFormValues } from '../../domain/catalog/faq-form.js';
import { audit } from '../../db/queries/audit.js';
import { findFaqEntry } from '../../db/queries/storefront.js';
import { faqEntries } from '../../db/schema/index.js';

export type SaveFaqEntryResult = { kind: 'created' | 'saved' } | { kind: 'invalid'; errors: FaqFormErrors } | { kind: 'not_found' };

/** A new question for the storefront's FAQ (no `entryId`), or new words for one. */
export async function saveFaqEntry(
  deps: Pick<Deps, 'db' | 'clock' | 'catalog'>,
  input: { staffId: string; ip: string; entryId?: string; values: FaqFormValues },
): Promise<SaveFaqEntryResult> {
  const form = parseFaqForm(input.values);
  if (!form.ok) return { kind: 'invalid', errors: form.errors };
  const now = deps.clock.now();
  const result = await deps.db.transaction(async (tx) => {
    const row = { ...form.entry, updatedAt: now };
    let id = input.entryId;
    if (id) {
      const before = await findFaqEntry(tx, id);
      if (!before) return { kind: 'not_found' } as const;
      await tx.update(faqEntries).set(row).where(eq(faqEntries.id, id));
    } else {
      [{ id }] = await tx.insert(faqEntries).values(row).returning({ id: faqEntries.id }) as [{ id: string }];
    }
    await audit(tx, { staffId: input.staffId, action: input.entryId ? 'faq.updated' : 'faq.created', entity: 'faq', entityId: id, details: { question: form.entry.question }, ip: input.ip, at: now });
    return { kind: input.entryId ? 'saved' : 'created' } as const;
  });
  if (result.kind !== 'not_found') deps.catalog.invalidate();
  return result;
}
