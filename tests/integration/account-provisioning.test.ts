import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provisionClientAccount } from '../../src/actions/accounts/provision-client-account.js';
import { sendOrderConfirmation } from '../../src/actions/orders/send-order-confirmation.js';
import { clients, emails } from '../../src/db/schema/index.js';
import { credentialsIn, deliverQueuedEmails, linkIn, mailTo, paidOrder } from '../helpers/accounts.js';
import { orderSentToGateway } from '../helpers/payments.js';
import { startTestSmtp, type TestSmtp } from '../helpers/smtp.js';
import { backends, createTestApp, manualClock, type TestApp } from '../helpers/test-app.js';
import { visitor } from '../helpers/visitor.js';
import { orderNumber } from '../../src/domain/orders/order-number.js';

describe.each(backends)('client accounts after payment on %s', (backend) => {
  let t: TestApp;
  let smtp: TestSmtp;
  const clock = manualClock(new Date('2026-11-24T11:20:00+03:00')); // a Tuesday
  beforeAll(async () => {
    smtp = await startTestSmtp();
    t = await createTestApp(backend, { captcha: false, clock, env: { SMTP_URL: smtp.url } });
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  it('a new address gets an account, credentials and a verification link; confirming opens access and says so', async () => {
    const order = await paidOrder(t, { email: 'anna@example.ru', name: 'Анна Смирнова' });
    const [client] = await t.deps.db.select().from(clients).where(eq(clients.id, order.clientId!));
    expect(client).toMatchObject({ email: 'anna@example.ru', state: 'pending_verification', name: 'Анна Смирнова' });
    expect(client!.login).toMatch(/^anna\.smirnova\.\d{4}$/);
    expect(client!.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);

    const orderPage = await t.app.inject(`/orders/${order.publicRef}`);
    expect(orderPage.body).toContain('сегодня до 12:20');
    expect(orderPage.body).toContain('«Доступ в личный кабинет» — логин и временный пароль');
    expect(orderPage.body).toContain('«Подтвердите адрес электронной почты»');

    const confirmation = mailTo(smtp.received, 'anna@example.ru', `Заказ ${orderNumber(order.number)} оплачен: Техническая поддержка сайта`);
    expect(confirmation).toHaveLength(1);
    expect(confirmation[0]!.text).toContain('сегодня до 12:20');
    const [credentials] = mailTo(smtp.received, 'anna@example.ru', 'Доступ в личный кабинет');
    const { login, password } = credentialsIn(credentials!);
    expect(login).toBe(client!.login);
    expect(password).toMatch(/^[A-Za-z2-9]{14}$/);
    expect(credentials!.text).toContain(`${t.baseUrl}/account/login`);
    expect(credentials!.text).toContain('27 ноября 2026 в 11:20'); // valid 72 hours
    // Secrets leave our storage once the SMTP server has them.
    const stored = await t.deps.db.select().from(emails).where(eq(emails.kind, 'credentials'));
    expect(stored.map((e) => e.text)).not.toContain(expect.stringContaining(password));
    expect(JSON.stringify(stored)).not.toContain(password);

    const [verification] = mailTo(smtp.received, 'anna@example.ru', 'Подтвердите адрес электронной почты');
    const link = linkIn(verification!, '/account/verify-email');
    const browser = visitor(t.app);
    const page = await browser.get('/account/verify-email');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Подтвердить адрес');
    expect(page.body).toContain('/static/link-token.js');
    // Opening the page (as a mail scanner would) changes nothing: only the button does.
    expect((await t.deps.db.select().from(clients).where(eq(clients.id, client!.id)))[0]!.state).toBe('pending_verification');

    const confirmed = await browser.post('/account/verify-email', { token: link.token });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.body).toContain('Адрес подтверждён');
    expect(confirmed.body).toContain(login);
    expect((await t.deps.db.select().from(clients).where(eq(clients.id, client!.id)))[0]).toMatchObject({ state: 'active' });
    await deliverQueuedEmails(t);
    const [active] = mailTo(smtp.received, 'anna@example.ru', 'Доступ в личный кабинет открыт');
    expect(active!.text).toContain(login);
    expect(active!.text).toContain(`${t.baseUrl}/account`);

    // The link is single-use.
    const again = await browser.post('/account/verify-email', { token: link.token });
    expect(again.statusCode).toBe(410);
    expect(again.body).toContain('Отправить новую ссылку');
    expect(mailTo(smtp.received, 'anna@example.ru', /./)).toHaveLength(4);
  });

  it('runs each follow-up once however often the job runs', async () => {
    const order = await paidOrder(t, { email: 'boris@example.ru', name: 'Борис Ким' });
    expect(await provisionClientAccount(t.deps, order.id)).toBe('already_done');
    expect(await sendOrderConfirmation(t.deps, order.id)).toBe('already_queued');
    await deliverQueuedEmails(t);
    expect(mailTo(smtp.received, 'boris@example.ru', /./).map((m) => m.subject).sort()).toEqual([
      'Доступ в личный кабинет',
      `Заказ ${orderNumber(order.number)} оплачен: Техническая поддержка сайта`,
      'Подтвердите адрес электронной почты',
    ]);
    expect(await t.deps.db.select().from(clients).where(eq(clients.email, 'boris@example.ru'))).toHaveLength(1);
  });

  it('a known address gets the order added to its account and no new credentials', async () => {
    const first = await paidOrder(t, { email: 'vera@example.ru', name: 'Вера Ли' });
    const [before] = await t.deps.db.select().from(clients).where(eq(clients.id, first.clientId!));
    const second = await paidOrder(t, { email: 'Vera@Example.ru', name: 'Вера Ли' }, 'landing-page');
    expect(second.clientId).toBe(first.clientId);
    const [after] = await t.deps.db.select().from(clients).where(eq(clients.id, first.clientId!));
    expect(after!.passwordHash).toBe(before!.passwordHash);
    expect(mailTo(smtp.received, 'vera@example.ru', 'Доступ в личный кабинет')).toHaveLength(1);
    const [added] = mailTo(smtp.received, 'vera@example.ru', /^Услуга добавлена в личный кабинет/);
    expect(added!.text).toContain(`${t.baseUrl}/account`);
    expect(added!.subject).toBe(`Услуга добавлена в личный кабинет: заказ ${orderNumber(second.number)}, ${second.serviceTitle}`);
    const orderPage = await t.app.inject(`/orders/${second.publicRef}`);
    expect(orderPage.body).toContain('«Услуга добавлена в личный кабинет»');
    expect(orderPage.body).not.toContain('временный пароль');
  });

  it('sends nothing for an order that is not paid', async () => {
    const { order } = await orderSentToGateway(t, 'site-support', { email: 'gleb@example.ru' });
    expect(await provisionClientAccount(t.deps, order.id)).toBe('not_paid');
    expect(await t.deps.db.select().from(clients).where(eq(clients.email, 'gleb@example.ru'))).toHaveLength(0);
  });
});
