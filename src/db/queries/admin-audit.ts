import { and, asc, count, desc, eq, gte, inArray, like, lt, type SQL } from 'drizzle-orm';
import type { AuditFilterSpec } from '../../domain/records/audit-filter.js';
import type { StaffRole } from '../../domain/staff/staff-access.js';
import type { Queryable } from '../client.js';
import { auditLog, invoices, orders, staff } from '../schema/index.js';
import { likeLiteral } from './admin-clients.js';
import { invoiceNumber, orderNumber } from '../../domain/orders/order-number.js';

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
  /** The order's or surcharge invoice's number («У-1042», «У-1042-Д1») when the record is one. */
  recordNumber: string | null;
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
  const [found, [total]] = await Promise.all([
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
  const numbers = await recordNumbers(db, found);
  return { rows: found.map((row) => ({ ...row, recordNumber: (row.entityId && numbers.get(`${row.entity}:${row.entityId}`)) || null })), total: total?.n ?? 0 };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The numbers of the orders and invoices on a page of the log, keyed «entity:id». */
async function recordNumbers(db: Queryable, rows: Pick<AuditRow, 'entity' | 'entityId'>[]): Promise<Map<string, string>> {
  const idsOf = (entity: string) => [...new Set(rows.filter((row) => row.entity === entity && row.entityId && UUID.test(row.entityId)).map((row) => row.entityId!))];
  const [orderIds, invoiceIds] = [idsOf('order'), idsOf('invoice')];
  const [orderRows, invoiceRows] = await Promise.all([
    orderIds.length === 0 ? [] : db.select({ id: orders.id, number: orders.number }).from(orders).where(inArray(orders.id, orderIds)),
    invoiceIds.length === 0
      ? []
      : db.select({ id: invoices.id, number: orders.number, ordinal: invoices.ordinal }).from(invoices).innerJoin(orders, eq(orders.id, invoices.orderId)).where(inArray(invoices.id, invoiceIds)),
  ]);
  return new Map([
    ...orderRows.map((row): [string, string] => [`order:${row.id}`, orderNumber(row.number)]),
    ...invoiceRows.map((row): [string, string] => [`invoice:${row.id}`, invoiceNumber(row.number, row.ordinal)]),
  ]);
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
