import { moscowDayEnd, moscowDayStart } from '../calendar/moscow-dates.js';

// The audit log viewer's filters, read from the query string. Dates are whole Moscow days.

export const auditFilterFields = ['staff', 'action', 'entity', 'entity_id', 'from', 'to'] as const;
export type AuditFilterField = (typeof auditFilterFields)[number];
export type AuditFilterValues = Partial<Record<AuditFilterField, string>>;

export interface AuditFilterSpec {
  staffId?: string;
  actionPrefix?: string;
  entity?: string;
  entityId?: string;
  from?: Date;
  to?: Date;
}

export type AuditFilterResult = { ok: true; values: AuditFilterValues; filter: AuditFilterSpec } | { ok: false; values: AuditFilterValues; errors: AuditFilterValues };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function readAuditFilter(query: Record<string, unknown>): AuditFilterResult {
  const values: AuditFilterValues = {};
  for (const field of auditFilterFields) {
    const value = query[field];
    if (typeof value === 'string' && value.trim()) values[field] = value.trim().slice(0, 200);
  }
  const errors: AuditFilterValues = {};
  if (values.staff && !UUID.test(values.staff)) errors.staff = 'Выберите сотрудника из списка.';
  if (values.action && !/^[a-z0-9_.]+$/i.test(values.action)) errors.action = 'Выберите действие из списка.';
  if (values.entity && !/^[a-z0-9_]+$/i.test(values.entity)) errors.entity = 'Выберите вид записи из списка.';
  const from = values.from ? moscowDayStart(values.from) : undefined;
  const to = values.to ? moscowDayEnd(values.to) : undefined;
  if (from === null) errors.from = 'Укажите дату в виде ГГГГ-ММ-ДД.';
  if (to === null) errors.to = 'Укажите дату в виде ГГГГ-ММ-ДД.';
  if (from && to && to <= from) errors.to = 'Конец периода раньше его начала.';
  if (Object.keys(errors).length > 0) return { ok: false, values, errors };
  return {
    ok: true,
    values,
    filter: {
      staffId: values.staff,
      actionPrefix: values.action,
      entity: values.entity,
      entityId: values.entity_id,
      from: from ?? undefined,
      to: to ?? undefined,
    },
  };
}
