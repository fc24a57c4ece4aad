import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchBrowser, payWithCard, watchedPage } from '../helpers/browser.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

interface Report {
  purchases: { ecommerce: { purchase: { actionField: { id: string; revenue: number }; products: { name: string }[] } } }[];
  calls: unknown[][];
  page: string;
}

/**
 * Stands in for mc.yandex.ru/metrika/tag.js (YANDEX_METRIKA_SCRIPT_URL): once loaded, it reports what the
 * page queued for the counter (the ym calls and the dataLayer's purchases) back to this server.
 */
function metrikaStub(): Promise<{ server: Server; url: string; reports: Report[] }> {
  const reports: Report[] = [];
  const server = createServer((request, response) => {
    if (request.url === '/tag.js') {
      response.writeHead(200, { 'content-type': 'text/javascript' });
      response.end(`(() => {
        const purchases = (window.dataLayer || []).filter((entry) => entry.ecommerce && entry.ecommerce.purchase);
        const calls = ((window.ym && window.ym.a) || []).map((args) => Array.from(args));
        fetch(new URL('/report', document.currentScript.src), { method: 'POST', mode: 'no-cors', body: JSON.stringify({ purchases, calls, page: location.pathname }) });
      })();`);
      return;
    }
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      reports.push(JSON.parse(body) as Report);
      response.writeHead(204, { 'access-control-allow-origin': '*' });
      response.end();
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, reports })));
}

describe.runIf(browserAvailable())('Yandex Metrika in Chromium, with the counter script replaced by a local stub', () => {
  let t: TestApp;
  let browser: Browser;
  let stub: Awaited<ReturnType<typeof metrikaStub>>;
  const problems: string[] = [];

  beforeAll(async () => {
    stub = await metrikaStub();
    t = await createTestApp('pglite', { captcha: false, env: { YANDEX_METRIKA_ID: '98765432', YANDEX_METRIKA_SCRIPT_URL: `${stub.url}/tag.js` } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    stub?.server.close();
  });

  const reportsOf = (path: RegExp) => stub.reports.filter((report) => path.test(report.page));
  async function waitForReports(path: RegExp, count: number): Promise<void> {
    const deadline = Date.now() + 10_000;
    while (reportsOf(path).length < count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(reportsOf(path).length).toBeGreaterThanOrEqual(count);
  }

  it('pushes the purchase exactly once across two loads of the paid page, with no personal data', async () => {
    const page = await watchedPage(browser, 375, problems);
    await page.goto(`${t.baseUrl}/services/site-support?utm_source=tilda`);
    await waitForReports(/^\/services\//, 1);
    await page.getByLabel('Имя').fill('Вера Тайная');
    await page.getByLabel('Электронная почта').fill('vera@example.ru');
    await page.getByLabel('Телефон').fill('+7 912 111-22-33');
    await page.locator('#field-accept_offer').check();
    await page.locator('#field-consent_pd').check();
    await page.getByRole('button', { name: 'Перейти к оплате' }).click();
    await page.waitForURL(`${t.sandbox.url}/**`);
    await payWithCard(page, '4716 0472 6194 1981');
    await page.waitForURL(/\/orders\/[\w-]{24}\?/);
    await page.getByRole('heading', { name: 'Оплата подтверждена' }).waitFor({ timeout: 15_000 });
    const paidLoads = () => reportsOf(/^\/orders\//).length;
    await waitForReports(/^\/orders\//, 1);
    const before = paidLoads();
    await page.reload();
    await page.getByRole('heading', { name: 'Оплата подтверждена' }).waitFor();
    await waitForReports(/^\/orders\//, before + 1);

    const purchases = reportsOf(/^\/orders\//).flatMap((report) => report.purchases);
    expect(purchases).toHaveLength(1);
    expect(purchases[0]!.ecommerce.purchase).toMatchObject({ actionField: { id: expect.stringMatching(/^У-\d+$/) }, products: [{ name: 'Техническая поддержка сайта' }] });
    // The counter was told the stand-in address, never the order's own; nothing personal went anywhere.
    const hits = stub.reports.flatMap((report) => report.calls).filter((call) => call[1] === 'hit');
    expect(hits.map((call) => call[2])).toContain(`${t.baseUrl}/orders/order`);
    const sent = JSON.stringify(stub.reports.map(({ calls, purchases }) => ({ calls, purchases })));
    expect(stub.reports.filter((report) => report.page.startsWith('/orders/')).every((report) => JSON.stringify(report.calls).includes('"clickmap":false'))).toBe(true);
    expect(sent).not.toMatch(/Вера|vera@|912|111-22/);
    expect(sent).not.toMatch(/\/orders\/[\w-]{24}/);
    expect(problems).toEqual([]);
  });
});
