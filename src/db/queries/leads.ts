import { asc, desc, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Queryable, Tx } from '../client.js';
import { leads, staff } from '../schema/index.js';

// The back office's reads about leads (call-back requests from the Tilda site).

export type Lead = typeof leads.$inferSelect;
export type LeadRow = Lead & { contactedByName: string | null };

/** More than this many waiting is a crisis the page cannot fix; the nearest deadlines come first anyway. */
const LIMIT = 500;
/** The recent ones already called, for reference. */
const RECENT = 50;

export async function waitingLeads(db: Queryable): Promise<LeadRow[]> {
  return db
    .select({ lead: leads, contactedByName: staff.name })
    .from(leads)
    .leftJoin(staff, eq(staff.id, leads.contactedBy))
    .where(isNull(leads.contactedAt))
    .orderBy(asc(leads.callbackDueAt))
    .limit(LIMIT)
    .then((rows) => rows.map(({ lead, contactedByName }) => ({ ...lead, contactedByName })));
}

export async function recentlyContactedLeads(db: Queryable): Promise<LeadRow[]> {
  return db
    .select({ lead: leads, contactedByName: staff.name })
    .from(leads)
    .leftJoin(staff, eq(staff.id, leads.contactedBy))
    .where(isNotNull(leads.contactedAt))
    .orderBy(desc(leads.contactedAt))
    .limit(RECENT)
    .then((rows) => rows.map(({ lead, contactedByName }) => ({ ...lead, contactedByName })));
}

/** The lead, locked until the transaction ends: the deadline's job and a manager's «Перезвонили» take turns. */
export async function lockLead(tx: Tx, leadId: string): Promise<Lead | undefined> {
  const [lead] = await tx.select().from(leads).where(eq(leads.id, leadId)).for('update');
  return lead;
}
