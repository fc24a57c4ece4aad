import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureSetupLink } from '../../src/actions/staff/ensure-setup-link.js';
import { base32Decode, hotp, totpStep } from '../../src/staff/totp.js';
import { credentialsIn, latestMailTo, linkIn } from '../helpers/accounts.js';
import { browserAvailable, launchBrowser, payWithCard, solveCaptcha, visibleText, watchedPage } from '../helpers/browser.js';
import { startTestSmtp, type ReceivedMail, type TestSmtp } from '../helpers/smtp.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

const screenshots = 'test-results/screenshots';
const CLIENT = 'oleg@example.ru';
const SERVICE = 'Техническая поддержка сайта';
const CARD = '4716 0472 6194 1981';
const SPECIFICATION = 'Перенести сайт на новый хостинг.\nОбновить модули и исправить форму заявки.';
/**
 * The service includes 5 hours at 3 000 ₽ an hour and the specification agrees 5: the 2,5 hours more
 * need the client's approval in the account, then make a 7 500 ₽ surcharge.
 */
const WORKED_HOURS = '7,5';


describe.runIf(browserAvailable())('the back office in Chromium: first admin, the callback queue, the work, a surcharge, a refund', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let browser: Browser;
  const problems: string[] = [];

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    smtp = await startTestSmtp();
    // The real worker sends the emails over SMTP and runs the follow-ups, as in production.
    t = await createTestApp('pglite', { worker: true, env: { SMTP_URL: smtp.url } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await smtp?.stop();
  });

  const shot = (page: Page, name: string) => page.screenshot({ path: `${screenshots}/${name}.png`, fullPage: true });

  /** Waits for the client's email the way a person refreshes their inbox. */
  const inbox = (subject: string | RegExp): Promise<ReceivedMail> => latestMailTo(smtp.received, CLIENT, subject);

  /** The printed setup link → name, email, password → the authenticator's code → recovery codes → the dashboard. */
  async function enrolFirstAdmin(page: Page): Promise<void> {
    const link = (await ensureSetupLink(t.deps))!.replace(t.deps.config.PUBLIC_URL, t.baseUrl);
    await page.goto(link);
    await page.getByLabel('Имя').fill('Ирина Ковалёва');
    await page.getByLabel('Адрес электронной почты').fill('irina@uslugi.example.ru');
    await page.getByLabel('Пароль', { exact: true }).fill('первый администратор системы');
    await page.getByLabel('Пароль ещё раз').fill('первый администратор системы');
    await shot(page, '20-admin-setup-1280');
    await page.getByRole('button', { name: 'Продолжить' }).click();
    await expect(visibleText(page, 'h1')).resolves.toBe('Подключите приложение-аутентификатор');
    // What an authenticator app computes from the key typed in by hand.
    const secret = base32Decode(await visibleText(page, '.totp-secret'))!;
    await shot(page, '21-admin-enrol-1280');
    await page.getByLabel('Код из приложения').fill(hotp(secret, totpStep(new Date())));
    await page.getByRole('button', { name: 'Подтвердить' }).click();
    await expect(visibleText(page, 'h1')).resolves.toBe('Резервные коды');
    await expect(page.locator('.recovery-codes li').count()).resolves.toBe(10);
    await page.getByRole('link', { name: 'Коды сохранены, продолжить' }).click();
    await page.waitForURL(`${t.baseUrl}/admin`);
    await expect(visibleText(page, 'h1')).resolves.toBe('Сводка');
    await shot(page, '22-admin-dashboard-1280');
  }

  /** The storefront's order form, the captcha and the sandbox's card page. */
  async function buyHourlyService(page: Page): Promise<void> {
    await page.goto(`${t.baseUrl}/services/site-support`);
    await page.getByLabel('Имя').fill('Олег Петров');
    await page.getByLabel('Электронная почта').fill(CLIENT);
    await page.getByLabel('Телефон').fill('+7 912 555-66-77');
    await page.locator('#field-accept_offer').check();
    await page.locator('#field-consent_pd').check();
    await solveCaptcha(page);
    await page.getByRole('button', { name: 'Перейти к оплате' }).click();
    await page.waitForURL(`${t.sandbox.url}/**`);
    await payWithCard(page, CARD);
    await page.waitForURL(/\/orders\/[\w-]{24}\?/);
    await expect(visibleText(page, 'h1')).resolves.toBe('Оплата подтверждена');
  }

  /** Confirms the address from the email, signs in with the temporary password and sets their own. */
  async function clientSignsIn(page: Page): Promise<void> {
    const { login, password } = credentialsIn(await inbox('Доступ в личный кабинет'));
    await page.goto(linkIn(await inbox('Подтвердите адрес электронной почты'), '/account/verify-email').url);
    await page.getByRole('button', { name: 'Подтвердить адрес' }).click();
    // The confirmation page has the sign-in form, the login filled in.
    await page.getByLabel('Логин или электронная почта').fill(login);
    await page.getByLabel('Пароль').fill(password);
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.waitForURL(/\/account\/password\/change$/);
    await page.getByLabel('Новый пароль', { exact: true }).fill('жёлтый зонт в прихожей');
    await page.getByLabel('Повторите новый пароль').fill('жёлтый зонт в прихожей');
    await page.getByRole('button', { name: 'Сохранить пароль' }).click();
    await page.waitForURL(/\/account$/);
  }

  /** Presses a button on the order card and checks the notice it comes back with. */
  async function onCard(page: Page, button: string, notice: string): Promise<void> {
    await page.getByRole('button', { name: button }).click();
    await expect(visibleText(page, '.notice')).resolves.toBe(notice);
  }

  // The whole back office in one journey (now with the client's acceptance too): well over a minute on a busy machine.
  it('setup with TOTP → a paid order in the queue → contact → specification → extra hours approved by the client → work accepted → surcharge paid by card → part of it refunded', { timeout: 180_000 }, async () => {
    const admin = await watchedPage(browser, 1280, problems);
    await enrolFirstAdmin(admin);

    const client = await watchedPage(browser, 375, problems);
    await buyHourlyService(client);

    // The paid order waits in the callback queue with its deadline and the time left.
    await admin.getByRole('link', { name: 'Очередь звонков' }).click();
    const row = admin.locator('.orders-queue tbody tr').filter({ hasText: SERVICE });
    await expect(row.count()).resolves.toBe(1);
    await expect(visibleText(admin, '.orders-queue td[data-label="Срок звонка"]')).resolves.toMatch(/\d{2}:\d{2}/);
    await expect(visibleText(admin, '.orders-queue td[data-label="Осталось"]')).resolves.toMatch(/^(осталось|остался|осталась) \d/);
    await shot(admin, '23-admin-queue-1280');

    await row.getByRole('link', { name: /^У-\d+$/ }).click();
    await admin.waitForURL(/\/admin\/orders\/[0-9a-f-]{36}$/);
    const cardUrl = admin.url();
    // The number staff see on the card is the one in every email to the client below.
    const number = /Заказ (У-\d+)/.exec(await visibleText(admin, 'h1'))![1]!;
    await onCard(admin, 'Взять заказ себе', 'Заказ теперь ваш.');
    await admin.getByLabel('Способ связи').selectOption('phone');
    await admin.getByLabel('Результат').selectOption('reached');
    await admin.getByLabel('Заметка').fill('Обсудили задачи, клиент пришлёт доступы к хостингу.');
    await onCard(admin, 'Записать контакт', 'Первый контакт записан: отсчёт срока звонка остановлен.');
    await expect(visibleText(admin, 'h1 .badge')).resolves.toBe('Клиент на связи');

    await admin.getByLabel('Что согласовано с клиентом').fill(SPECIFICATION);
    await admin.getByLabel('Часов по спецификации').fill('5');
    await onCard(admin, 'Согласовать и отправить клиенту', 'Спецификация согласована, клиенту отправлено письмо.');
    await onCard(admin, 'Начать работу', 'Работа начата.');
    await admin.getByLabel('Часов', { exact: true }).fill(WORKED_HOURS);
    await admin.getByLabel('Что сделано').fill('Перенос на новый хостинг, обновление модулей, форма заявки.');
    await onCard(admin, 'Записать часы', 'Часы записаны.');
    await expect(visibleText(admin, '#hours')).resolves.toContain('Сверх включённых: 2,5 ч × 3 000 ₽/ч = 7 500 ₽');

    // Hours beyond the specification: no invoice until the client agrees. Staff ask on the card…
    await expect(visibleText(admin, '#extra-hours')).resolves.toContain('2 ч 30 мин — в счёт только после согласия клиента');
    await expect(admin.getByLabel('Дополнительных часов').inputValue()).resolves.toBe('2,5');
    await admin.getByLabel('Комментарий для клиента').fill('Форма заявки оказалась сложнее: нужно ещё 2,5 часа.');
    await onCard(admin, 'Отправить клиенту на согласование', 'Запрос отправлен клиенту: эти часы можно выставить в счёт, когда клиент их одобрит в личном кабинете.');
    await expect(visibleText(admin, '#extra-hours')).resolves.toContain('ждёт ответа клиента');
    await admin.goto(`${cardUrl}/invoices/new`);
    await expect(visibleText(admin, 'main')).resolves.toContain('ждут согласия клиента');
    await admin.goto(cardUrl);

    // …the client approves in the account…
    await inbox(`Согласуйте дополнительные часы по заказу ${number}: ${SERVICE}`);
    await clientSignsIn(client);
    await client.getByRole('link', { name: SERVICE }).click();
    await expect(visibleText(client, '#extra-hours')).resolves.toContain('Дополнительно 2,5 ч × 3 000 ₽ за час = 7 500 ₽');
    await shot(client, '25a-client-extra-hours-375');
    await client.setViewportSize({ width: 1280, height: 900 });
    await shot(client, '25b-client-extra-hours-1280');
    await client.setViewportSize({ width: 375, height: 900 });
    await client.getByRole('button', { name: 'Одобрить 2,5 ч' }).click();
    await expect(visibleText(client, '#extra-hours')).resolves.toContain('Одобрено');
    await shot(client, '25c-client-extra-hours-approved-375');
    await admin.reload();
    await expect(visibleText(admin, '#extra-hours')).resolves.toContain('клиент одобрил');
    await shot(admin, '25d-admin-extra-hours-approved-1280');

    // Handing the work over with extra hours leads to the surcharge proposal; the proposed amount is kept.
    await admin.getByRole('button', { name: 'Работа сдана' }).click();
    await admin.waitForURL(/\/invoices\/new$/);
    await expect(admin.getByLabel('Сумма к оплате, ₽').inputValue()).resolves.toMatch(/^7\s500$/);
    await expect(visibleText(admin, '.invoices-total')).resolves.toContain('= 7 500 ₽');
    await shot(admin, '24-admin-invoice-proposal-1280');
    await admin.getByRole('button', { name: 'Выставить счёт и отправить клиенту' }).click();
    await expect(visibleText(admin, '.notice')).resolves.toBe('Счёт выставлен, клиенту отправлено письмо со ссылкой на оплату.');
    await admin.goto(cardUrl);
    await expect(visibleText(admin, 'h1 .badge')).resolves.toBe('Работа сдана, ждёт приёмки');
    await expect(visibleText(admin, '#invoices')).resolves.toContain('ожидает оплаты');
    await shot(admin, '25-admin-order-completed-1280');

    // The client: the emails, the account, the specification, the invoice paid on the sandbox.
    await inbox(`Спецификация по заказу ${number} согласована: ${SERVICE}`);
    const invoiceMail = await inbox(`Счёт на доплату ${number}-Д1: ${SERVICE}`);
    expect(invoiceMail.text).toMatch(/7\s500\s₽/);
    await client.reload();
    await expect(visibleText(client, 'main')).resolves.toContain('Обновить модули и исправить форму заявки.');
    // The client accepts the work: the order is completed (acceptance-journey.test.ts goes into detail).
    await client.getByRole('button', { name: 'Принять работу' }).click();
    await expect(visibleText(client, '#act')).resolves.toContain('Вы приняли работу');
    await shot(client, '26-client-order-with-invoice-375');
    await client.locator('#invoices').getByRole('link', { name: /7\s500\s₽ за 2 ч 30 мин/ }).click();
    await expect(visibleText(client, 'h1')).resolves.toBe('Счёт на доплату');
    await shot(client, '27-client-invoice-375');
    await client.getByRole('button', { name: /^Оплатить/ }).click();
    await client.waitForURL(`${t.sandbox.url}/**`);
    await payWithCard(client, CARD);
    await client.waitForURL(/\/account\/invoices\/[\w-]{24}/);
    // The gateway's result callback marks the invoice paid, not the browser's return: look again until it shows.
    for (let tries = 0; (await visibleText(client, 'h1')) !== 'Доплата получена' && tries < 50; tries += 1) {
      await client.waitForTimeout(200);
      await client.reload();
    }
    await expect(visibleText(client, 'h1')).resolves.toBe('Доплата получена');
    await expect(visibleText(client, '.status')).resolves.toContain('•••• 1981');
    await shot(client, '28-client-invoice-paid-375');
    await inbox(`Доплата ${number}-Д1 получена`);

    // The admin refunds half of the surcharge from the order card's payments section.
    await admin.goto(cardUrl);
    const surcharge = admin.locator('.payments-attempt').filter({ hasText: 'Доплата по счёту' });
    await expect(visibleText(admin, '#invoices')).resolves.toContain('оплачен');
    await surcharge.getByRole('link', { name: 'Отменить или вернуть' }).click();
    await expect(visibleText(admin, '.payments-return h2')).resolves.toBe('Будет сделано: возврат денег');
    await expect(admin.getByLabel('Сумма возврата, ₽').inputValue()).resolves.toMatch(/^7\s500$/);
    await admin.getByLabel('Сумма возврата, ₽').fill('3 750');
    await admin.getByLabel('Что из работы уже сделано и чего это стоило').fill('Перенос и обновление модулей сделаны; форма заявки — нет.');
    await admin.getByLabel('Причина').fill('Форму заявки клиент решил не менять: возвращаем её часть.');
    await shot(admin, '29-admin-return-form-1280');
    await admin.getByRole('button', { name: 'Вернуть деньги' }).click();
    // Nothing is refunded yet: the confirmation asks, and only «Да» does it.
    await expect(visibleText(admin, '.payments-notice')).resolves.toMatch(/^Вернуть 3\s750\s₽ клиенту .+\? Это нельзя отменить\.$/);
    await shot(admin, '29b-admin-return-confirm-1280');
    await admin.getByRole('button', { name: /^Да, вернуть 3\s750/ }).click();
    await expect(visibleText(admin, '.payments-notice')).resolves.toBe('Возврат 3 750 ₽ выполнен. Клиенту отправлено письмо.');
    await expect(visibleText(admin, '.payments-summary')).resolves.toMatch(/Уже возвращено ?3 750 ₽/);
    // Same day as the payment: a refund before the day close needs no cancellation request for the bank.
    await expect(admin.locator('a[href$="request.pdf"]').count()).resolves.toBe(0);
    await shot(admin, '30-admin-return-done-1280');

    const refundMail = await inbox(/^Возврат 3\s750\s₽ за доплату/);
    expect(refundMail.text).toContain('частичный возврат');
    await admin.goto(cardUrl);
    await expect(visibleText(admin, 'h1 .badge')).resolves.toBe('Выполнен');
    await expect(visibleText(admin, '#payments')).resolves.toContain('Возвращено 3 750 ₽');
    await shot(admin, '31-admin-order-refunded-1280');
    expect(problems).toEqual([]);
  });
});
