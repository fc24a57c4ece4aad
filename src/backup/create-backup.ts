import { Readable } from 'node:stream';
import type { Database } from '../db/client.js';
import type { TableFigures } from '../domain/backups/backup-compare.js';
import { writeBackupFile, type BackupManifest, type WrittenBackup } from './format.js';
import { appVersion, measureTables, schemaVersion, type RunSql } from './inventory.js';
import { pgDump } from './pg-tools.js';

export interface BackupOptions {
  dir: string;
  /** Encrypts with AES-256-GCM when set. */
  passphrase?: string;
  now: Date;
}

/**
 * A consistent backup of the whole database while the app keeps running. The manifest's figures and
 * the payload describe the same moment:
 * - PostgreSQL: a repeatable-read transaction measures the tables and exports its snapshot, and
 *   pg_dump reads that very snapshot;
 * - PGlite (one connection, inside the running process): a transaction holds every other query back
 *   while the tables are measured and the data directory is checkpointed and dumped.
 */
export async function createBackup(database: Database, options: BackupOptions): Promise<WrittenBackup> {
  return database.kind === 'postgres' ? backUpPostgres(database, options) : backUpPglite(database, options);
}

function manifestOf(backend: BackupManifest['backend'], tables: TableFigures[], version: string, now: Date): BackupManifest {
  return {
    app: 'uslugi',
    appVersion,
    schemaVersion: version,
    backend,
    takenAt: now.toISOString(),
    totalRows: tables.reduce((sum, table) => sum + table.rows, 0),
    tables,
  };
}

async function backUpPostgres(database: Extract<Database, { kind: 'postgres' }>, options: BackupOptions): Promise<WrittenBackup> {
  const url = database.pool.options.connectionString;
  if (!url) throw new Error('The PostgreSQL pool was opened without a connection string');
  const client = await database.pool.connect();
  const run: RunSql = async (sql) => (await client.query(sql)).rows;
  try {
    await client.query('begin isolation level repeatable read read only');
    const [exported] = await run('select pg_export_snapshot() as snapshot');
    const tables = await measureTables(run);
    const manifest = manifestOf('postgres', tables, await schemaVersion(run), options.now);
    // The snapshot lives as long as this transaction: pg_dump must have finished before it ends.
    const source = () => {
      const dump = pgDump(url, String(exported!.snapshot));
      dump.stdin.end();
      return { stream: dump.stdout, done: dump.done };
    };
    return await writeBackupFile({ dir: options.dir, manifest, kind: 'pg_dump-custom', source, passphrase: options.passphrase });
  } finally {
    await client.query('rollback').catch(() => {});
    client.release();
  }
}

async function backUpPglite(database: Extract<Database, { kind: 'pglite' }>, options: BackupOptions): Promise<WrittenBackup> {
  const { pglite } = database;
  const { manifest, dump } = await pglite.transaction(async (tx) => {
    const run: RunSql = async (sql) => (await tx.query<Record<string, unknown>>(sql)).rows;
    const tables = await measureTables(run);
    const measured = manifestOf('pglite', tables, await schemaVersion(run), options.now);
    // Written pages reach the files, so the tar needs no crash recovery when it is loaded.
    await tx.exec('checkpoint');
    return { manifest: measured, dump: await pglite.dumpDataDir('gzip') };
  });
  return writeBackupFile({
    dir: options.dir,
    manifest,
    kind: 'pglite-datadir-tar-gz',
    source: () => ({ stream: Readable.fromWeb(dump.stream() as Parameters<typeof Readable.fromWeb>[0]) }),
    passphrase: options.passphrase,
  });
}
