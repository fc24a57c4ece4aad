import type { ComponentChildren } from 'preact';
import type { AuditRow } from '../../../db/queries/admin-audit.js';
import type { AuditFilterValues } from '../../../domain/records/audit-filter.js';
import { auditActionChoices, auditActionInWords, isAuditAction } from '../../../domain/records/audit-actions.js';
import { auditEntityName, auditRecordHref } from '../../../domain/records/audit-record.js';
import { formatRub } from '../../../domain/money.js';
import { moscowShort } from '../../../domain/calendar/moscow-time.js';
import { roleNames, type StaffRole } from '../../../domain/staff/staff-access.js';
import { listHref, Pager } from '../views/pager.js';

export interface AuditPageProps {
  values: AuditFilterValues;
  errors: AuditFilterValues;
  /** Null when the filters could not be read. */
  rows: AuditRow[] | null;
  total: number;
  page: number;
  pageSize: number;
  staff: { id: string; name: string; role: StaffRole }[];
  vocabulary: { actions: string[]; entities: string[] };
}

export function AuditPage({ values, errors, rows, total, page, pageSize, staff, vocabulary }: AuditPageProps) {
  const filtered = Object.keys(values).length > 0;
  // Codes in the log that this version has no words for (from an older version): still choosable.
  const unknownActions = [...new Set([...vocabulary.actions, ...(values.action ? [values.action] : [])])].filter((code) => !knownChoice(code));
  return (
    <section>
      <h1>Журнал действий</h1>
      <p class="records-muted">Все действия сотрудников, новые сверху. Журнал только дополняется: изменить или удалить запись нельзя никому.</p>
      <form method="get" action="/admin/audit" class="filters records-audit-filters" role="search">
        <Field name="staff" label="Сотрудник" errors={errors}>
          <select id="field-staff" name="staff">
            <option value="">Все</option>
            {staff.map((member) => (
              <option value={member.id} selected={values.staff === member.id}>
                {member.name} ({roleNames[member.role]})
              </option>
            ))}
          </select>
        </Field>
        <Field name="action" label="Действие" errors={errors}>
          <select id="field-action" name="action">
            <option value="">Любое</option>
            {auditActionChoices().map((group) => (
              <optgroup label={group.label}>
                {group.choices.map((choice) => (
                  <option value={choice.value} selected={values.action === choice.value}>
                    {choice.label}
                  </option>
                ))}
              </optgroup>
            ))}
            {unknownActions.length > 0 && (
              <optgroup label="Прочие">
                {unknownActions.map((code) => (
                  <option value={code} selected={values.action === code}>
                    {code}
                  </option>
                ))}
              </optgroup>
            )}
          </select>
        </Field>
        <Field name="entity" label="Вид записи" errors={errors}>
          <select id="field-entity" name="entity">
            <option value="">Любой</option>
            {[...new Set([...vocabulary.entities, ...(values.entity ? [values.entity] : [])])].map((entity) => (
              <option value={entity} selected={values.entity === entity}>
                {auditEntityName(entity)}
              </option>
            ))}
          </select>
        </Field>
        <Field name="entity_id" label="Номер записи (id)" errors={errors}>
          <input type="text" id="field-entity_id" name="entity_id" value={values.entity_id ?? ''} maxLength={100} autocomplete="off" />
        </Field>
        <Field name="from" label="С (мск)" errors={errors}>
          <input type="date" id="field-from" name="from" value={values.from ?? ''} />
        </Field>
        <Field name="to" label="По (мск)" errors={errors}>
          <input type="date" id="field-to" name="to" value={values.to ?? ''} />
        </Field>
        <div class="records-filter-buttons">
          <button type="submit" class="button button-small">
            Показать
          </button>
          {filtered && <a href="/admin/audit">Сбросить</a>}
        </div>
      </form>
      {rows && (
        <>
          <p>{filtered ? `Найдено записей: ${total}` : `Всего записей: ${total}`}</p>
          {rows.length > 0 && <AuditTable rows={rows} />}
          <Pager path="/admin/audit" query={values} page={page} total={total} pageSize={pageSize} />
        </>
      )}
    </section>
  );
}

/** A code the filter offers already: a known action, or an area's prefix («order.»). */
const knownChoice = (code: string) => isAuditAction(code) || auditActionChoices().some((group) => `${group.area}.` === code);

function Field({ name, label, errors, children }: { name: keyof AuditFilterValues; label: string; errors: AuditFilterValues; children: ComponentChildren }) {
  const error = errors[name];
  return (
    <div class={`field${error ? ' field-error' : ''}`}>
      <label for={`field-${name}`}>{label}</label>
      {error && (
        <p class="error" id={`error-${name}`} role="alert">
          {error}
        </p>
      )}
      {children}
    </div>
  );
}

function AuditTable({ rows }: { rows: AuditRow[] }) {
  return (
    <div class="table-scroll">
      <table class="data-table records-stack records-audit">
        <thead>
          <tr>
            <th>Когда (мск)</th>
            <th>Кто</th>
            <th>Что</th>
            <th>Запись</th>
            <th>IP</th>
            <th>Подробности</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr>
              <td class="records-nowrap" data-label="Когда (мск)">{moscowShort(row.at)}</td>
              <td data-label="Кто">{row.staffName ?? <span class="records-muted">система</span>}</td>
              <td data-label="Что">{auditActionInWords(row.action)}</td>
              <td data-label="Запись">
                <RecordCell row={row} />
              </td>
              <td class="records-nowrap" data-label="IP">{row.ip ?? '—'}</td>
              <td data-label="Подробности">
                <Details details={row.details} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RecordCell({ row }: { row: AuditRow }) {
  const href = auditRecordHref(row);
  const name = auditEntityName(row.entity);
  return (
    <>
      {href ? <a href={href}>{name}</a> : name}
      {row.entityId && (
        <div>
          <a class="records-muted records-id" href={listHref('/admin/audit', { entity: row.entity, entity_id: row.entityId })} title={`Вся история записи ${row.entityId}`}>
            {row.recordNumber ?? (row.entityId.length > 12 ? `${row.entityId.slice(0, 8)}…` : row.entityId)}
          </a>
        </div>
      )}
    </>
  );
}

/** key: value lines; sums in kopecks shown as roubles, nested values as compact JSON. */
function Details({ details }: { details: Record<string, unknown> }) {
  const entries = Object.entries(details ?? {});
  if (entries.length === 0) return <>—</>;
  return (
    <dl class="records-details">
      {entries.map(([key, value]) => (
        <div>
          <dt>{key}:</dt> <dd>{detailValue(key, value)}</dd>
        </div>
      ))}
    </dl>
  );
}

function detailValue(key: string, value: unknown): string {
  if (key.endsWith('Kopecks') && Number.isInteger(value)) return formatRub(value as number);
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
