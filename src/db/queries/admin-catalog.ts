import { and, asc, desc, eq, ne } from 'drizzle-orm';
import type { Queryable } from '../client.js';
import { services } from '../schema/index.js';
import type { Service } from './catalog.js';

// The catalog editor's reads: every service, sold or not.

/** Active services first, in the storefront's order; then the withdrawn ones. */
export async function listAllServices(db: Queryable): Promise<Service[]> {
  return db.select().from(services).orderBy(desc(services.active), asc(services.sortOrder), asc(services.title));
}

export async function findServiceById(db: Queryable, id: string): Promise<Service | undefined> {
  const [service] = await db.select().from(services).where(eq(services.id, id));
  return service;
}

/** The service already at this address (other than `exceptId`, the one being edited). */
export async function serviceWithSlug(db: Queryable, slug: string, exceptId?: string): Promise<Pick<Service, 'id' | 'title'> | undefined> {
  const [found] = await db
    .select({ id: services.id, title: services.title })
    .from(services)
    .where(and(eq(services.slug, slug), exceptId ? ne(services.id, exceptId) : undefined));
  return found;
}

/**
 * A unique violation (PostgreSQL 23505), whether thrown by the driver or wrapped by Drizzle: the
 * catalog's and the calendar's editors check first, and this settles two admins saving at once.
 */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}
