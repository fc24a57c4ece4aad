import { and, eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueInvoice } from '../../src/actions/invoices/issue-invoice.js';
import { markInvoicePaid } from '../../src/actions/invoices/mark-invoice-paid.js';
import { payInvoice } from '../../src/actions/invoices/pay-invoice.js';
import { agreeSpecification } from '../../src/actions/orders/agree-specification.js';
import { logContact } from '../../src/actions/orders/log-contact.js';
import { logWorkHours } from '../../src/actions/orders/log-work-hours.js';
import { answerExtraHours } from '../../src/actions/orders/answer-extra-hours.js';
import { proposeExtraHours } from '../../src/actions/orders/propose-extra-hours.js';
import { startWork } from '../../src/actions/orders/start-work.js';
import { refundPayment } from '../../src/actions/payments/refund-payment.js';
import { issueReceipt } from '../../src/actions/receipts/issue-receipt.js';
import { pollReceipt } from '../../src/actions/receipts/poll-receipt.js';
import { reissueReceipt } from '../../src/actions/receipts/reissue-receipt.js';
import type { StaffMember } from '../../src/db/queries/staff.js';
import { auditLog, invoices, notifications, paymentAttempts, receipts } from '../../src/db/schema/index.js';
import { paidOrder } from '../helpers/accounts.js';
import { completeThroughAcceptance } from '../helpers/acceptance.js';
import { cards, orderSentToGateway } from '../helpers/payments.js';
import { issueQueued, pollWaiting, receiptJobs, receiptProblems, receiptsOf, settleReceipts } from '../helpers/receipts.js';
import { staffBrowser, staffMember } from '../helpers/staff.js';
import { backends, createTestApp, type TestApp } from '../helpers/test-app.js';
import { visitor } from '../helpers/visitor.js';

// The 54-FZ receipt flow against the ATOL register sandbox on loopback: every money event gets exactly
// one receipt, written with the event, sent under a saved external id, read back until done, shown to
// the client; the register's outages, duplicates, expired tokens and failures change none of that.

const plain = (html: string) => html.replace(/[\u00a0\u202f]/g, ' ');

