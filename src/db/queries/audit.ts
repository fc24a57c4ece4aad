import type { AuditAction } from '../../domain/records/audit-actions.js';
import type { Queryable } from '../client.js';
import { auditLog } from '../schema/index.js';

export interface AuditEntry {
  /** Who did it; null for the system (an escalation, say). */
  staffId: string | null;
  /** What, as a stable dotted name: "order.contact_logged", "client.viewed"; each has its words for staff (domain/records/audit-actions.ts). */
  action: AuditAction;
  /** Which record: its kind and id. */
  entity: string;
  entityId?: string | null;
  /** What changed, for people reading the log. Never passwords, tokens or codes. */
  details?: Record<string, unknown>;
  ip?: string | null;
  at: Date;
}

/** Appends to the audit log, in the caller's transaction so the entry exists if and only if the change does. */
export async function audit(db: Queryable, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    at: entry.at,
    staffId: entry.staffId,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    details: entry.details ?? {},
    ip: entry.ip ?? null,
  });
}
