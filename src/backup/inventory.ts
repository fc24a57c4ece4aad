import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TableFigures } from '../domain/backups/backup-compare.js';
import { migrationsFolder } from '../db/migrate.js';
import { repoRoot } from '../repo-root.js';

// What a database holds, measured the same way when a backup is taken and after it is restored:
// every table of every schema (ours, drizzle's migrations, pg-boss's jobs), its row count and a
// checksum of its rows. Run inside one repeatable-read transaction, so the figures describe one moment.

/** Runs one SQL statement on the connection being measured and returns its rows. */
export type RunSql = (sql: string) => Promise<Record<string, unknown>[]>;

/**
 * Row text depends on session settings (time zone, date style): fix them so both sides print rows
 * the same way. `set local` lasts until the transaction ends.
 */
export const stableOutput = [
  "set local timezone = 'UTC'",
  "set local datestyle = 'ISO, YMD'",
  "set local intervalstyle = 'postgres'",
  "set local bytea_output = 'hex'",
  'set local extra_float_digits = 1',
];

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

export async function measureTables(run: RunSql): Promise<TableFigures[]> {
  for (const statement of stableOutput) await run(statement);
  const tables = await run(`
    select n.nspname as schema, c.relname as name
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where c.relkind in ('r', 'p') and not c.relispartition
      and n.nspname <> 'information_schema' and n.nspname not like 'pg\\_%'
    order by 1, 2`);
  const figures: TableFigures[] = [];
  for (const { schema, name } of tables as { schema: string; name: string }[]) {
    // md5 of each row, sorted, then md5 of them all: independent of physical order, and small
    // however wide the rows are (emails hold whole HTML letters).
    const [row] = await run(`
      select count(*)::bigint as rows,
             md5(coalesce(string_agg(h, '' order by h collate "C"), '')) as checksum
      from (select md5(t::text) as h from ${quote(schema)}.${quote(name)} t) hashed`);
    figures.push({ table: `${schema}.${name}`, rows: Number(row!.rows), checksum: String(row!.checksum) });
  }
  return figures;
}

const journal: { tag: string; when: number }[] = JSON.parse(readFileSync(`${migrationsFolder}/meta/_journal.json`, 'utf8')).entries;

/** The tag of the last migration applied, e.g. "0008_backups" ("none" on a database never migrated). */
export async function schemaVersion(run: RunSql): Promise<string> {
  const [exists] = await run(`select to_regclass('drizzle.__drizzle_migrations') is not null as present`);
  if (!exists?.present) return 'none';
  const [last] = await run('select created_at::text as created_at from drizzle.__drizzle_migrations order by created_at desc limit 1');
  if (!last) return 'none';
  const when = Number(last.created_at);
  return journal.find((entry) => entry.when === when)?.tag ?? `unknown (${when}; made by a newer version)`;
}

/** The newest migration this version of the code knows. */
export const latestSchemaVersion = journal.at(-1)!.tag;

export const appVersion: string = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).version;
