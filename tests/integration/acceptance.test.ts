import { and, eq, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveCompanyDetails } from '../../src/actions/content/save-company-details.js';
import { acceptBySilence } from '../../src/actions/orders/accept-by-silence.js';
import { agreeSpecification } from '../../src/actions/orders/agree-specification.js';
import { logContact } from '../../src/actions/orders/log-contact.js';
import { logWorkHours } from '../../src/actions/orders/log-work-hours.js';
import { startWork } from '../../src/actions/orders/start-work.js';
import { acceptBySilenceWhenDue } from '../../src/jobs/handlers.js';
import { auditLog, notifications, orders, receipts, serviceActs, workHandovers } from '../../src/db/schema/index.js';
import { deliverQueuedEmails, mailTo, NEW_PASSWORD, signedInClient } from '../helpers/accounts.js';
import { validCompany } from '../helpers/company.js';
import { reloadOrder } from '../helpers/payments.js';
import { startTestSmtp, type TestSmtp } from '../helpers/smtp.js';
import { signInStaff, staffMember } from '../helpers/staff.js';
import { backends, createTestApp, manualClock, type TestApp } from '../helpers/test-app.js';
import { visitor } from '../helpers/visitor.js';
import { pdfRoubles } from '../../src/pdf/cancellation-request.js';
import { vatKopecks } from '../../src/domain/receipts/vat.js';

// Acceptance of work (docs/back-office.md#acceptance-of-work): staff hand the work over, the client
// accepts in the account, makes remarks, or stays silent until the deadline on the working calendar; the
// completion issues the settlement receipt once and the act of services rendered.

const msk = (local: string) => new Date(`${local}+03:00`);
const plain = (html: string) => html.replace(/[\u00a0\u202f]/g, ' ').replaceAll('&quot;', '"').replaceAll('&#171;', '«').replaceAll('&#187;', '»');

async function pdfText(pdf: Buffer): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

