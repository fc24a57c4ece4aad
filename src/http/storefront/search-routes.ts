import type { FastifyInstance } from 'fastify';
import { legalDocuments, versionInEffect } from '../../domain/content/legal-versions.js';
import { robotsTxt, sitemapXml, type SitemapEntry } from '../../domain/catalog/search-meta.js';
import { catalogChangedAt, sitemapServices } from '../../db/queries/sitemap.js';

/**
 * For search engines (docs/storefront.md "Search and sharing"): robots.txt keeps them out of the
 * private paths, the sitemap lists the public pages (the catalog, the services on sale, the legal
 * documents in effect) with absolute addresses on PUBLIC_URL.
 */
export async function searchRoutes(app: FastifyInstance) {
  const { deps } = app;
  const siteUrl = deps.config.PUBLIC_URL;

  app.get('/robots.txt', async (_request, reply) =>
    reply.header('cache-control', 'public, max-age=3600').type('text/plain; charset=utf-8').send(robotsTxt(siteUrl)),
  );

  app.get('/sitemap.xml', async (_request, reply) => {
    const now = deps.clock.now();
    const [services, catalogChanged] = await Promise.all([sitemapServices(deps.db), catalogChangedAt(deps.db)]);
    const { legal } = deps.content.current();
    const entries: SitemapEntry[] = [
      { path: '/', lastModified: new Date(catalogChanged ?? now.getTime()) },
      ...services.map((s) => ({ path: `/services/${s.slug}`, lastModified: new Date(s.changedAt) })),
      ...legalDocuments.flatMap((document) => {
        const version = versionInEffect(legal, document, now);
        return version ? [{ path: `/legal/${document}`, lastModified: version.effectiveFrom }] : [];
      }),
    ];
    return reply.header('cache-control', 'public, max-age=600').type('application/xml; charset=utf-8').send(sitemapXml(siteUrl, entries));
  });
}
