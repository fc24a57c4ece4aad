import { parseRichText } from './rich-text.js';

// What search engines and link previews read about the shop (docs/storefront.md "Search and sharing"):
// a page's short description, robots.txt and the sitemap. Pure: the site's address and the dates come in.

/** Search engines show about 160 characters of a description; a longer one is cut by them mid-word. */
export const DESCRIPTION_MAX = 160;

/**
 * A page's description from a text in the light markup (a service's description): its paragraphs and
 * list items as one line, cut at a word boundary to fit `max` characters with «…».
 */
export function pageDescription(source: string, max = DESCRIPTION_MAX): string {
  const text = parseRichText(source)
    .flatMap((block) => (block.kind === 'paragraph' ? [block.text] : block.items))
    .map((part) => (/[.!?:;…]$/.test(part) ? part : `${part}.`))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(' ');
  const words = lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut;
  return `${words.replace(/[\s,.;:!?—–-]+$/, '')}…`;
}

/**
 * Paths nobody should find through a search engine: the back office, the client's account, an order's
 * page (its address is the key to it), the development mailbox, the gateway's, the register's and the
 * Tilda site's callbacks, the metrics and health checks, the captcha's challenges.
 */
export const PRIVATE_PATHS = ['/admin', '/account', '/orders', '/dev', '/payments', '/receipts', '/integrations', '/metrics', '/healthz', '/readyz', '/captcha'] as const;

/** True for an address under one of the private paths (the path itself or anything below it). */
export const isPrivatePath = (path: string) => PRIVATE_PATHS.some((p) => path === p || path.startsWith(`${p}/`));

/** robots.txt: every crawler kept out of the private paths and pointed at the sitemap. */
export function robotsTxt(siteUrl: string): string {
  return ['User-agent: *', ...PRIVATE_PATHS.map((path) => `Disallow: ${path}`), '', `Sitemap: ${siteUrl}/sitemap.xml`, ''].join('\n');
}

export interface SitemapEntry {
  /** The page's path on the site, «/services/audit». */
  path: string;
  /** When what the page shows last changed. */
  lastModified: Date;
}

const xmlEscape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/** The sitemap (sitemaps.org 0.9): absolute addresses on `siteUrl`, lastmod to the second in UTC. */
export function sitemapXml(siteUrl: string, entries: SitemapEntry[]): string {
  const urls = entries.map(
    (entry) => `  <url>\n    <loc>${xmlEscape(`${siteUrl}${entry.path}`)}</loc>\n    <lastmod>${entry.lastModified.toISOString().replace(/\.\d{3}Z$/, 'Z')}</lastmod>\n  </url>`,
  );
  return ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">', ...urls, '</urlset>', ''].join('\n');
}
