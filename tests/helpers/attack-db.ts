import { sql } from 'drizzle-orm';
import type { TestApp } from './test-app.js';

/** Per table of the app's schema: its row count and a hash of all its rows. */
export type Fingerprint = Record<string, { rows: number; hash: string }>;

async function rowsOf<T>(t: TestApp, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await t.deps.db.execute(query)) as unknown as { rows: T[] }).rows;
}

/**
 * Every table of the public schema, counted and hashed: "nothing changed" means equal fingerprints,
 * which catches an update as well as an insert or a delete (and a dropped table fails the query).
 */
export async function fingerprint(t: TestApp): Promise<Fingerprint> {
  const tables = await rowsOf<{ name: string }>(
    t,
    sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  );
  const result: Fingerprint = {};
  for (const { name } of tables) {
    const quoted = `"${name.replace(/"/g, '""')}"`;
    const [row] = await rowsOf<{ rows: number; hash: string | null }>(
      t,
      sql.raw(`select count(*)::int as rows, md5(string_agg(x::text, '|' order by x::text)) as hash from ${quoted} x`),
    );
    result[name] = { rows: Number(row!.rows), hash: row!.hash ?? '' };
  }
  return result;
}

/** The tables whose content differs between two fingerprints, with their row-count change. */
export function changedTables(before: Fingerprint, after: Fingerprint): Record<string, number> {
  const changed: Record<string, number> = {};
  for (const name of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const a = before[name];
    const b = after[name];
    if (!a || !b || a.hash !== b.hash || a.rows !== b.rows) changed[name] = (b?.rows ?? 0) - (a?.rows ?? 0);
  }
  return changed;
}
