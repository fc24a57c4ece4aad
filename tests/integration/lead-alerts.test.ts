import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TelegramSandbox } from '../../sandbox/telegram/index.js';
import { escalateLead } from '../../src/actions/leads/escalate-lead.js';
import { auditLog, leads, notifications, telegramLinks } from '../../src/db/schema/index.js';
import { deadlineInWords } from '../../src/domain/calendar/deadline-words.js';
import { eventually } from '../helpers/fault-jobs.js';
import { startTestSmtp, type TestSmtp } from '../helpers/smtp.js';
import { signInStaff, staffBrowser } from '../helpers/staff.js';
import { shiftedClock, startTelegram } from '../helpers/telegram.js';
import { backends, createTestApp, type TestApp } from '../helpers/test-app.js';

// A «заказать звонок» request from the Tilda site alerts the managers like a paid order does, and its
// missed deadline alerts them and the admins once — with the worker on, through the fake Telegram and a
// loopback SMTP server. The clock is a working Tuesday, 11:00 Moscow time, moved on by hand.

const KEY = 'tilda-key-0123456789abcdef';
const moscow = (local: string) => new Date(`${local}+03:00`);
const olga = { id: 700_300_100, firstName: 'Ольга' };
const anton = { id: 700_300_200, firstName: 'Антон' };

