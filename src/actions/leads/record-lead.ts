import type { Deps } from '../../app-deps.js';
import { callbackDeadline } from '../../domain/calendar/business-calendar.js';
import { parseTildaLead, type LeadField } from '../../domain/leads/tilda-lead.js';
import { utmColumns } from '../../domain/marketing/utm.js';
import { leads } from '../../db/schema/index.js';

export type RecordLeadResult =
  | { kind: 'recorded'; leadId: string }
  | { kind: 'duplicate' }
  | { kind: 'invalid'; errors: Partial<Record<LeadField, string>> };

/**
 * A «заказать звонок» request from Tilda becomes a lead with the callback deadline a paid order gets
 * (one working hour, docs/back-office.md#callback-deadline). One insert and nothing else, so Tilda has
 * its answer well inside its 5 seconds. A submission Tilda delivers again (same tranid) is recorded once.
 */
export async function recordLead(deps: Pick<Deps, 'db' | 'clock' | 'calendar'>, body: Record<string, unknown>): Promise<RecordLeadResult> {
  const parsed = parseTildaLead(body);
  if (!parsed.ok) return { kind: 'invalid', errors: parsed.errors };
  const { lead } = parsed;
  const now = deps.clock.now();
  const [row] = await deps.db
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
      callbackDueAt: callbackDeadline(now, deps.calendar),
    })
    .onConflictDoNothing({ target: leads.externalId })
    .returning({ id: leads.id });
  return row ? { kind: 'recorded', leadId: row.id } : { kind: 'duplicate' };
}
