import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TelegramSandbox } from '../../sandbox/telegram/index.js';
import { notifications, telegramLinks } from '../../src/db/schema/index.js';
import { orderNumber } from '../../src/domain/orders/order-number.js';
import { eventually } from '../helpers/fault-jobs.js';
import { cards, orderSentToGateway } from '../helpers/payments.js';
import { startTestSmtp, type TestSmtp } from '../helpers/smtp.js';
import { signInStaff, staffBrowser } from '../helpers/staff.js';
import { linkingCode, linkTelegram, shiftedClock, startTelegram } from '../helpers/telegram.js';
import { backends, createTestApp, type TestApp } from '../helpers/test-app.js';

// Staff alerts end to end with the worker on: the manager links Telegram from the profile with a
// one-time code, a client pays through the sandbox gateway, and the alert reaches the fake Telegram
// and the loopback SMTP server by itself. The clock is a working Tuesday, 11:00 Moscow time.

const moscow = (local: string) => new Date(`${local}+03:00`);
const olga = { id: 700_100_200, firstName: 'Ольга', username: 'olga_sales' };

describe.each(backends)('staff alerts on %s', (backend) => {
  let t: TestApp;
  let telegram: TelegramSandbox;
  let smtp: TestSmtp;
  let manager: Awaited<ReturnType<typeof staffBrowser>>;
  const clock = shiftedClock(moscow('2026-11-24T11:00'));

  beforeAll(async () => {
    smtp = await startTestSmtp();
    const fake = await startTelegram();
    telegram = fake.telegram;
    t = await createTestApp(backend, { captcha: false, worker: true, clock, env: { ...fake.env, SMTP_URL: smtp.url } });
    manager = await staffBrowser(t, 'manager');
  });
  afterAll(async () => {
    await t?.close();
    await telegram?.close();
    await smtp?.stop();
  });

  const paidThroughGateway = async (name: string, repeatResult?: number) => {
    const { order, attempt } = await orderSentToGateway(t, 'site-support', { name, email: `${name.length}.${Date.now()}@example.ru` });
    if (repeatResult) t.sandbox.setFaults(attempt.id, { repeatResult });
    const paidAt = Date.now();
    expect((await t.sandbox.pay(attempt.gatewayPaymentId!, cards.plain)).outcome).toBe('success');
    return { order, paidAt };
  };
  const messagesAbout = (order: { number: number }) => telegram.sent(olga.id).filter((m) => m.text.includes(orderNumber(order.number)));
  const rowsOf = (orderId: string) => t.deps.db.select().from(notifications).where(eq(notifications.orderId, orderId));

  it('links Telegram with the one-time code from the profile; the bot says so', async () => {
    const { page } = await linkingCode(manager.browser);
    expect(page).toContain('действует до');
    expect(page).toMatch(/<code>\/start [A-Z0-9]{8}<\/code>/);
    expect(page).toContain('https://t.me/uslugi_alerts_bot?start=');
    await linkTelegram(t, telegram, manager.browser, manager.member.id, olga);
    await eventually(async () => telegram.sent(olga.id).length === 1, 'the bot answered');
    expect(telegram.sent(olga.id)[0]!.text).toBe(
      'Готово: уведомления uslugi будут приходить сюда. По умолчанию только в рабочее время (пн–пт 9:00–18:00 мск), остальные ждут утра; часы, каналы и события меняются в профиле.',
    );
    const profile = await manager.browser.get('/admin/profile');
    expect(profile.body).toContain('@olga_sales');
  });

  it('refuses a used code and an expired one, and links nothing', async () => {
    const stranger = { id: 700_100_999, firstName: 'Чужой' };
    const { code } = await linkingCode(manager.browser);
    telegram.userWrites(olga, `/start ${code}`);
    await eventually(async () => telegram.sent(olga.id).length === 2, 'the second linking is answered');
    telegram.userWrites(stranger, `/start ${code}`); // the same code again
    await eventually(async () => telegram.sent(stranger.id).length === 1, 'the reused code is answered');
    expect(telegram.sent(stranger.id)[0]!.text).toMatch(/^Код не подошёл/);

    const late = await linkingCode(manager.browser);
    clock.advance(16 * 60_000);
    manager.browser = await signInStaff(t, manager.member, manager.secret); // 16 idle minutes ended the session
    telegram.userWrites(stranger, `/start ${late.code}`);
    await eventually(async () => telegram.sent(stranger.id).length === 2, 'the expired code is answered');
    expect(telegram.sent(stranger.id)[1]!.text).toMatch(/^Код не подошёл/);
    const links = await t.deps.db.select().from(telegramLinks).where(eq(telegramLinks.staffId, manager.member.id));
    expect(links.map((l) => l.chatId)).toEqual([olga.id]);
  });

  it('alerts the manager in Telegram within seconds of payment, in Russian, with the deadline and the card link', async () => {
    const { order, paidAt } = await paidThroughGateway('Иван Петров');
    await eventually(async () => messagesAbout(order).length === 1, 'the alert reached Telegram');
    const took = Date.now() - paidAt;
    expect(took).toBeLessThan(5000);
    const [message] = messagesAbout(order);
    expect(message!.text).toContain(`Заказ ${orderNumber(order.number)} оплачен`);
    expect(message!.text).toContain('Клиент: Иван Петров');
    expect(message!.text).toContain('Услуга: ');
    expect(message!.text).toMatch(/Сумма: [\d\u00a0]+(,\d\d)?\u00a0₽/);
    expect(message!.text).toMatch(/Позвонить сегодня до \d\d:\d\d/);
    expect(message!.entities).toContainEqual(expect.objectContaining({ type: 'text_link', url: `${t.baseUrl}/admin/orders/${order.id}` }));
    expect(message!.entities).toContainEqual(expect.objectContaining({ type: 'bold' }));
  });

  it('sends the same alert by email through the outbox and the real SMTP server', async () => {
    const { order } = await paidThroughGateway('Анна Смирнова');
    await eventually(async () => smtp.received.some((m) => m.envelopeTo.includes(manager.member.email) && m.subject === `Заказ ${orderNumber(order.number)} оплачен`), 'the alert email arrived');
    const mail = smtp.received.find((m) => m.envelopeTo.includes(manager.member.email) && m.subject.includes(orderNumber(order.number)))!;
    expect(mail.text).toContain('Клиент: Анна Смирнова');
    expect(mail.text).toContain(`${t.baseUrl}/admin/orders/${order.id}`);
  });

  it('alerts exactly once per channel when the gateway repeats the result callback', async () => {
    const { order } = await paidThroughGateway('Пётр Дважды', 4);
    await eventually(async () => (await rowsOf(order.id)).every((n) => n.status === 'sent') && (await rowsOf(order.id)).length === 2, 'both alerts are out');
    await new Promise((resolve) => setTimeout(resolve, 2500)); // one more poll: nothing else may come
    expect(messagesAbout(order)).toHaveLength(1);
    expect((await rowsOf(order.id)).map((n) => n.channel).sort()).toEqual(['email', 'telegram']);
  });

  it('waits out a 429 with its retry_after and then delivers', async () => {
    telegram.faults.set({ rateLimit: { retryAfter: 1, method: 'sendMessage' } });
    const { order, paidAt } = await paidThroughGateway('Медленный Клиент');
    await eventually(async () => messagesAbout(order).length === 1, 'the rate-limited alert arrived');
    expect(Date.now() - paidAt).toBeGreaterThanOrEqual(900);
    telegram.faults.clear();
  });

  it('stops Telegram alerts when the person blocks the bot, emails instead and says so on the profile', async () => {
    telegram.blockBot(olga.id); // Telegram tells the bot (my_chat_member: kicked) through getUpdates
    await eventually(async () => (await t.deps.db.select().from(telegramLinks).where(eq(telegramLinks.staffId, manager.member.id)))[0]!.blockedAt !== null, 'the link is marked blocked');
    const profile = await manager.browser.get('/admin/profile');
    expect(profile.body).toContain('Бот заблокирован в Telegram');

    const { order } = await paidThroughGateway('После Блокировки');
    await eventually(async () => (await rowsOf(order.id)).some((n) => n.status === 'sent'), 'the alert went out');
    expect((await rowsOf(order.id)).map((n) => n.channel)).toEqual(['email']);

    telegram.unblockBot(olga.id); // and back (my_chat_member: member): alerts go there again
    await eventually(async () => (await t.deps.db.select().from(telegramLinks).where(eq(telegramLinks.staffId, manager.member.id)))[0]!.blockedAt === null, 'the link works again');
  });
});
