import { mkdirSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orders, receipts } from '../../src/db/schema/index.js';
import { credentialsIn, latestMailTo, linkIn, subjectAround } from '../helpers/accounts.js';
import { browserAvailable, launchBrowser, payWithCard, solveCaptcha, visibleText, watchedPage } from '../helpers/browser.js';
import { receiptProblems } from '../helpers/receipts.js';
import { startTestSmtp, type ReceivedMail, type TestSmtp } from '../helpers/smtp.js';
import { STAFF_PASSWORD, staffMember, totpCode } from '../helpers/staff.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { invoiceNumber } from '../../src/domain/orders/order-number.js';

// 54-FZ receipts as people see them, every process real: Chromium, the shop with its worker, the
// Freedom Pay sandbox's card page, SMTP, and the ATOL register sandbox making the receipts on its own
// clock. A client pays, staff do and complete the work with extra hours, the client pays the surcharge
// by card, staff return part of it: four money events, four receipts, each shown with its fiscal
// attributes, and the books add up.

const screenshots = 'test-results/screenshots';
const CLIENT = 'vera@example.ru';
const SERVICE = 'Техническая поддержка сайта';
const CARD = '4716 0472 6194 1981';

const plain = (value: string | null) => (value ?? '').replace(/\s+/g, ' ').trim();

