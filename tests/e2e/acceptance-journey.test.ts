import { mkdirSync } from 'node:fs';
import { DateTime } from 'luxon';
import type { Browser, Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agreeSpecification } from '../../src/actions/orders/agree-specification.js';
import { logContact } from '../../src/actions/orders/log-contact.js';
import { startWork } from '../../src/actions/orders/start-work.js';
import { credentialsIn, latestMailTo, linkIn, mailTo, subjectAround } from '../helpers/accounts.js';
import { browserAvailable, launchBrowser, payWithCard, solveCaptcha, visibleText, watchedPage } from '../helpers/browser.js';
import { reloadOrder } from '../helpers/payments.js';
import { startTestSmtp, type ReceivedMail, type TestSmtp } from '../helpers/smtp.js';
import { STAFF_PASSWORD, staffMember, totpCode } from '../helpers/staff.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { orders } from '../../src/db/schema/index.js';

// Acceptance of work in Chromium (docs/back-office.md#acceptance-of-work): the client buys a fixed-price
// service, staff do the work and press «Работа сдана» on the card, the client gets the email, accepts in
// the account and opens the act of services rendered (a PDF).

const screenshots = 'test-results/screenshots';
const CLIENT = 'nina@example.ru';
const SERVICE = 'Лендинг под ключ';
const CARD = '4716 0472 6194 1981';


