import { asc, eq, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../client.js';
import { auditLog, faqEntries, serviceImages, services } from '../schema/index.js';

// When the storefront's pages last changed, for the sitemap's lastmod. Every catalog and FAQ edit is in
// the audit log with its time (decision 040), so no "updated at" column has to be kept in step.

/** A moment as milliseconds since 1970: the same on PGlite and PostgreSQL whatever their drivers make of timestamps. */
const millis = (moment: SQL) => sql<number>`(extract(epoch from ${moment}) * 1000)::float8`.mapWith(Number);

/** The FAQ (shown on every storefront page): its newest entry, or its newest edit or deletion. */
const faqChanged = sql`greatest((select max(${faqEntries.updatedAt}) from ${faqEntries}), (select max(${auditLog.at}) from ${auditLog} where ${auditLog.entity} = 'faq'))`;

export interface SitemapService {
  slug: string;
  /** Its text, terms or picture last changed, or the FAQ under it, in ms. */
  changedAt: number;
}

/** The services on sale with when each one's page last changed. */
export async function sitemapServices(db: Queryable): Promise<SitemapService[]> {
  const serviceChanged = sql`(select max(${auditLog.at}) from ${auditLog} where ${auditLog.entity} = 'service' and ${auditLog.entityId} = ${services.id}::text)`;
  return db
    .select({ slug: services.slug, changedAt: millis(sql`greatest(${services.createdAt}, ${serviceImages.uploadedAt}, ${serviceChanged}, ${faqChanged})`) })
    .from(services)
    .leftJoin(serviceImages, eq(serviceImages.serviceId, services.id))
    .where(eq(services.active, true))
    .orderBy(asc(services.sortOrder), asc(services.title));
}

/**
 * When the catalog page last changed: any service created, edited, put on or taken off sale, any
 * picture, any FAQ edit. Null for an empty shop that never had a service.
 */
export async function catalogChangedAt(db: Queryable): Promise<number | null> {
  const [row] = await db
    .select({
      changedAt: millis(
        sql`greatest((select max(${services.createdAt}) from ${services}), (select max(${serviceImages.uploadedAt}) from ${serviceImages}), (select max(${auditLog.at}) from ${auditLog} where ${auditLog.entity} = 'service'), ${faqChanged})`,
      ),
    })
    .from(sql`(select 1) as one`);
  return row?.changedAt ?? null;
}
