import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { makeBackup } from '../actions/backups/make-backup.js';
import { ConfigError, loadConfig } from '../config.js';
import { openDatabase } from '../db/client.js';
import { DataDirLockedError, lockDataDir } from '../db/data-dir-lock.js';
import { systemClock } from '../clock.js';
import { createLogger } from '../log.js';
import { BackupRefusedError } from '../backup/errors.js';

// `npm run backup`: one backup of the whole database into BACKUP_DIR (docs/operations.md "Backups").
// PostgreSQL: any time, while the app runs. The embedded database (PGlite) has one connection held by
// the running app, so only that process can back it up: this command works on a stopped data
// directory and otherwise says where to click.

try {
  const config = loadConfig();
  const log = createLogger('warn', config.LOG_FORMAT);
  let lock = null;
  if (!config.DATABASE_URL) {
    const dataDir = resolve(config.DATA_DIR);
    try {
      lock = lockDataDir(dataDir);
    } catch (error) {
      if (!(error instanceof DataDirLockedError)) throw error;
      throw new BackupRefusedError(
        'embedded_in_use',
        `The embedded database in ${dataDir} is in use by the running app (process ${error.holder.pid}). It has a single connection, so the app itself must ` +
          `take the backup: press «Сделать копию сейчас» in ${config.PUBLIC_URL}/admin/backups, or wait for the daily backup at ${config.BACKUP_TIME} (Moscow time). ` +
          'Or stop the app and run `npm run backup` again.',
      );
    }
    if (!existsSync(join(dataDir, 'pglite'))) {
      lock.release();
      throw new BackupRefusedError('not_a_backup', `There is no embedded database in ${dataDir} (set DATA_DIR, or DATABASE_URL for PostgreSQL).`);
    }
  }
  const database = await openDatabase(config.DATABASE_URL ? { url: config.DATABASE_URL } : { pgliteDir: join(resolve(config.DATA_DIR), 'pglite') });
  try {
    const written = await makeBackup({ config, database, db: database.db, clock: systemClock, log }, { trigger: 'cli', prune: false });
    const { manifest, payload } = written.header;
    process.stdout.write(
      `Backup written: ${written.path}\n` +
        `  ${(written.fileBytes / 1024 / 1024).toFixed(1)} MiB, ${manifest.tables.length} tables, ${manifest.totalRows} rows, schema ${manifest.schemaVersion}, ` +
        `${payload.encryption ? 'encrypted (AES-256-GCM)' : 'NOT encrypted (set BACKUP_PASSPHRASE to encrypt)'}\n`,
    );
  } finally {
    await database.close();
    lock?.release();
  }
} catch (error) {
  if (error instanceof ConfigError || error instanceof DataDirLockedError || error instanceof BackupRefusedError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  throw error;
}
