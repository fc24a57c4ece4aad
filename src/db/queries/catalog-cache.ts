import type { Clock } from '../../clock.js';
import type { Db } from '../client.js';
import { listActiveServices, type Service } from './catalog.js';
import { listFaq, serviceImagesById, type FaqEntry, type ServiceImage } from './storefront.js';

/**
 * The active catalog, its pictures and the FAQ, kept in memory for a few seconds: every storefront
 * page needs them, they change rarely, and reading them costs more than rendering the page
 * (bench/pages.ts). An edit shows in this process at once (`invalidate`) and in other processes
 * within `ttlMs`. Placing an order still reads the service from the database, so the price charged
 * is never stale.
 */
export interface CatalogCache {
  activeServices(): Promise<Service[]>;
  findActive(slug: string): Promise<Service | undefined>;
  /** Pictures by service id (a service without one is absent). */
  images(): Promise<Map<string, ServiceImage>>;
  faq(): Promise<FaqEntry[]>;
  invalidate(): void;
}

interface Cached {
  services: Promise<Service[]>;
  bySlug: Promise<Map<string, Service>>;
  images: Promise<Map<string, ServiceImage>>;
  faq: Promise<FaqEntry[]>;
  until: number;
}

export function createCatalogCache(db: Db, clock: Clock, ttlMs = 5_000): CatalogCache {
  let cached: Cached | null = null;

  function load(): Cached {
    const now = clock.now().getTime();
    if (!cached || now >= cached.until) {
      const services = listActiveServices(db);
      const bySlug = services.then((list) => new Map(list.map((s) => [s.slug, s])));
      const images = serviceImagesById(db);
      const faq = listFaq(db);
      const loaded: Cached = { services, bySlug, images, faq, until: now + ttlMs };
      cached = loaded;
      // A failed read must not be cached.
      for (const read of [services, images, faq]) read.catch(() => cached === loaded && (cached = null));
    }
    return cached;
  }

  return {
    activeServices: () => load().services,
    findActive: async (slug) => (await load().bySlug).get(slug),
    images: () => load().images,
    faq: () => load().faq,
    invalidate: () => void (cached = null),
  };
}
