import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { makeBackup } from '../actions/backups/make-backup.js';
import { requestBackupFromApp } from '../backup/backup-channel.js';
import { ConfigError, loadConfig } from '../config.js';
import { openDatabase } from '../db/client.js';
import { DataDirLockedError, lockDataDir } from '../db/data-dir-lock.js';
import { systemClock } from '../clock.js';
import { createLogger } from '../log.js';
import { BackupRefusedError } from '../backup/errors.js';
import type { WrittenBackup } from '../backup/format.js';

// `npm run backup`: one backup of the whole database into BACKUP_DIR (docs/operations.md "Backups").
// Exit status: 0 written, 2 refused (settings, nothing to back up, a tool missing), 1 failed.
// PostgreSQL: pg_dump, any time, while the app runs. The embedded database (PGlite) has one connection,
// held by the running app: then the app takes the backup, asked through its socket in DATA_DIR
// (decision 025); a stopped data directory is backed up here.

try {
  const config = loadConfig();
  const log = createLogger('warn', config.LOG_FORMAT);
  let lock = null;
  let written: WrittenBackup | null = null;
  if (!config.DATABASE_URL) {
    const dataDir = resolve(config.DATA_DIR);
    try {
      lock = lockDataDir(dataDir);
    } catch (error) {
      if (!(error instanceof DataDirLockedError)) throw error;
      written = await backupByTheRunningApp(dataDir, error.holder.pid, config.PUBLIC_URL);
    }
    if (lock && !existsSync(join(dataDir, 'pglite'))) {
      lock.release();
      throw new BackupRefusedError('not_a_backup', `There is no embedded database in ${dataDir} (set DATA_DIR, or DATABASE_URL for PostgreSQL).`);
    }
  }
  if (!written) {
    const database = await openDatabase(config.DATABASE_URL ? { url: config.DATABASE_URL } : { pgliteDir: join(resolve(config.DATA_DIR), 'pglite') });
    try {
      written = await makeBackup({ config, database, db: database.db, clock: systemClock, log }, { trigger: 'cli', prune: false });
    } finally {
      await database.close();
      lock?.release();
    }
  }
  const { manifest, payload } = written.header;
  process.stdout.write(
    `Backup written: ${written.path}\n` +
      `  ${(written.fileBytes / 1024 / 1024).toFixed(1)} MiB, ${manifest.tables.length} tables, ${manifest.totalRows} rows, schema ${manifest.schemaVersion}, ` +
      `${payload.encryption ? 'encrypted (AES-256-GCM)' : 'NOT encrypted (set BACKUP_PASSPHRASE to encrypt)'}\n`,
  );
} catch (error) {
  if (error instanceof ConfigError || error instanceof DataDirLockedError || error instanceof BackupRefusedError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  throw error;
}

/** The app that holds the embedded database takes the backup; this waits for the file. */
async function backupByTheRunningApp(dataDir: string, pid: number, publicUrl: string): Promise<WrittenBackup> {
  process.stderr.write(`The app (process ${pid}) holds the embedded database in ${dataDir}: asking it to take the backup…\n`);
  const answer = await requestBackupFromApp(dataDir);
  if (!answer) {
    throw new BackupRefusedError(
      'embedded_in_use',
      `The embedded database in ${dataDir} is in use by process ${pid}, which does not answer on ${dataDir}/backup.sock (an older version, or not the shop). ` +
        `Press «Сделать копию сейчас» in ${publicUrl}/admin/backups, or stop the app and run \`npm run backup\` again.`,
    );
  }
  if (answer.ok) return answer.backup;
  if (answer.reason === 'failed') throw new Error(`The running app could not take the backup: ${answer.message}`);
  throw new BackupRefusedError(answer.reason, answer.message);
}