describe.each(backends)('acceptance of work on %s', (backend) => {
  let t: TestApp;
  let smtp: TestSmtp;
  let manager: Awaited<ReturnType<typeof staffMember>>;
  let admin: Awaited<ReturnType<typeof staffMember>>;
  const clock = manualClock(msk('2026-12-04T18:30')); // a Friday evening
  const moveTo = (local: string) => clock.advance(msk(local).getTime() - clock.now().getTime());
  let n = 0;

  beforeAll(async () => {
    smtp = await startTestSmtp();
    t = await createTestApp(backend, { clock, receipts: { callbacks: false }, env: { SMTP_URL: smtp.url, CAPTCHA: 'off' } });
    manager = await staffMember(t, 'manager', { name: 'Мария Менеджерова' });
    admin = await staffMember(t, 'admin', { name: 'Анна Админова' });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });

  const staff = (member = manager) => signInStaff(t, member.member, member.secret, '198.51.100.20');
  /** A client signed in again (sessions end after 30 idle minutes, and the clock jumps days here). */
  const signIn = async (login: string, ip: string) => {
    const browser = visitor(t.app, ip);
    expect((await browser.post('/account/login', { login, password: NEW_PASSWORD }, '/account/login')).statusCode).toBe(303);
    return browser;
  };

  /** A paid hourly order (5 h included) in work with 4 hours logged, its client signed in. */
  async function orderInWork() {
    n += 1;
    const email = `accept${n}@example.ru`;
    const name = `${['Иван', 'Пётр', 'Ольга', 'Нина'][n % 4]} Приёмкин`;
    const client = await signedInClient(t, smtp.received, { email, name }, `203.0.113.${100 + n}`);
    const actor = { member: manager.member, ip: '198.51.100.20' };
    const orderId = client.order.id;
    const now = DateTime.fromJSDate(clock.now(), { zone: 'Europe/Moscow' });
    expect(await logContact(t.deps, { ...actor, orderId, body: { channel: 'phone', outcome: 'reached', contacted_at: now.toFormat("yyyy-MM-dd'T'HH:mm") } })).toMatchObject({ kind: 'done' });
    expect(await agreeSpecification(t.deps, { ...actor, orderId, body: { text: 'Обновить модули.', hours: '5' } })).toMatchObject({ kind: 'done' });
    expect(await startWork(t.deps, { ...actor, orderId })).toMatchObject({ kind: 'done' });
    expect(await logWorkHours(t.deps, { ...actor, orderId, body: { work_date: now.toFormat('yyyy-MM-dd'), hours: '4', note: '' } })).toMatchObject({ kind: 'done' });
    return { ...client, email, name, orderId, ref: client.order.publicRef, page: `/account/orders/${client.order.publicRef}` };
  }

  const handoversOf = (orderId: string) => t.deps.db.select().from(workHandovers).where(eq(workHandovers.orderId, orderId)).orderBy(workHandovers.attempt);
  const settlementReceipts = (orderId: string) => t.deps.db.$count(receipts, and(eq(receipts.orderId, orderId), eq(receipts.event, 'order_completed')));
  async function silenceJob(handoverId: string) {
    const result = (await t.deps.db.execute(
      sql`select state, start_after from pgboss.job where name = 'orders.accept-by-silence' and id = ${handoverId}::uuid`,
    )) as unknown as { rows: { state: string; start_after: string | Date }[] };
    const row = result.rows[0];
    return row && { state: row.state, startAfter: new Date(row.start_after) };
  }

  it('hand over on a Friday evening → five working days; the client accepts → completed, one settlement receipt, the act; a second answer is refused', async () => {
    const order = await orderInWork();
    // The service charges VAT 22 % on this order (the snapshot every receipt of the order prints).
    await t.deps.db.update(orders).set({ vat: 'vat22' }).where(eq(orders.id, order.orderId));
    moveTo('2026-12-04T19:45');
    const manager1 = await staff();
    const handedOver = await manager1.post(`/admin/orders/${order.orderId}/hand-over`, {}, `/admin/orders/${order.orderId}`);
    expect(handedOver.statusCode).toBe(303);
    expect(handedOver.headers.location).toBe(`/admin/orders/${order.orderId}?done=handed_over`);
    expect((await reloadOrder(t, order.orderId)).state).toBe('work_done');
    const [handover] = await handoversOf(order.orderId);
    expect(handover).toMatchObject({ attempt: 1, state: 'waiting', handedOverBy: manager.member.id, acceptBy: msk('2026-12-12T00:00') });
    expect(await silenceJob(handover!.id)).toEqual({ state: 'created', startAfter: msk('2026-12-12T00:00') });
    const card = plain((await manager1.get(`/admin/orders/${order.orderId}`)).body);
    expect(card).toContain('Работа сдана, ждёт приёмки');
    expect(card).toContain('ждёт приёмки клиентом');

    await deliverQueuedEmails(t);
    const [asked] = mailTo(smtp.received, order.email, /^Работа по заказу У-\d+ сдана, примите её/);
    expect(asked!.text).toContain('Ответьте до 11 декабря 2026 г. включительно.');
    expect(asked!.text).toContain('5 (пяти) рабочих дней');
    expect(asked!.text).toContain(`${order.page}#acceptance`);

    const client = await signIn(order.login, '203.0.113.201');
    const page = plain((await client.get(order.page)).body);
    expect(page).toContain('Принять работу');
    expect(page).toContain('Есть замечания');
    expect(page).toContain('Ответьте до 11 декабря 2026 г. включительно.');

    // Another client can neither answer nor read the act: the same 404 as for no such order.
    const stranger = await signedInClient(t, smtp.received, { email: 'stranger@example.ru', name: 'Чужой Клиент' }, '203.0.113.250');
    expect((await stranger.browser.post(`${order.page}/acceptance`, { answer: 'accept' }, '/account')).statusCode).toBe(404);

    moveTo('2026-12-07T10:00');
    const clientAgain = await signIn(order.login, '203.0.113.201');
    const accepted = await clientAgain.post(`${order.page}/acceptance`, { answer: 'accept' }, order.page);
    expect(accepted.statusCode).toBe(303);
    expect(accepted.headers.location).toBe(`${order.page}#act`);
    expect((await reloadOrder(t, order.orderId)).state).toBe('completed');
    expect(await settlementReceipts(order.orderId)).toBe(1);
    expect((await handoversOf(order.orderId))[0]).toMatchObject({ state: 'accepted', answeredAt: msk('2026-12-07T10:00') });
    expect((await silenceJob(handover!.id))!.state).toBe('cancelled');
    const [completed] = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.entityId, order.orderId), eq(auditLog.action, 'order.completed')));
    expect(completed).toMatchObject({ staffId: null, ip: '203.0.113.201', details: { from: 'work_done', to: 'completed', acceptance: 'client' } });

    // A second answer (another tab, a double click) changes nothing; nor does the job if it ran anyway.
    const again = await clientAgain.post(`${order.page}/acceptance`, { answer: 'accept' }, order.page);
    expect(again.statusCode).toBe(409);
    expect(plain(again.body)).toContain('Работа сейчас не ждёт вашего ответа');
    expect((await clientAgain.post(`${order.page}/acceptance`, { answer: 'remarks', remarks: 'Поздно.' }, order.page)).statusCode).toBe(409);
    moveTo('2026-12-12T00:00');
    expect(await acceptBySilence(t.deps, handover!.id)).toBe('answered');
    expect(await settlementReceipts(order.orderId)).toBe(1);
    expect(await t.deps.db.$count(serviceActs, eq(serviceActs.orderId, order.orderId))).toBe(1);

    await deliverQueuedEmails(t);
    const done = mailTo(smtp.received, order.email, /^Заказ У-\d+ выполнен, акт об оказании услуг/);
    expect(done).toHaveLength(1);
    expect(done[0]!.text).toContain(`${order.page}#act`);

    // The act: the client downloads it (no cache keeps it); the stranger gets a 404; staff see it too.
    const client3 = await signIn(order.login, '203.0.113.201');
    expect(plain((await client3.get(order.page)).body)).toContain('Вы приняли работу');
    const act = await client3.get(`${order.page}/act.pdf`);
    expect(act.statusCode).toBe(200);
    expect(act.headers['content-type']).toBe('application/pdf');
    expect(act.headers['cache-control']).toBe('no-store');
    expect(act.headers['content-disposition']).toMatch(/^attachment; filename="akt-\d+\.pdf"$/);
    const stranger2 = await signIn(stranger.login, '203.0.113.250');
    expect((await stranger2.get(`${order.page}/act.pdf`)).statusCode).toBe(404);
    const text = await pdfText(act.rawPayload);
    const [row] = await t.deps.db.select().from(serviceActs).where(eq(serviceActs.orderId, order.orderId));
    for (const expected of [
      // (the PDF's non-breaking spaces come back as plain ones)
      `Акт об оказании услуг № ${row!.number} от 7 декабря 2026 г.`,
      'ООО «Услуги онлайн»',
      'ИНН 7700000000',
      order.name,
      order.email,
      order.order.serviceTitle,
      `Итого: ${pdfRoubles(order.order.priceKopecks)}`,
      `В том числе НДС 22 %: ${pdfRoubles(vatKopecks(order.order.priceKopecks, 'vat22'))}`,
      'Услуги выполнены полностью и в срок. Заказчик претензий по объёму, качеству и срокам не имеет.',
      'Исполнитель ____________________ / ООО «Услуги онлайн» /',
    ]) {
      expect(text).toContain(expected.replace(/\s+/g, ' '));
    }
    const accountant = await staffMember(t, 'accountant');
    const staffAct = await (await signInStaff(t, accountant.member, accountant.secret)).get(`/admin/orders/${order.orderId}/act.pdf`);
    expect(staffAct.statusCode).toBe(200);
    expect(staffAct.rawPayload.equals(act.rawPayload)).toBe(true);

    // The company's details change later: the act stays as it was made.
    expect(await saveCompanyDetails(t.deps, { staffId: admin.member.id, ip: '198.51.100.1', values: { ...validCompany, name: 'ООО «Новое имя»' } })).toEqual({ kind: 'saved' });
    const later = await client3.get(`${order.page}/act.pdf`);
    expect(later.rawPayload.equals(act.rawPayload)).toBe(true);
  });

  it('remarks send the work back with one staff alert and show on the card; handed over again, it gets a new deadline', async () => {
    moveTo('2026-12-07T11:00');
    const order = await orderInWork();
    const manager1 = await staff();
    expect((await manager1.post(`/admin/orders/${order.orderId}/hand-over`, {}, `/admin/orders/${order.orderId}`)).statusCode).toBe(303);
    const [first] = await handoversOf(order.orderId);

    const empty = await order.browser.post(`${order.page}/acceptance`, { answer: 'remarks', remarks: '  ' }, order.page);
    expect(empty.statusCode).toBe(422);
    expect(plain(empty.body)).toMatch(/<p class="error" id="error-remarks">Напишите, что не сделано или сделано не так/);
    expect((await reloadOrder(t, order.orderId)).state).toBe('work_done');

    const sent = await order.browser.post(`${order.page}/acceptance`, { answer: 'remarks', remarks: 'Форма заявки не отправляется.\nНет ссылки на политику.' }, order.page);
    expect(sent.statusCode).toBe(303);
    expect((await reloadOrder(t, order.orderId)).state).toBe('in_work');
    expect((await handoversOf(order.orderId))[0]).toMatchObject({ state: 'remarks', remarks: 'Форма заявки не отправляется.\nНет ссылки на политику.' });
    expect((await silenceJob(first!.id))!.state).toBe('cancelled');
    expect(await settlementReceipts(order.orderId)).toBe(0);
    const alerts = await t.deps.db.select().from(notifications).where(eq(notifications.eventKind, 'order.remarks'));
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ staffId: manager.member.id, orderId: order.orderId, channel: 'email', details: 'Форма заявки не отправляется.\nНет ссылки на политику.' });
    const [audited] = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.entityId, order.orderId), eq(auditLog.action, 'order.work_remarks')));
    expect(audited).toMatchObject({ staffId: null, details: { from: 'work_done', to: 'in_work', remarks: 'Форма заявки не отправляется.\nНет ссылки на политику.' } });

    // Answered once: a second answer and the job change nothing, and no second alert.
    expect((await order.browser.post(`${order.page}/acceptance`, { answer: 'remarks', remarks: 'Ещё.' }, order.page)).statusCode).toBe(409);
    expect(await acceptBySilence(t.deps, first!.id)).toBe('answered');
    expect(await t.deps.db.$count(notifications, eq(notifications.eventKind, 'order.remarks'))).toBe(1);

    const card = plain((await manager1.get(`/admin/orders/${order.orderId}`)).body);
    expect(card).toContain('клиент прислал замечания');
    expect(card).toContain('Форма заявки не отправляется.');
    expect(plain((await order.browser.get(order.page)).body)).toContain('Форма заявки не отправляется.');

    // The offer in effect states the period the system applies (the setting, through {срок приёмки}).
    const offer = plain((await visitor(t.app).get('/legal/offer')).body);
    expect(offer).toContain('Заказчик в течение 5 (пяти) рабочих дней, считая со дня, следующего за днём сдачи');
    expect(offer).toContain('«Есть замечания»');

    // Fixed, handed over again on Tuesday: a new deadline (9–15 December) and a job of its own.
    moveTo('2026-12-08T12:00');
    const manager2 = await staff();
    expect((await manager2.post(`/admin/orders/${order.orderId}/hand-over`, {}, `/admin/orders/${order.orderId}`)).statusCode).toBe(303);
    const [, second] = await handoversOf(order.orderId);
    expect(second).toMatchObject({ attempt: 2, state: 'waiting', acceptBy: msk('2026-12-16T00:00') });
    expect(await silenceJob(second!.id)).toEqual({ state: 'created', startAfter: msk('2026-12-16T00:00') });
  });

  it('silence: the job completes the order at the deadline after the New Year holidays, not a minute before, once', async () => {
    moveTo('2026-12-29T15:00');
    const order = await orderInWork();
    const manager1 = await staff();
    expect((await manager1.post(`/admin/orders/${order.orderId}/hand-over`, {}, `/admin/orders/${order.orderId}`)).statusCode).toBe(303);
    const [handover] = await handoversOf(order.orderId);
    expect(handover!.acceptBy).toEqual(msk('2027-01-15T00:00'));

    moveTo('2027-01-14T23:59');
    expect(await acceptBySilence(t.deps, handover!.id)).toBe('not_due');
    await expect(acceptBySilenceWhenDue(t.deps, { data: { handoverId: handover!.id } })).rejects.toThrow('acceptance period not over yet');
    expect((await reloadOrder(t, order.orderId)).state).toBe('work_done');

    moveTo('2027-01-15T00:00');
    await acceptBySilenceWhenDue(t.deps, { data: { handoverId: handover!.id } });
    expect((await reloadOrder(t, order.orderId)).state).toBe('completed');
    expect(await acceptBySilence(t.deps, handover!.id)).toBe('answered');
    expect(await settlementReceipts(order.orderId)).toBe(1);
    expect((await handoversOf(order.orderId))[0]).toMatchObject({ state: 'accepted_by_silence', answeredAt: msk('2027-01-15T00:00') });
    const [act] = await t.deps.db.select().from(serviceActs).where(eq(serviceActs.orderId, order.orderId));
    expect(act!.data).toMatchObject({ acceptance: 'silence', date: '2027-01-15', totalKopecks: order.order.priceKopecks });
    const [completed] = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.entityId, order.orderId), eq(auditLog.action, 'order.completed')));
    expect(completed).toMatchObject({ staffId: null, ip: null, details: { acceptance: 'silence' } });

    const client = await signIn(order.login, '203.0.113.202');
    expect((await client.post(`${order.page}/acceptance`, { answer: 'remarks', remarks: 'Не успел проверить.' }, order.page)).statusCode).toBe(409);
    expect(plain((await client.get(order.page)).body)).toContain('Работа принята без замечаний по истечении срока приёмки');
    await deliverQueuedEmails(t);
    const [mail] = mailTo(smtp.received, order.email, /^Заказ У-\d+ выполнен, акт об оказании услуг/);
    expect(mail!.text).toContain('Срок приёмки истёк без замечаний');
  });
});
