import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TelegramSandbox } from '../../sandbox/telegram/index.js';
import { raiseStaffEvents } from '../../src/actions/notifications/raise-staff-events.js';
import { notifications, telegramLinks } from '../../src/db/schema/index.js';
import type { Notification } from '../../src/db/queries/notifications.js';
import { orderNumber } from '../../src/domain/orders/order-number.js';
import { deliverNotificationJob } from '../../src/jobs/notifications.js';
import { paidOrder } from '../helpers/accounts.js';
import { staffBrowser } from '../helpers/staff.js';
import { startTelegram } from '../helpers/telegram.js';
import { backends, createTestApp, manualClock, type TestApp } from '../helpers/test-app.js';

// Delivery of staff alerts job by job, without the worker, on a clock moved by hand: quiet hours on
// the working calendar, Telegram's 5xx and 403, and jobs that run again. Each job is run as pg-boss
// would run it (its retry count and limit), so nothing here waits for a backoff.

const moscow = (local: string) => new Date(`${local}+03:00`);
const masha = { id: 700_200_300, firstName: 'Мария' };
const boris = { id: 700_200_400, firstName: 'Борис' };

describe.each(backends)('staff alert delivery on %s', (backend) => {
  let t: TestApp;
  let telegram: TelegramSandbox;
  const clock = manualClock(moscow('2026-11-27T21:40')); // Friday evening
  const moveTo = (local: string) => clock.advance(moscow(local).getTime() - clock.now().getTime());
  let quiet: string, always: string;

  beforeAll(async () => {
    const fake = await startTelegram();
    telegram = fake.telegram;
    t = await createTestApp(backend, { captcha: false, clock, env: fake.env });
    const first = await staffBrowser(t, 'manager');
    const second = await staffBrowser(t, 'manager');
    [quiet, always] = [first.member.id, second.member.id];
    // Boris wants order alerts in Telegram at any hour; Maria keeps the defaults (working hours, both channels).
    const saved = await second.browser.post('/admin/profile/notifications', { channel_telegram: 'on', events: 'order.paid', when: 'always' }, '/admin/profile');
    expect(saved.statusCode).toBe(303);
    // Linked straight in the database (linking has its own test); each person has written to the bot.
    for (const [staffId, person] of [[quiet, masha], [always, boris]] as const) {
      telegram.userWrites(person, 'привет');
      await t.deps.db.insert(telegramLinks).values({ staffId, chatId: person.id, username: null, linkedAt: clock.now() });
    }
  });
  afterAll(async () => {
    await t?.close();
    await telegram?.close();
  });

  const rowsOf = async (orderId: string) => t.deps.db.select().from(notifications).where(eq(notifications.orderId, orderId));
  const rowOf = async (orderId: string, staffId: string, channel: Notification['channel']) =>
    (await rowsOf(orderId)).find((n) => n.staffId === staffId && n.channel === channel)!;
  const runJob = (notificationId: string, retryCount = 0) => deliverNotificationJob(t.deps, { data: { notificationId }, retryCount, retryLimit: 12 });
  const jobStart = async (id: string) => {
    const result = (await t.deps.db.execute(sql`select start_after from pgboss.job where name = 'notifications.deliver' and id = ${id}`)) as unknown as { rows: { start_after: string | Date }[] };
    return new Date(result.rows[0]!.start_after);
  };

  it('holds an alert raised on Friday evening until 09:00 on Monday, unless the person chose "always"', async () => {
    const order = await paidOrder(t, { name: 'Вечерний Клиент', email: 'evening@example.ru' });
    expect(order.callbackDueAt).toEqual(moscow('2026-11-30T10:00'));
    const rows = await rowsOf(order.id);
    expect(rows.map((n) => `${n.staffId === quiet ? 'Мария' : 'Борис'}:${n.channel}`).sort()).toEqual(['Борис:telegram', 'Мария:email', 'Мария:telegram']);

    const held = await rowOf(order.id, quiet, 'telegram');
    expect(held.notBefore).toEqual(moscow('2026-11-30T09:00'));
    expect(await jobStart(held.id)).toEqual(moscow('2026-11-30T09:00'));
    const atOnce = await rowOf(order.id, always, 'telegram');
    expect(atOnce.notBefore).toEqual(moscow('2026-11-27T21:40'));

    await runJob(atOnce.id);
    const night = telegram.sent(boris.id).at(-1)!;
    expect(night.text).toContain(`Заказ ${orderNumber(order.number)} оплачен`);
    expect(night.text).toContain('Позвонить в понедельник, 30 ноября, до 10:00');

    moveTo('2026-11-30T09:00');
    await runJob(held.id);
    const morning = telegram.sent(masha.id).at(-1)!;
    expect(morning.text).toContain('Позвонить сегодня до 10:00');
    expect(morning.text).toContain('Клиент: Вечерний Клиент');
  });

  it('delivers once however often the job or the event comes again (a restarted worker, a repeated event)', async () => {
    moveTo('2026-11-30T11:00');
    const order = await paidOrder(t, { name: 'Один Раз', email: 'once@example.ru' });
    const row = await rowOf(order.id, always, 'telegram');
    await runJob(row.id);
    await runJob(row.id); // pg-boss runs it again: the process died before it could mark the job done
    await t.deps.db.transaction((tx) => raiseStaffEvents(t.deps, tx, [{ kind: 'order.paid', orderId: order.id }]));
    expect(await rowsOf(order.id)).toHaveLength(3);
    expect(telegram.sent(boris.id).filter((m) => m.text.includes(orderNumber(order.number)))).toHaveLength(1);
    const jobs = (await t.deps.db.execute(sql`select count(*)::int as n from pgboss.job where name = 'notifications.deliver' and data->>'notificationId' = ${row.id}`)) as unknown as { rows: { n: number }[] };
    expect(Number(jobs.rows[0]!.n)).toBe(1);
  });

  it('does not ask Telegram again after a run that died waiting for its answer, and emails the alert instead', async () => {
    const order = await paidOrder(t, { name: 'Оборванный Запуск', email: 'cut@example.ru' });
    const row = await rowOf(order.id, always, 'telegram');
    // What a worker killed inside sendMessage leaves behind: the mark set, no answer recorded.
    await t.deps.db.update(notifications).set({ sendStartedAt: clock.now() }).where(eq(notifications.id, row.id));
    const before = telegram.sent(boris.id).length;
    await runJob(row.id, 1);
    expect(telegram.sent(boris.id)).toHaveLength(before);
    expect(await rowOf(order.id, always, 'telegram')).toMatchObject({ status: 'failed', sendStartedAt: null, lastAnswer: expect.stringContaining('Сообщение могло дойти') });
    // Boris chose Telegram only: the copy is an email of its own, delivered once.
    const copy = await rowOf(order.id, always, 'email');
    await runJob(copy.id);
    await runJob(copy.id);
    expect(await rowOf(order.id, always, 'email')).toMatchObject({ status: 'sent', emailId: expect.any(String) });

    // A run that lives to hear the answer clears the mark.
    const next = await paidOrder(t, { name: 'Обычный Запуск', email: 'normal@example.ru' });
    const normal = await rowOf(next.id, always, 'telegram');
    await runJob(normal.id);
    expect(await rowOf(next.id, always, 'telegram')).toMatchObject({ status: 'sent', sendStartedAt: null });
  });

  it('retries after a 5xx and keeps the answer; fails for good once the retries are used up', async () => {
    const order = await paidOrder(t, { name: 'Сбой Сервера', email: 'fivexx@example.ru' });
    const row = await rowOf(order.id, always, 'telegram');
    telegram.faults.set({ serverError: { count: 1, method: 'sendMessage', status: 502 } });
    await expect(runJob(row.id)).rejects.toThrow(/not delivered yet/);
    expect(await rowOf(order.id, always, 'telegram')).toMatchObject({ status: 'waiting', attempts: 1, lastAnswer: expect.stringMatching(/^Telegram: sendMessage: /) });
    await runJob(row.id, 1);
    expect(await rowOf(order.id, always, 'telegram')).toMatchObject({ status: 'sent', attempts: 2 });

    const next = await paidOrder(t, { name: 'Долгий Сбой', email: 'down@example.ru' });
    const doomed = await rowOf(next.id, always, 'telegram');
    telegram.faults.set({ serverError: { count: 1, method: 'sendMessage', status: 500 } });
    await runJob(doomed.id, 12); // the last retry
    expect(await rowOf(next.id, always, 'telegram')).toMatchObject({ status: 'failed', lastAnswer: expect.stringContaining('Попытки исчерпаны') });
    telegram.faults.clear();
  });

  it('on 403 marks the link blocked, fails the alert with Telegram\'s answer and emails it instead', async () => {
    telegram.blockBot(boris.id); // no worker reads updates here: only the 403 tells the app
    const order = await paidOrder(t, { name: 'Блок Бота', email: 'blocked@example.ru' });
    const row = await rowOf(order.id, always, 'telegram');
    await runJob(row.id);
    expect(await rowOf(order.id, always, 'telegram')).toMatchObject({ status: 'failed', lastAnswer: expect.stringContaining('Forbidden: bot was blocked by the user') });
    const [link] = await t.deps.db.select().from(telegramLinks).where(eq(telegramLinks.staffId, always));
    expect(link!.blockedAt).toEqual(clock.now());
    const fallback = await rowOf(order.id, always, 'email');
    expect(fallback.status).toBe('waiting');
    await runJob(fallback.id);
    const [sent] = await t.deps.db.select().from(notifications).where(and(eq(notifications.id, fallback.id), eq(notifications.status, 'sent')));
    expect(sent!.emailId).not.toBeNull();
  });
});
