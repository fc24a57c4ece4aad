import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchBrowser, payWithCard, watchedPage } from '../helpers/browser.js';
import { STAFF_PASSWORD, staffMember, totpCode } from '../helpers/staff.js';
import { backends, createTestApp, type TestApp } from '../helpers/test-app.js';

const screenshots = 'test-results/screenshots';

// The live queue: a manager's open /admin/queue shows an order paid in another browser, without a reload,
// through the real event stream (NOTIFY on commit, on PGlite and on PostgreSQL alike).
describe.runIf(browserAvailable()).each(backends)('the live callback queue in Chromium on %s', (backend) => {
  let t: TestApp;
  let browser: Browser;
  const problems: string[] = [];

  beforeAll(async () => {
    t = await createTestApp(backend, { captcha: false });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function signIn(page: Page): Promise<void> {
    const { member, secret } = await staffMember(t, 'manager', { name: 'Мария Соколова' });
    await page.goto(`${t.baseUrl}/admin/login`);
    await page.getByLabel('Адрес электронной почты').fill(member.email);
    await page.getByLabel('Пароль').fill(STAFF_PASSWORD);
    await page.getByRole('button').filter({ hasText: /Войти|Продолжить|Далее/ }).first().click();
    await page.getByLabel('Код из приложения').fill(totpCode(t, secret));
    await page.getByRole('button').filter({ hasText: /Войти|Подтвердить/ }).first().click();
    await page.waitForURL(`${t.baseUrl}/admin`);
  }

  async function buyAndPay(page: Page, name: string): Promise<void> {
    await page.goto(`${t.baseUrl}/services/site-support`);
    await page.getByLabel('Имя').fill(name);
    await page.getByLabel('Электронная почта').fill('live@example.ru');
    await page.getByLabel('Телефон').fill('+7 912 555-66-77');
    await page.locator('#field-accept_offer').check();
    await page.locator('#field-consent_pd').check();
    await page.getByRole('button', { name: 'Перейти к оплате' }).click();
    await page.waitForURL(`${t.sandbox.url}/**`);
    await payWithCard(page, '4716 0472 6194 1981');
    await page.waitForURL(/\/orders\/[\w-]{24}\?/);
  }

  it('shows a newly paid order, counts it in the tab title, and shows who took it, without a reload', async () => {
    const manager = await watchedPage(browser, 1280, problems);
    await signIn(manager);
    await manager.goto(`${t.baseUrl}/admin/queue`);
    await expect(manager.title()).resolves.toMatch(/^Очередь звонков/);
    await expect(manager.locator('.orders-queue').count()).resolves.toBe(0);
    await manager.locator('[data-live-controls]:not([hidden])').waitFor();
    // Proof that nothing reloads the page: a reload would forget this.
    await manager.evaluate(() => Object.assign(window, { stillTheSamePage: true }));

    const client = await watchedPage(browser, 375, problems);
    await buyAndPay(client, 'Ольга Живая');

    const row = manager.locator('.orders-queue tbody tr').filter({ hasText: 'Ольга Живая' });
    await row.waitFor({ timeout: 10_000 });
    await expect(manager.title()).resolves.toMatch(/^\(1\) Очередь звонков/);
    await expect(manager.locator('[data-live-status]').textContent()).resolves.toBe('В очереди новый заказ.');
    await expect(manager.evaluate(() => (window as unknown as { stillTheSamePage?: boolean }).stillTheSamePage)).resolves.toBe(true);
    await manager.screenshot({ path: `${screenshots}/live-queue-1280.png`, fullPage: true });

    // A colleague takes it in another tab: the first tab's queue shows who took it, still without a reload.
    const colleague = await manager.context().newPage();
    await colleague.goto(`${t.baseUrl}/admin/queue`);
    await colleague.getByRole('button', { name: 'Взять' }).click();
    await manager.locator('.orders-queue tbody tr', { hasText: 'Мария Соколова' }).waitFor({ timeout: 10_000 });
    await expect(manager.evaluate(() => (window as unknown as { stillTheSamePage?: boolean }).stillTheSamePage)).resolves.toBe(true);
    expect(problems).toEqual([]);
  });

  it('answers the stream only to EventSource and only to staff', async () => {
    const anonymous = await fetch(`${t.baseUrl}/admin/queue/events`, { headers: { accept: 'text/event-stream' }, redirect: 'manual' });
    expect([anonymous.status, anonymous.headers.get('location')]).toEqual([303, '/admin/login']);
  });
});
