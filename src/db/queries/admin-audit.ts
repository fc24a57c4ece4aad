import { and, asc, count, desc, eq, gte, like, lt, type SQL } from 'drizzle-orm';
import type { AuditFilterSpec } from '../../domain/records/audit-filter.js';
import type { StaffRole } from '../../domain/staff/staff-access.js';
import type { Queryable } from '../client.js';
import { auditLog, staff } from '../schema/index.js';
import { likeLiteral } from './admin-clients.js';

// The audit log viewer (issue 5, admins only): read only — the table refuses changes anyway.

export const AUDIT_PAGE_SIZE = 50;

export interface AuditRow {
  id: number;
  at: Date;
  staffId: string | null;
  staffName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  details: Record<string, unknown>;
  ip: string | null;
}

export async function listAudit(db: Queryable, filter: AuditFilterSpec, page: number): Promise<{ rows: AuditRow[]; total: number }> {
  const conditions: (SQL | undefined)[] = [
    filter.staffId ? eq(auditLog.staffId, filter.staffId) : undefined,
    filter.actionPrefix ? like(auditLog.action, `${likeLiteral(filter.actionPrefix)}%`) : undefined,
    filter.entity ? eq(auditLog.entity, filter.entity) : undefined,
    filter.entityId ? eq(auditLog.entityId, filter.entityId) : undefined,
    filter.from ? gte(auditLog.at, filter.from) : undefined,
    filter.to ? lt(auditLog.at, filter.to) : undefined,
  ];
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: auditLog.id,
        at: auditLog.at,
        staffId: auditLog.staffId,
        staffName: staff.name,
        action: auditLog.action,
        entity: auditLog.entity,
        entityId: auditLog.entityId,
        details: auditLog.details,
        ip: auditLog.ip,
      })
      .from(auditLog)
      .leftJoin(staff, eq(staff.id, auditLog.staffId))
      .where(where)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(AUDIT_PAGE_SIZE)
      .offset((page - 1) * AUDIT_PAGE_SIZE),
    db.select({ n: count() }).from(auditLog).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** Everyone who could appear in the log, for the "who" filter (disabled members too). */
export async function staffForFilter(db: Queryable): Promise<{ id: string; name: string; role: StaffRole }[]> {
  return db.select({ id: staff.id, name: staff.name, role: staff.role }).from(staff).orderBy(asc(staff.name));
}

/** The actions and kinds of record the log holds so far, for the filters' suggestions. */
export async function auditVocabulary(db: Queryable): Promise<{ actions: string[]; entities: string[] }> {
  const rows = await db.selectDistinct({ action: auditLog.action, entity: auditLog.entity }).from(auditLog);
  const sorted = (values: string[]) => [...new Set(values)].sort();
  return { actions: sorted(rows.map((row) => row.action)), entities: sorted(rows.map((row) => row.entity)) };
}
