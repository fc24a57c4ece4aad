import { join, resolve } from 'node:path';
import { ConfigError, loadConfig } from '../config.js';
import { openDatabase } from '../db/client.js';
import { DataDirLockedError, lockDataDir } from '../db/data-dir-lock.js';
import { runMigrations } from '../db/migrate.js';

// `npm run db:migrate`: applies pending migrations and exits. The server also does this at start;
// run it on its own before rolling out several processes of a new version (docs/operations.md).

try {
  const config = loadConfig();
  const lock = config.DATABASE_URL ? null : lockDataDir(resolve(config.DATA_DIR));
  const database = await openDatabase(
    config.DATABASE_URL ? { url: config.DATABASE_URL } : { pgliteDir: join(resolve(config.DATA_DIR), 'pglite') },
  );
  try {
    await runMigrations(database);
    process.stdout.write(`Migrations applied (${database.kind}).\n`);
  } finally {
    await database.close();
    lock?.release();
  }
} catch (error) {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  throw error;
}
