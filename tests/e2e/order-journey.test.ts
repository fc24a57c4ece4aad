import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchBrowser, payWithCard, solveCaptcha, watchedPage } from '../helpers/browser.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

const screenshots = 'test-results/screenshots';

describe.runIf(browserAvailable())('a visitor orders and pays for a service in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  const problems: string[] = [];

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    t = await createTestApp('pglite');
    baseUrl = t.baseUrl;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function newPage(width: number): Promise<Page> {
    problems.length = 0;
    return watchedPage(browser, width, problems);
  }

  it('catalog → service → errors → fix → gateway → 3-D Secure → confirmed order, at phone width', async () => {
    const page = await newPage(375);
    await page.goto(baseUrl);
    await expect(page.locator('h1').textContent()).resolves.toBe('Услуги');
    await page.screenshot({ path: `${screenshots}/1-catalog-375.png`, fullPage: true });

    await page.getByRole('link', { name: 'Заказать: Техническая поддержка сайта' }).click();
    await page.waitForURL(/\/services\/site-support$/);
    await expect(page.locator('h1').textContent()).resolves.toBe('Техническая поддержка сайта');

    // First try: a typo in the email, no consent boxes, captcha solved.
    await page.getByLabel('Имя').fill('Анна Смирнова');
    await page.getByLabel('Электронная почта').fill('anna@example');
    await page.getByLabel('Телефон').fill('8 912 345 67 89');
    await solveCaptcha(page);
    await page.getByRole('button', { name: 'Перейти к оплате' }).click();
    await page.waitForLoadState('load');
    await expect(page.locator('.error-summary').isVisible()).resolves.toBe(true);
    await expect(page.locator('#error-email').textContent()).resolves.toContain('Проверьте адрес');
    await expect(page.locator('#error-accept_offer').isVisible()).resolves.toBe(true);
    await expect(page.locator('#error-consent_pd').isVisible()).resolves.toBe(true);
    await expect(page.getByLabel('Имя').inputValue()).resolves.toBe('Анна Смирнова');
    await page.screenshot({ path: `${screenshots}/2-form-errors-375.png`, fullPage: true });

    // Fix and submit again: a new captcha is needed, since each solution is single-use.
    await page.getByLabel('Электронная почта').fill('anna@example.ru');
    await page.locator('#field-accept_offer').check();
    await page.locator('#field-consent_pd').check();
    await solveCaptcha(page);
    await page.getByRole('button', { name: 'Перейти к оплате' }).click();

    // The gateway's page (the sandbox): a 3-D Secure test card, then the code.
    await page.waitForURL(`${t.sandbox.url}/**`);
    await page.screenshot({ path: `${screenshots}/3-gateway-375.png`, fullPage: true });
    await payWithCard(page, '4916 3074 1633 4310');
    await page.getByLabel('Код из SMS').fill('111111');
    await page.screenshot({ path: `${screenshots}/4-3ds-375.png` });
    await page.getByRole('button', { name: 'Подтвердить' }).click();

    await page.waitForURL(/\/orders\/[\w-]{24}\?/);
    await expect(page.locator('h1').textContent()).resolves.toBe('Оплата подтверждена');
    await expect(page.locator('.summary').textContent()).resolves.toContain('•••• 4310');
    await page.screenshot({ path: `${screenshots}/5-order-paid-375.png`, fullPage: true });
    expect(problems).toEqual([]);
  });

  it('a declined card leads to the failure page, and "pay again" works', async () => {
    const page = await newPage(1280);
    await page.goto(`${baseUrl}/services/seo-audit`);
    await page.getByLabel('Имя').fill('Пётр Иванов');
    await page.getByLabel('Электронная почта').fill('petr@example.ru');
    await page.getByLabel('Телефон').fill('+7 912 000-00-01');
    await page.locator('#field-accept_offer').check();
    await page.locator('#field-consent_pd').check();
    await solveCaptcha(page);
    await page.getByRole('button', { name: 'Перейти к оплате' }).click();
    await page.waitForURL(`${t.sandbox.url}/**`);
    await payWithCard(page, '5335 2159 4536 7703');

    await page.waitForURL(/\/orders\/[\w-]{24}\?/);
    await expect(page.locator('h1').textContent()).resolves.toBe('Оплата не прошла');
    await page.screenshot({ path: `${screenshots}/6-order-failed-1280.png`, fullPage: true });
    await page.getByRole('button', { name: 'Оплатить снова' }).click();
    await page.waitForURL(`${t.sandbox.url}/**`);
    await payWithCard(page, '4716 0472 6194 1981');
    await page.waitForURL(/\/orders\/[\w-]{24}\?/);
    await expect(page.locator('h1').textContent()).resolves.toBe('Оплата подтверждена');
    expect(problems).toEqual([]);
  });

  it('renders the service page at desktop width', async () => {
    const page = await newPage(1280);
    await page.goto(`${baseUrl}/services/landing-page`);
    await page.screenshot({ path: `${screenshots}/7-service-1280.png`, fullPage: true });
    await page.goto(`${baseUrl}/`);
    await page.screenshot({ path: `${screenshots}/8-catalog-1280.png`, fullPage: true });
    expect(problems).toEqual([]);
    await page.goto(`${baseUrl}/no-such-page`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Страница не найдена');
    await page.screenshot({ path: `${screenshots}/9-not-found-1280.png` });
  });
});
