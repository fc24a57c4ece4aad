import { createHash } from 'node:crypto';
import { cpSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import { access, constants, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { openDatabase, PGLITE_SHARED_BUFFERS, type Database } from './client.js';
import { migrationsFolder } from './migrate.js';

// An empty embedded database starts as a copy of a template: a PGlite data dir already initialised
// (initdb, the slowest part of a first start) with the migrations and the job queue's tables applied
// (decisions 027 and 041). The template is built once per version of what it holds — the migrations,
// PGlite, pg-boss, the job queues — by `npm install` (postinstall) or by the first start that finds none,
// and kept in the user's cache (~/.cache/uslugi), never in the repository: a new migration or an upgrade
// simply builds another, and every checkout of the same version shares one. It is a plain directory,
// copied file by file by the operating system: PGlite's own `loadDataDir` unpacks a tarball through its
// WebAssembly file system, which took longer than opening the database itself.

const cacheDir = join(homedir(), '.cache', 'uslugi');
/** Older templates kept beside the current one (another checkout may still use them). */
const KEEP_OLDER = 2;

/** What every database needs before the app can use it (the migrations, the job queue's tables). */
export interface PrepareSchema {
  run(database: Database): Promise<void>;
  /** Whatever `run` creates beyond the migrations (the job queues' names): part of the template's key. */
  version: string;
}

/** The template's directory for the migrations and packages installed now (it may not exist yet). */
function pgliteTemplateDir(prepare: PrepareSchema): string {
  return join(cacheDir, `pglite-${templateKey(prepare.version)}`);
}

/**
 * Makes the template when there is none. Returns where it is, or null when the cache cannot be written
 * (a service user without a home): the database is then created the slow way, never wrongly.
 */
export async function ensurePgliteTemplate(prepare: PrepareSchema): Promise<{ dir: string; built: boolean } | null> {
  const dir = pgliteTemplateDir(prepare);
  if (existsSync(join(dir, 'PG_VERSION'))) return { dir, built: false };
  try {
    await mkdir(cacheDir, { recursive: true });
    await access(cacheDir, constants.W_OK);
  } catch {
    return null;
  }
  const partial = `${dir}.${process.pid}.partial`; // renamed when whole: a crash never leaves half a template
  try {
    await buildPgliteTemplate(prepare, partial);
    await rename(partial, dir).catch((error: unknown) => {
      // Another process finished the same template first: theirs is as good as ours.
      if (!existsSync(join(dir, 'PG_VERSION'))) throw error;
    });
  } finally {
    await rm(partial, { recursive: true, force: true });
  }
  await pruneOlderTemplates(dir);
  return { dir, built: true };
}

/**
 * Fills a new data dir from the template: copied beside it and renamed into place, so an interrupted
 * copy never looks like a database (the data dir's lock keeps a second process out meanwhile). Null when
 * there is no template to copy.
 */
export async function copyPgliteTemplate(prepare: PrepareSchema, pgliteDir: string): Promise<{ built: boolean } | null> {
  const template = await ensurePgliteTemplate(prepare);
  if (!template) return null;
  const partial = `${pgliteDir}.copying`;
  await rm(partial, { recursive: true, force: true });
  // Synchronous: 4× faster than the promise version for its ~1 300 small files, and nothing else runs yet.
  cpSync(template.dir, partial, { recursive: true, mode: constants.COPYFILE_FICLONE });
  await rename(partial, pgliteDir); // replaces an empty directory, refuses one that holds anything
  return { built: template.built };
}

async function buildPgliteTemplate(prepare: PrepareSchema, dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  const database = await openDatabase({ pgliteDir: dir });
  if (database.kind !== 'pglite') throw new Error('expected PGlite');
  try {
    await prepare.run(database);
    await database.pglite.exec('checkpoint'); // every page written: a copy starts without WAL replay
  } finally {
    await database.close();
  }
}

/**
 * Removes templates of earlier versions beyond the newest few (and the tarballs the cache held before
 * decision 041), and what a crashed build left behind an hour ago or more.
 */
async function pruneOlderTemplates(current: string): Promise<void> {
  const others = (await readdir(cacheDir)).filter((name) => name.startsWith('pglite-') && join(cacheDir, name) !== current);
  const dated = await Promise.all(others.map(async (name) => ({ name, path: join(cacheDir, name), mtime: (await stat(join(cacheDir, name))).mtimeMs })));
  const abandoned = dated.filter(({ name, mtime }) => name.endsWith('.partial') && Date.now() - mtime > 3_600_000);
  const older = dated.filter(({ name }) => !name.endsWith('.partial')).sort((a, b) => b.mtime - a.mtime).slice(KEEP_OLDER);
  for (const { path } of [...abandoned, ...older]) await rm(path, { recursive: true, force: true });
}

/** Changes whenever a migration, PGlite (its data dir format), pg-boss (its tables), the queues or the settings change. */
function templateKey(version: string): string {
  const hash = createHash('sha256').update(`${version}\nshared_buffers=${PGLITE_SHARED_BUFFERS}\n`);
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
