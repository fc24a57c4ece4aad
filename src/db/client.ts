import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema/index.js';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction handle; on PGlite every query inside a transaction must go through it. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Either the whole database or an open transaction: read queries accept both. */
export type Queryable = Db | Tx;

/**
 * `loadDataDir`: an in-memory PGlite starts from this dumped data dir (tests: an already migrated one).
 * `fillEmpty`: makes a PGlite directory without a database into one (copies a template) before it is
 * opened; the directory is created by initdb when it stays empty.
 */
export type DatabaseLocation = { url: string } | { pgliteDir: string; fillEmpty?: (pgliteDir: string) => Promise<void> } | { inMemory: true; loadDataDir?: Blob };

export type Database =
  | { kind: 'postgres'; db: Db; pool: pg.Pool; close(): Promise<void> }
  | { kind: 'pglite'; db: Db; pglite: PGlite; close(): Promise<void> };

export async function openDatabase(location: DatabaseLocation): Promise<Database> {
  if ('url' in location) {
    const pool = new AppPool({ connectionString: location.url, max: 10, connectionTimeoutMillis: 5_000 });
    // An idle client losing its connection (a database restart) must not crash the process.
    pool.on('error', () => {});
    const db = drizzlePg({ client: pool, schema }) as unknown as Db;
    return { kind: 'postgres', db, pool, close: () => pool.end() };
  }
  // Loaded only for the embedded database: a PostgreSQL process never pays for importing PGlite.
  const [{ PGlite }, { drizzle: drizzlePglite }] = await Promise.all([import('@electric-sql/pglite'), import('drizzle-orm/pglite')]);
  let pglite: PGlite;
  if ('pgliteDir' in location) {
    if (location.fillEmpty && !existsSync(join(location.pgliteDir, 'PG_VERSION'))) await location.fillEmpty(location.pgliteDir);
    pglite = new PGlite(location.pgliteDir);
  } else {
    pglite = new PGlite({ loadDataDir: location.loadDataDir });
  }
  await pglite.waitReady;
  await keepSharedBuffersSmall(pglite);
  const db = drizzlePglite({ client: pglite, schema }) as unknown as Db;
  return { kind: 'pglite', db, pglite, close: () => pglite.close() };
}

/**
 * PGlite's initdb sets shared_buffers to 128 MB, and the WebAssembly build zeroes all of it at every
 * open: 0.4 s of a 2 s start, and 100 MB of memory. A shop's embedded database is tens of megabytes whose
 * files the operating system caches anyway, so 32 MB is plenty (decision 041). ALTER SYSTEM keeps it in
 * the data dir from the next open on; the template (and so every new data dir) already has it.
 */
export const PGLITE_SHARED_BUFFERS = '32MB';

async function keepSharedBuffersSmall(pglite: PGlite): Promise<void> {
  const { rows } = await pglite.query<{ setting: string }>(`select current_setting('shared_buffers') as setting`);
  if (rows[0]?.setting !== PGLITE_SHARED_BUFFERS) await pglite.exec(`alter system set shared_buffers = '${PGLITE_SHARED_BUFFERS}'`);
}

/**
 * The pool lends clients (transactions, migrations) that are given back as soon as their connection
 * dies, and giving one back twice is harmless. Otherwise a database restart leaks them: drizzle 0.45
 * sends BEGIN before its try/finally, so a client whose BEGIN fails is never released; the pool loses
 * the slot for good and pool.end() waits for it forever at shutdown. The listener also keeps the
 * client's 'error' event from being an uncaught exception (the pool takes its own off while it lends).
 */
class AppPool extends pg.Pool {
  override connect(): Promise<pg.PoolClient>;
  override connect(callback: (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void): void;
  override connect(callback?: (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void): Promise<pg.PoolClient> | void {
    // pool.query() lends with a callback and listens and releases by itself.
    if (callback) return super.connect(callback);
    return super.connect().then(givenBackWhenDead);
  }
}

function givenBackWhenDead(client: pg.PoolClient): pg.PoolClient {
  const release = client.release;
  let released = false;
  const releaseOnce = (error?: Error | boolean) => {
    if (released) return;
    released = true;
    client.off('error', releaseOnce);
    release(error);
  };
  client.on('error', releaseOnce);
  client.release = releaseOnce;
  return client;
}
