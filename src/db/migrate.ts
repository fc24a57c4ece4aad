import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { Database, Queryable } from './client.js';
import { repoRoot } from '../repo-root.js';

const MIGRATION_LOCK_KEY = 7_301_955; // arbitrary, stable: "uslugi migrations"

export const migrationsFolder = join(repoRoot, 'drizzle');

/** Applies the checked-in SQL migrations that are not applied yet. */
export async function runMigrations(database: Database): Promise<void> {
  if (database.kind === 'postgres') {
    // Several processes may start at once: one connection holds an advisory lock while it migrates.
    const [{ drizzle: drizzlePg }, { migrate: migratePg }] = await Promise.all([import('drizzle-orm/node-postgres'), import('drizzle-orm/node-postgres/migrator')]);
    const client = await database.pool.connect();
    try {
      await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
      await migratePg(drizzlePg({ client }), { migrationsFolder });
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
      client.release();
    }
  } else {
    const { migrate: migratePglite } = await import('drizzle-orm/pglite/migrator');
    await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder });
  }
}

const expectedMigrations: number = JSON.parse(readFileSync(`${migrationsFolder}/meta/_journal.json`, 'utf8')).entries
  .length;

/** True when every checked-in migration has been applied (used by /readyz). */
export async function migrationsApplied(db: Queryable): Promise<boolean> {
  const result = (await db.execute(sql`select count(*)::int as count from drizzle.__drizzle_migrations`)) as {
    rows: { count: number }[];
  };
  return Number(result.rows[0]?.count) >= expectedMigrations;
}