describe.each(backends)('alerts about leads from the site on %s', (backend) => {
  let t: TestApp;
  let telegram: TelegramSandbox;
  let smtp: TestSmtp;
  let manager: Awaited<ReturnType<typeof staffBrowser>>;
  let admin: Awaited<ReturnType<typeof staffBrowser>>;
  const clock = shiftedClock(moscow('2026-11-24T11:00'));

  beforeAll(async () => {
    smtp = await startTestSmtp();
    const fake = await startTelegram();
    telegram = fake.telegram;
    t = await createTestApp(backend, { captcha: false, worker: true, clock, env: { ...fake.env, SMTP_URL: smtp.url, TILDA_API_KEY: KEY } });
    manager = await staffBrowser(t, 'manager');
    admin = await staffBrowser(t, 'admin');
    // Linked straight in the database (linking has its own test); each person has written to the bot.
    for (const [staffId, person] of [[manager.member.id, olga], [admin.member.id, anton]] as const) {
      telegram.userWrites(person, 'привет');
      await t.deps.db.insert(telegramLinks).values({ staffId, chatId: person.id, username: null, linkedAt: clock.now() });
    }
  });
  afterAll(async () => {
    await t?.close();
    await telegram?.close();
    await smtp?.stop();
  });

  const submit = async (form: Record<string, string>) => {
    const response = await t.app.inject({ method: 'POST', url: '/integrations/tilda/lead', headers: { 'x-api-key': KEY }, payload: form });
    expect([response.statusCode, response.body]).toEqual([200, 'ok']);
    const [lead] = await t.deps.db.select().from(leads).where(eq(leads.name, form.Name!));
    return lead!;
  };
  const rowsOf = (leadId: string) => t.deps.db.select().from(notifications).where(eq(notifications.leadId, leadId));
  const telegramAbout = (chatId: number, title: string) => telegram.sent(chatId).filter((m) => m.text.startsWith(title));
  const mailsAbout = (to: string, subject: string) => smtp.received.filter((m) => m.envelopeTo.includes(to) && m.subject === subject);
  const escalationJob = async (leadId: string) => {
    const result = (await t.deps.db.execute(sql`select state from pgboss.job where name = 'leads.escalate' and id = ${leadId}`)) as unknown as {
      rows: { state: string }[];
    };
    return result.rows[0]!;
  };

  it('alerts the managers when a lead arrives, in Telegram and by email: name, phone, the deadline in words, the leads page', async () => {
    const form = { Name: 'Анна Волкова', Phone: '8 912 345-67-89', Comments: 'Удобно после обеда', service: 'Лендинг', tranid: '777:1' };
    const lead = await submit(form);
    const title = 'Заявка на звонок: Анна Волкова';
    await eventually(async () => telegramAbout(olga.id, title).length === 1, 'the lead alert reached Telegram');
    const [message] = telegramAbout(olga.id, title);
    expect(message!.text.split('\n')).toEqual([
      title,
      'Телефон: +7 912 345 67 89',
      'Услуга: Лендинг',
      'Комментарий: Удобно после обеда',
      `Позвонить ${deadlineInWords(lead.callbackDueAt, clock.now())}`,
      'Открыть заявки',
    ]);
    expect(message!.text).toMatch(/Позвонить во вторник, 24 ноября, до 12:0\d/);
    expect(message!.entities).toContainEqual(expect.objectContaining({ type: 'text_link', url: `${t.baseUrl}/admin/leads#lead-${lead.id}` }));

    await eventually(async () => mailsAbout(manager.member.email, title).length === 1, 'the lead alert email arrived');
    expect(mailsAbout(manager.member.email, title)[0]!.text).toContain('Телефон: +7 912 345 67 89');
    // Admins hear of a lead only when nobody called it back in time.
    expect((await rowsOf(lead.id)).map((n) => `${n.staffId === manager.member.id ? 'manager' : 'admin'}:${n.eventKind}:${n.channel}`).sort()).toEqual([
      'manager:lead.created:email',
      'manager:lead.created:telegram',
    ]);
    // The deadline's job (here the hand-moved clock is days behind the database's, so it already ran once, early, and waits to retry).
    expect(['created', 'retry', 'active']).toContain((await escalationJob(lead.id)).state);
    const leadsPage = await manager.browser.get('/admin/leads');
    expect(leadsPage.body).toContain(`id="lead-${lead.id}"`);

    // Tilda delivers the same submission again: nothing new, nobody alerted twice.
    await submit(form);
    await new Promise((resolve) => setTimeout(resolve, 2500)); // one more poll: nothing else may come
    expect(await rowsOf(lead.id)).toHaveLength(2);
    expect(telegramAbout(olga.id, title)).toHaveLength(1);
  });

  it('does not escalate a lead marked «Перезвонили»: the mark cancels the deadline job', async () => {
    const lead = await submit({ Name: 'Борис Звонков', Phone: '+7 912 000-11-22' });
    const marked = await manager.browser.post(`/admin/leads/${lead.id}/contacted`, {}, '/admin/leads');
    expect(marked.headers.location).toBe('/admin/leads?done=contacted');
    expect((await escalationJob(lead.id)).state).toBe('cancelled');
    clock.advance(2 * 3600_000);
    expect(await escalateLead(t.deps, lead.id)).toBe('contacted');
    expect((await rowsOf(lead.id)).filter((n) => n.eventKind === 'lead.overdue')).toEqual([]);
  });

  it('at the deadline, if nobody called, alerts the managers and the admins once', async () => {
    const lead = await submit({ Name: 'Вера Ждущая', Phone: '+7 912 000-33-44' });
    expect(await escalateLead(t.deps, lead.id)).toBe('not_due');
    clock.advance(lead.callbackDueAt.getTime() - clock.now().getTime() + 60_000);
    expect(await escalateLead(t.deps, lead.id)).toBe('escalated');
    expect(await escalateLead(t.deps, lead.id)).toBe('already_escalated'); // the job again, or its retry

    const title = 'Заявке не перезвонили в срок: Вера Ждущая';
    await eventually(async () => telegramAbout(olga.id, title).length === 1 && telegramAbout(anton.id, title).length === 1, 'both heard of the missed deadline');
    expect(telegramAbout(anton.id, title)[0]!.text).toContain(`Срок звонка истёк: ${deadlineInWords(lead.callbackDueAt, clock.now()).replace(' до ', ' в ')}.`);
    await eventually(async () => mailsAbout(admin.member.email, title).length === 1 && mailsAbout(manager.member.email, title).length === 1, 'both escalation emails arrived');

    const [escalated] = await t.deps.db.select().from(leads).where(eq(leads.id, lead.id));
    expect(escalated!.escalatedAt).toEqual(expect.any(Date));
    const entries = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'lead.callback_escalated'), eq(auditLog.entityId, lead.id)));
    expect(entries).toHaveLength(1);
    expect((await rowsOf(lead.id)).filter((n) => n.eventKind === 'lead.overdue')).toHaveLength(4);
    const list = await (await signInStaff(t, admin.member, admin.secret)).get('/admin/notifications'); // hours passed: the session ended
    expect(list.body).toContain('Заявке не перезвонили в срок');
    expect(list.body).toContain(`/admin/leads#lead-${lead.id}`);
  });
});
