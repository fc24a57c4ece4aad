import { existsSync, readdirSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import { text } from 'node:stream/consumers';
import { pipeline } from 'node:stream/promises';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { compareTables, type TableComparison } from '../domain/backups/backup-compare.js';
import { BackupRefusedError } from './errors.js';
import { verifyBackup, type BackupHeader, type VerifiedPayload } from './format.js';
import { measureTables, type RunSql } from './inventory.js';
import { pgRestore } from './pg-tools.js';

/** Where a backup is restored: a PostgreSQL database, a PGlite data directory, or a throwaway in-memory PGlite. */
export type RestoreTarget = { url: string } | { pgliteDir: string } | { pgliteInMemory: true };

export interface RestoreOptions {
  passphrase?: string;
  /** Restore over a database that is not empty (its schemas are dropped, or its data directory moved aside). */
  force?: boolean;
  /** A time stamp for the moved-aside data directory. */
  now: Date;
}

export interface RestoreResult {
  header: BackupHeader;
  /** The manifest's figures against the restored database's, table by table. */
  comparison: TableComparison[];
  /** Where a forced restore moved the old PGlite data directory. */
  movedAside?: string;
}

/**
 * Restores a backup: checks it first (hash, decryption, kind of database), refuses a database that is
 * not empty unless forced, restores, then measures the result against the manifest.
 */
export async function restoreBackup(file: string, target: RestoreTarget, options: RestoreOptions): Promise<RestoreResult> {
  const payload = await verifyBackup(file, options.passphrase);
  try {
    const backend = 'url' in target ? 'postgres' : 'pglite';
    const made = payload.header.manifest.backend;
    if (made !== backend) {
      throw new BackupRefusedError(
        'wrong_backend',
        `${file} is a backup of ${made === 'postgres' ? 'a PostgreSQL database' : 'the embedded database (PGlite)'}; it restores only into the same kind (${made === 'postgres' ? 'set DATABASE_URL' : 'unset DATABASE_URL'}).`,
      );
    }
    if ('url' in target) return { header: payload.header, comparison: await restorePostgres(payload, target.url, options) };
    if ('pgliteDir' in target) return { header: payload.header, ...(await restorePgliteDir(payload, target.pgliteDir, options)) };
    const pglite = await loadPglite(payload);
    try {
      return { header: payload.header, comparison: compareTables(payload.header.manifest.tables, await measurePglite(pglite)) };
    } finally {
      await pglite.close();
    }
  } finally {
    await payload.cleanup();
  }
}

const systemSchemas = `nspname <> 'information_schema' and nspname not like 'pg\\_%'`;

async function restorePostgres(payload: VerifiedPayload, url: string, options: RestoreOptions): Promise<TableComparison[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      `select n.nspname || '.' || c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace where c.relkind in ('r','p') and ${systemSchemas} limit 3`,
    );
    if (rows.length > 0 && !options.force) {
      throw new BackupRefusedError('not_empty', `The database is not empty (it has ${rows.map((r) => r.name).join(', ')}…): restore into a new empty database, or pass --force to drop its schemas first.`);
    }
    if (rows.length > 0) {
      const schemas = await client.query<{ nspname: string }>(`select nspname from pg_namespace where ${systemSchemas}`);
      for (const { nspname } of schemas.rows) await client.query(`drop schema "${nspname.replace(/"/g, '""')}" cascade`);
      await client.query('create schema public');
    }
    const restore = pgRestore(url);
    await Promise.all([pipeline(payload.read(), restore.stdin), restore.done, text(restore.stdout)]);
    return compareTables(payload.header.manifest.tables, await measurePostgres(client));
  } finally {
    await client.end();
  }
}

async function measurePostgres(client: pg.Client): Promise<ReturnType<typeof measureTables>> {
  await client.query('begin isolation level repeatable read read only');
  try {
    return await measureTables(async (sql) => (await client.query(sql)).rows);
  } finally {
    await client.query('rollback');
  }
}

export async function measurePglite(pglite: PGlite): Promise<ReturnType<typeof measureTables>> {
  return pglite.transaction((tx) => measureTables((async (sql) => (await tx.query<Record<string, unknown>>(sql)).rows) satisfies RunSql));
}

async function payloadBlob(payload: VerifiedPayload): Promise<Blob> {
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  for await (const chunk of payload.read()) chunks.push(new Uint8Array(chunk as Buffer));
  return new Blob(chunks);
}

/** The dump loaded into a new in-memory PGlite (the restore drill's scratch database). */
export async function loadPglite(payload: VerifiedPayload, dataDir?: string): Promise<PGlite> {
  const pglite = new PGlite(dataDir ? { dataDir, loadDataDir: await payloadBlob(payload) } : { loadDataDir: await payloadBlob(payload) });
  await pglite.waitReady;
  return pglite;
}

async function restorePgliteDir(payload: VerifiedPayload, dir: string, options: RestoreOptions): Promise<{ comparison: TableComparison[]; movedAside?: string }> {
  let movedAside: string | undefined;
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    if (!options.force) {
      throw new BackupRefusedError('not_empty', `The embedded database in ${dir} is not empty: restore into an empty DATA_DIR, or pass --force to move it aside first.`);
    }
    // Kept, not deleted: a restore over the wrong data directory can be undone.
    movedAside = `${dir}.before-restore-${options.now.toISOString().replace(/[-:]/g, '')}`;
    await rename(dir, movedAside);
  }
  const pglite = await loadPglite(payload, dir);
  try {
    return { comparison: compareTables(payload.header.manifest.tables, await measurePglite(pglite)), movedAside };
  } finally {
    await pglite.close();
  }
}
