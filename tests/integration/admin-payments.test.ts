import { and, eq, inArray } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settleOperations } from '../../src/actions/payments/settle-operations.js';
import { operationsForAttempt, paidAttemptForOrder, type PaymentAttempt } from '../../src/db/queries/payments.js';
import { payInvoice } from '../../src/actions/invoices/pay-invoice.js';
import { auditLog, emails, invoices, paymentAttempts, paymentOperations } from '../../src/db/schema/index.js';
import { paidOrder } from '../helpers/accounts.js';
import { cards, orderSentToGateway, reloadAttempt, reloadOrder } from '../helpers/payments.js';
import { returnMoney } from '../helpers/money-returns.js';
import { staffBrowser } from '../helpers/staff.js';
import { backends, createTestApp, manualClock, type TestApp } from '../helpers/test-app.js';
import { orderNumber } from '../../src/domain/orders/order-number.js';

// Cancel or refund from the back office, over real HTTP against the sandbox gateway, with the
// clock moved by hand across the bank's day close (23:59 Moscow time).

const plain = (html: string) => html.replace(/[\u00a0\u202f]/g, ' ').replaceAll('&quot;', '"').replaceAll('&#39;', "'");
const moscow = (wallTime: string) => DateTime.fromISO(wallTime, { zone: 'Europe/Moscow' }).toJSDate();
const returnUrl = (attemptId: string) => `/admin/payments/${attemptId}/return`;

function advanceTo(clock: ReturnType<typeof manualClock>, when: Date) {
  const ms = when.getTime() - clock.now().getTime();
  if (ms < 0) throw new Error(`The clock cannot go back to ${when.toISOString()}`);
  clock.advance(ms);
}

let emailCounter = 0;
let ipCounter = 0;
/** Each member signs in from an address of their own: the sign-in is rate-limited per address. */
const signIn = (t: TestApp, role: 'admin' | 'manager' | 'accountant') => staffBrowser(t, role, `198.51.100.${++ipCounter}`);
const nextEmail = () => `payer${++emailCounter}@example.ru`;

async function attemptOf(t: TestApp, orderId: string): Promise<PaymentAttempt> {
  return (await paidAttemptForOrder(t.deps.db, orderId))!;
}

const auditOf = (t: TestApp, attemptId: string) =>
  t.deps.db.select().from(auditLog).where(and(eq(auditLog.entity, 'payment_attempt'), eq(auditLog.entityId, attemptId))).orderBy(auditLog.id);

const emailsOf = (t: TestApp, orderId: string, kinds: string[]) =>
  t.deps.db.select().from(emails).where(and(eq(emails.orderId, orderId), inArray(emails.kind, kinds))).orderBy(emails.createdAt);

