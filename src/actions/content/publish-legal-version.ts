import { and, eq } from 'drizzle-orm';
import type { Deps } from '../../app-deps.js';
import { audit } from '../../db/queries/audit.js';
import { legalVersions } from '../../db/schema/index.js';
import { checkNewVersion, editionLabel, versionId, type LegalDocument } from '../../domain/content/legal-versions.js';

export type PublishLegalResult =
  | { kind: 'published'; effectiveDate: string; inEffectNow: boolean }
  | { kind: 'replaced'; effectiveDate: string }
  | { kind: 'invalid'; errors: { effective_date?: string; body?: string } };

/**
 * An admin publishes a new version of a legal text with the date it takes effect (today or later).
 * A version already in effect is never changed — orders name it — while one not yet in effect is
 * replaced. Audited; in use in this process at once.
 */
export async function publishLegalVersion(
  deps: Pick<Deps, 'db' | 'clock' | 'content'>,
  input: { staffId: string; ip: string; document: LegalDocument; effectiveDate: string; body: string },
): Promise<PublishLegalResult> {
  const now = deps.clock.now();
  const result = await deps.db.transaction(async (tx) => {
    // One admin at a time per document: two publishing the same date must not both think it was free.
    const existing = await tx.select().from(legalVersions).where(eq(legalVersions.document, input.document)).for('update');
    const checked = checkNewVersion(existing, { document: input.document, effectiveDate: input.effectiveDate, body: input.body, metrikaBlockAllowed: input.document === 'privacy' }, now);
    if (!checked.ok) return { kind: 'invalid', errors: checked.errors } as const;
    const { version, replaces } = checked;
    const row = { effectiveFrom: version.effectiveFrom, body: version.body, publishedBy: input.staffId, publishedAt: now };
    if (replaces) {
      await tx
        .update(legalVersions)
        .set(row)
        .where(and(eq(legalVersions.document, input.document), eq(legalVersions.effectiveDate, version.effectiveDate)));
    } else {
      await tx.insert(legalVersions).values({ document: input.document, effectiveDate: version.effectiveDate, ...row });
    }
    await audit(tx, {
      staffId: input.staffId,
      action: replaces ? 'content.legal_version_replaced' : 'content.legal_version_published',
      entity: 'legal_version',
      entityId: versionId(version),
      details: { document: input.document, edition: editionLabel(version.effectiveDate), effectiveFrom: version.effectiveFrom.toISOString(), characters: version.body.length },
      ip: input.ip,
      at: now,
    });
    return replaces ? ({ kind: 'replaced', effectiveDate: version.effectiveDate } as const) : ({ kind: 'published', effectiveDate: version.effectiveDate, inEffectNow: version.effectiveFrom <= now } as const);
  });
  if (result.kind !== 'invalid') await deps.content.reload();
  return result;
}
