import { mkdirSync, readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveCompanyDetails } from '../../src/actions/content/save-company-details.js';
import { orders } from '../../src/db/schema/index.js';
import { latestMailTo } from '../helpers/accounts.js';
import { browserAvailable, launchBrowser, visibleText, watchedPage } from '../helpers/browser.js';
import { validCompany } from '../helpers/company.js';
import { startTestSmtp, type ReceivedMail, type TestSmtp } from '../helpers/smtp.js';
import { STAFF_PASSWORD, staffMember, totpCode } from '../helpers/staff.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

const screenshots = 'test-results/screenshots';
const CLIENT = 'buh@romashka.example';


// A company pays by bank transfer, in Chromium: the order form's «Организация или ИП» (no script needed
// to reveal its fields), the invoice on the order page and as a PDF, the accountant uploading the bank
// statement, and the order paid in the back office and for the client.
describe.runIf(browserAvailable())('paying by bank transfer in Chromium', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let browser: Browser;
  const problems: string[] = [];

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    smtp = await startTestSmtp();
    t = await createTestApp('pglite', { captcha: false, worker: true, env: { SMTP_URL: smtp.url } });
    const admin = await staffMember(t, 'admin');
    expect(await saveCompanyDetails(t.deps, { staffId: admin.member.id, ip: '127.0.0.1', values: validCompany })).toMatchObject({ kind: 'saved' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await smtp?.stop();
  });

  const inbox = (subject: string | RegExp): Promise<ReceivedMail> => latestMailTo(smtp.received, CLIENT, subject);

  async function pdfText(path: string): Promise<string> {
    const document = await getDocumentProxy(new Uint8Array(readFileSync(path)));
    return (await extractText(document, { mergePages: true })).text.replace(/\s+/g, ' ');
  }

  it('orders as a company, downloads the invoice, and is paid once the accountant uploads the statement', async () => {
    const client = await watchedPage(browser, 390, problems);
    await client.goto(`${t.baseUrl}/services/site-support`);
    await client.getByLabel('Имя').fill('Ольга Смирнова');
    await client.getByLabel('Электронная почта').fill(CLIENT);
    await client.getByLabel('Телефон').fill('+7 912 555-66-77');
    await client.locator('#field-accept_offer').check();
    await client.locator('#field-consent_pd').check();
    // The company's fields appear only once «Организация или ИП» is chosen (CSS, no script).
    await expect(client.locator('#field-inn').isVisible()).resolves.toBe(false);
    await client.getByLabel('Организация или ИП — по счёту, банковским переводом').check();
    await expect(client.locator('#field-inn').isVisible()).resolves.toBe(true);
    await client.getByLabel('Название организации или ИП').fill('ООО «Ромашка»');
    await client.getByLabel('ИНН').fill('7736207544');
    await client.getByLabel('КПП (у ИП нет)').fill('770401001');
    await client.getByLabel('Юридический адрес').fill('119021, г. Москва, ул. Льва Толстого, д. 16');
    await client.getByRole('button', { name: 'Перейти к оплате' }).click();
    // A typo in the ИНН is caught by its control digit, next to the field; the choice and values stay.
    await expect(visibleText(client, '#error-inn')).resolves.toContain('контрольная цифра не сходится');
    await expect(client.locator('#field-inn').isVisible()).resolves.toBe(true);
    await client.getByLabel('ИНН').fill('7736207543');
    await client.locator('#field-accept_offer').check();
    await client.locator('#field-consent_pd').check();
    await client.getByRole('button', { name: 'Перейти к оплате' }).click();
    await client.waitForURL(/\/orders\/[\w-]{24}$/);
    await expect(visibleText(client, 'h1')).resolves.toBe('Заказ ожидает оплаты по счёту');
    const title = await visibleText(client, '#bank-invoice-title');
    const number = /№ (\d+) от/.exec(title)![1]!;
    await client.screenshot({ path: `${screenshots}/60-transfer-order-390.png`, fullPage: true });

    const [download] = await Promise.all([client.waitForEvent('download'), client.getByRole('link', { name: 'Скачать счёт (PDF)' }).click()]);
    const invoicePdf = await pdfText((await download.path())!);
    expect(invoicePdf).toContain(`Счёт на оплату № ${number}`);
    expect(invoicePdf).toContain('ООО «Ромашка»');
    expect(invoicePdf).toContain('40702810938000000001');
    const letter = await inbox(/Счёт на оплату/);
    expect(letter.subject).toContain(`№ ${number}`);

    // The accountant signs in, takes the bank's statement (the development sample) and uploads it.
    const { member, secret } = await staffMember(t, 'accountant', { name: 'Нина Бухгалтерова' });
    const staff = await watchedPage(browser, 1280, problems);
    await staff.goto(`${t.baseUrl}/admin/login`);
    await staff.getByLabel('Адрес электронной почты').fill(member.email);
    await staff.getByLabel('Пароль').fill(STAFF_PASSWORD);
    await staff.getByRole('button').filter({ hasText: /Войти|Продолжить|Далее/ }).first().click();
    await staff.getByLabel('Код из приложения').fill(totpCode(t, secret));
    await staff.getByRole('button').filter({ hasText: /Войти|Подтвердить/ }).first().click();
    await staff.waitForURL(`${t.baseUrl}/admin`);
    await staff.getByRole('link', { name: 'Оплаты по счетам' }).click();
    await expect(visibleText(staff, 'table')).resolves.toContain(`№ ${number}`);
    const [statement] = await Promise.all([staff.waitForEvent('download'), staff.getByRole('link', { name: 'пример выписки' }).click()]);
    await staff.getByLabel('Файл выписки').setInputFiles((await statement.path())!);
    await staff.getByRole('button', { name: 'Загрузить и сверить' }).click();
    await staff.waitForURL(/\/admin\/transfers\/statements\//);
    await expect(visibleText(staff, 'table')).resolves.toContain(`Оплата счёта № ${number} учтена.`);
    await staff.screenshot({ path: `${screenshots}/61-transfer-statement-1280.png`, fullPage: true });

    const orderRef = /\/orders\/([\w-]{24})$/.exec(client.url())![1]!;
    const [order] = await t.deps.db.select({ id: orders.id }).from(orders).where(eq(orders.publicRef, orderRef));
    await staff.goto(`${t.baseUrl}/admin/orders/${order!.id}`);
    await expect(visibleText(staff, 'h1')).resolves.toContain('Оплачен, ждёт звонка');
    await expect(visibleText(staff, '#transfers')).resolves.toContain('оплачен');
    await expect(visibleText(staff, '#transfers')).resolves.toContain('из выписки');

    await client.reload();
    await expect(visibleText(client, 'h1')).resolves.toBe('Оплата подтверждена');
    await inbox(/Доступ в личный кабинет/);
    await inbox(/Заказ.* оплачен/);
    expect(problems).toEqual([]);
  }, 120_000);
});
