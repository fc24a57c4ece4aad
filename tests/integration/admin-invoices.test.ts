import { and, eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agreeSpecification } from '../../src/actions/orders/agree-specification.js';
import { completeWork } from '../../src/actions/orders/complete-work.js';
import { logContact } from '../../src/actions/orders/log-contact.js';
import { logWorkHours } from '../../src/actions/orders/log-work-hours.js';
import { startWork } from '../../src/actions/orders/start-work.js';
import { reconcilePayments } from '../../src/actions/payments/reconcile-payments.js';
import type { Order } from '../../src/db/queries/orders.js';
import type { StaffMember } from '../../src/db/queries/staff.js';
import { auditLog, emails, invoices, orders, paymentAttempts, paymentEvents, staffAlerts } from '../../src/db/schema/index.js';
import { signed } from '../../sandbox/freedompay/signature.js';
import { deliverQueuedEmails, mailTo, paidOrder, signedInClient } from '../helpers/accounts.js';
import { cards, orderPaidJobs, reloadOrder } from '../helpers/payments.js';
import { startTestSmtp, type TestSmtp } from '../helpers/smtp.js';
import { staffBrowser } from '../helpers/staff.js';
import { backends, createTestApp, manualClock, testMerchant, type TestApp } from '../helpers/test-app.js';
import type { Visitor } from '../helpers/visitor.js';
import { invoiceNumber, orderNumber } from '../../src/domain/orders/order-number.js';

// The extra-hours surcharge end to end over real HTTP: staff issue it, the client gets the email, pays
// it on the sandbox gateway from the personal account, and the callback settles the invoice alone.

const plain = (html: string) => html.replace(/[\u00a0\u202f]/g, ' ').replaceAll('&quot;', '"');

