import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callbackDeadline } from '../../src/domain/calendar/business-calendar.js';
import { recentlyContactedLeads, waitingLeads } from '../../src/db/queries/leads.js';
import { orderSentToGateway } from '../helpers/payments.js';
import { staffBrowser } from '../helpers/staff.js';
import { backends, createTestApp, type TestApp } from '../helpers/test-app.js';
import type { Visitor } from '../helpers/visitor.js';

const KEY = 'tilda-key-0123456789abcdef';
const SITE = 'https://uslugi-demo.tilda.ws';

describe.each(backends)('Tilda sells through uslugi on %s', (backend) => {
  let t: TestApp;
  let manager: Visitor;
  let admin: Visitor;

  beforeAll(async () => {
    t = await createTestApp(backend, { captcha: false, env: { TILDA_API_KEY: KEY, FRAME_ANCESTORS: `${SITE} https://*.example.ru` } });
    manager = (await staffBrowser(t, 'manager')).browser;
    admin = (await staffBrowser(t, 'admin')).browser;
  });
  afterAll(async () => {
    await t.close();
  });

  const webhook = (payload: string | Record<string, unknown>, headers: Record<string, string> = { 'x-api-key': KEY }) =>
    t.app.inject({
      method: 'POST',
      url: '/integrations/tilda/lead',
      headers: typeof payload === 'string' ? { ...headers, 'content-type': 'application/x-www-form-urlencoded' } : headers,
      ...(typeof payload === 'string' ? { payload } : { payload: payload as Record<string, string> }),
    });

  it('carries the UTM tags of the link through the order form to the order and the order card', async () => {
    const page = await t.app.inject({ url: '/services/site-support?utm_source=tilda&utm_campaign=%D0%B2%D0%B5%D1%81%D0%BD%D0%B0&utm_term=' + 'x'.repeat(201) });
    expect(page.body).toContain('<input type="hidden" name="utm_source" value="tilda"/>');
    expect(page.body).toContain('<input type="hidden" name="utm_campaign" value="весна"/>');
    expect(page.body).not.toContain('name="utm_term"');

    const { order } = await orderSentToGateway(t, 'site-support', { utm_source: 'tilda', utm_campaign: 'весна', utm_medium: 'bad\u0000value' } as never);
    expect(order).toMatchObject({ utmSource: 'tilda', utmCampaign: 'весна', utmMedium: null, utmContent: null, utmTerm: null });
    const card = await manager.get(`/admin/orders/${order.id}`);
    expect(card.body).toContain('Откуда пришёл');
    expect(card.body).toContain('<code>utm_campaign</code>: весна');
  });

  it('lets only the FRAME_ANCESTORS sites frame the service and order pages, and opens the form in a new tab there', async () => {
    const csp = (response: { headers: Record<string, unknown> }) => String(response.headers['content-security-policy']);
    const service = await t.app.inject({ url: '/services/site-support' });
    expect(csp(service)).toContain(`frame-ancestors ${SITE} https://*.example.ru;`);
    expect(service.headers['x-frame-options']).toBeUndefined();
    const { order } = await orderSentToGateway(t);
    expect(csp(await t.app.inject({ url: `/orders/${order.publicRef}` }))).toContain(`frame-ancestors ${SITE}`);
    for (const url of ['/', '/legal/offer', '/admin/login', '/account/login']) {
      const response = await t.app.inject({ url });
      expect({ url, csp: csp(response).includes("frame-ancestors 'none'"), xfo: response.headers['x-frame-options'] }).toEqual({ url, csp: true, xfo: 'DENY' });
    }

    // Framed by another site, the form could not be sent (its CSRF cookie is third-party): a button opens it in a new tab.
    for (const framed of [
      t.app.inject({ url: '/services/site-support?embed=1&utm_source=tilda' }),
      t.app.inject({ url: '/services/site-support?utm_source=tilda', headers: { 'sec-fetch-dest': 'iframe', 'sec-fetch-site': 'cross-site' } }),
    ]) {
      const response = await framed;
      expect(response.statusCode).toBe(200);
      expect(response.body).not.toContain('<form');
      expect(response.body).toContain(`href="${t.baseUrl}/services/site-support?utm_source=tilda#order" target="_blank" rel="noopener"`);
      expect(response.headers['set-cookie']).toBeUndefined();
    }
  });

  it('gives admins the buy link and the button code on the service page, with the UTM tags asked for', async () => {
    const list = await admin.get('/admin/catalog');
    const id = /href="\/admin\/catalog\/([0-9a-f-]{36})"/.exec(list.body)![1]!;
    const page = await admin.get(`/admin/catalog/${id}?utm_source=tilda&utm_medium=site`);
    expect(page.body).toContain('Продажа через сайт на Tilda');
    expect(page.body).toMatch(new RegExp(`<textarea id="tilda-link"[^>]*>${t.baseUrl}/services/[a-z-]+\\?utm_source=tilda&amp;utm_medium=site</textarea>`));
    // The code is shown as text, escaped once more inside the textarea.
    expect(page.body).toMatch(/<textarea id="tilda-button"[^>]*>&lt;a href=&quot;http[^<]+target=&quot;_blank&quot;/);
    expect(page.body).toContain('id="tilda-frame"');
  });

  it('answers Tilda only with the right key, passes its connection test and says what is wrong with a form', async () => {
    expect((await webhook('test=test', {})).statusCode).toBe(401);
    expect((await webhook('test=test', { 'x-api-key': 'wrong-key-0123456789abcdef' })).statusCode).toBe(401);
    const test = await webhook('test=test');
    expect([test.statusCode, test.body]).toEqual([200, 'ok']);
    // Tilda can also put the key in the body (its «в теле POST» switch), under the same name; never in the URL.
    expect((await webhook(`test=test&X-Api-Key=${KEY}`, {})).statusCode).toBe(200);
    expect((await webhook('test=test&X-Api-Key=wrong-key-0123456789abcdef', {})).statusCode).toBe(401);
    const inUrl = await t.app.inject({ method: 'POST', url: `/integrations/tilda/lead?X-Api-Key=${KEY}`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'test=test' });
    expect(inUrl.statusCode).toBe(401);
    const invalid = await webhook('Name=&Phone=12');
    expect([invalid.statusCode, invalid.body]).toEqual([422, 'Нет имени (поле Name). Телефон не распознан (поле Phone): нужен номер вида +7 912 345-67-89.']);
    expect(await waitingLeads(t.deps.db)).toEqual([]);
  });

  it('turns a «заказать звонок» form into a lead with the paid order’s callback deadline, once per submission', async () => {
    const before = t.deps.clock.now();
    const form = 'Name=%D0%90%D0%BD%D0%BD%D0%B0&Phone=8+912+345-67-89&Email=anna%40example.ru&Comments=%D0%9F%D0%BE%D1%81%D0%BB%D0%B5+15&service=SEO&tranid=123%3A456&formid=form1&utm_source=tilda';
    const first = Date.now();
    expect((await webhook(form)).body).toBe('ok');
    expect(Date.now() - first).toBeLessThan(5_000); // Tilda's limit
    expect((await webhook(form)).body).toBe('ok'); // the same submission again
    expect((await webhook({ name: 'Борис', phone: '+7 912 000-11-22' })).body).toBe('ok'); // JSON, no tranid

    const leads = await waitingLeads(t.deps.db);
    expect(leads.map((l) => l.name).sort()).toEqual(['Анна', 'Борис']);
    const anna = leads.find((l) => l.name === 'Анна')!;
    expect(anna).toMatchObject({ phone: '+79123456789', email: 'anna@example.ru', comment: 'После 15', service: 'SEO', externalId: '123:456', utmSource: 'tilda' });
    expect(anna.callbackDueAt).toEqual(callbackDeadline(anna.receivedAt, t.deps.calendar));
    expect(anna.receivedAt.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);

    const page = await manager.get('/admin/leads');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Ждут звонка: 2');
    expect(page.body).toContain('+7 912 345 67 89');
    const marked = await manager.post(`/admin/leads/${anna.id}/contacted`, {}, '/admin/leads');
    expect([marked.statusCode, marked.headers.location]).toEqual([303, '/admin/leads?done=contacted']);
    expect((await manager.get('/admin/leads?done=contacted')).body).toContain('Заявка отмечена: клиенту перезвонили.');
    expect((await recentlyContactedLeads(t.deps.db)).map((l) => [l.name, l.contactedByName !== null])).toEqual([['Анна', true]]);
    const again = await manager.post(`/admin/leads/${anna.id}/contacted`, {}, '/admin/leads');
    expect(again.headers.location).toBe('/admin/leads?done=already');
  });

  it('is off without TILDA_API_KEY', async () => {
    const off = await createTestApp(backend, { captcha: false });
    try {
      const response = await off.app.inject({ method: 'POST', url: '/integrations/tilda/lead', payload: 'test=test', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-api-key': KEY } });
      expect([response.statusCode, response.body]).toEqual([404, 'Приём заявок из Tilda выключен: задайте TILDA_API_KEY.']);
      expect(String((await off.app.inject({ url: '/services/site-support' })).headers['content-security-policy'])).toContain("frame-ancestors 'none'");
    } finally {
      await off.close();
    }
  });
});
