import { eq } from 'drizzle-orm';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setServiceActive } from '../../src/actions/catalog/set-service-active.js';
import { setServiceImage } from '../../src/actions/catalog/set-service-image.js';
import { isPrivatePath } from '../../src/domain/catalog/search-meta.js';
import { services } from '../../src/db/schema/index.js';
import { paidOrder } from '../helpers/accounts.js';
import { staffBrowser } from '../helpers/staff.js';
import { backends, createTestApp, manualClock, type TestApp } from '../helpers/test-app.js';
import { visitor } from '../helpers/visitor.js';

// Search and sharing (docs/storefront.md): robots.txt, the sitemap of the public pages, and the
// description, canonical address and Open Graph tags of the catalog and a service's page; private
// pages say noindex.

const START = new Date('2026-11-24T11:20:00+03:00');

/** The content of `<meta name|property="…" content="…">` (or a canonical link's href), HTML entities decoded. */
function metaOf(html: string, key: string): string | undefined {
  const tag = key === 'canonical' ? /<link rel="canonical" href="([^"]*)"/ : new RegExp(`<meta (?:name|property)="${key}" content="([^"]*)"`);
  const raw = tag.exec(html)?.[1];
  return raw?.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

describe.each(backends)('search and sharing on %s', (backend) => {
  let t: TestApp;
  let admin: { member: { id: string } };
  const clock = manualClock(START);
  const moveTo = (moment: Date) => clock.advance(moment.getTime() - clock.now().getTime());
  const shop = () => visitor(t.app, '198.51.100.31');

  beforeAll(async () => {
    t = await createTestApp(backend, { captcha: false, clock });
    // The demo catalog was seeded by the database's own clock (now, for real): put it before the test's clock.
    await t.deps.db.update(services).set({ createdAt: new Date('2026-10-01T09:00:00Z') });
    admin = await staffBrowser(t, 'admin');
  });
  afterAll(() => t.close());

  const serviceId = async (slug: string) => (await t.deps.db.select({ id: services.id }).from(services).where(eq(services.slug, slug)))[0]!.id;

  it('robots.txt keeps crawlers out of the private paths and points to the sitemap', async () => {
    const robots = await shop().get('/robots.txt');
    expect(robots.statusCode).toBe(200);
    expect(robots.headers['content-type']).toMatch(/^text\/plain/);
    const lines = robots.body.split('\n');
    expect(lines[0]).toBe('User-agent: *');
    for (const path of ['/admin', '/account', '/orders', '/dev', '/payments', '/receipts', '/metrics']) expect(lines).toContain(`Disallow: ${path}`);
    expect(lines).toContain(`Sitemap: ${t.baseUrl}/sitemap.xml`);
    // The shop itself stays open.
    expect(lines).not.toContain('Disallow: /');
    expect(lines).not.toContain('Disallow: /services');
  });

  it('the sitemap lists the catalog, the services on sale and the legal documents, with absolute addresses and lastmod', async () => {
    // A service taken off sale later: it leaves the sitemap and the catalog's lastmod moves to that moment.
    moveTo(new Date('2026-11-25T09:15:30+03:00'));
    const hidden = await setServiceActive(t.deps, { staffId: admin.member.id, ip: '198.51.100.1', serviceId: await serviceId('landing-page'), active: false });
    expect(hidden.kind).toBe('changed');

    const response = await shop().get('/sitemap.xml');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/xml/);
    expect(XMLValidator.validate(response.body)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(response.body) as { urlset: { '@_xmlns': string; url: { loc: string; lastmod: string }[] } };
    expect(parsed.urlset['@_xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    const urls = parsed.urlset.url;
    const locs = urls.map((u) => u.loc);

    for (const loc of locs) {
      expect(loc.startsWith(`${t.baseUrl}/`), loc).toBe(true);
      expect(isPrivatePath(new URL(loc).pathname), loc).toBe(false);
    }
    expect(locs).toContain(`${t.baseUrl}/`);
    expect(locs).toContain(`${t.baseUrl}/services/site-support`);
    expect(locs).toContain(`${t.baseUrl}/services/seo-audit`);
    expect(locs).not.toContain(`${t.baseUrl}/services/landing-page`);
    for (const document of ['offer', 'privacy', 'consent']) expect(locs).toContain(`${t.baseUrl}/legal/${document}`);
    expect(new Set(locs).size).toBe(locs.length);
    // Every page listed is really there.
    for (const loc of locs) expect((await shop().get(new URL(loc).pathname)).statusCode, loc).toBe(200);

    for (const { lastmod } of urls) expect(lastmod).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(urls.find((u) => u.loc === `${t.baseUrl}/`)!.lastmod).toBe('2026-11-25T06:15:30Z');
    // The other services did not change: their lastmod is not the deactivation's.
    expect(urls.find((u) => u.loc === `${t.baseUrl}/services/seo-audit`)!.lastmod).not.toBe('2026-11-25T06:15:30Z');
  });

  it("a service's lastmod follows its own edits", async () => {
    moveTo(new Date('2026-11-26T14:00:00+03:00'));
    const id = await serviceId('seo-audit');
    await setServiceImage(t.deps, { staffId: admin.member.id, ip: '198.51.100.1', serviceId: id, upload: { bytes: await photo(), alt: 'Отчёт аудита на экране ноутбука' } });
    const sitemap = (await shop().get('/sitemap.xml')).body;
    expect(sitemap).toContain(`<loc>${t.baseUrl}/services/seo-audit</loc>\n    <lastmod>2026-11-26T11:00:00Z</lastmod>`);
  });

  it('the catalog has a description, a canonical address and Open Graph tags', async () => {
    const page = (await shop().get('/?utm_source=yandex')).body;
    const company = t.deps.content.current().company.name;
    const description = metaOf(page, 'description')!;
    expect(description).toContain('Техническая поддержка сайта');
    expect(description.length).toBeLessThanOrEqual(160);
    expect(metaOf(page, 'canonical')).toBe(`${t.baseUrl}/`);
    expect(metaOf(page, 'og:url')).toBe(`${t.baseUrl}/`);
    expect(metaOf(page, 'og:type')).toBe('website');
    expect(metaOf(page, 'og:title')).toBe('Услуги');
    expect(metaOf(page, 'og:description')).toBe(description);
    expect(metaOf(page, 'og:locale')).toBe('ru_RU');
    expect(metaOf(page, 'og:site_name')).toBe(company);
    expect(page).not.toContain('noindex');
  });

  it("a service's page describes it from its description, shows its picture in previews, and has one canonical address", async () => {
    const withPicture = (await shop().get('/services/seo-audit?utm_source=vk')).body;
    expect(metaOf(withPicture, 'canonical')).toBe(`${t.baseUrl}/services/seo-audit`);
    expect(metaOf(withPicture, 'og:url')).toBe(`${t.baseUrl}/services/seo-audit`);
    expect(metaOf(withPicture, 'og:title')).toBe('SEO-аудит');
    const image = metaOf(withPicture, 'og:image')!;
    expect(image).toMatch(new RegExp(`^${t.baseUrl}/media/services/[0-9a-f]+-\\d+\\.jpg$`));
    const file = await shop().get(new URL(image).pathname);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/jpeg');
    const { width, height } = await sharp(file.rawPayload).metadata();
    expect([metaOf(withPicture, 'og:image:width'), metaOf(withPicture, 'og:image:height')]).toEqual([String(width), String(height)]);
    expect(metaOf(withPicture, 'og:image:alt')).toBe('Отчёт аудита на экране ноутбука');

    const page = (await shop().get('/services/site-support')).body;
    const description = metaOf(page, 'description')!;
    expect(description.startsWith('Берём на себя мелкие и средние задачи по сайту')).toBe(true);
    expect(description.length).toBeLessThanOrEqual(160);
    expect(description.endsWith('…')).toBe(true);
    expect(metaOf(page, 'og:description')).toBe(description);
    expect(metaOf(page, 'og:image')).toBeUndefined();
    expect(page).not.toContain('noindex');

    // In another site's frame: the same page for search engines.
    const framed = (await shop().get('/services/site-support?embed=1')).body;
    expect(metaOf(framed, 'canonical')).toBe(`${t.baseUrl}/services/site-support`);
  });

  it('a legal document in effect is described; private pages are noindex', async () => {
    const offer = (await shop().get('/legal/offer')).body;
    expect(metaOf(offer, 'canonical')).toBe(`${t.baseUrl}/legal/offer`);
    expect(metaOf(offer, 'og:type')).toBe('article');
    expect(metaOf(offer, 'description')).toContain('Условия оказания услуг');
    expect(offer).not.toContain('noindex');

    const order = await paidOrder(t);
    for (const path of ['/account/login', `/orders/${order.publicRef}`, '/admin/login', '/no-such-page']) {
      const page = await shop().get(path);
      expect(page.body, path).toContain('<meta name="robots" content="noindex"/>');
      expect(metaOf(page.body, 'og:title'), path).toBeUndefined();
    }
    const signedIn = await (await staffBrowser(t, 'admin')).browser.get('/admin');
    expect(signedIn.body).toContain('<meta name="robots" content="noindex"/>');
  });
});

/** A photo-like JPEG wide enough for the storefront's sizes. */
async function photo(): Promise<Buffer> {
  const [width, height] = [1000, 600];
  const noise = Buffer.alloc(width * height * 3);
  for (let i = 0; i < noise.length; i += 1) noise[i] = (i * 7919 + (i >> 5) * 31) & 255;
  return sharp(noise, { raw: { width, height, channels: 3 } }).jpeg().toBuffer();
}
