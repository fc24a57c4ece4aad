import { readFileSync } from 'node:fs';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import * as schema from '../schema/index.js';

// The callback hot path is plain SQL for speed (docs/decisions/006-callback-hot-path-sql.md), so the
// type checker cannot see its column names. This reads the statements in payment-callback.ts and
// checks every table, column and enum they name against the Drizzle schema, so renaming a column
// fails here rather than in production.

const source = readFileSync(new URL('./payment-callback.ts', import.meta.url), 'utf8');
const statements = [...source.matchAll(/sql`([^`]*)`/g)].map((match) => match[1]!.replace(/\$\{[^}]*\}/g, '?').replace(/\s+/g, ' '));

const tables = new Map<string, Set<string>>();
const enums = new Set<string>();
for (const value of Object.values(schema)) {
  if (value instanceof PgTable) {
    const config = getTableConfig(value);
    tables.set(config.name, new Set(config.columns.map((column) => column.name)));
  } else if (typeof value === 'function' && 'enumName' in value) {
    enums.add((value as { enumName: string }).enumName);
  }
}

const columnsOf = (table: string) => {
  const columns = tables.get(table);
  if (!columns) throw new Error(`table "${table}" is not in the Drizzle schema`);
  return columns;
};

/** Every table.column pair a statement names: aliased references, insert lists, update assignments, plain selects. */
function namedColumns(statement: string): { table: string; column: string }[] {
  const named: { table: string; column: string }[] = [];
  const aliases = new Map<string, string>();
  for (const [, table, alias] of statement.matchAll(/\b(?:from|join|update)\s+(\w+)(?:\s+(?!set\b|where\b|join\b|order\b|as\b)(\w+))?/g)) {
    if (tables.has(table!)) aliases.set(alias ?? table!, table!);
  }
  for (const [, alias, column] of statement.matchAll(/\b(\w+)\.(\w+)\b/g)) {
    const table = aliases.get(alias!);
    if (table) named.push({ table, column: column! });
  }
  const insert = statement.match(/insert into (\w+) \(([^)]*)\)/);
  if (insert) for (const column of insert[2]!.split(',')) named.push({ table: insert[1]!, column: column.trim() });
  const update = statement.match(/update (\w+) \w+ set (.*?) from /);
  if (update) for (const [, column] of update[2]!.matchAll(/(?:^|,)\s*(\w+) =/g)) named.push({ table: update[1]!, column: column! });
  const plainSelect = statement.match(/^\s*select ((?:\w+, )*\w+) from (\w+)\b/);
  if (plainSelect) for (const column of plainSelect[1]!.split(',')) named.push({ table: plainSelect[2]!, column: column.trim() });
  return named;
}

describe('the hand-written SQL of the callback hot path', () => {
  it('finds the statements it checks', () => {
    expect(statements.length).toBeGreaterThanOrEqual(7);
  });

  it.each(statements.map((statement) => [statement.trim().slice(0, 60), statement]))('names only real columns: %s…', (_label, statement) => {
    const named = namedColumns(statement!);
    for (const { table, column } of named) expect(columnsOf(table), `${table}.${column}`).toContain(column);
  });

  it('casts only to enums the schema defines', () => {
    const casts = statements.flatMap((statement) => [...statement.matchAll(/::(\w+)/g)].map((match) => match[1]!));
    const enumCasts = casts.filter((cast) => cast.endsWith('_state'));
    expect(enumCasts.length).toBeGreaterThan(0);
    for (const cast of enumCasts) expect(enums, cast).toContain(cast);
  });

  it('checks the columns of every table the hot path writes', () => {
    const written = new Set(statements.flatMap((statement) => namedColumns(statement).map((named) => named.table)));
    expect([...written].sort()).toEqual(['invoices', 'orders', 'payment_attempts', 'payment_events', 'staff_alerts']);
  });
});
