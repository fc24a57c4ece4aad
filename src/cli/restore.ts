import { join, resolve } from 'node:path';
import { ConfigError, loadConfig } from '../config.js';
import { DataDirLockedError, lockDataDir } from '../db/data-dir-lock.js';
import { differences } from '../domain/backups/backup-compare.js';
import { BackupRefusedError } from '../backup/errors.js';
import { latestSchemaVersion } from '../backup/inventory.js';
import { restoreBackup } from '../backup/restore-backup.js';

// `npm run restore -- FILE [--force]`: restores a backup into the database of the settings
// (DATABASE_URL, or the embedded one in DATA_DIR with the app stopped), then prints the manifest's
// row counts against the restored database's. Exit 0: identical; 2: refused; 3: differences.

class UsageError extends Error {}

try {
  const args = process.argv.slice(2);
  const force = args.includes('--force');
  const files = args.filter((arg) => arg !== '--force');
  if (files.length !== 1 || files[0]!.startsWith('-')) throw new UsageError('Usage: npm run restore -- backups/uslugi-….backup [--force]');
  const config = loadConfig();
  const lock = config.DATABASE_URL ? null : lockDataDir(resolve(config.DATA_DIR));
  try {
    const target = config.DATABASE_URL ? { url: config.DATABASE_URL } : { pgliteDir: join(resolve(config.DATA_DIR), 'pglite') };
    const result = await restoreBackup(resolve(files[0]!), target, { passphrase: config.BACKUP_PASSPHRASE, force, now: new Date() });
    const { manifest } = result.header;
    const out: string[] = [`Restored ${files[0]} (taken ${manifest.takenAt}, app ${manifest.appVersion}, schema ${manifest.schemaVersion}).`];
    if (result.movedAside) out.push(`The previous data directory was moved to ${result.movedAside}.`);
    const width = Math.max(...result.comparison.map((line) => line.table.length), 5);
    out.push('', `${'table'.padEnd(width)}  ${'backup'.padStart(9)}  ${'restored'.padStart(9)}  check`);
    for (const line of result.comparison) {
      const status = line.same ? 'ok' : line.checksumDiffers ? 'ROWS DIFFER' : 'COUNT DIFFERS';
      out.push(`${line.table.padEnd(width)}  ${String(line.expectedRows ?? '—').padStart(9)}  ${String(line.actualRows ?? '—').padStart(9)}  ${status}`);
    }
    const diff = differences(result.comparison);
    out.push('', diff.length === 0 ? `All ${result.comparison.length} tables match the manifest.` : `${diff.length} of ${result.comparison.length} tables differ from the manifest.`);
    if (manifest.schemaVersion !== latestSchemaVersion) {
      out.push(`Note: the backup's schema is ${manifest.schemaVersion}; this version of the code has ${latestSchemaVersion}. The app migrates an older schema at start; a newer one needs the version that made it.`);
    }
    process.stdout.write(`${out.join('\n')}\n`);
    if (diff.length > 0) process.exitCode = 3;
  } finally {
    lock?.release();
  }
} catch (error) {
  if (error instanceof DataDirLockedError) {
    process.stderr.write(`${error.message}\nStop the app before restoring the embedded database.\n`);
    process.exit(2);
  }
  if (error instanceof ConfigError || error instanceof BackupRefusedError || error instanceof UsageError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  throw error;
}