describe.runIf(browserAvailable())('acceptance of work in Chromium: hand over, accept in the account, the act', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let browser: Browser;
  const problems: string[] = [];

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    smtp = await startTestSmtp();
    t = await createTestApp('pglite', { worker: true, receipts: { doneAfterMs: 200 }, env: { SMTP_URL: smtp.url } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await smtp?.stop();
  });

  const shot = (page: Page, name: string) => page.screenshot({ path: `${screenshots}/${name}.png`, fullPage: true });

  const inbox = (subject: string | RegExp): Promise<ReceivedMail> => latestMailTo(smtp.received, CLIENT, subject);

  it('staff hand the work over; the client accepts it in the account and opens the act', { timeout: 180_000 }, async () => {
    // The client buys on the storefront and pays on the sandbox's card page.
    const client = await watchedPage(browser, 375, problems);
    await client.goto(`${t.baseUrl}/services/landing-page`);
    await client.getByLabel('Имя').fill('Нина Орлова');
    await client.getByLabel('Электронная почта').fill(CLIENT);
    await client.getByLabel('Телефон').fill('+7 912 555-11-22');
    await client.locator('#field-accept_offer').check();
    await client.locator('#field-consent_pd').check();
    await solveCaptcha(client);
    await client.getByRole('button', { name: 'Перейти к оплате' }).click();
    await client.waitForURL(`${t.sandbox.url}/**`);
    await payWithCard(client, CARD);
    await client.waitForURL(/\/orders\/[\w-]{24}\?/);
    await expect(visibleText(client, 'h1')).resolves.toBe('Оплата подтверждена');
    const [order] = await t.deps.db.select().from(orders);
    const orderId = order!.id;

    // The work up to «в работе» (covered page by page in back-office-journey.test.ts).
    const { member, secret } = await staffMember(t, 'manager', { name: 'Мария Менеджерова' });
    const actor = { member, ip: '198.51.100.30' };
    const now = DateTime.now().setZone('Europe/Moscow').toFormat("yyyy-MM-dd'T'HH:mm");
    expect(await logContact(t.deps, { ...actor, orderId, body: { channel: 'phone', outcome: 'reached', contacted_at: now } })).toMatchObject({ kind: 'done' });
    expect(await agreeSpecification(t.deps, { ...actor, orderId, body: { text: 'Лендинг из пяти блоков с формой заявки.', hours: '0' } })).toMatchObject({ kind: 'done' });
    expect(await startWork(t.deps, { ...actor, orderId })).toMatchObject({ kind: 'done' });

    // Staff press «Работа сдана» on the card.
    const staff = await watchedPage(browser, 1280, problems);
    await staff.goto(`${t.baseUrl}/admin/login`);
    await staff.getByLabel('Адрес электронной почты').fill(member.email);
    await staff.getByLabel('Пароль').fill(STAFF_PASSWORD);
    await staff.getByRole('button').filter({ hasText: /Войти|Продолжить|Далее/ }).first().click();
    await staff.getByLabel('Код из приложения').fill(totpCode(t, secret));
    await staff.getByRole('button').filter({ hasText: /Войти|Подтвердить/ }).first().click();
    await staff.waitForURL(`${t.baseUrl}/admin`);
    const cardUrl = `${t.baseUrl}/admin/orders/${orderId}`;
    await staff.goto(cardUrl);
    await staff.getByRole('button', { name: 'Работа сдана' }).click();
    await expect(visibleText(staff, '.notice')).resolves.toContain('Работа сдана: клиенту отправлено письмо');
    await expect(visibleText(staff, 'h1 .badge')).resolves.toBe('Работа сдана, ждёт приёмки');
    await expect(visibleText(staff, '#acceptance')).resolves.toContain('ждёт приёмки клиентом');
    await shot(staff, '60-admin-work-handed-over-1280');

    // The client: the email, the account, «Принять работу».
    const asked = await inbox(subjectAround('Работа по заказу', ` сдана, примите её: ${SERVICE}`));
    expect(asked.text).toMatch(/Ответьте до \d{1,2} \S+ \d{4} г\. включительно\./);
    const { login, password } = credentialsIn(await inbox('Доступ в личный кабинет'));
    await client.goto(linkIn(await inbox('Подтвердите адрес электронной почты'), '/account/verify-email').url);
    await client.getByRole('button', { name: 'Подтвердить адрес' }).click();
    await client.getByLabel('Логин или электронная почта').fill(login);
    await client.getByLabel('Пароль').fill(password);
    await client.getByRole('button', { name: 'Войти' }).click();
    await client.waitForURL(/\/account\/password\/change$/);
    await client.getByLabel('Новый пароль', { exact: true }).fill('зелёная лампа на столе');
    await client.getByLabel('Повторите новый пароль').fill('зелёная лампа на столе');
    await client.getByRole('button', { name: 'Сохранить пароль' }).click();
    await client.waitForURL(/\/account$/);
    await client.getByRole('link', { name: SERVICE }).click();
    await expect(visibleText(client, '#acceptance')).resolves.toContain('Ответьте до');
    await shot(client, '61-client-acceptance-375');

    // «Есть замечания» without a word is refused next to the field; then the client accepts.
    await client.getByRole('button', { name: 'Есть замечания' }).click();
    await expect(visibleText(client, '#error-remarks')).resolves.toContain('Напишите, что не сделано');
    await client.getByRole('button', { name: 'Принять работу' }).click();
    await expect(visibleText(client, '#act')).resolves.toContain('Вы приняли работу');
    await shot(client, '62-client-work-accepted-375');
    expect((await reloadOrder(t, orderId)).state).toBe('completed');

    // The act: a PDF for this client's session, with both parties and the sum.
    const link = client.getByRole('link', { name: /^Акт об оказании услуг № \d+ от .* \(PDF\)$/ });
    const href = await link.getAttribute('href');
    expect(href).toBe(`/account/orders/${order!.publicRef}/act.pdf`);
    const response = await client.context().request.get(`${t.baseUrl}${href}`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/pdf');
    const { text: pdf } = await extractText(await getDocumentProxy(new Uint8Array(await response.body())), { mergePages: true });
    const flat = pdf.replace(/\s+/g, ' ');
    expect(flat).toContain('Акт об оказании услуг №');
    expect(flat).toContain('Нина Орлова');
    expect(flat).toContain(SERVICE);
    expect(flat).toContain('ИНН 7700000000');
    expect(flat).toContain('Услуги выполнены полностью и в срок.');

    // The email with the link to the act arrives once; the card shows the act too.
    await inbox(subjectAround('Заказ', ` выполнен, акт об оказании услуг: ${SERVICE}`));
    await staff.goto(cardUrl);
    await expect(visibleText(staff, 'h1 .badge')).resolves.toBe('Выполнен');
    await expect(visibleText(staff, '#acceptance')).resolves.toContain('клиент принял работу');
    await shot(staff, '63-admin-order-accepted-1280');
    expect(mailTo(smtp.received, CLIENT, /^Заказ У-\d+ выполнен/)).toHaveLength(1);
    expect(problems).toEqual([]);
  });
});
