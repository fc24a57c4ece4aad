import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { credentialsIn, linkIn, mailTo } from '../helpers/accounts.js';
import { browserAvailable, launchBrowser, payWithCard, solveCaptcha, watchedPage } from '../helpers/browser.js';
import { startTestSmtp, type ReceivedMail, type TestSmtp } from '../helpers/smtp.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

const screenshots = 'test-results/screenshots';
const EMAIL = 'maria@example.ru';
const NEW_PASSWORD = 'синий трамвай едет в парк';

describe.runIf(browserAvailable())('a client pays, confirms the address and uses the personal account in Chromium', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let browser: Browser;
  const problems: string[] = [];

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    smtp = await startTestSmtp();
    // The real worker sends the emails, over SMTP, as in production.
    t = await createTestApp('pglite', { worker: true, env: { SMTP_URL: smtp.url } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await smtp?.stop();
  });

  /** Waits for an email the way a person refreshes their inbox. */
  async function inbox(subject: string | RegExp, count = 1): Promise<ReceivedMail> {
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      const found = mailTo(smtp.received, EMAIL, subject);
      if (found.length >= count) return found[count - 1]!;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`No email "${subject}" for ${EMAIL}; got: ${smtp.received.map((m) => m.subject).join(', ')}`);
  }

  async function buy(page: Page, slug: string): Promise<void> {
    await page.goto(`${t.baseUrl}/services/${slug}`);
    await page.getByLabel('Имя').fill('Мария Соколова');
    await page.getByLabel('Электронная почта').fill(EMAIL);
    await page.getByLabel('Телефон').fill('+7 912 555-44-33');
    await page.locator('#field-accept_offer').check();
    await page.locator('#field-consent_pd').check();
    await solveCaptcha(page);
    await page.getByRole('button', { name: 'Перейти к оплате' }).click();
    await page.waitForURL(`${t.sandbox.url}/**`);
    await payWithCard(page, '4716 0472 6194 1981');
    await page.waitForURL(/\/orders\/[\w-]{24}\?/);
    await expect(page.locator('h1').textContent()).resolves.toBe('Оплата подтверждена');
  }

  it('order → payment → four emails → confirm → temporary password → own password → the order in the account → log out → a second purchase joins the same account', async () => {
    const page = await watchedPage(browser, 375, problems);
    await buy(page, 'site-support');
    await expect(page.locator('.expected-emails').textContent()).resolves.toContain('логин и временный пароль');
    await page.screenshot({ path: `${screenshots}/10-paid-expect-emails-375.png`, fullPage: true });

    // The order page names the order's number; the confirmation email's subject carries the same one.
    const number = /Номер заказа\s*(У-\d+)/.exec((await page.locator('dl.summary').textContent()) ?? '')?.[1];
    expect(number).toMatch(/^У-\d+$/);
    await inbox(new RegExp(`^Заказ ${number} оплачен: `));
    const { login, password } = credentialsIn(await inbox('Доступ в личный кабинет'));
    const verification = linkIn(await inbox('Подтвердите адрес электронной почты'), '/account/verify-email');

    // Signing in before confirming says what to do.
    await page.goto(`${t.baseUrl}/account/login`);
    await page.getByLabel('Логин или электронная почта').fill(login);
    await page.getByLabel('Пароль').fill(password);
    await page.getByRole('button', { name: 'Войти' }).click();
    await expect(page.locator('h1').textContent()).resolves.toBe('Подтвердите адрес почты');

    await page.goto(verification.url);
    await page.screenshot({ path: `${screenshots}/11-verify-email-375.png`, fullPage: true });
    await page.getByRole('button', { name: 'Подтвердить адрес' }).click();
    await expect(page.locator('h1').textContent()).resolves.toBe('Адрес подтверждён');
    await inbox('Доступ в личный кабинет открыт');
    expect(mailTo(smtp.received, EMAIL, /./)).toHaveLength(4);

    // The confirmation page signs in right there, the login already filled in.
    await expect(page.getByLabel('Логин или электронная почта').inputValue()).resolves.toBe(login);
    await page.getByLabel('Пароль').fill(password);
    await page.screenshot({ path: `${screenshots}/12-sign-in-375.png`, fullPage: true });
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.waitForURL(/\/account\/password\/change$/);
    await expect(page.locator('h1').textContent()).resolves.toBe('Придумайте свой пароль');

    // Leaving the first-password page does not lock the client out: the temporary password still works.
    await page.screenshot({ path: `${screenshots}/12b-first-password-375.png`, fullPage: true });
    await page.getByRole('button', { name: 'Выйти и вернуться позже' }).click();
    await page.waitForURL(/\/account\/login/);
    await page.getByLabel('Логин или электронная почта').fill(login);
    await page.getByLabel('Пароль').fill(password);
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.waitForURL(/\/account\/password\/change$/);
    await expect(page.locator('h1').textContent()).resolves.toBe('Придумайте свой пароль');
    await page.getByLabel('Новый пароль', { exact: true }).fill('qwerty123456');
    await page.getByLabel('Повторите новый пароль').fill('qwerty123456');
    await page.getByRole('button', { name: 'Сохранить пароль' }).click();
    await expect(page.locator('.error-summary').textContent()).resolves.toContain('слишком распространён');
    await page.screenshot({ path: `${screenshots}/13-forced-change-error-375.png`, fullPage: true });
    await page.getByLabel('Новый пароль', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('Повторите новый пароль').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Сохранить пароль' }).click();

    await page.waitForURL(/\/account$/);
    await expect(page.locator('.order-list').textContent()).resolves.toContain('Техническая поддержка сайта');
    await page.screenshot({ path: `${screenshots}/14-account-375.png`, fullPage: true });
    await page.getByRole('link', { name: 'Техническая поддержка сайта' }).click();
    await expect(page.locator('main').textContent()).resolves.toContain('•••• 1981');
    await page.screenshot({ path: `${screenshots}/15-account-order-375.png`, fullPage: true });

    await page.getByRole('button', { name: 'Выйти' }).click();
    await expect(page.locator('.status').textContent()).resolves.toContain('Выход из личного кабинета выполнен');
    await page.goto(`${t.baseUrl}/account`);
    await page.waitForURL(/\/account\/login$/);

    // The same address buys again: no new password, the service joins the account.
    await buy(page, 'landing-page');
    await expect(page.locator('.expected-emails').textContent()).resolves.toContain('Услуга добавлена в личный кабинет');
    await inbox(/^Услуга добавлена в личный кабинет/);
    expect(mailTo(smtp.received, EMAIL, 'Доступ в личный кабинет')).toHaveLength(1);
    await page.goto(`${t.baseUrl}/account/login`);
    await page.getByLabel('Логин или электронная почта').fill(EMAIL);
    await page.getByLabel('Пароль').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.waitForURL(/\/account$/);
    await expect(page.locator('.order-list > li').count()).resolves.toBe(2);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: `${screenshots}/16-account-two-orders-1280.png`, fullPage: true });
    expect(problems).toEqual([]);
  });
});
