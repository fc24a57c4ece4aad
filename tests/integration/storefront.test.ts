import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { services } from '../../src/db/schema/index.js';
import { backends, createTestApp, type TestApp } from '../helpers/test-app.js';

describe.each(backends)('storefront pages on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
  });
  afterAll(() => t.close());

  it('lists the demo catalog in Russian, in sort order, with prices', async () => {
    const response = await t.app.inject('/');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    const titles = [...response.body.matchAll(/<h2><a href="\/services\/([\w-]+)">([^<]+)<\/a><\/h2>/g)].map((m) => m[2]);
    expect(titles).toEqual([
      'Лендинг под ключ',
      'Техническая поддержка сайта',
      'SEO-аудит',
      'Настройка контекстной рекламы',
      'Логотип и фирменный стиль',
    ]);
    expect(response.body).toContain('45\u00a0000\u00a0₽');
    expect(response.body).toContain('включено 5 ч, дополнительный час — 3\u00a0000\u00a0₽');
    expect(response.body).toContain('<html lang="ru">');
    expect(response.body).toContain('ИНН 7700000000');
  });

  it("names each card's link by the words it shows, then the service (WCAG 2.5.3 label in name)", async () => {
    const page = (await t.app.inject('/')).body;
    const links = [...page.matchAll(/<a class="button" href="\/services\/[\w-]+"([^>]*)>(.*?)<\/a>/g)];
    expect(links).toHaveLength(5);
    for (const [, attributes, content] of links) {
      // No aria-label to replace what is seen: the accessible name is the text, visible words first.
      expect(attributes).not.toContain('aria-label');
      expect(content).toMatch(/^Подробнее и заказать<span class="visually-hidden">: [^<]+<\/span>$/);
    }
    expect(links[2]![2]).toContain(': SEO-аудит');
  });

  it('shows a service with its description and an order form with the contract field names', async () => {
    const response = await t.app.inject('/services/landing-page');
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<h1>Лендинг под ключ</h1>');
    expect(response.body).toContain('<li>дизайн в фирменном стиле</li>');
    for (const field of ['name', 'email', 'phone', 'comment', 'accept_offer', 'consent_pd', 'marketing', '_csrf']) {
      expect(response.body).toContain(`name="${field}"`);
    }
    expect(response.body).toContain('action="/services/landing-page/order"');
    expect(response.body).toMatch(/<altcha-widget[^>]+name="altcha"/);
    // Both boxes start unticked: consent must be an act of the visitor.
    expect(response.body).not.toMatch(/name="(accept_offer|consent_pd|marketing)"[^>]*checked/);
  });

  it('answers 404 in Russian for an unknown or inactive service', async () => {
    const unknown = await t.app.inject('/services/no-such-thing');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('Страница не найдена');

    await t.deps.db.update(services).set({ active: false }).where(eq(services.slug, 'seo-audit'));
    t.deps.catalog.invalidate();
    const inactive = await t.app.inject('/services/seo-audit');
    expect(inactive.statusCode).toBe(404);
    const catalog = await t.app.inject('/');
    expect(catalog.body).not.toContain('SEO-аудит');
    await t.deps.db.update(services).set({ active: true }).where(eq(services.slug, 'seo-audit'));
    t.deps.catalog.invalidate();
  });

  it('answers 404 in Russian for an unknown path and for an unknown order', async () => {
    for (const url of ['/nope', '/orders/AAAAAAAAAAAAAAAAAAAAAAAA', '/orders/short']) {
      const response = await t.app.inject(url);
      expect(response.statusCode, url).toBe(404);
      expect(response.body).toContain('Страница не найдена');
    }
  });

  it('sends the security headers on every page', async () => {
    for (const url of ['/', '/services/landing-page', '/legal/offer', '/nope']) {
      const { headers } = await t.app.inject(url);
      const csp = String(headers['content-security-policy']);
      const scriptSrc = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src '))?.split(' ') ?? [];
      expect(scriptSrc, url).toContain("'strict-dynamic'");
      expect(scriptSrc.some((source) => /^'nonce-[\w+/=]{16,}'$/.test(source))).toBe(true);
      expect(scriptSrc).not.toContain("'unsafe-inline'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("base-uri 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("form-action 'self'");
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(headers['cache-control']).toBe('no-store');
      expect(headers['x-powered-by']).toBeUndefined();
    }
  });

  it('uses a fresh nonce on every response and puts it on its scripts', async () => {
    const first = await t.app.inject('/services/landing-page');
    const second = await t.app.inject('/services/landing-page');
    const nonce = /'nonce-([^']+)'/.exec(String(first.headers['content-security-policy']))?.[1];
    expect(nonce).toBeDefined();
    expect(first.body).toContain(`<script type="module" src="/static/captcha.js" nonce="${nonce}">`);
    expect(second.headers['content-security-policy']).not.toContain(nonce);
  });

  it.each(['offer', 'privacy', 'consent'])('publishes the %s text with its edition and company details', async (doc) => {
    const response = await t.app.inject(`/legal/${doc}`);
    expect(response.statusCode).toBe(200);
    expect(response.body).toMatch(/Редакция от \d{1,2} [а-я]+ \d{4} г\./);
    expect(response.body).not.toMatch(new RegExp(`${doc}-\\d{4}-\\d{2}-\\d{2}`));
    expect(response.body).toContain('ООО «Услуги онлайн»');
  });

  it('reports liveness and readiness', async () => {
    expect((await t.app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready' });
  });

  it('limits captcha challenges per IP address with a Russian 429 page and Retry-After', async () => {
    const ask = () => t.app.inject({ url: '/captcha/challenge', remoteAddress: '192.0.2.99' });
    for (let i = 0; i < 60; i++) expect((await ask()).statusCode).toBe(200);
    const refused = await ask();
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.body).toContain('Слишком много запросов');
    expect((await t.app.inject({ url: '/captcha/challenge', remoteAddress: '192.0.2.100' })).statusCode).toBe(200);
  });

  it('serves the stylesheet and the captcha widget files', async () => {
    for (const url of ['/static/styles.css', '/static/captcha.js', '/static/altcha/external/altcha.js', '/static/altcha/workers/pbkdf2.js']) {
      expect((await t.app.inject(url)).statusCode, url).toBe(200);
    }
  });
});