describe.each(backends)('surcharge invoices on %s', (backend) => {
  let t: TestApp;
  let smtp: TestSmtp;
  let manager: { browser: Visitor; member: StaffMember };
  let accountant: { browser: Visitor; member: StaffMember };
  const clock = manualClock(new Date('2026-11-24T11:20:00+03:00'));
  let n = 0;
  const names = ['Анна', 'Борис', 'Вера', 'Глеб', 'Дарья', 'Егор', 'Жанна', 'Зоя', 'Игорь', 'Кира', 'Лев', 'Мария'];

  beforeAll(async () => {
    smtp = await startTestSmtp();
    t = await createTestApp(backend, { clock, env: { SMTP_URL: smtp.url, CAPTCHA: 'off' } });
    manager = await staffBrowser(t, 'manager', '198.51.100.10');
    accountant = await staffBrowser(t, 'accountant', '198.51.100.11');
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  const moscow = (format: string) => DateTime.fromJSDate(clock.now(), { zone: 'Europe/Moscow' }).toFormat(format);

  /** A paid order taken through contact, specification and work by the manager's actions, with hours logged. */
  async function workedOrder(hours: string[], options: { complete?: boolean; slug?: string } = {}) {
    n += 1;
    const email = `client${n}@example.ru`;
    const client = await signedInClient(t, smtp.received, { email, name: `Клиент ${names[n % names.length]}` }, `203.0.113.${n}`);
    const actor = { member: manager.member, ip: '198.51.100.10' };
    const orderId = client.order.id;
    expect(await logContact(t.deps, { ...actor, orderId, body: { channel: 'phone', outcome: 'reached', contacted_at: moscow("yyyy-MM-dd'T'HH:mm") } })).toMatchObject({ kind: 'done' });
    expect(await agreeSpecification(t.deps, { ...actor, orderId, body: { text: 'Обновить модули и перенести сайт.', hours: '5' } })).toMatchObject({ kind: 'done' });
    expect(await startWork(t.deps, { ...actor, orderId })).toMatchObject({ kind: 'done' });
    for (const entry of hours) {
      expect(await logWorkHours(t.deps, { ...actor, orderId, body: { work_date: moscow('yyyy-MM-dd'), hours: entry, note: '' } })).toMatchObject({ kind: 'done' });
    }
    // Hours beyond the specification's 5 are invoiced only once the client approved them in the account.
    const worked = hours.reduce((sum, entry) => sum + Number(entry.replace(',', '.')), 0);
    if (worked > 5) await approveExtraHours(client.browser, orderId, String(worked - 5).replace('.', ','));
    if (options.complete !== false) expect(await completeWork(t.deps, { ...actor, orderId })).toMatchObject({ kind: 'done' });
    return { ...client, email, order: await reloadOrder(t, orderId) };
  }

  /** The manager asks for the extra hours on the order card; the client approves them in the account. */
  async function approveExtraHours(clientBrowser: Visitor, orderId: string, hours: string) {
    const asked = await manager.browser.post(`/admin/orders/${orderId}/extra-hours`, { hours, note: 'Понадобилось больше времени на перенос.' }, `/admin/orders/${orderId}`);
    expect(asked.statusCode).toBe(303);
    const [order] = await t.deps.db.select().from(orders).where(eq(orders.id, orderId));
    const page = await clientBrowser.get(`/account/orders/${order!.publicRef}`);
    const action = /action="(\/account\/orders\/[^"]+\/extra-hours\/[^"]+)"/.exec(page.body)![1]!;
    expect((await clientBrowser.post(action, { answer: 'approve' }, `/account/orders/${order!.publicRef}`)).statusCode).toBe(303);
  }

  async function issue(order: Order, fields: { amount: string; reason?: string }, by = manager.browser) {
    return by.post(`/admin/orders/${order.id}/invoices`, { reason: '', ...fields }, `/admin/orders/${order.id}/invoices/new`);
  }

  async function invoiceOf(order: Order) {
    const rows = await t.deps.db.select().from(invoices).where(eq(invoices.orderId, order.id)).orderBy(invoices.createdAt);
    return rows.at(-1)!;
  }

  /** A result callback signed with the sandbox's own signature code, sent as the gateway sends it. */
  async function postResult(fields: Record<string, string>) {
    const body = new URLSearchParams(signed('result', Object.entries(fields), testMerchant.secret) as [string, string][]);
    const response = await fetch(`${t.baseUrl}/payments/freedompay/result`, { method: 'POST', body });
    expect(response.status).toBe(200);
    return response.text();
  }

  const attemptsOf = (invoiceId: string) => t.deps.db.select().from(paymentAttempts).where(eq(paymentAttempts.invoiceId, invoiceId));

  it('issues the surcharge, emails it, and the client pays it on the gateway: the invoice is paid, the order untouched', async () => {
    const { order, email, browser } = await workedOrder(['4', '3,25']); // 7 h 15 min against 5 included
    clock.advance(10 * 60_000); // the surcharge is paid after the order

    const form = await manager.browser.get(`/admin/orders/${order.id}/invoices/new`);
    expect(form.statusCode).toBe(200);
    const shown = plain(form.body);
    expect(shown).toContain('7 ч 15 мин');
    expect(shown).toContain('2 ч 15 мин');
    expect(shown).toContain('3 000 ₽ за час');
    expect(shown).toContain('6 750 ₽');
    expect(shown).toContain('value="6 750"');

    const issued = await issue(order, { amount: '6 750' });
    expect(issued.statusCode).toBe(303);
    const invoice = await invoiceOf(order);
    expect(issued.headers.location).toBe(`/admin/invoices/${invoice.id}?done=issued`);
    expect(invoice).toMatchObject({ state: 'open', extraMinutes: 135, hourlyRateKopecks: 300_000, proposedKopecks: 675_000, amountKopecks: 675_000, amountReason: null, createdBy: manager.member.id });
    expect(invoice.publicRef).toMatch(/^[\w-]{24}$/);
    const [entry] = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'invoice.issued'), eq(auditLog.entityId, invoice.id)));
    expect(entry).toMatchObject({ staffId: manager.member.id, entity: 'invoice', details: expect.objectContaining({ amountKopecks: 675_000 }) });
    expect(plain((await manager.browser.get(issued.headers.location!)).body)).toContain('Счёт выставлен');

    // The email reaches the client's mailbox with the reason for the extra hours and the pay link.
    await deliverQueuedEmails(t);
    // The invoice is the order's first: «У-1042-Д1» in the subject, the body, both pages and the gateway's description.
    expect(invoice.ordinal).toBe(1);
    const number = invoiceNumber(order.number, 1);
    const [letter] = mailTo(smtp.received, email, `Счёт на доплату ${number}: Техническая поддержка сайта`);
    expect(letter).toBeDefined();
    const letterText = plain(letter!.text);
    expect(letterText).toContain(`Номер счёта: ${number}.`);
    expect(letterText).toContain(`Работа по заказу ${orderNumber(order.number)} «Техническая поддержка сайта»`);
    expect(letterText).toContain('заняла 7 ч 15 мин, а в услугу входит 5 ч');
    expect(letterText).toContain('К оплате: 6 750 ₽');
    expect(letterText).toContain(`${t.baseUrl}/account/invoices/${invoice.publicRef}`);

    // The order page in the account lists it with a pay button; the invoice page has «Оплатить».
    const orderPage = plain((await browser.get(`/account/orders/${order.publicRef}`)).body);
    expect(orderPage).toContain(`/account/invoices/${invoice.publicRef}`);
    expect(orderPage).toContain('ожидает оплаты');
    expect(orderPage).toContain('Оплатить 6 750 ₽');
    expect(orderPage).toContain(`Счёт ${number}: 6 750 ₽`);
    expect(orderPage).toContain(`Заказ ${orderNumber(order.number)}`);
    const page = await browser.get(`/account/invoices/${invoice.publicRef}`);
    expect(page.statusCode).toBe(200);
    expect(plain(page.body)).toContain('Оплатить 6 750 ₽');
    // Unpaid: the amount to pay, and who to ask — the order's manager, through the company's phone and email.
    const { company } = t.deps.content.current();
    expect(plain(page.body)).toMatch(/К оплате<\/dt><dd>6 750 ₽/);
    expect(plain(page.body).replace(/<[^>]+>/g, '')).toContain(`Вопросы по счёту — вашему менеджеру, ${manager.member.name}: телефон ${company.phone}, почта ${company.email}.`);
    expect(page.body).toContain(`href="mailto:${company.email}"`);
    expect(plain(page.body)).toMatch(new RegExp(`Номер счёта</dt>\\s*<dd>${number}</dd>`));

    const toGateway = await browser.post(`/account/invoices/${invoice.publicRef}/pay`, {});
    expect(toGateway.statusCode).toBe(303);
    expect(String(toGateway.headers.location)).toContain(t.sandbox.url);
    const [attempt] = await attemptsOf(invoice.id);
    expect(attempt).toMatchObject({ orderId: order.id, amountKopecks: 675_000, state: 'initiated', redirectUrl: toGateway.headers.location });
    expect(t.sandbox.payment(attempt!.gatewayPaymentId!)?.description).toBe(`Доплата ${number} по заказу: Техническая поддержка сайта`);
    // Pressing again resumes the same payment rather than starting a second one.
    expect((await browser.post(`/account/invoices/${invoice.publicRef}/pay`, {}, `/account/invoices/${invoice.publicRef}`)).headers.location).toBe(attempt!.redirectUrl);
    expect(plain((await browser.get(`/account/invoices/${invoice.publicRef}`)).body)).toContain('Проверяем оплату');

    // The gateway sends the result callback three times at once: one transition, one email.
    t.sandbox.setFaults(attempt!.id, { repeatResult: 3 });
    const paid = await t.sandbox.pay(attempt!.gatewayPaymentId!, cards.plain);
    expect(paid.outcome).toBe('success');
    expect(paid.redirectUrl).toContain(`/account/invoices/${invoice.publicRef}`);
    const deliveries = t.sandbox.deliveries().filter((d) => d.orderId === attempt!.id);
    expect(deliveries.map((d) => [d.kind, d.answerStatus])).toEqual([
      ['check', 'ok'],
      ['result', 'ok'],
      ['result', 'ok'],
      ['result', 'ok'],
    ]);

    expect(await invoiceOf(order)).toMatchObject({ state: 'paid', paidAt: clock.now(), offlineMethod: null });
    const settled = await reloadOrder(t, order.id);
    expect(settled).toMatchObject({ state: 'completed', paidAt: order.paidAt });
    expect(await orderPaidJobs(t, order.id)).toBe(1);
    expect(await t.deps.db.$count(paymentEvents, eq(paymentEvents.attemptId, attempt!.id))).toBe(1);
    expect(await t.deps.db.$count(staffAlerts, eq(staffAlerts.orderId, order.id))).toBe(0);
    const paidEmails = await t.deps.db.select().from(emails).where(and(eq(emails.orderId, order.id), eq(emails.kind, 'surcharge_paid')));
    expect(paidEmails).toHaveLength(1);
    await deliverQueuedEmails(t);
    expect(plain(mailTo(smtp.received, email, `Доплата ${number} получена`)[0]!.text)).toContain(`Мы получили доплату 6 750 ₽ по счёту ${number}`);

    // The return page shows what the database says; the order's own payment is still the order's.
    const after = plain((await browser.get(`/account/invoices/${invoice.publicRef}`)).body);
    expect(after).toContain('Доплата получена');
    expect(after).toContain('Visa •••• 1981');
    expect(after).not.toContain('Оплатить');
    // Paid: nothing is «to pay» any more.
    expect(after).not.toContain('К оплате');
    expect(after).toMatch(/Оплачено<\/dt><dd>6 750 ₽/);
    expect(after).not.toContain('Вопросы по счёту');
    const accountOrder = plain((await browser.get(`/account/orders/${order.publicRef}`)).body);
    expect(accountOrder).toMatch(/Оплачено<\/dt><dd>15 000 ₽/);
    expect(accountOrder).toContain('оплачен');
    expect((await t.app.inject(`/orders/${order.publicRef}`)).body).toContain('Оплата подтверждена');

    const staffView = plain((await manager.browser.get(`/admin/invoices/${invoice.id}`)).body);
    expect(staffView).toContain('оплачен');
    expect(staffView).toContain('Картой Visa •••• 1981');
    expect(staffView).not.toContain('Отметить оплаченным');
  });

  it('takes a changed amount only with a reason, and refuses a second open invoice', async () => {
    const { order, email } = await workedOrder(['6']);
    const noReason = await issue(order, { amount: '2 500,50' });
    expect(noReason.statusCode).toBe(422);
    expect(plain(noReason.body)).toContain('Сумма отличается от расчётной: напишите клиенту, почему.');
    expect(plain(noReason.body)).toContain('value="2 500,50"');
    const badAmount = await issue(order, { amount: 'три тысячи' });
    expect(badAmount.statusCode).toBe(422);
    expect(badAmount.body).toContain('Введите сумму цифрами');
    expect(await t.deps.db.$count(invoices, eq(invoices.orderId, order.id))).toBe(0);

    const reason = 'Полчаса ушло на нашу ошибку, их не считаем.';
    expect((await issue(order, { amount: '2 500,50', reason })).statusCode).toBe(303);
    expect(await invoiceOf(order)).toMatchObject({ proposedKopecks: 300_000, amountKopecks: 250_050, amountReason: reason });
    await deliverQueuedEmails(t);
    expect(mailTo(smtp.received, email, /^Счёт на доплату/)[0]!.text).toContain(`Сумма счёта изменена менеджером: ${reason}`);

    const again = await manager.browser.get(`/admin/orders/${order.id}/invoices/new`);
    expect(again.body).toContain('уже есть неоплаченный счёт');
    const second = await manager.browser.post(`/admin/orders/${order.id}/invoices`, { amount: '3 000', reason: '' });
    expect(second.statusCode).toBe(409);
    expect(second.body).toContain('уже есть неоплаченный счёт');
    expect(await t.deps.db.$count(invoices, eq(invoices.orderId, order.id))).toBe(1);
  });

  it('refuses fixed-price orders, orders within their hours and orders not yet in work, in Russian', async () => {
    const fixed = await paidOrder(t, { email: 'fixed@example.ru' }, 'landing-page');
    expect(plain((await manager.browser.get(`/admin/orders/${fixed.id}/invoices/new`)).body)).toContain('оплачивается фиксированной суммой');
    const paidOnly = await paidOrder(t, { email: 'early@example.ru' });
    expect(plain((await manager.browser.get(`/admin/orders/${paidOnly.id}/invoices/new`)).body)).toContain('когда заказ в работе или выполнен');
    const within = await workedOrder(['5']);
    const refused = await issue(within.order, { amount: '100' });
    expect(refused.statusCode).toBe(409);
    expect(plain(refused.body)).toContain('не превышает часов, входящих в услугу');
    expect((await manager.browser.get('/admin/orders/00000000-0000-4000-8000-000000000000/invoices/new')).statusCode).toBe(404);
    // An accountant cannot issue surcharges.
    expect((await accountant.browser.get(`/admin/orders/${within.order.id}/invoices/new`)).statusCode).toBe(403);
  });

  it('marks an invoice paid by bank transfer with a note, audited, and the client is told', async () => {
    const { order, email, browser } = await workedOrder(['6'], { complete: false }); // still in work
    expect((await issue(order, { amount: '3 000' })).statusCode).toBe(303);
    const invoice = await invoiceOf(order);

    const noNote = await accountant.browser.post(`/admin/invoices/${invoice.id}/mark-paid`, { method: 'bank_transfer', receipt: 'not_needed', note: ' ' }, `/admin/invoices/${invoice.id}`);
    expect(noNote.statusCode).toBe(422);
    expect(noNote.body).toContain('Напишите, по какому документу');
    const noMethod = await accountant.browser.post(`/admin/invoices/${invoice.id}/mark-paid`, { note: 'п/п 123' });
    expect(noMethod.statusCode).toBe(422);
    expect(noMethod.body).toContain('Выберите, как клиент заплатил');
    expect(noMethod.body).toContain('Выберите, нужен ли кассовый чек');
    // Cash always goes through the register: «no receipt» is only for an organisation's transfer.
    const cashWithoutReceipt = await accountant.browser.post(`/admin/invoices/${invoice.id}/mark-paid`, { method: 'cash', receipt: 'not_needed', note: 'касса офиса' });
    expect(cashWithoutReceipt.statusCode).toBe(422);
    expect(plain(cashWithoutReceipt.body)).toContain('Наличные всегда проводятся через кассу');

    const marked = await accountant.browser.post(`/admin/invoices/${invoice.id}/mark-paid`, { method: 'bank_transfer', receipt: 'not_needed', note: 'п/п № 123 от 24.11.2026' });
    expect(marked.statusCode).toBe(303);
    expect(await invoiceOf(order)).toMatchObject({
      state: 'paid',
      paidAt: clock.now(),
      offlineMethod: 'bank_transfer',
      offlineNote: 'п/п № 123 от 24.11.2026',
      markedPaidBy: accountant.member.id,
      noReceiptReason: 'оплатила организация или ИП со своего расчётного счёта',
    });
    const [entry] = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'invoice.marked_paid'), eq(auditLog.entityId, invoice.id)));
    expect(entry).toMatchObject({ staffId: accountant.member.id, details: expect.objectContaining({ method: 'bank_transfer', receipt: 'not_needed' }) });
    expect((await reloadOrder(t, order.id)).state).toBe('in_work');
    await deliverQueuedEmails(t);
    expect(mailTo(smtp.received, email, `Доплата ${invoiceNumber(order.number, invoice.ordinal)} получена`)).toHaveLength(1);

    const staffView = plain((await accountant.browser.get(`/admin/invoices/${invoice.id}`)).body);
    expect(staffView).toContain('Банковский перевод');
    expect(staffView).toContain('п/п № 123 от 24.11.2026');
    expect(plain((await browser.get(`/account/invoices/${invoice.publicRef}`)).body)).toContain('банковским переводом');
    // Settled: no second marking, no payment on the gateway.
    expect((await accountant.browser.post(`/admin/invoices/${invoice.id}/mark-paid`, { method: 'cash', receipt: 'needed', note: 'ещё раз' })).statusCode).toBe(409);
    const pay = await browser.post(`/account/invoices/${invoice.publicRef}/pay`, {}, `/account/orders/${order.publicRef}`);
    expect(pay.headers.location).toBe(`/account/invoices/${invoice.publicRef}`);
    expect(await attemptsOf(invoice.id)).toHaveLength(0);
  });

  it('voids an open invoice with a reason; a new one can then be issued', async () => {
    const { order, browser } = await workedOrder(['6,5']);
    expect((await issue(order, { amount: '4 500' })).statusCode).toBe(303);
    const invoice = await invoiceOf(order);
    const noReason = await manager.browser.post(`/admin/invoices/${invoice.id}/void`, { reason: '' }, `/admin/invoices/${invoice.id}`);
    expect(noReason.statusCode).toBe(422);
    expect(noReason.body).toContain('Напишите, почему счёт отменяется');
    expect((await accountant.browser.post(`/admin/invoices/${invoice.id}/void`, { reason: 'x' }, `/admin/invoices/${invoice.id}`)).statusCode).toBe(403);

    expect((await manager.browser.post(`/admin/invoices/${invoice.id}/void`, { reason: 'Часы пересчитаны' }, `/admin/invoices/${invoice.id}`)).statusCode).toBe(303);
    expect(await invoiceOf(order)).toMatchObject({ state: 'cancelled' });
    expect(plain((await manager.browser.get(`/admin/invoices/${invoice.id}`)).body)).toContain('Часы пересчитаны');
    expect(plain((await browser.get(`/account/invoices/${invoice.publicRef}`)).body)).toContain('Счёт отменён');
    expect((await browser.post(`/account/invoices/${invoice.publicRef}/pay`, {})).headers.location).toBe(`/account/invoices/${invoice.publicRef}`);

    const form = plain((await manager.browser.get(`/admin/orders/${order.id}/invoices/new`)).body);
    expect(form).toContain('value="4 500"');
    // The voided invoice keeps its number: the new one is the order's second.
    expect((await issue(order, { amount: '4 500' })).statusCode).toBe(303);
    const second = await invoiceOf(order);
    expect([invoice.ordinal, second.ordinal]).toEqual([1, 2]);
    const staffPage = plain((await manager.browser.get(`/admin/invoices/${second.id}`)).body);
    expect(staffPage).toContain(`<h1>Счёт на доплату ${invoiceNumber(order.number, 2)}</h1>`);
    const card = plain((await manager.browser.get(`/admin/orders/${order.id}`)).body);
    expect(card).toContain(invoiceNumber(order.number, 1));
    expect(card).toContain(invoiceNumber(order.number, 2));
  });

  it("shows a client only their own invoices: another client's is 404", async () => {
    const owner = await workedOrder(['6']);
    expect((await issue(owner.order, { amount: '3 000' })).statusCode).toBe(303);
    const invoice = await invoiceOf(owner.order);
    const stranger = await workedOrder(['1']);
    expect((await stranger.browser.get(`/account/invoices/${invoice.publicRef}`)).statusCode).toBe(404);
    const pay = await stranger.browser.post(`/account/invoices/${invoice.publicRef}/pay`, {}, `/account/orders/${stranger.order.publicRef}`);
    expect(pay.statusCode).toBe(404);
    expect(await attemptsOf(invoice.id)).toHaveLength(0);
    // Signed out: the sign-in page.
    expect((await t.app.inject(`/account/invoices/${invoice.publicRef}`)).headers.location).toBe('/account/login');
  });

  it('settles an invoice whose callback was lost through reconciliation, and keeps a mismatched payment for staff', async () => {
    const { order, browser } = await workedOrder(['7']);
    expect((await issue(order, { amount: '6 000' })).statusCode).toBe(303);
    const invoice = await invoiceOf(order);
    await browser.post(`/account/invoices/${invoice.publicRef}/pay`, {}, `/account/invoices/${invoice.publicRef}`);
    const [attempt] = await attemptsOf(invoice.id);
    t.sandbox.setFaults(attempt!.id, { dropResult: true });
    await t.sandbox.pay(attempt!.gatewayPaymentId!, cards.plain);
    expect(await invoiceOf(order)).toMatchObject({ state: 'open' });
    clock.advance(3 * 60_000);
    await reconcilePayments(t.deps);
    expect(await invoiceOf(order)).toMatchObject({ state: 'paid' });
    expect((await reloadOrder(t, order.id)).state).toBe('completed');
    // A late failure for the same payment never demotes it.
    await postResult({ pg_order_id: attempt!.id, pg_payment_id: attempt!.gatewayPaymentId!, pg_amount: '6000.00', pg_currency: 'RUB', pg_result: '0', pg_can_reject: '0' });
    expect(await invoiceOf(order)).toMatchObject({ state: 'paid' });
    expect((await attemptsOf(invoice.id))[0]).toMatchObject({ state: 'paid' });

    // A second order: the gateway reports a different amount and cannot take it back.
    const other = await workedOrder(['6']);
    expect((await issue(other.order, { amount: '3 000' })).statusCode).toBe(303);
    const second = await invoiceOf(other.order);
    await other.browser.post(`/account/invoices/${second.publicRef}/pay`, {}, `/account/invoices/${second.publicRef}`);
    const [pending] = await attemptsOf(second.id);
    const mismatch = { pg_order_id: pending!.id, pg_payment_id: pending!.gatewayPaymentId!, pg_amount: '300.00', pg_currency: 'RUB', pg_result: '1', pg_can_reject: '0', pg_captured: '1' };
    expect(await postResult(mismatch)).toContain('<pg_status>ok</pg_status>');
    expect(await invoiceOf(other.order)).toMatchObject({ state: 'open' });
    expect((await reloadOrder(t, other.order.id)).state).toBe('completed');
    const alerts = await t.deps.db.select().from(staffAlerts).where(eq(staffAlerts.orderId, other.order.id));
    expect(alerts).toEqual([expect.objectContaining({ kind: 'amount_mismatch' })]);
    // The duplicate changes nothing: still one event, one alert.
    expect(await postResult(mismatch)).toContain('<pg_status>ok</pg_status>');
    expect(await t.deps.db.$count(staffAlerts, eq(staffAlerts.orderId, other.order.id))).toBe(1);
    expect(await t.deps.db.$count(paymentEvents, eq(paymentEvents.attemptId, pending!.id))).toBe(1);
    expect(plain((await other.browser.get(`/account/invoices/${second.publicRef}`)).body)).toContain('требует проверки');
  });

  it('lists the invoices on the order card section with the actions the role allows', async () => {
    const { order } = await workedOrder(['6']);
    const before = plain((await manager.browser.get(`/admin/orders/${order.id}`)).body);
    expect(before).toContain('Доплаты');
    expect(before).toContain(`/admin/orders/${order.id}/invoices/new`);
    expect((await issue(order, { amount: '2 000', reason: 'Скидка постоянному клиенту' })).statusCode).toBe(303);
    const invoice = await invoiceOf(order);
    const card = plain((await manager.browser.get(`/admin/orders/${order.id}`)).body);
    expect(card.replace(/<[^>]+>/g, '')).toContain('1 ч × 3 000 ₽/ч = 3 000 ₽');
    expect(card).toContain('2 000 ₽');
    expect(card).toContain('Скидка постоянному клиенту');
    expect(card).toContain(`/admin/invoices/${invoice.id}#void`);
    expect(card).not.toContain(`/admin/orders/${order.id}/invoices/new`);
    const forAccountant = plain((await accountant.browser.get(`/admin/orders/${order.id}`)).body);
    expect(forAccountant).toContain(`/admin/invoices/${invoice.id}#mark-paid`);
    expect(forAccountant).not.toContain(`/admin/invoices/${invoice.id}#void`);
  });
});
