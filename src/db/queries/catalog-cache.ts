import type { Clock } from '../../clock.js';
import type { Db } from '../client.js';
import { listActiveServices, type Service } from './catalog.js';

/**
 * The active catalog, kept in memory for a few seconds: every storefront page needs it, it changes
 * rarely, and reading it costs more than rendering the page (bench/pages.ts). A catalog edit shows
 * in this process at once (`invalidate`) and in other processes within `ttlMs`. Placing an order
 * still reads the service from the database, so the price charged is never stale.
 */
export interface CatalogCache {
  activeServices(): Promise<Service[]>;
  findActive(slug: string): Promise<Service | undefined>;
  invalidate(): void;
}

export function createCatalogCache(db: Db, clock: Clock, ttlMs = 5_000): CatalogCache {
  let cached: { services: Promise<Service[]>; bySlug: Promise<Map<string, Service>>; until: number } | null = null;

  function load() {
    const now = clock.now().getTime();
    if (!cached || now >= cached.until) {
      const services = listActiveServices(db);
      const bySlug = services.then((list) => new Map(list.map((s) => [s.slug, s])));
      cached = { services, bySlug, until: now + ttlMs };
      // A failed read must not be cached.
      services.catch(() => (cached = null));
    }
    return cached;
  }

  return {
    activeServices: () => load().services,
    findActive: async (slug) => (await load().bySlug).get(slug),
    invalidate: () => void (cached = null),
  };
}
