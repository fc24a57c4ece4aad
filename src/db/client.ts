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
 * `initialDataDir`: a PGlite directory without a database is created from this dump rather than by initdb.
 */
export type DatabaseLocation = { url: string } | { pgliteDir: string; initialDataDir?: () => Promise<Blob> } | { inMemory: true; loadDataDir?: Blob };

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
    const empty = !existsSync(join(location.pgliteDir, 'PG_VERSION'));
    const loadDataDir = empty && location.initialDataDir ? await location.initialDataDir() : undefined;
    pglite = new PGlite(location.pgliteDir, { loadDataDir });
  } else {
    pglite = new PGlite({ loadDataDir: location.loadDataDir });
  }
  await pglite.waitReady;
  const db = drizzlePglite({ client: pglite, schema }) as unknown as Db;
  return { kind: 'pglite', db, pglite, close: () => pglite.close() };
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
