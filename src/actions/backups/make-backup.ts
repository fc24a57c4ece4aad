import { resolve } from 'node:path';
import { createBackup } from '../../backup/create-backup.js';
import { pruneBackups } from '../../backup/backup-files.js';
import type { WrittenBackup } from '../../backup/format.js';
import { backupRuns } from '../../db/schema/index.js';
import type { Deps } from '../../app-deps.js';

export interface MakeBackupRequest {
  trigger: 'scheduled' | 'manual' | 'cli';
  staffId?: string | null;
  /** The nightly job deletes what the retention rule does not keep; a copy made by hand deletes nothing. */
  prune: boolean;
}

/**
 * Makes one backup into BACKUP_DIR and records the attempt in backup_runs, successful or not. A
 * failure is thrown again after it is recorded (the job is retried).
 */
export async function makeBackup(deps: Pick<Deps, 'config' | 'database' | 'db' | 'clock' | 'log'>, request: MakeBackupRequest): Promise<WrittenBackup> {
  const dir = resolve(deps.config.BACKUP_DIR);
  const startedAt = deps.clock.now();
  const record = { trigger: request.trigger, requestedBy: request.staffId ?? null, startedAt, encrypted: Boolean(deps.config.BACKUP_PASSPHRASE) };
  let written: WrittenBackup;
  try {
    written = await createBackup(deps.database, { dir, passphrase: deps.config.BACKUP_PASSPHRASE, now: startedAt });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await deps.db.insert(backupRuns).values({ ...record, finishedAt: deps.clock.now(), status: 'failed', error: message.slice(0, 2000) });
    deps.log.error({ err: error }, 'backup failed');
    throw error;
  }
  const deleted = request.prune ? await pruneBackups(dir, deps.clock.now()) : [];
  await deps.db.insert(backupRuns).values({
    ...record,
    finishedAt: deps.clock.now(),
    status: 'ok',
    fileName: written.name,
    bytes: written.fileBytes,
    totalRows: written.header.manifest.totalRows,
    deletedFiles: deleted.length,
  });
  deps.log.info({ file: written.name, bytes: written.fileBytes, deleted }, 'backup written');
  return written;
}
