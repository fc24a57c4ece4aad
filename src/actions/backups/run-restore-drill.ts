import { randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { BackupRefusedError, type BackupRefusal } from '../../backup/errors.js';
import { isBackupFileName, readBackupHeader } from '../../backup/format.js';
import { restoreBackup, type RestoreTarget } from '../../backup/restore-backup.js';
import { activeAdmins } from '../../db/queries/backups.js';
import { restoreDrills } from '../../db/schema/index.js';
import type { Deps } from '../../app-deps.js';
import { differences, type TableComparison } from '../../domain/backups/backup-compare.js';
import { queueEmail } from '../../email/queue-email.js';
import { backupDrillFailedEmail } from '../../email/templates/backup-drill-failed.js';

export type DrillOutcome = 'passed' | 'differences' | 'failed';

/** Older than this, the newest backup means the daily backups stopped. */
const STALE_AFTER_MS = 2 * 24 * 60 * 60 * 1000;

const refusalWords: Partial<Record<BackupRefusal, string>> = {
  not_a_backup: 'файл не читается как резервная копия',
  tampered: 'файл повреждён или изменён: SHA-256 не совпадает с заголовком',
  wrong_passphrase: 'не удалось расшифровать: BACKUP_PASSPHRASE не тот, с которым сделана копия, или заголовок изменён',
  passphrase_missing: 'копия зашифрована, а BACKUP_PASSPHRASE не задан',
  tool_missing: 'не установлен pg_restore (пакет postgresql-client той же версии, что и сервер)',
};

/**
 * The weekly restore drill: restores the newest backup into a scratch database (a temporary database
 * on the same PostgreSQL server, or an in-memory PGlite), compares every table's row count and
 * checksum with the manifest, records the result and, unless everything matched, emails every
 * active admin. The scratch database is always dropped.
 */
export async function runRestoreDrill(deps: Pick<Deps, 'config' | 'database' | 'db' | 'clock' | 'queue' | 'log' | 'content'>): Promise<DrillOutcome> {
  const startedAt = deps.clock.now();
  const dir = resolve(deps.config.BACKUP_DIR);
  const newest = (await readdir(dir).catch(() => [] as string[])).filter(isBackupFileName).sort().at(-1) ?? null;
  let outcome: DrillOutcome = 'failed';
  let error: string | null = null;
  let comparison: TableComparison[] = [];
  let takenAt: Date | null = null;
  if (!newest) {
    error = `в ${dir} нет ни одной резервной копии`;
  } else {
    try {
      const path = join(dir, newest);
      const { header } = await readBackupHeader(path);
      takenAt = new Date(header.manifest.takenAt);
      comparison = await restoreIntoScratch(deps, path, header.manifest.backend);
      outcome = differences(comparison).length > 0 ? 'differences' : 'passed';
      if (outcome === 'passed' && startedAt.getTime() - takenAt.getTime() > STALE_AFTER_MS) {
        outcome = 'failed';
        error = 'последняя копия старше двух суток: ежедневное копирование не работает';
      }
    } catch (caught) {
      error = caught instanceof BackupRefusedError ? (refusalWords[caught.reason] ?? caught.message) : `восстановление не удалось: ${caught instanceof Error ? caught.message : String(caught)}`;
      deps.log.error({ err: caught, file: newest }, 'restore drill failed');
    }
  }
  const diff = differences(comparison);
  await deps.db.transaction(async (tx) => {
    await tx.insert(restoreDrills).values({
      backupFile: newest,
      backupTakenAt: takenAt,
      startedAt,
      finishedAt: deps.clock.now(),
      outcome,
      tablesChecked: comparison.length,
      differences: diff,
      error: error?.slice(0, 2000) ?? null,
    });
    if (outcome === 'passed') return;
    const company = deps.content.current();
    const admins = await activeAdmins(tx);
    if (admins.length === 0) deps.log.warn('restore drill failed, but there is no active admin to tell');
    for (const admin of admins) {
      const content = backupDrillFailedEmail(
        { adminName: admin.name, drilledAt: startedAt, backupFile: newest, backupTakenAt: takenAt, error, differences: diff, pageUrl: `${deps.config.PUBLIC_URL}/admin/backups` },
        company,
      );
      await queueEmail(deps, tx, { kind: 'backup_drill_failed', to: admin.email, content });
    }
  });
  return outcome;
}

async function restoreIntoScratch(deps: Pick<Deps, 'config' | 'database' | 'clock'>, path: string, backend: 'postgres' | 'pglite'): Promise<TableComparison[]> {
  const options = { passphrase: deps.config.BACKUP_PASSPHRASE, now: deps.clock.now() };
  if (backend === 'pglite') return (await restoreBackup(path, { pgliteInMemory: true }, options)).comparison;
  if (deps.database.kind !== 'postgres') throw new Error('a PostgreSQL backup can only be drilled by an app running on PostgreSQL');
  const { pool } = deps.database;
  const scratchName = `uslugi_drill_${randomBytes(6).toString('hex')}`;
  const scratch = new URL(pool.options.connectionString!);
  scratch.pathname = `/${scratchName}`;
  // Needs the CREATEDB privilege; without it the drill fails with PostgreSQL's message and the admins hear of it.
  await pool.query(`create database ${scratchName}`);
  try {
    const target: RestoreTarget = { url: scratch.toString() };
    return (await restoreBackup(path, target, options)).comparison;
  } finally {
    await pool.query(`drop database if exists ${scratchName} with (force)`);
  }
}
