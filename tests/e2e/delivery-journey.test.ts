import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Order } from '../../src/db/queries/orders.js';
import { confirmedClient, deliverQueuedEmails, mailTo, subjectAround } from '../helpers/accounts.js';
import { browserAvailable, launchBrowser, visibleText, watchedPage } from '../helpers/browser.js';
import { startTestSmtp, type ReceivedMail, type TestSmtp } from '../helpers/smtp.js';
import { STAFF_PASSWORD, staffMember, totpCode } from '../helpers/staff.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

// Delivering the work in Chromium (docs/delivery.md): staff attach a result on the order card and tell
// the client; the client signs in, downloads it and asks a question; staff see it on the card.
// The steps are numbered so the next ones (accepting the work, the act) can be added after them.

const screenshots = 'test-results/screenshots';
const CLIENT = 'olga.delivery@example.ru';
const RESULT_NAME = 'Отчёт о работах.pdf';
const RESULT_BYTES = Buffer.from('%PDF-1.7\n% отчёт о выполненных работах\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const QUESTION = 'Спасибо! Можно ли добавить в отчёт\nсписок обновлённых модулей?';


describe.runIf(browserAvailable())('delivering the work in Chromium: a result file, its download, a question on the order', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let browser: Browser;
  let order: Order;
  let client: { login: string; password: string };
  const problems: string[] = [];

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    smtp = await startTestSmtp();
    t = await createTestApp('pglite', { captcha: false, env: { SMTP_URL: smtp.url } });
    browser = await launchBrowser();
    // A paid order through the sandbox and the client's account with a confirmed address (as the worker would make them).
    const confirmed = await confirmedClient(t, smtp.received, { email: CLIENT, name: 'Ольга Заказчикова' });
    order = confirmed.order;
    client = confirmed;
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await smtp?.stop();
  });

  const shot = (page: Page, name: string) => page.screenshot({ path: `${screenshots}/${name}.png`, fullPage: true });

  /** The email the client last got with this subject (the jobs run now, as the worker would). */
  async function inbox(subject: string | RegExp): Promise<ReceivedMail> {
    await deliverQueuedEmails(t);
    const found = mailTo(smtp.received, CLIENT, subject);
    if (found.length === 0) throw new Error(`No email "${subject}" for ${CLIENT}; got: ${smtp.received.map((m) => m.subject).join(', ')}`);
    return found.at(-1)!;
  }

  async function staffSignsIn(page: Page): Promise<void> {
    const { member, secret } = await staffMember(t, 'manager', { name: 'Марина Менеджерова' });
    await page.goto(`${t.baseUrl}/admin/login`);
    await page.getByLabel('Адрес электронной почты').fill(member.email);
    await page.getByLabel('Пароль').fill(STAFF_PASSWORD);
    await page.getByRole('button', { name: 'Продолжить' }).click();
    await page.getByLabel('Код из приложения').fill(totpCode(t, secret));
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.waitForURL(`${t.baseUrl}/admin`);
  }

  async function clientSignsIn(page: Page): Promise<void> {
    await page.goto(`${t.baseUrl}/account/login`);
    await page.getByLabel('Логин или электронная почта').fill(client.login);
    await page.getByLabel('Пароль').fill(client.password);
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.waitForURL(/\/account\/password\/change$/);
    await page.getByLabel('Новый пароль', { exact: true }).fill('синяя лампа на столе');
    await page.getByLabel('Повторите новый пароль').fill('синяя лампа на столе');
    await page.getByRole('button', { name: 'Сохранить пароль' }).click();
    await page.waitForURL(/\/account$/);
  }

  it('staff attach a result and tell the client → the client downloads it → asks a question → staff read it on the card', async () => {
    const staff = await watchedPage(browser, 1280, problems);
    const person = await watchedPage(browser, 375, problems);
    const cardUrl = `${t.baseUrl}/admin/orders/${order.id}`;

    // Step 1. Staff sign in, take the order and attach the result file as a draft.
    await staffSignsIn(staff);
    await staff.goto(cardUrl);
    await staff.getByRole('button', { name: 'Взять заказ себе' }).click();
    await staff.locator('#result-file').setInputFiles({ name: RESULT_NAME, mimeType: 'application/pdf', buffer: RESULT_BYTES });
    await staff.locator('#result-note').fill('Отчёт о перенесённых страницах и обновлённых модулях.');
    await staff.getByRole('button', { name: 'Добавить результат' }).click();
    await expect(visibleText(staff, '.notice')).resolves.toContain('Результат добавлен как черновик');
    await expect(visibleText(staff, '#results')).resolves.toContain(RESULT_NAME);

    // Step 2. «Сообщить клиенту»: the result opens to the client, who gets one email.
    await staff.getByRole('button', { name: 'Сообщить клиенту (1)' }).click();
    await expect(visibleText(staff, '.notice')).resolves.toBe('Результаты открыты клиенту, письмо «Результаты готовы» отправлено.');
    await shot(staff, '60-admin-results-1280');
    const mail = await inbox(subjectAround('Результаты по заказу', ` готовы: ${order.serviceTitle}`));
    const link = /https?:\/\/\S+#results/.exec(mail.text)![0];

    // Step 3. The client signs in, follows the email's link and downloads the file: the same bytes, the Cyrillic name.
    await clientSignsIn(person);
    await person.goto(link.replace(t.deps.config.PUBLIC_URL, t.baseUrl));
    await expect(visibleText(person, '#results')).resolves.toContain('Отчёт о перенесённых страницах');
    await shot(person, '61-client-results-375');
    const [download] = await Promise.all([person.waitForEvent('download'), person.locator('#results').getByRole('link', { name: RESULT_NAME }).click()]);
    expect(download.suggestedFilename()).toBe(RESULT_NAME);
    expect(Buffer.compare(await readFile((await download.path())!), RESULT_BYTES)).toBe(0);

    // Step 4. The client asks a question in the order's conversation.
    await person.getByLabel('Ваше сообщение').fill(QUESTION);
    await person.getByRole('button', { name: 'Отправить', exact: true }).click();
    await expect(visibleText(person, '#messages .status')).resolves.toContain('Сообщение отправлено');
    await expect(person.locator('#messages .message-client .message-body').innerText()).resolves.toBe(QUESTION);
    await shot(person, '62-client-conversation-375');

    // Step 5. Staff see it: the queue counts it unread, the card shows it as typed.
    await staff.goto(`${t.baseUrl}/admin/queue`);
    await expect(visibleText(staff, '#unread-messages')).resolves.toContain('Новые сообщения клиентов: 1');
    await staff.goto(cardUrl);
    await expect(staff.locator('#messages .message-client .message-body').innerText()).resolves.toBe(QUESTION);
    await shot(staff, '63-admin-conversation-1280');

    expect(problems).toEqual([]);
  });
});
