import { eq } from 'drizzle-orm';
import type { Deps } from '../../app-deps.js';
import { audit } from '../../db/queries/audit.js';
import { lockLead } from '../../db/queries/leads.js';
import { leads } from '../../db/schema/index.js';
import type { JobOptions } from '../../queue.js';
import { raiseStaffEvents } from '../notifications/raise-staff-events.js';

export type LeadEscalationOutcome = 'escalated' | 'not_due' | 'contacted' | 'already_escalated' | 'not_found';

/**
 * The `leads.escalate` job (its id is the lead's, so «Перезвонили» can cancel it). It starts at the
 * deadline; a retry a minute later stands in for a job started early by a clock that runs ahead of
 * ours (the worker fails a "not due" run), as for a paid order (orders.escalate).
 */
export const leadEscalationJob = (leadId: string, dueAt: Date): JobOptions & { id: string; data: { leadId: string } } => ({
  id: leadId,
  data: { leadId },
  startAfter: dueAt,
  retryLimit: 30,
  retryDelay: 60,
});

/**
 * At a lead's callback deadline: if nobody marked the call made, one `lead.overdue` alert to the
 * managers and the admins (by their channels, docs/notifications.md) and leads.escalated_at is set —
 * once, however often the job runs. A lead called back or already escalated gets nothing.
 */
export async function escalateLead(deps: Pick<Deps, 'db' | 'clock' | 'queue' | 'calendar'>, leadId: string): Promise<LeadEscalationOutcome> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const lead = await lockLead(tx, leadId);
    if (!lead) return 'not_found';
    if (lead.escalatedAt) return 'already_escalated';
    if (lead.contactedAt) return 'contacted';
    if (now < lead.callbackDueAt) return 'not_due';
    await raiseStaffEvents(deps, tx, [{ kind: 'lead.overdue', leadId: lead.id }]);
    await tx.update(leads).set({ escalatedAt: now }).where(eq(leads.id, lead.id));
    await audit(tx, {
      staffId: null,
      action: 'lead.callback_escalated',
      entity: 'lead',
      entityId: lead.id,
      details: { dueAt: lead.callbackDueAt.toISOString() },
      at: now,
    });
    return 'escalated';
  });
}