describe.runIf(browserAvailable())('cash receipts in Chromium: prepayment, settlement, surcharge, partial refund', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let browser: Browser;
  const problems: string[] = [];

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    smtp = await startTestSmtp();
    // The register makes a document 400 ms after taking it and calls the shop back; the worker sends and reads.
    t = await createTestApp('pglite', { worker: true, receipts: { doneAfterMs: 400 }, env: { SMTP_URL: smtp.url } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await smtp?.stop();
  });

  let started = Date.now();
  /** Where the journey is, for a reader of a slow or stuck run. */
  const step = (what: string) => process.stdout.write(`receipts journey +${((Date.now() - started) / 1000).toFixed(1)} s: ${what}\n`);
  const shot = (page: Page, name: string) => page.screenshot({ path: `${screenshots}/${name}.png`, fullPage: true });

  const inbox = (subject: string | RegExp): Promise<ReceivedMail> => latestMailTo(smtp.received, CLIENT, subject);

  /** The receipts a page lists (client pages: `.order-receipts li`), reloading as a person would until `done` of them are ready. */
  async function receiptsShown(page: Page, done: number): Promise<string[]> {
    const ready = page.locator('.order-receipts li.receipt[data-state="done"]');
    for (let tries = 0; (await ready.count()) < done && tries < 100; tries += 1) {
      await page.waitForTimeout(250);
      await page.reload();
    }
    expect(await ready.count(), await visibleText(page, 'main')).toBe(done);
    return (await page.locator('.order-receipts li.receipt').allTextContents()).map(plain);
  }

  /** The receipts table as the register made them, oldest first. */
  const rows = async () => (await t.deps.db.select().from(receipts).orderBy(receipts.createdAt)).filter((r) => r.orderId === orderId);
  let orderId = '';

  /** What a client page says of a done receipt: its title and sum, then ФН, ФД, ФП as stored. */
  function fiscalLine(row: Awaited<ReturnType<typeof rows>>[number]): RegExp {
    return new RegExp(`ФН ?${row.fnNumber} ?ФД ?${row.fiscalDocumentNumber} ?ФП ?${row.fiscalDocumentAttribute} ?Чек № ?${row.fiscalReceiptNumber}, смена ${row.shiftNumber}`);
  }

  async function staffSignsIn(page: Page): Promise<void> {
    const { member, secret } = await staffMember(t, 'admin', { name: 'Ирина Ковалёва' });
    await page.goto(`${t.baseUrl}/admin/login`);
    await page.getByLabel('Адрес электронной почты').fill(member.email);
    await page.getByLabel('Пароль').fill(STAFF_PASSWORD);
    await page.getByRole('button').filter({ hasText: /Войти|Продолжить|Далее/ }).first().click();
    await page.getByLabel('Код из приложения').fill(totpCode(t, secret));
    await page.getByRole('button').filter({ hasText: /Войти|Подтвердить/ }).first().click();
    await page.waitForURL(`${t.baseUrl}/admin`);
  }

  async function onCard(page: Page, button: string, notice: string): Promise<void> {
    await page.getByRole('button', { name: button }).click();
    await expect(visibleText(page, '.notice')).resolves.toBe(notice);
  }

  async function clientSignsIn(page: Page): Promise<void> {
    const { login, password } = credentialsIn(await inbox('Доступ в личный кабинет'));
    await page.goto(linkIn(await inbox('Подтвердите адрес электронной почты'), '/account/verify-email').url);
    await page.getByRole('button', { name: 'Подтвердить адрес' }).click();
    // The confirmation page signs in right there, the login already filled in.
    await expect(page.getByLabel('Логин или электронная почта').inputValue()).resolves.toBe(login);
    await page.getByLabel('Пароль').fill(password);
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.waitForURL(/\/account\/password\/change$/);
    await page.getByLabel('Новый пароль', { exact: true }).fill('синий чайник на подоконнике');
    await page.getByLabel('Повторите новый пароль').fill('синий чайник на подоконнике');
    await page.getByRole('button', { name: 'Сохранить пароль' }).click();
    await page.waitForURL(/\/account$/);
  }

  it('pay → prepayment receipt → complete → settlement receipt → surcharge by card → its receipt → partial refund → return receipt; the books add up', { timeout: 240_000 }, async () => {
    started = Date.now();
    // The client pays for an hourly service on the gateway's page.
    const client = await watchedPage(browser, 375, problems);
    await client.goto(`${t.baseUrl}/services/site-support`);
    await client.getByLabel('Имя').fill('Вера Никитина');
    await client.getByLabel('Электронная почта').fill(CLIENT);
    await client.getByLabel('Телефон').fill('+7 912 555-44-33');
    await client.locator('#field-accept_offer').check();
    await client.locator('#field-consent_pd').check();
    await solveCaptcha(client);
    await client.getByRole('button', { name: 'Перейти к оплате' }).click();
    await client.waitForURL(`${t.sandbox.url}/**`);
    await payWithCard(client, CARD);
    await client.waitForURL(/\/orders\/[\w-]{24}\?/);
    await expect(visibleText(client, 'h1')).resolves.toBe('Оплата подтверждена');
    const orderPage = client.url();

    step('prepayment');
    // The prepayment receipt: made by the register, shown on the order page with its fiscal attributes.
    let shown = await receiptsShown(client, 1);
    let made = await t.deps.db.select().from(receipts);
    expect(made).toHaveLength(1);
    orderId = made[0]!.orderId;
    const [prepayment] = await rows();
    expect(prepayment).toMatchObject({ event: 'order_paid', kind: 'sale', settlement: 'prepayment_100', moneyKopecks: 1_500_000, totalKopecks: 1_500_000, state: 'done' });
    expect(shown).toEqual([expect.stringMatching(/^Чек прихода \(предоплата\) на 15 000 ₽, \d{1,2} \S+ \d{4} в \d{2}:\d{2} \(мск\)/)]);
    expect(shown[0]).toMatch(fiscalLine(prepayment!));
    await expect(client.getByRole('link', { name: 'Чек на сайте ОФД' }).getAttribute('href')).resolves.toBe(prepayment!.ofdReceiptUrl);
    await shot(client, '40-client-prepayment-receipt-375');

    step('staff work');
    // Staff take the order through contact, specification and 7,5 hours of work (5 included), then hand it over.
    const admin = await watchedPage(browser, 1280, problems);
    await staffSignsIn(admin);
    await admin.goto(`${t.baseUrl}/admin/orders/${orderId}`);
    await onCard(admin, 'Взять заказ себе', 'Заказ теперь ваш.');
    await admin.getByLabel('Способ связи').selectOption('phone');
    await admin.getByLabel('Результат').selectOption('reached');
    await admin.getByLabel('Заметка').fill('Договорились о переносе сайта.');
    await onCard(admin, 'Записать контакт', 'Первый контакт записан: отсчёт срока звонка остановлен.');
    await admin.getByLabel('Что согласовано с клиентом').fill('Перенести сайт на новый хостинг и обновить модули.');
    await admin.getByLabel('Часов по спецификации').fill('7,5');
    await onCard(admin, 'Согласовать и отправить клиенту', 'Спецификация согласована, клиенту отправлено письмо.');
    await onCard(admin, 'Начать работу', 'Работа начата.');
    await admin.getByLabel('Часов', { exact: true }).fill('7,5');
    await admin.getByLabel('Что сделано').fill('Перенос на новый хостинг, обновление модулей.');
    await onCard(admin, 'Записать часы', 'Часы записаны.');
    await admin.getByRole('button', { name: 'Работа сдана' }).click();
    await admin.waitForURL(/\/invoices\/new$/);
    await admin.getByRole('button', { name: 'Выставить счёт и отправить клиенту' }).click();
    await expect(visibleText(admin, '.notice')).resolves.toBe('Счёт выставлен, клиенту отправлено письмо со ссылкой на оплату.');

    step('settlement');
    // The client accepts the work in the account: that completes the order (docs/back-office.md#acceptance-of-work).
    await inbox(subjectAround('Работа по заказу', ` сдана, примите её: ${SERVICE}`));
    await clientSignsIn(client);
    await client.getByRole('link', { name: SERVICE }).click();
    await client.getByRole('button', { name: 'Принять работу' }).click();
    await expect(visibleText(client, '#act')).resolves.toContain('Вы приняли работу');
    // The settlement receipt offsets the prepayment: no new money, the full 15 000 ₽ on the receipt.
    await client.goto(orderPage);
    shown = await receiptsShown(client, 2);
    const [, settlement] = await rows();
    expect(settlement).toMatchObject({ event: 'order_completed', kind: 'sale', settlement: 'full', moneyKopecks: 0, totalKopecks: 1_500_000, state: 'done' });
    expect(settlement!.document.payments).toEqual([{ kind: 'prepayment_offset', sumKopecks: 1_500_000 }]);
    expect(shown[1]).toMatch(/^Чек прихода \(полный расчёт\) на 15 000 ₽, /);
    expect(shown[1]).toMatch(fiscalLine(settlement!));
    await shot(client, '41-client-settlement-receipt-375');

    step('surcharge');
    // The client pays the 7 500 ₽ surcharge by card from the account.
    const [{ number }] = (await t.deps.db.select({ number: orders.number }).from(orders).where(eq(orders.id, orderId))) as [{ number: number }];
    await inbox(`Счёт на доплату ${invoiceNumber(number, 1)}: ${SERVICE}`);
    await client.goto(`${t.baseUrl}/account`);
    await client.getByRole('link', { name: SERVICE }).click();
    await client.locator('#invoices').getByRole('link', { name: /7\s500\s₽ за 2 ч 30 мин/ }).click();
    await client.getByRole('button', { name: /^Оплатить/ }).click();
    await client.waitForURL(`${t.sandbox.url}/**`);
    await payWithCard(client, CARD);
    await client.waitForURL(/\/account\/invoices\/[\w-]{24}/);
    for (let tries = 0; (await visibleText(client, 'h1')) !== 'Доплата получена' && tries < 50; tries += 1) {
      await client.waitForTimeout(200);
      await client.reload();
    }
    await expect(visibleText(client, 'h1')).resolves.toBe('Доплата получена');

    await client.goto(orderPage);
    shown = await receiptsShown(client, 3);
    const [, , surcharge] = await rows();
    expect(surcharge).toMatchObject({ event: 'invoice_paid', kind: 'sale', settlement: 'full', moneyKopecks: 750_000, totalKopecks: 750_000, state: 'done' });
    expect(surcharge!.invoiceId).toBeTruthy();
    // Extra hours are hours on the receipt: 2,5 h × 3 000 ₽.
    expect(surcharge!.document.lines).toEqual([expect.objectContaining({ quantity: 2.5, priceKopecks: 300_000, sumKopecks: 750_000, measure: 'hour' })]);
    expect(shown[2]).toMatch(/^Чек прихода \(полный расчёт\) на 7 500 ₽, /);
    expect(shown[2]).toMatch(fiscalLine(surcharge!));

    step('refund');
    // Staff return half of the surcharge.
    await admin.goto(`${t.baseUrl}/admin/orders/${orderId}`);
    const surchargePayment = admin.locator('.payments-attempt').filter({ hasText: 'Доплата по счёту' });
    await surchargePayment.getByRole('link', { name: 'Отменить или вернуть' }).click();
    await admin.getByLabel('Сумма возврата, ₽').fill('3 750');
    await admin.getByLabel('Что из работы уже сделано и чего это стоило').fill('Перенос сделан, обновление модулей — наполовину.');
    await admin.getByLabel('Причина').fill('Часть модулей клиент решил не обновлять.');
    await admin.getByRole('button', { name: 'Вернуть деньги' }).click();
    await admin.getByRole('button', { name: /^Да, вернуть 3\s750/ }).click(); // the confirmation page
    await expect(visibleText(admin, '.payments-notice')).resolves.toBe('Возврат 3 750 ₽ выполнен. Клиенту отправлено письмо.');

    await client.goto(orderPage);
    shown = await receiptsShown(client, 4);
    const [, , , refund] = await rows();
    expect(refund).toMatchObject({ event: 'money_returned', kind: 'sale_refund', settlement: 'full', moneyKopecks: 375_000, totalKopecks: 375_000, state: 'done', invoiceId: surcharge!.invoiceId });
    expect(shown[3]).toMatch(/^Чек возврата прихода на 3 750 ₽, /);
    expect(shown[3]).toMatch(fiscalLine(refund!));
    await shot(client, '42-client-all-receipts-375');

    step('pages');
    // The account's order page lists the same four.
    await client.goto(`${t.baseUrl}/account`);
    await client.getByRole('link', { name: SERVICE }).click();
    expect((await client.locator('.order-receipts li.receipt[data-state="done"]').allTextContents()).map(plain)).toEqual(shown);

    // Staff: the order card and /admin/receipts show each receipt done with its ФН, ФД, ФП and external id.
    await admin.goto(`${t.baseUrl}/admin/orders/${orderId}`);
    const cardRows = (await admin.locator('.receipts-section tbody tr').allTextContents()).map(plain);
    const all = await rows();
    expect(cardRows).toHaveLength(4);
    all.forEach((row, i) => {
      expect(cardRows[i]).toContain(`Готов ФН ${row.fnNumber}, ФД ${row.fiscalDocumentNumber}, ФП ${row.fiscalDocumentAttribute}`);
      expect(cardRows[i]).toContain(row.externalId);
    });
    expect(cardRows.map((row) => /^(.+?)(Оплата заказа|Работа выполнена|Оплата доплаты|Возврат денег)/.exec(row)?.slice(1))).toEqual([
      ['Чек прихода (предоплата)', 'Оплата заказа'],
      ['Чек прихода (полный расчёт)', 'Работа выполнена'],
      ['Чек прихода (полный расчёт)', 'Оплата доплаты'],
      ['Чек возврата прихода', 'Возврат денег'],
    ]);
    await shot(admin, '43-admin-order-receipts-1280');
    await admin.goto(`${t.baseUrl}/admin/receipts?view=all`);
    for (const row of all) await expect(admin.locator('tr', { hasText: row.externalId }).locator('.badge').textContent()).resolves.toBe('Готов');
    await shot(admin, '44-admin-receipts-1280');

    step('books');
    // The books: exactly one receipt per money event, sales less returns = money kept, per order and per surcharge.
    made = await t.deps.db.select().from(receipts);
    expect(made.map((r) => r.event).sort()).toEqual(['invoice_paid', 'money_returned', 'order_completed', 'order_paid']);
    expect(new Set(made.map((r) => `${r.event}:${r.sourceId}`)).size).toBe(4);
    expect(await receiptProblems(t)).toEqual([]);
    const order = made.filter((r) => r.invoiceId === null);
    const invoice = made.filter((r) => r.invoiceId !== null);
    const net = (list: typeof made) => list.reduce((sum, r) => sum + (r.kind === 'sale' ? r.moneyKopecks : -r.moneyKopecks), 0);
    expect(net(order)).toBe(1_500_000);
    expect(net(invoice)).toBe(750_000 - 375_000);
    // The register holds exactly one document per external id, each done, each ours.
    const registered = t.atol!.receipts();
    expect(registered.map((r) => r.externalId).sort()).toEqual(made.map((r) => r.externalId).sort());
    expect(registered.every((r) => r.status === 'done')).toBe(true);
    for (const row of made) expect(registered.find((r) => r.externalId === row.externalId)?.uuid).toBe(row.registerUuid);
    expect(await t.deps.db.select().from(receipts).where(eq(receipts.state, 'fail'))).toEqual([]);
    expect(problems).toEqual([]);
  });
});
