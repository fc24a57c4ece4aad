import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, orders, services } from '../../src/db/schema/index.js';
import { formatRub } from '../../src/domain/money.js';
import { paidOrder } from '../helpers/accounts.js';
import { staffBrowser } from '../helpers/staff.js';
import { backends, createTestApp, manualClock, type TestApp } from '../helpers/test-app.js';
import { visitor, type Visitor } from '../helpers/visitor.js';

const newService = {
  title: 'Аудит доступности',
  slug: 'a11y-audit',
  summary: 'Проверим сайт на соответствие WCAG 2.2.',
  description: 'Проверим ключевые страницы.\n\nРезультат:\n- отчёт\n- план исправлений',
  price: '32 500,50',
  billing: 'fixed',
  included_hours: '',
  hourly_rate: '',
  sort_order: '50',
};

describe.each(backends)('back office: the catalog editor on %s', (backend) => {
  let t: TestApp;
  let admin: Visitor;
  let adminId: string;
  // The storefront caches the catalog for a few seconds of this clock: it never moves here, so only an
  // invalidation can make an edit visible.
  const clock = manualClock(new Date('2026-11-24T11:20:00+03:00'));
  const shop = () => visitor(t.app, '198.51.100.7');

  beforeAll(async () => {
    t = await createTestApp(backend, { captcha: false, clock });
    const signedIn = await staffBrowser(t, 'admin');
    admin = signedIn.browser;
    adminId = signedIn.member.id;
  });
  afterAll(() => t.close());

  const serviceBySlug = async (slug: string) => (await t.deps.db.select().from(services).where(eq(services.slug, slug)))[0];
  const lastAudit = async () => (await t.deps.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1))[0];
  const snapshot = async () => ({ services: await t.deps.db.select().from(services).orderBy(services.slug), audit: await t.deps.db.$count(auditLog) });

  it('lists every service with its price, billing and order; only admins open it', async () => {
    const page = await admin.get('/admin/catalog');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Техническая поддержка сайта');
    expect(page.body).toContain(`Почасовая: включено 5 ч, доп. час — ${formatRub(300_000)}`);
    expect(page.body).toContain(formatRub(4_500_000));
    expect(page.body).toContain('Оформленные заказы хранят название и цену на момент заказа');
    const { browser: manager } = await staffBrowser(t, 'manager');
    expect((await manager.get('/admin/catalog')).statusCode).toBe(403);
    expect((await manager.post('/admin/catalog/new', newService, '/admin')).statusCode).toBe(403);
  });

  it('adds a service that the storefront shows at once, audited', async () => {
    expect((await shop().get('/')).body).not.toContain('Аудит доступности'); // warms the storefront's cache
    const created = await admin.post('/admin/catalog/new', newService, '/admin/catalog/new');
    expect(created.statusCode).toBe(303);
    expect(created.headers.location).toBe('/admin/catalog?done=created');
    const service = await serviceBySlug('a11y-audit');
    expect(service).toMatchObject({ title: 'Аудит доступности', priceKopecks: 3_250_050, billing: 'fixed', includedHours: null, hourlyRateKopecks: null, sortOrder: 50, active: true });
    expect((await shop().get('/')).body).toContain('Аудит доступности');
    const page = await shop().get('/services/a11y-audit');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(formatRub(3_250_050));
    expect(await lastAudit()).toMatchObject({ staffId: adminId, action: 'catalog.service_created', entity: 'service', entityId: service!.id, details: { after: { slug: 'a11y-audit', priceKopecks: 3_250_050 } } });
  });

  it.each([
    ['a price it cannot read', { price: '12,505' }, 'price', 'Введите сумму цифрами, например «12 500» или «12 500,50».'],
    ['an hourly service without a rate', { slug: 'hourly-new', billing: 'hourly', included_hours: '4', hourly_rate: '' }, 'hourly_rate', 'Для почасовой услуги укажите цену дополнительного часа.'],
    ['an hourly service without hours', { slug: 'hourly-new', billing: 'hourly', included_hours: '', hourly_rate: '2 000' }, 'included_hours', 'Для почасовой услуги укажите, сколько часов входит в цену.'],
    ['an address already taken', { slug: 'landing-page' }, 'slug', 'Адрес «landing-page» уже занят услугой «Лендинг под ключ»: выберите другой.'],
    ['an address in Cyrillic', { slug: 'аудит' }, 'slug', 'В адресе допустимы только строчные латинские буквы, цифры и дефис между ними, например «seo-audit».'],
  ])('refuses %s, keeps what was typed and changes nothing', async (_case, fields, field, message) => {
    const before = await snapshot();
    const typed = { ...newService, slug: 'fresh-service', title: 'Новая услуга', ...fields };
    const page = await admin.post('/admin/catalog/new', typed, '/admin/catalog/new');
    expect(page.statusCode).toBe(422);
    expect(page.body).toContain(`id="error-${field}"`);
    expect(page.body).toContain(message);
    expect(page.body).toContain('value="Новая услуга"');
    expect(await snapshot()).toEqual(before);
  });

  it('edits the terms; the storefront shows them at once and orders keep what they were sold at', async () => {
    const order = await paidOrder(t, {}, 'site-support');
    expect((await shop().get('/services/site-support')).body).toContain(formatRub(1_500_000));
    const service = (await serviceBySlug('site-support'))!;
    const form = await admin.get(`/admin/catalog/${service.id}`);
    expect(form.body).toContain('value="15 000"');
    expect(form.body).toContain('value="3 000"');
    const saved = await admin.post(`/admin/catalog/${service.id}`, {
      title: 'Поддержка сайта',
      slug: 'site-support',
      summary: service.summary,
      description: service.description,
      price: '16 500',
      billing: 'hourly',
      included_hours: '6',
      hourly_rate: '3 200,00',
      sort_order: '20',
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe('/admin/catalog?done=saved');
    const page = (await shop().get('/services/site-support')).body;
    expect(page).toContain('Поддержка сайта');
    expect(page).toContain(formatRub(1_650_000));
    expect(page).toContain(`включено 6 ч, дополнительный час — ${formatRub(320_000)}`);
    const [kept] = await t.deps.db.select().from(orders).where(eq(orders.id, order.id));
    expect(kept).toMatchObject({ serviceTitle: 'Техническая поддержка сайта', priceKopecks: 1_500_000 });
    expect(await lastAudit()).toMatchObject({
      action: 'catalog.service_updated',
      entityId: service.id,
      details: {
        before: { title: 'Техническая поддержка сайта', priceKopecks: 1_500_000, includedHours: 5, hourlyRateKopecks: 300_000 },
        after: { title: 'Поддержка сайта', priceKopecks: 1_650_000, includedHours: 6, hourlyRateKopecks: 320_000 },
      },
    });
  });

  it('turns an hourly service into a fixed-price one, dropping its hours and rate', async () => {
    const service = (await serviceBySlug('context-ads'))!;
    const saved = await admin.post(`/admin/catalog/${service.id}`, { ...newService, title: service.title, slug: 'context-ads', price: '28 000', billing: 'fixed', included_hours: '8', hourly_rate: '3 500' }, `/admin/catalog/${service.id}`);
    expect(saved.statusCode).toBe(303);
    expect(await serviceBySlug('context-ads')).toMatchObject({ billing: 'fixed', includedHours: null, hourlyRateKopecks: null });
  });

  it('refuses an edit taking another service’s address, changing nothing', async () => {
    const service = (await serviceBySlug('seo-audit'))!;
    const before = await snapshot();
    const page = await admin.post(`/admin/catalog/${service.id}`, { ...newService, slug: 'a11y-audit' }, `/admin/catalog/${service.id}`);
    expect(page.statusCode).toBe(422);
    expect(page.body).toContain('Адрес «a11y-audit» уже занят услугой «Аудит доступности»');
    expect(await snapshot()).toEqual(before);
  });

  it('withdraws a service from sale and puts it back, audited', async () => {
    const service = (await serviceBySlug('a11y-audit'))!;
    const off = await admin.post(`/admin/catalog/${service.id}/deactivate`, {}, '/admin/catalog');
    expect(off.headers.location).toBe('/admin/catalog?done=deactivated');
    expect((await shop().get('/services/a11y-audit')).statusCode).toBe(404);
    expect((await shop().get('/')).body).not.toContain('Аудит доступности');
    const list = await admin.get(String(off.headers.location));
    expect(list.body).toContain('Снята с продажи');
    expect(list.body).toContain('Услуга снята с продажи: на сайте её больше нет.');
    expect(await lastAudit()).toMatchObject({ action: 'catalog.service_deactivated', entityId: service.id, details: { before: { active: true }, after: { active: false } } });

    const on = await admin.post(`/admin/catalog/${service.id}/activate`, {}, '/admin/catalog');
    expect(on.headers.location).toBe('/admin/catalog?done=activated');
    expect((await shop().get('/services/a11y-audit')).statusCode).toBe(200);
    expect(await lastAudit()).toMatchObject({ action: 'catalog.service_activated' });
  });

  it('answers 404 for a service that does not exist', async () => {
    expect((await admin.get('/admin/catalog/not-a-uuid')).statusCode).toBe(404);
    expect((await admin.get('/admin/catalog/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await admin.post('/admin/catalog/00000000-0000-4000-8000-000000000000/deactivate', {}, '/admin/catalog')).statusCode).toBe(404);
  });
});