async function pdfText(pdf: Buffer): Promise<string> {
  const document = await getDocumentProxy(new Uint8Array(pdf));
  const { text } = await extractText(document, { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

describe.each(backends)('payments held in two steps on %s', (backend) => {
  let t: TestApp;
  const clock = manualClock(moscow('2026-03-05T23:50'));
  beforeAll(async () => {
    t = await createTestApp(backend, { captcha: false, clock, env: { FREEDOMPAY_AUTO_CLEARING: 'off' } });
  });
  afterAll(() => t.close());

  it('cancels at 23:58 Moscow time of the payment day: cancel.php, the order cancelled, the client told', async () => {
    const { order, attempt } = await orderSentToGateway(t, 'site-support', { email: nextEmail() });
    expect((await t.sandbox.pay(attempt.gatewayPaymentId!, cards.cancellable)).outcome).toBe('success');
    advanceTo(clock, moscow('2026-03-05T23:58'));
    const { browser, member } = await signIn(t, 'accountant');

    const page = await browser.get(returnUrl(attempt.id));
    expect(page.statusCode).toBe(200);
    const shown = plain(page.body);
    expect(shown).toContain('Будет сделано: отмена платежа');
    expect(shown).toContain('Платёж аннулируется целиком в Freedom Pay: 15 000 ₽.');
    expect(shown).not.toMatch(/cancel\.php|revoke\.php|get_status|pg_/);
    expect(shown).toContain('Почему:');
    expect(shown).not.toContain('name="amount"');

    const { asked, done: confirmed } = await returnMoney(browser, returnUrl(attempt.id), { kind: 'cancel', reason: 'Клиент передумал в тот же вечер', work_done: 'Ничего не сделано' });
    expect(plain(asked.body)).toContain(`Отменить платёж клиента ${order.customerName} и вернуть 15 000 ₽? Это нельзя отменить.`);
    const done = confirmed!;
    expect(done.statusCode).toBe(303);
    const [operation] = await operationsForAttempt(t.deps.db, attempt.id);
    expect(operation).toMatchObject({ kind: 'cancel', state: 'succeeded', amountKopecks: 1_500_000, staffId: member.id, workDoneNote: 'Ничего не сделано', reason: 'Клиент передумал в тот же вечер' });
    expect(done.headers.location).toBe(`${returnUrl(attempt.id)}?operation=${operation!.id}`);
    const after = plain((await browser.get(done.headers.location!)).body);
    expect(after).toContain('Отмена платежа на 15 000 ₽ выполнена. Клиенту отправлено письмо.');
    expect(after).toContain('Платёж отменён: деньги уже возвращены клиенту.');
    expect(after).not.toContain('Заявка на отмену операции');

    // The gateway voided it (cancel.php, no refund), and the order and the attempt moved.
    expect(t.sandbox.payment(attempt.gatewayPaymentId!)).toMatchObject({ status: 'revoked', refunds: [] });
    expect(await reloadAttempt(t, attempt.id)).toMatchObject({ state: 'cancelled' });
    expect(await reloadOrder(t, order.id)).toMatchObject({ state: 'cancelled' });
    const [letter] = await emailsOf(t, order.id, ['payment_cancelled']);
    expect(letter).toMatchObject({ to: order.customerEmail, subject: `Оплата заказа ${orderNumber(order.number)} отменена` });
    expect(plain(letter!.text)).toContain('на сумму 15 000 ₽');
    const entries = await auditOf(t, attempt.id);
    expect(entries.map((e) => [e.action, e.staffId, e.details.amountKopecks])).toEqual([
      ['payment.cancel_requested', member.id, 1_500_000],
      ['payment.cancel_succeeded', member.id, 1_500_000],
    ]);
    expect(entries[0]!.ip).toBeTruthy();
    // No bank request for a cancel.
    expect((await browser.get(`/admin/payments/operations/${operation!.id}/request.pdf`)).statusCode).toBe(404);
    // Nothing more can be done; a second POST changes nothing.
    expect((await browser.post(returnUrl(attempt.id), { kind: 'cancel', reason: 'ещё раз' }, returnUrl(attempt.id))).statusCode).toBe(409);
    expect(await operationsForAttempt(t.deps.db, attempt.id)).toHaveLength(1);
  });

  it('still cancels a hold after the day close: nothing was debited, so there is nothing to refund', async () => {
    const { attempt } = await orderSentToGateway(t, 'site-support', { email: nextEmail() });
    await t.sandbox.pay(attempt.gatewayPaymentId!, cards.cancellable);
    advanceTo(clock, new Date(clock.now().getTime() + 24 * 3600_000));
    const { browser } = await signIn(t, 'accountant');
    const shown = plain((await browser.get(returnUrl(attempt.id))).body);
    expect(shown).toContain('Будет сделано: отмена платежа');
    expect(shown).toContain('только заблокированы');
  });
});

describe.each(backends)('cancel or refund of one-step payments on %s', (backend) => {
  let t: TestApp;
  const clock = manualClock(moscow('2026-03-05T15:00'));
  beforeAll(async () => {
    t = await createTestApp(backend, { captcha: false, clock });
  });
  afterAll(() => t.close());

  it('refunds at 00:01 the next day through revoke.php, with the bank request as a PDF', async () => {
    const order = await paidOrder(t, { email: nextEmail(), name: 'Анна Смирнова' });
    const attempt = await attemptOf(t, order.id);

    // Same day, 23:58: the gateway says the money is taken and cannot be voided, so a refund.
    advanceTo(clock, moscow('2026-03-05T23:58'));
    let { browser } = await signIn(t, 'accountant');
    const sameDay = plain((await browser.get(returnUrl(attempt.id))).body);
    expect(sameDay).toContain('Будет сделано: возврат денег');
    expect(sameDay).toContain('шлюз сообщает, что платёж уже нельзя отменить');

    advanceTo(clock, moscow('2026-03-06T00:01'));
    ({ browser } = await signIn(t, 'accountant'));
    const page = plain((await browser.get(returnUrl(attempt.id))).body);
    expect(page).toContain('Будет сделано: возврат денег');
    expect(page).toContain('Банковский день платежа (5 марта 2026) закрыт в 23:59 по Москве');
    expect(page).toContain('Деньги возвращаются на карту клиента через Freedom Pay: до 15 000 ₽ — оплачено 15 000 ₽ минус уже возвращённое.');
    expect(page).not.toMatch(/cancel\.php|revoke\.php|get_status|pg_/);
    expect(page).toContain('value="15 000"');

    // The form asks first: nothing is sent to the gateway, written or audited until «Да».
    const asked = await browser.post(returnUrl(attempt.id), { kind: 'refund', amount: '15000', reason: 'Услуга не нужна', work_done: '' });
    expect(asked.statusCode).toBe(200);
    const question = plain(asked.body);
    expect(question).toContain('Вернуть 15 000 ₽ клиенту Анна Смирнова? Это нельзя отменить.');
    expect(question).toContain('Да, вернуть 15 000 ₽');
    expect(question).toContain('Нет, изменить');
    expect(question).toContain('Visa •••• 1981');
    expect(await operationsForAttempt(t.deps.db, attempt.id)).toEqual([]);
    expect(await auditOf(t, attempt.id)).toEqual([]);
    expect(t.sandbox.payment(attempt.gatewayPaymentId!)?.refunds).toEqual([]);
    // «Нет, изменить»: the form again with what was typed (the amount as checked), still nothing done.
    const edit = await browser.post(returnUrl(attempt.id), { kind: 'refund', amount: '15 000', reason: 'Услуга не нужна', work_done: '', step: 'edit' });
    expect(edit.statusCode).toBe(200);
    expect(plain(edit.body)).toContain('value="15 000"');
    expect(plain(edit.body)).toContain('>Услуга не нужна</textarea>');
    expect(await operationsForAttempt(t.deps.db, attempt.id)).toEqual([]);

    const { done: confirmed } = await returnMoney(browser, returnUrl(attempt.id), { kind: 'refund', amount: '15 000', reason: 'Услуга не нужна', work_done: '' });
    const done = confirmed!;
    expect(done.statusCode).toBe(303);
    expect(t.sandbox.payment(attempt.gatewayPaymentId!)?.refunds).toEqual([expect.objectContaining({ amount: '-15000' })]);
    expect(await reloadOrder(t, order.id)).toMatchObject({ state: 'refunded' });
    const [operation] = await operationsForAttempt(t.deps.db, attempt.id);
    expect(operation).toMatchObject({ kind: 'refund', state: 'succeeded', amountKopecks: 1_500_000, gatewayRefundId: expect.any(String) });
    const after = plain((await browser.get(done.headers.location!)).body);
    expect(after).toContain('Возврат 15 000 ₽ выполнен. Клиенту отправлено письмо.');
    expect(after).toContain(`/admin/payments/operations/${operation!.id}/request.pdf`);
    const [letter] = await emailsOf(t, order.id, ['refund_made']);
    expect(letter).toMatchObject({ to: order.customerEmail, subject: `Возврат 15 000 ₽ за заказ ${orderNumber(order.number)} «Техническая поддержка сайта»` });
    expect(plain(letter!.text)).not.toContain('частичный');

    const pdf = await browser.get(`/admin/payments/operations/${operation!.id}/request.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(pdf.rawPayload);
    for (const expected of [
      'Заявка на отмену операции',
      'ООО «Услуги онлайн»',
      `ИНН / ОГРН ${t.deps.config.COMPANY_INN} / ${t.deps.config.COMPANY_OGRN}`,
      `Идентификатор платежа в шлюзе ${attempt.gatewayPaymentId}`,
      `Номер заказа в шлюзе ${attempt.id}`,
      // The order's number, never its public reference (which opens the order's page).
      `Назначение платежа Техническая поддержка сайта (заказ ${orderNumber(order.number)})`,
      'Дата и время операции 05.03.2026 15:00:00 (мск)',
      'Сумма операции 15 000,00 руб.',
      'Сумма к возврату 15 000,00 руб. (полный возврат)',
      'Карта Visa, **** **** **** 1981',
      'Причина отмены Услуга не нужна',
      `Идентификатор возврата в шлюзе ${operation!.gatewayRefundId}`,
      'Дата заявки: 06.03.2026 00:01:00 (мск)',
      'Руководитель ______________________ / ______________________ /',
      'Главный бухгалтер ______________________ / ______________________ /',
      'М.П.',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('refunds part, then the rest: the order keeps its state until everything is back', async () => {
    const order = await paidOrder(t, { email: nextEmail() });
    const attempt = await attemptOf(t, order.id);
    advanceTo(clock, new Date(clock.now().getTime() + 24 * 3600_000));
    const { browser } = await signIn(t, 'accountant');

    const { asked: partAsked, done: part } = await returnMoney(browser, returnUrl(attempt.id), { kind: 'refund', amount: '6 000,50', reason: 'Часть работ отменена', work_done: 'Аудит сделан: 2 ч' }, returnUrl(attempt.id));
    expect(plain(partAsked.body)).toContain('Вернуть 6 000,50 ₽ клиенту');
    expect(plain(partAsked.body)).toContain('6 000,50 ₽ из 15 000 ₽, которые можно вернуть');
    expect(part!.statusCode).toBe(303);
    expect(await reloadOrder(t, order.id)).toMatchObject({ state: 'paid' });
    expect(await reloadAttempt(t, attempt.id)).toMatchObject({ state: 'paid' });
    const page = plain((await browser.get(returnUrl(attempt.id))).body);
    expect(page).toContain('Частично возвращён');
    expect(page).toContain('value="8 999,50"');
    expect(page).toContain('Сделано и затраты: Аудит сделан: 2 ч');
    const [first] = await operationsForAttempt(t.deps.db, attempt.id);
    const partText = await pdfText((await browser.get(`/admin/payments/operations/${first!.id}/request.pdf`)).rawPayload);
    expect(partText).toContain('Сумма к возврату 6 000,50 руб. (частичный возврат)');
    expect(partText).toContain('Сумма операции 15 000,00 руб.');

    const { done: rest } = await returnMoney(browser, returnUrl(attempt.id), { kind: 'refund', amount: '8999.5', reason: 'Остаток тоже вернуть' });
    expect(rest!.statusCode).toBe(303);
    expect(await reloadOrder(t, order.id)).toMatchObject({ state: 'refunded' });
    expect((await operationsForAttempt(t.deps.db, attempt.id)).map((op) => [op.amountKopecks, op.state])).toEqual([
      [600_050, 'succeeded'],
      [899_950, 'succeeded'],
    ]);
    expect(t.sandbox.payment(attempt.gatewayPaymentId!)?.refunds.map((r) => r.amount)).toEqual(['-6000.50', '-8999.50']);
    const letters = await emailsOf(t, order.id, ['refund_made']);
    expect(letters.map((l) => plain(l.subject))).toEqual(['6 000,50', '8 999,50'].map((sum) => `Возврат ${sum} ₽ за заказ ${orderNumber(order.number)} «Техническая поддержка сайта»`));
    expect(plain(letters[0]!.text)).toContain('Это частичный возврат: из 15 000 ₽ оплаты возвращено 6 000,50 ₽.');
    expect(plain(letters[1]!.text)).not.toContain('частичный');
  });

  it('lets only one of two staff members pressing at once refund 60 % each: the sum never exceeds the payment', async () => {
    const order = await paidOrder(t, { email: nextEmail() });
    const attempt = await attemptOf(t, order.id);
    const first = await signIn(t, 'accountant');
    const second = await signIn(t, 'admin');
    await first.browser.get(returnUrl(attempt.id));
    await second.browser.get(returnUrl(attempt.id));

    // Both reach the confirmation page, then press «Да» at once.
    const fields = { kind: 'refund', amount: '9 000', reason: 'Двойное нажатие' };
    for (const member of [first, second]) expect(plain((await member.browser.post(returnUrl(attempt.id), fields)).body)).toContain('Вернуть 9 000 ₽ клиенту');
    expect(await operationsForAttempt(t.deps.db, attempt.id)).toEqual([]);
    const confirm = { ...fields, step: 'confirm' };
    const answers = await Promise.all([first.browser.post(returnUrl(attempt.id), confirm), second.browser.post(returnUrl(attempt.id), confirm)]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([303, 422]);
    const refused = plain(answers.find((a) => a.statusCode === 422)!.body);
    expect(refused).toMatch(/Вернуть можно от 0,01 ₽ до 6 000 ₽|Больше, чем можно вернуть: не более 6 000 ₽/);

    const operations = await operationsForAttempt(t.deps.db, attempt.id);
    const refunded = operations.filter((op) => op.state === 'succeeded').reduce((sum, op) => sum + op.amountKopecks, 0);
    expect(refunded).toBe(900_000);
    expect(refunded).toBeLessThanOrEqual(attempt.amountKopecks);
    expect(t.sandbox.payment(attempt.gatewayPaymentId!)?.refunds).toHaveLength(1);
  });

  it('refuses bad amounts and a missing reason in Russian, keeps the typed values, and changes nothing', async () => {
    const order = await paidOrder(t, { email: nextEmail() });
    const attempt = await attemptOf(t, order.id);
    const { browser } = await signIn(t, 'accountant');
    const cases: [Record<string, string>, string][] = [
      [{ amount: '15 000,01', reason: 'x' }, 'Больше, чем можно вернуть: не более 15 000 ₽.'],
      [{ amount: '0', reason: 'x' }, 'Сумма должна быть больше нуля.'],
      [{ amount: 'пятьсот рублей', reason: 'x' }, 'Введите сумму цифрами'],
      [{ amount: '', reason: 'x' }, 'Укажите сумму в рублях.'],
      [{ amount: '100', reason: '   ' }, 'Укажите причину: она попадёт в журнал действий и в заявку для банка.'],
    ];
    for (const [fields, message] of cases) {
      const answer = await browser.post(returnUrl(attempt.id), { kind: 'refund', work_done: 'заметка', ...fields }, returnUrl(attempt.id));
      expect(answer.statusCode).toBe(422);
      const shown = plain(answer.body);
      expect(shown).toContain(message);
      if (fields.amount) expect(shown).toContain(`value="${fields.amount}"`);
      expect(shown).toContain('>заметка</textarea>');
    }
    expect(await operationsForAttempt(t.deps.db, attempt.id)).toEqual([]);
    expect(await auditOf(t, attempt.id)).toEqual([]);
    expect(t.sandbox.payment(attempt.gatewayPaymentId!)?.refunds).toEqual([]);
    expect(await reloadOrder(t, order.id)).toMatchObject({ state: 'paid' });
    // A form showing a cancel that is now a refund is shown again, not acted on.
    const stale = await browser.post(returnUrl(attempt.id), { kind: 'cancel', reason: 'x' }, returnUrl(attempt.id));
    expect(stale.statusCode).toBe(409);
    expect(plain(stale.body)).toContain('решение изменилось');
    expect(await operationsForAttempt(t.deps.db, attempt.id)).toEqual([]);
  });

  it('leaves an unanswered refund "unknown", says so, and lets reconciliation settle it and tell the client', async () => {
    const order = await paidOrder(t, { email: nextEmail() });
    const attempt = await attemptOf(t, order.id);
    const { browser } = await signIn(t, 'accountant');
    await browser.get(returnUrl(attempt.id));
    // The gateway refunds, but its answer cannot be trusted (a bad signature): no definite word.
    t.sandbox.setFaults(attempt.id, { corruptSignature: true });
    const { done: confirmed } = await returnMoney(browser, returnUrl(attempt.id), { kind: 'refund', amount: '5 000', reason: 'Клиент попросил' });
    const done = confirmed!;
    expect(done.statusCode).toBe(303);
    const [operation] = await operationsForAttempt(t.deps.db, attempt.id);
    expect(operation).toMatchObject({ state: 'unknown' });
    const page = plain((await browser.get(done.headers.location!)).body);
    expect(page).toContain('платёжный шлюз не ответил вовремя, итог неизвестен');
    expect(page).toContain('Ждёт сверки');
    expect(await emailsOf(t, order.id, ['refund_made'])).toEqual([]);

    t.sandbox.setFaults(attempt.id, {});
    clock.advance(2 * 60_000);
    expect(await settleOperations(t.deps)).toBe(1);
    expect((await operationsForAttempt(t.deps.db, attempt.id))[0]).toMatchObject({ state: 'succeeded' });
    expect(await emailsOf(t, order.id, ['refund_made'])).toHaveLength(1);
    expect((await auditOf(t, attempt.id)).map((e) => e.action)).toEqual(['payment.refund_requested', 'payment.refund_succeeded']);
  });

  it('lists paid payments for payments.manage, finds one by order number, and refuses managers', async () => {
    const order = await paidOrder(t, { email: nextEmail() });
    const attempt = await attemptOf(t, order.id);
    const { browser } = await signIn(t, 'accountant');
    const list = plain((await browser.get('/admin/payments')).body);
    expect(list).toContain('Visa •••• 1981');
    expect(list).toContain(returnUrl(attempt.id));
    // The order number as staff type it: «У-1042», bare digits, lower-case without the dash, the Latin letter, with «№».
    for (const spelling of [orderNumber(order.number), String(order.number), `у${order.number}`, `U-${order.number}`, `№ ${orderNumber(order.number)}`]) {
      const found = plain((await browser.get(`/admin/payments?q=${encodeURIComponent(spelling)}`)).body);
      expect(found, spelling).toContain(returnUrl(attempt.id));
      expect(found.match(/\/return"/g), spelling).toHaveLength(1);
    }
    expect(plain((await browser.get(`/admin/payments?q=${attempt.gatewayPaymentId}`)).body)).toContain(returnUrl(attempt.id));
    expect(plain((await browser.get('/admin/payments?q=nothing-like-it')).body)).toContain('Ничего не нашлось.');

    // The order card lists the payment with the action for the accountant, without it for a manager.
    const card = plain((await browser.get(`/admin/orders/${order.id}`)).body);
    expect(card).toContain('Платежи');
    expect(card).toContain(returnUrl(attempt.id));
    const manager = await signIn(t, 'manager');
    const managerCard = await manager.browser.get(`/admin/orders/${order.id}`);
    expect(managerCard.statusCode).toBe(200);
    expect(managerCard.body).toContain('Платежи');
    expect(managerCard.body).not.toContain(returnUrl(attempt.id));

    expect((await manager.browser.get('/admin/payments')).statusCode).toBe(403);
    expect((await manager.browser.get(returnUrl(attempt.id))).statusCode).toBe(403);
    const [operation] = await t.deps.db.select().from(paymentOperations).where(eq(paymentOperations.kind, 'refund')).limit(1);
    expect((await manager.browser.get(`/admin/payments/operations/${operation!.id}/request.pdf`)).statusCode).toBe(403);
    const post = await manager.browser.post(returnUrl(attempt.id), { kind: 'refund', amount: '100', reason: 'x' }, `/admin/orders/${order.id}`);
    expect(post.statusCode).toBe(403);
    const confirmed = await manager.browser.post(returnUrl(attempt.id), { kind: 'refund', amount: '100', reason: 'x', step: 'confirm' }, `/admin/orders/${order.id}`);
    expect(confirmed.statusCode).toBe(403);
    expect(await operationsForAttempt(t.deps.db, attempt.id)).toEqual([]);
    expect((await browser.get('/admin/payments/not-a-uuid/return')).statusCode).toBe(404);
  });

  it('refunds a surcharge paid on the gateway: the invoice is refunded, the order is left as it was', async () => {
    const order = await paidOrder(t, { email: nextEmail() });
    const { member } = await signIn(t, 'manager');
    const [invoice] = await t.deps.db
      .insert(invoices)
      .values({
        publicRef: `inv-${order.id.slice(0, 8)}-surcharge-ref`,
        orderId: order.id,
        ordinal: 1,
        extraMinutes: 60,
        hourlyRateKopecks: 300_000,
        proposedKopecks: 300_000,
        amountKopecks: 300_000,
        createdBy: member.id,
        createdAt: clock.now(),
      })
      .returning();
    expect(await payInvoice(t.deps, { clientId: order.clientId!, invoiceRef: invoice!.publicRef })).toMatchObject({ kind: 'redirect' });
    const [attempt] = await t.deps.db.select().from(paymentAttempts).where(eq(paymentAttempts.invoiceId, invoice!.id));
    expect((await t.sandbox.pay(attempt!.gatewayPaymentId!, cards.plain)).outcome).toBe('success');
    const [paidInvoice] = await t.deps.db.select().from(invoices).where(eq(invoices.id, invoice!.id));
    expect(paidInvoice).toMatchObject({ state: 'paid' });

    const { browser } = await signIn(t, 'accountant');
    const card = plain((await browser.get(`/admin/orders/${order.id}`)).body);
    expect(card).toContain('Доплата по счёту: 3 000 ₽');
    expect(t.sandbox.payment(attempt!.gatewayPaymentId!)?.description).toBe(`Доплата ${orderNumber(order.number)}-Д1 по заказу: Техническая поддержка сайта`);
    expect(card).toContain(returnUrl(attempt!.id));
    const { asked, done } = await returnMoney(browser, returnUrl(attempt!.id), { kind: 'refund', amount: '3 000', reason: 'Часы не подтвердились' }, returnUrl(attempt!.id));
    expect(plain(asked.body)).toContain('(доплата по счёту)');
    expect(done!.statusCode).toBe(303);
    const [refundedInvoice] = await t.deps.db.select().from(invoices).where(eq(invoices.id, invoice!.id));
    expect(refundedInvoice).toMatchObject({ state: 'refunded' });
    expect(await reloadAttempt(t, attempt!.id)).toMatchObject({ state: 'refunded' });
    expect(await reloadOrder(t, order.id)).toMatchObject({ state: 'paid' });
    const [letter] = await emailsOf(t, order.id, ['refund_made']);
    expect(plain(letter!.subject)).toBe(`Возврат 3 000 ₽ за доплату ${orderNumber(order.number)}-Д1 по заказу «Техническая поддержка сайта»`);
  });
});
