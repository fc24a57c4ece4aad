import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchBrowser, visibleText, watchedPage } from '../helpers/browser.js';
import { validCompany } from '../helpers/company.js';
import { STAFF_PASSWORD, staffMember, totpCode } from '../helpers/staff.js';
import { createTestApp, manualClock, type TestApp } from '../helpers/test-app.js';

// Issue 17's "done when": the owner changes the offer text and the company phone in the back office and
// sees them on the site. Screenshots of the editing pages and the public offer at 375 and 1280 px go to
// SCREENSHOTS_DIR (default test-results/screenshots) for a person to look at.

const screenshots = process.env.SCREENSHOTS_DIR ?? 'test-results/screenshots';
const NEW_PHONE = '+7 495 765-43-21';
const CLAUSE = 'Исполнитель работает по субботам с 10:00 до 14:00.';


describe.runIf(browserAvailable())('the owner edits the company phone and the offer in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  const problems: string[] = [];

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    // A day with no version of its own yet (the shipped model texts are dated 6 December 2026).
    t = await createTestApp('pglite', { captcha: false, clock: manualClock(new Date('2026-12-15T12:00:00+03:00')) });
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const shot = async (page: Page, name: string) => {
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: `${screenshots}/${name}-${width}.png`, fullPage: true });
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  };

  it('saves the details and publishes an offer for today; the site shows both at once', async () => {
    const { member, secret } = await staffMember(t, 'admin', { name: 'Ирина Ковалёва' });
    const page = await watchedPage(browser, 1280, problems);
    await page.goto(`${t.baseUrl}/admin/login`);
    await page.getByLabel('Адрес электронной почты').fill(member.email);
    await page.getByLabel('Пароль').fill(STAFF_PASSWORD);
    await page.getByRole('button', { name: 'Продолжить' }).click();
    await page.getByLabel('Код из приложения').fill(totpCode(t, secret));
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.waitForURL(`${t.baseUrl}/admin`);

    await page.getByRole('link', { name: 'Тексты и реквизиты' }).first().click();
    await expect(visibleText(page, 'h1')).resolves.toBe('Тексты и реквизиты');
    await shot(page, '40-content');

    // The details: a wrong INN first, then the real ones.
    await page.getByRole('link', { name: 'Реквизиты компании' }).click();
    for (const [name, value] of Object.entries({ ...validCompany, inn: '7707083894', phone: NEW_PHONE })) {
      await page.locator(`#field-${name}`).fill(value);
    }
    await page.getByRole('button', { name: 'Сохранить реквизиты' }).click();
    await expect(visibleText(page, '#error-inn')).resolves.toContain('контрольная цифра не сходится');
    await shot(page, '41-company-error');
    await page.locator('#field-inn').fill(validCompany.inn!);
    await page.getByRole('button', { name: 'Сохранить реквизиты' }).click();
    await expect(visibleText(page, '.notice')).resolves.toContain('Реквизиты сохранены');
    await shot(page, '42-company-saved');

    // The offer: a new version for today, with one more clause.
    await page.goto(`${t.baseUrl}/admin/content`);
    await page.getByRole('link', { name: 'Публичная оферта на оказание услуг' }).click();
    const today = new Intl.DateTimeFormat('ru-RU', { timeZone: 'Europe/Moscow', day: '2-digit', month: '2-digit', year: 'numeric' }).format(t.deps.clock.now());
    await page.getByLabel('Действует с').fill(today);
    const body = page.getByLabel('Текст');
    await body.fill(`${await body.inputValue()}\n\n## 14. Режим работы\n${CLAUSE}`);
    await shot(page, '43-offer-editor');
    await page.getByRole('button', { name: 'Опубликовать редакцию' }).click();
    await expect(visibleText(page, '.notice')).resolves.toBe('Опубликована редакция от 15 декабря 2026 г.');

    // The site, as a visitor sees it.
    const visitorPage = await watchedPage(browser, 1280, problems);
    await visitorPage.goto(`${t.baseUrl}/`);
    await expect(visibleText(visitorPage, 'footer')).resolves.toContain(NEW_PHONE);
    await visitorPage.getByRole('link', { name: 'Публичная оферта' }).click();
    await expect(visibleText(visitorPage, '.legal-version')).resolves.toBe('Редакция от 15 декабря 2026 г.');
    await expect(visibleText(visitorPage, '.legal')).resolves.toContain(CLAUSE);
    await expect(visibleText(visitorPage, '.legal')).resolves.toContain(`телефон: ${NEW_PHONE}`);
    await expect(visitorPage.content()).resolves.not.toMatch(/offer-\d{4}-\d\d-\d\d/);
    await shot(visitorPage, '44-public-offer');

    // The email wording page with its preview.
    await page.goto(`${t.baseUrl}/admin/content/emails/order_paid`);
    await page.getByLabel('Приветствие').fill('Добрый день, {имя}!');
    await page.getByRole('button', { name: 'Предпросмотр' }).click();
    await expect(page.frameLocator('iframe.records-mail-preview').locator('body').textContent()).resolves.toContain('Добрый день, Иван Петров!');
    await shot(page, '45-email-wording');
    expect(problems).toEqual([]);
  }, 180_000); // a dozen full-page screenshots at two widths on a shared machine
});