describe.each(backends)('receipts on %s', (backend) => {
  let t: TestApp;
  let manager: StaffMember;
  let accountant: StaffMember;

  beforeAll(async () => {
    // Callbacks off: the tests read reports themselves (the callback has its own test below).
    t = await createTestApp(backend, { captcha: false, receipts: { callbacks: false, doneAfterMs: 1000 } });
    manager = (await staffMember(t, 'manager')).member;
    accountant = (await staffMember(t, 'accountant')).member;
  });
  afterAll(async () => t.close());

  /** A paid order taken through contact, specification and work; hours logged, then optionally completed. */
  async function orderInWork(hours = '5') {
    const order = await paidOrder(t);
    const actor = { member: manager, ip: '198.51.100.10' };
    const moscow = DateTime.fromJSDate(t.deps.clock.now(), { zone: 'Europe/Moscow' });
    const day = moscow.toFormat('yyyy-MM-dd');
    expect(await logContact(t.deps, { ...actor, orderId: order.id, body: { channel: 'phone', outcome: 'reached', contacted_at: moscow.toFormat("yyyy-MM-dd'T'HH:mm") } })).toMatchObject({ kind: 'done' });
    expect(await agreeSpecification(t.deps, { ...actor, orderId: order.id, body: { text: 'Обновить модули.', hours: '5' } })).toMatchObject({ kind: 'done' });
    expect(await startWork(t.deps, { ...actor, orderId: order.id })).toMatchObject({ kind: 'done' });
    expect(await logWorkHours(t.deps, { ...actor, orderId: order.id, body: { work_date: day, hours, note: '' } })).toMatchObject({ kind: 'done' });
    return order;
  }
  /** Handed over and accepted by the client: the completion that issues the settlement receipt. */
  const complete = (orderId: string) => completeThroughAcceptance(t, manager, orderId);

  /** Hours past the specification are invoiced only once the client approved them. */
  async function extraHoursApproved(order: { id: string; publicRef: string; clientId: string | null }, hours: string) {
    const asked = await proposeExtraHours(t.deps, { member: manager, ip: '198.51.100.10', orderId: order.id, body: { hours, note: 'Понадобилось больше времени.' } });
    if (asked.kind !== 'done') throw new Error(`extra hours not asked: ${JSON.stringify(asked)}`);
    const answered = await answerExtraHours(t.deps, { clientId: order.clientId!, orderRef: order.publicRef, requestId: asked.requestId, body: { answer: 'approve' }, ip: '203.0.113.10' });
    expect(answered).toEqual({ kind: 'answered', answer: 'approve' });
  }

  it('pay → a prepayment receipt, written with the payment, made by the register and shown on the order page', async () => {
    const { order, attempt, location } = await orderSentToGateway(t, 'site-support', {});
    await t.sandbox.pay((await t.deps.db.select().from(paymentAttempts).where(eq(paymentAttempts.id, attempt.id)))[0]!.gatewayPaymentId!, cards.plain);
    const [queued] = await receiptsOf(t, order.id);
    expect(queued).toMatchObject({ event: 'order_paid', sourceId: attempt.id, kind: 'sale', settlement: 'prepayment_100', state: 'queued', moneyKopecks: order.priceKopecks });
    expect(queued!.externalId).toBe(`uslugi:order:${order.id}:prepayment:1`);
    expect(await receiptJobs(t, 'receipts.issue', queued!.id)).toBe(1);
    expect(location).toBeTruthy();

    const page = visitor(t.app);
    expect(plain((await page.get(`/orders/${order.publicRef}`)).body)).toContain('Чек формируется');

    expect(await issueReceipt(t.deps, queued!.id)).toEqual({ kind: 'waiting' });
    expect(await receiptJobs(t, 'receipts.poll', queued!.id)).toBe(1);
    expect(await pollReceipt(t.deps, { receiptId: queued!.id })).toEqual({ kind: 'waiting' }); // the register is still making it
    await t.atol!.advanceClock(1500);
    expect(await pollReceipt(t.deps, { receiptId: queued!.id })).toEqual({ kind: 'done' });

    const [done] = await receiptsOf(t, order.id);
    const registered = t.atol!.receipts().find((r) => r.externalId === done!.externalId)!;
    expect(registered).toMatchObject({ operation: 'sell', status: 'done' });
    expect(done).toMatchObject({ state: 'done', registerUuid: registered.uuid, fnNumber: registered.payload!.fn_number });
    expect(done!.fiscalDocumentAttribute).toBeGreaterThan(0);
    // What goes to the register: the buyer's email, never a name or phone (decision 018).
    expect(JSON.stringify(registered.request)).toContain(order.customerEmail);
    expect(JSON.stringify(registered.request)).not.toContain(order.customerName);

    const shown = plain((await page.get(`/orders/${order.publicRef}`)).body);
    expect(shown).toContain('Чек прихода (предоплата)');
    expect(shown).toContain(`ФН</dt><dd>${done!.fnNumber}`);
    expect(shown).toContain(`ФП</dt><dd>${done!.fiscalDocumentAttribute}`);
    expect(shown).not.toContain('Чек формируется');
    expect(await receiptProblems(t)).toEqual([]);
  });

  it('complete → a full-settlement receipt offsetting the prepayment; a partial refund after it → a return receipt of the full settlement', async () => {
    const order = await orderInWork();
    expect(await complete(order.id)).toEqual({ kind: 'accepted' });
    await settleReceipts(t);
    const [prepayment, settlement] = await receiptsOf(t, order.id);
    expect(prepayment).toMatchObject({ event: 'order_paid', state: 'done' });
    expect(settlement).toMatchObject({ event: 'order_completed', sourceId: order.id, settlement: 'full', state: 'done', moneyKopecks: 0, totalKopecks: order.priceKopecks });
    expect(settlement!.document.payments).toEqual([{ kind: 'prepayment_offset', sumKopecks: order.priceKopecks }]);

    const [attempt] = await t.deps.db.select().from(paymentAttempts).where(eq(paymentAttempts.orderId, order.id));
    expect(await refundPayment(t.deps, { attemptId: attempt!.id, amountKopecks: 100_000, reason: 'часть работ не нужна' })).toMatchObject({ kind: 'succeeded' });
    await settleReceipts(t);
    const refund = (await receiptsOf(t, order.id)).find((r) => r.event === 'money_returned')!;
    expect(refund).toMatchObject({ kind: 'sale_refund', settlement: 'full', moneyKopecks: 100_000, state: 'done' });
    expect(t.atol!.receipts().find((r) => r.externalId === refund.externalId)).toMatchObject({ operation: 'sell_refund' });
    expect(await receiptProblems(t)).toEqual([]);
  });

  it('a partial refund before completion returns the prepayment, and the settlement then offsets only what is kept', async () => {
    const order = await orderInWork();
    await settleReceipts(t);
    const [attempt] = await t.deps.db.select().from(paymentAttempts).where(eq(paymentAttempts.orderId, order.id));
    expect(await refundPayment(t.deps, { attemptId: attempt!.id, amountKopecks: 50_000 })).toMatchObject({ kind: 'succeeded' });
    expect(await complete(order.id)).toEqual({ kind: 'accepted' });
    await settleReceipts(t);
    const rows = await receiptsOf(t, order.id);
    expect(rows.find((r) => r.event === 'money_returned')).toMatchObject({ settlement: 'prepayment_100', moneyKopecks: 50_000, state: 'done' });
    expect(rows.find((r) => r.event === 'order_completed')).toMatchObject({ state: 'done', totalKopecks: order.priceKopecks - 50_000 });
    expect(await receiptProblems(t)).toEqual([]);
  });

  it('a surcharge paid by card gets its receipt; one paid in cash by a person too; one an organisation transferred gets none', async () => {
    const order = await orderInWork('8');
    expect(await complete(order.id)).toEqual({ kind: 'accepted' });
    await extraHoursApproved(order, '3');
    const issued = await issueInvoice(t.deps, { orderId: order.id, staff: manager, body: { amount: '9 000', reason: '' }, ip: '198.51.100.10' });
    expect(issued).toMatchObject({ kind: 'issued' });
    const [invoice] = await t.deps.db.select().from(invoices).where(eq(invoices.orderId, order.id));
    await payInvoice(t.deps, { clientId: order.clientId!, invoiceRef: invoice!.publicRef });
    const [invoiceAttempt] = await t.deps.db.select().from(paymentAttempts).where(eq(paymentAttempts.invoiceId, invoice!.id));
    await t.sandbox.pay(invoiceAttempt!.gatewayPaymentId!, cards.plain);
    await settleReceipts(t);
    const surcharge = (await receiptsOf(t, order.id)).find((r) => r.event === 'invoice_paid')!;
    expect(surcharge).toMatchObject({ invoiceId: invoice!.id, sourceId: invoiceAttempt!.id, kind: 'sale', settlement: 'full', moneyKopecks: 900_000, state: 'done' });
    expect(surcharge.document.payments).toEqual([{ kind: 'electronic', sumKopecks: 900_000 }]);

    const cashOrder = await orderInWork('7');
    await complete(cashOrder.id);
    await extraHoursApproved(cashOrder, '2');
    await issueInvoice(t.deps, { orderId: cashOrder.id, staff: manager, body: { amount: '6 000', reason: '' }, ip: '198.51.100.10' });
    const [cashInvoice] = await t.deps.db.select().from(invoices).where(eq(invoices.orderId, cashOrder.id));
    const marked = await markInvoicePaid(t.deps, { invoiceId: cashInvoice!.id, staff: accountant, body: { method: 'cash', receipt: 'needed', note: 'касса офиса' }, ip: '198.51.100.11' });
    expect(marked).toEqual({ kind: 'marked' });
    await settleReceipts(t);
    expect((await receiptsOf(t, cashOrder.id)).find((r) => r.event === 'invoice_paid')).toMatchObject({ sourceId: cashInvoice!.id, state: 'done', document: expect.objectContaining({ payments: [{ kind: 'cash', sumKopecks: 600_000 }] }) });

    const companyOrder = await orderInWork('6');
    await complete(companyOrder.id);
    await extraHoursApproved(companyOrder, '1');
    await issueInvoice(t.deps, { orderId: companyOrder.id, staff: manager, body: { amount: '3 000', reason: '' }, ip: '198.51.100.10' });
    const [companyInvoice] = await t.deps.db.select().from(invoices).where(eq(invoices.orderId, companyOrder.id));
    await markInvoicePaid(t.deps, { invoiceId: companyInvoice!.id, staff: accountant, body: { method: 'bank_transfer', receipt: 'not_needed', note: 'п/п 12 от ООО «Ромашка»' }, ip: '198.51.100.11' });
    await settleReceipts(t);
    expect((await receiptsOf(t, companyOrder.id)).filter((r) => r.invoiceId)).toEqual([]);
    expect(await receiptProblems(t)).toEqual([]);
  });

  it('register down for a while, then back: the same document and external id until it takes it, exactly one receipt', async () => {
    t.atol!.setFaults({ down: 'reset' });
    const order = await paidOrder(t);
    await issueQueued(t);
    await issueQueued(t);
    const [waiting] = await receiptsOf(t, order.id);
    expect(waiting).toMatchObject({ state: 'sent', attempts: 2 });
    expect(waiting!.errorText).toBeTruthy();
    t.atol!.resetFaults();
    // The register took it but the answer was lost: the resend is a duplicate, reconciled by its report.
    t.atol!.setFaults({ dropAfterRegister: 1 });
    expect(await issueReceipt(t.deps, waiting!.id)).toMatchObject({ kind: 'unavailable' });
    expect(await issueReceipt(t.deps, waiting!.id)).toEqual({ kind: 'waiting' });
    await t.atol!.advanceClock(2000);
    await pollWaiting(t);
    const [done] = await receiptsOf(t, order.id);
    expect(done).toMatchObject({ state: 'done', attempts: 4 });
    expect(t.atol!.receipts().filter((r) => r.externalId === done!.externalId)).toHaveLength(1);
    expect(await receiptProblems(t)).toEqual([]);
  });

  it('a register that does not know the uuid it gave (its state lost) gets the same document again under the same external id; one that keeps forgetting is left to staff', async () => {
    const forget = (receiptId: string, attempts?: number) =>
      t.deps.db.update(receipts).set({ registerUuid: crypto.randomUUID(), ...(attempts ? { attempts } : {}) }).where(eq(receipts.id, receiptId));
    const order = await paidOrder(t);
    await issueQueued(t);
    const [waiting] = await receiptsOf(t, order.id);
    await forget(waiting!.id);
    expect(await pollReceipt(t.deps, { receiptId: waiting!.id })).toEqual({ kind: 'sent_again' });
    expect((await receiptsOf(t, order.id))[0]).toMatchObject({ state: 'sent', registerUuid: null });
    await settleReceipts(t);
    const [done] = await receiptsOf(t, order.id);
    expect(done).toMatchObject({ state: 'done', attempts: 2, externalId: waiting!.externalId });
    expect(t.atol!.receipts().filter((r) => r.externalId === done!.externalId)).toHaveLength(1);

    const second = await paidOrder(t);
    await issueQueued(t);
    const [forgotten] = await receiptsOf(t, second.id);
    await forget(forgotten!.id, 3);
    expect(await pollReceipt(t.deps, { receiptId: forgotten!.id })).toEqual({ kind: 'failed' });
    expect((await receiptsOf(t, second.id))[0]).toMatchObject({ state: 'fail', errorCode: 0 });
    expect(await reissueReceipt(t.deps, { receiptId: forgotten!.id, staffId: accountant.id, ip: '198.51.100.11' })).toMatchObject({ kind: 'reissued' });
    await settleReceipts(t);
    expect(await receiptProblems(t)).toEqual([]);
  });

  it('an expired token is renewed on the way: the receipt is still sent once', async () => {
    const order = await paidOrder(t);
    t.atol!.expireTokens();
    await settleReceipts(t);
    const [receipt] = await receiptsOf(t, order.id);
    expect(receipt).toMatchObject({ state: 'done', attempts: 1 });
  });

  it('fail → failed for staff with the register\'s error, an audit entry and an alert; re-issue → a new external id, done', async () => {
    const { member: watcher } = await staffMember(t, 'accountant');
    t.atol!.setFaults({ failNext: { code: 1001, text: 'Ошибка ФН', type: 'driver' } });
    const order = await paidOrder(t);
    await settleReceipts(t);
    const [failed] = await receiptsOf(t, order.id);
    expect(failed).toMatchObject({ state: 'fail', errorCode: 1001 });
    expect(failed!.errorText).toContain('Ошибка ФН');
    expect(await t.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'receipt.failed'), eq(auditLog.entityId, failed!.id)))).toHaveLength(1);
    // Those who re-issue receipts are alerted once (an accountant by default), with the register's words.
    const alerts = await t.deps.db.select().from(notifications).where(eq(notifications.eventKey, `receipt.failed:${failed!.id}`));
    expect(alerts.map((alert) => [alert.staffId, alert.channel])).toContainEqual([watcher.id, 'email']);
    expect(alerts.every((alert) => alert.details?.includes('Ошибка ФН'))).toBe(true);
    expect(await receiptProblems(t)).toEqual([`order ${order.id}: kept ${order.priceKopecks}, receipts 0`]);

    // Staff see it on the dashboard, in /admin/receipts and on the order card, and send it again from the list.
    const staff = await staffBrowser(t, 'accountant', '198.51.100.12');
    expect(plain((await staff.browser.get('/admin')).body)).toMatch(/>1<\/span>\s*<a href="\/admin\/receipts\?view=failed">чеков с ошибкой/);
    const list = plain((await staff.browser.get('/admin/receipts?view=failed')).body);
    expect(list).toContain(failed!.externalId);
    expect(list).toContain('Код 1001: ');
    expect(plain((await staff.browser.get(`/admin/orders/${order.id}`)).body)).toContain('Кассовые чеки');
    const manager = await staffBrowser(t, 'manager', '198.51.100.13');
    expect((await manager.browser.get('/admin/receipts')).statusCode).toBe(403);
    const reissue = await staff.browser.post(`/admin/receipts/${failed!.id}/reissue`, {}, '/admin/receipts?view=failed');
    expect(reissue.statusCode).toBe(303);
    expect(await reissueReceipt(t.deps, { receiptId: failed!.id, staffId: accountant.id, ip: '198.51.100.11' })).toEqual({ kind: 'already_reissued' });
    await settleReceipts(t);
    const [, second] = await receiptsOf(t, order.id);
    expect(second).toMatchObject({ reissueOf: failed!.id, externalId: `uslugi:order:${order.id}:prepayment:2`, state: 'done' });
    expect(await t.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'receipt.reissued'), eq(auditLog.staffId, staff.member.id)))).toHaveLength(1);
    expect(plain((await staff.browser.get('/admin/receipts?view=failed')).body)).toContain('Таких чеков нет.');
    expect(await receiptProblems(t)).toEqual([]);
  });

  it('the register\'s callback only makes us read the report; delivered twice, still one receipt; a forged one changes nothing', async () => {
    const order = await paidOrder(t);
    await issueQueued(t);
    const [waiting] = await receiptsOf(t, order.id);
    const callback = (body: unknown) =>
      fetch(`${t.baseUrl}/receipts/atol/callback`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    // A forged "done" for a receipt the register is still making: answered, then nothing but one read.
    const forged = await callback({ uuid: waiting!.registerUuid, status: 'done', payload: { fiscal_document_number: 1 } });
    expect(forged.status).toBe(200);
    expect(await receiptJobs(t, 'receipts.poll', waiting!.id)).toBe(2); // the scheduled read and the callback's
    await pollReceipt(t.deps, { receiptId: waiting!.id, trigger: 'callback' });
    expect((await receiptsOf(t, order.id))[0]).toMatchObject({ state: 'wait', fiscalDocumentNumber: null });

    await t.atol!.advanceClock(2000);
    for (let i = 0; i < 2; i++) expect((await callback({ uuid: waiting!.registerUuid })).status).toBe(200);
    await pollWaiting(t);
    await pollWaiting(t);
    expect(await receiptsOf(t, order.id)).toMatchObject([{ state: 'done' }]);
    expect(t.atol!.receipts().filter((r) => r.externalId === waiting!.externalId)).toHaveLength(1);
    expect((await callback({ uuid: waiting!.registerUuid })).status).toBe(200); // late: nothing to read
    expect((await fetch(`${t.baseUrl}/receipts/atol/callback`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'x'.repeat(20_000) })).status).toBe(413);
  });
});
