import { and, asc, eq } from 'drizzle-orm';
import type { Queryable } from '../client.js';
import { services } from '../schema/index.js';

export type Service = typeof services.$inferSelect;

// async: a Drizzle query is a lazy thenable that runs again on every await; callers get a real promise.
export async function listActiveServices(db: Queryable): Promise<Service[]> {
  return db.select().from(services).where(eq(services.active, true)).orderBy(asc(services.sortOrder), asc(services.title));
}

export async function findActiveService(db: Queryable, slug: string): Promise<Service | undefined> {
  const [service] = await db
    .select()
    .from(services)
    .where(and(eq(services.slug, slug), eq(services.active, true)));
  return service;
}
