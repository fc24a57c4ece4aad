import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { RestoreTarget } from '../../src/backup/restore-backup.js';
import { stableOutput } from '../../src/backup/inventory.js';
import { createPostgresDatabase, type Backend } from '../helpers/test-app.js';

// Shared by the backup tests: empty databases to restore into, and every row of every table to compare.

export const scratchDir = () => mkdtempSync(join(tmpdir(), 'uslugi-backup-test-'));

/** A restore target that does not exist yet (PGlite) or is a new, empty database (PostgreSQL). */
export async function emptyTarget(backend: Backend, dir: string): Promise<{ target: RestoreTarget; drop(): Promise<void> }> {
  if (backend === 'pglite') return { target: { pgliteDir: join(dir, `restored-${randomBytes(4).toString('hex')}`) }, drop: async () => {} };
  const database = await createPostgresDatabase('uslugi_restore');
  return { target: { url: database.url }, drop: database.drop };
}

type Run = (sql: string) => Promise<Record<string, unknown>[]>;

/** Every row (as text) of every table in our schema and drizzle's, by table. */
export async function everyRow(run: Run): Promise<Record<string, string[]>> {
  await run('begin');
  try {
    for (const statement of stableOutput) await run(statement);
    const tables = await run(
      `select schemaname || '.' || tablename as name from pg_tables where schemaname in ('public', 'drizzle') order by 1`,
    );
    const rows: Record<string, string[]> = {};
    for (const { name } of tables as { name: string }[]) {
      const [schema, table] = name.split('.');
      rows[name] = (await run(`select t::text as row from "${schema}"."${table}" t order by t::text collate "C"`)).map((r) => String(r.row));
    }
    return rows;
  } finally {
    await run('rollback');
  }
}

/** Opens a restore target to read it. */
export async function openTarget(target: RestoreTarget): Promise<{ run: Run; close(): Promise<void> }> {
  if ('url' in target) {
    const client = new pg.Client({ connectionString: target.url });
    await client.connect();
    return { run: async (sql) => (await client.query(sql)).rows, close: () => client.end() };
  }
  if (!('pgliteDir' in target)) throw new Error('in-memory targets are gone after the restore');
  const pglite = new PGlite(target.pgliteDir);
  await pglite.waitReady;
  return { run: async (sql) => (await pglite.query<Record<string, unknown>>(sql)).rows, close: () => pglite.close() };
}

/** Rewrites a backup's header line (the payload stays as it is). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a test edits arbitrary header fields
export async function editHeader(path: string, edit: (header: any) => void): Promise<void> {
  const bytes = await readFile(path);
  const end = bytes.indexOf(0x0a);
  const header = JSON.parse(bytes.subarray(0, end).toString('utf8'));
  edit(header);
  await writeFile(path, Buffer.concat([Buffer.from(JSON.stringify(header)), bytes.subarray(end)]));
}
