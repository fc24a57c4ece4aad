import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { openDatabase, type Database } from './client.js';
import { migrationsFolder } from './migrate.js';

// An empty embedded database starts as a copy of a template: a PGlite data dir already initialised
// (initdb, the slowest part of a first start) with the migrations and the job queue's tables applied
// (decision 027). The template is built once per version of what it holds — the migrations, PGlite,
// pg-boss, the job queues — by `npm install` (postinstall) or by the first start that finds none, and
// kept in the user's cache (~/.cache/uslugi), never in the repository: a new migration or an upgrade
// simply builds another, and every checkout of the same version shares one.

const cacheDir = join(homedir(), '.cache', 'uslugi');

/** What every database needs before the app can use it (the migrations, the job queue's tables). */
export interface PrepareSchema {
  run(database: Database): Promise<void>;
  /** Whatever `run` creates beyond the migrations (the job queues' names): part of the template's key. */
  version: string;
}

/** The template's file for the migrations and packages installed now (it may not exist yet). */
export function pgliteTemplateFile(prepare: PrepareSchema): string {
  return join(cacheDir, `pglite-${templateKey(prepare.version)}.tar.gz`);
}

/**
 * The template as a tarball for PGlite's `loadDataDir`: read from the cache, or built in memory now
 * and cached (a cache that cannot be written, say a service user without a home, is not an error: each new database then builds it again).
 */
export async function pgliteTemplate(prepare: PrepareSchema): Promise<{ tarball: Blob; built: boolean }> {
  const file = pgliteTemplateFile(prepare);
  if (existsSync(file)) return { tarball: new Blob([readFileSync(file)]), built: false };
  const tarball = await buildPgliteTemplate(prepare);
  try {
    mkdirSync(cacheDir, { recursive: true });
    const partial = `${file}.${process.pid}.partial`; // renamed when whole: a crash never leaves half a template
    writeFileSync(partial, Buffer.from(await tarball.arrayBuffer()));
    renameSync(partial, file);
  } catch {
    // no writable cache: use it this once
  }
  return { tarball, built: true };
}

async function buildPgliteTemplate(prepare: PrepareSchema): Promise<Blob> {
  const database = await openDatabase({ inMemory: true });
  if (database.kind !== 'pglite') throw new Error('expected an in-memory PGlite');
  try {
    await prepare.run(database);
    await database.pglite.exec('checkpoint'); // every page written: a copy starts without WAL replay
    return await database.pglite.dumpDataDir('gzip');
  } finally {
    await database.close();
  }
}

/** Changes whenever a migration, PGlite (its data dir format), pg-boss (its tables) or the queues change. */
function templateKey(version: string): string {
  const hash = createHash('sha256').update(`${version}\n`);
  for (const name of ['@electric-sql/pglite', 'pg-boss']) hash.update(`${name}@${packageVersion(name)}\n`);
  for (const name of readdirSync(migrationsFolder).filter((file) => file.endsWith('.sql')).sort()) {
    hash.update(name).update(readFileSync(join(migrationsFolder, name)));
  }
  hash.update(readFileSync(join(migrationsFolder, 'meta', '_journal.json')));
  return hash.digest('hex').slice(0, 16);
}

const require = createRequire(import.meta.url);

/** The installed version of a package (its package.json, found above its entry point). */
function packageVersion(name: string): string {
  let dir = dirname(require.resolve(name));
  while (dir !== dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      const { name: found, version } = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; version?: string };
      if (found === name && version) return version;
    }
    dir = dirname(dir);
  }
  throw new Error(`Cannot find the version of ${name}`);
}
