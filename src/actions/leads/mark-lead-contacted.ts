import { and, eq, isNull } from 'drizzle-orm';
import type { Deps } from '../../app-deps.js';
import { audit } from '../../db/queries/audit.js';
import { leads } from '../../db/schema/index.js';
import { cancelJob } from '../../queue.js';
import type { StaffActor } from '../orders/work-result.js';

export type MarkLeadResult = { kind: 'done' } | { kind: 'already' } | { kind: 'not_found' };

/**
 * A manager called the lead back: it leaves the waiting list, its escalation at the deadline is
 * cancelled, and the audit log says who and when.
 */
export async function markLeadContacted(deps: Pick<Deps, 'db' | 'clock' | 'queue'>, input: StaffActor & { leadId: string }): Promise<MarkLeadResult> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(leads)
      .set({ contactedAt: now, contactedBy: input.member.id })
      .where(and(eq(leads.id, input.leadId), isNull(leads.contactedAt)))
      .returning({ id: leads.id });
    if (!updated) {
      const [existing] = await tx.select({ id: leads.id }).from(leads).where(eq(leads.id, input.leadId));
      return existing ? { kind: 'already' } : { kind: 'not_found' };
    }
    await cancelJob(deps.queue, tx, 'leads.escalate', updated.id);
    await audit(tx, { staffId: input.member.id, action: 'lead.contacted', entity: 'lead', entityId: updated.id, ip: input.ip, at: now });
    return { kind: 'done' };
  });
}
