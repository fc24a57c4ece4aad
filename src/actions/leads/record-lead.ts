import type { Deps } from '../../app-deps.js';
import { callbackDeadline } from '../../domain/calendar/business-calendar.js';
import { parseTildaLead, type LeadField } from '../../domain/leads/tilda-lead.js';
import { utmColumns } from '../../domain/marketing/utm.js';
import { leads } from '../../db/schema/index.js';
import { enqueueWithIds } from '../../queue.js';
import { raiseStaffEvents } from '../notifications/raise-staff-events.js';
import { leadEscalationJob } from './escalate-lead.js';

export type RecordLeadResult =
  | { kind: 'recorded'; leadId: string }
  | { kind: 'duplicate' }
  | { kind: 'invalid'; errors: Partial<Record<LeadField, string>> };

/**
 * A «заказать звонок» request from Tilda becomes a lead with the callback deadline a paid order gets
 * (one working hour, docs/back-office.md#callback-deadline). In the same transaction: the `lead.created`
 * alert to the managers and the escalation job at the deadline — rows and jobs only, the sending is the
 * worker's, so Tilda has its answer well inside its 5 seconds. A submission Tilda delivers again (same
 * tranid) is recorded, and alerted, once.
 */
export async function recordLead(deps: Pick<Deps, 'db' | 'clock' | 'calendar' | 'queue'>, body: Record<string, unknown>): Promise<RecordLeadResult> {
  const parsed = parseTildaLead(body);
  if (!parsed.ok) return { kind: 'invalid', errors: parsed.errors };
  const { lead } = parsed;
  const now = deps.clock.now();
  const callbackDueAt = callbackDeadline(now, deps.calendar);
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(leads)
      .values({
        name: lead.name,
        phone: lead.phone,
        email: lead.email,
        comment: lead.comment,
        service: lead.service,
        externalId: lead.externalId,
        formId: lead.formId,
        ...utmColumns(lead.utm),
        receivedAt: now,
        callbackDueAt,
      })
      .onConflictDoNothing({ target: leads.externalId })
      .returning({ id: leads.id });
    if (!row) return { kind: 'duplicate' } as const;
    await raiseStaffEvents(deps, tx, [{ kind: 'lead.created', leadId: row.id }]);
    await enqueueWithIds(deps.queue, tx, 'leads.escalate', [leadEscalationJob(row.id, callbackDueAt)]);
    return { kind: 'recorded', leadId: row.id } as const;
  });
}
