import { and, eq, sql } from 'drizzle-orm';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provisionClientAccount } from '../../src/actions/accounts/provision-client-account.js';
import { saveCompanyDetails } from '../../src/actions/content/save-company-details.js';
import { sendOrderConfirmation } from '../../src/actions/orders/send-order-confirmation.js';
import { callbackDeadline } from '../../src/domain/calendar/business-calendar.js';
import type { StaffMember } from '../../src/db/queries/staff.js';
import { auditLog, bankInvoices, bankTransfers, emails, invoices, orders, paymentAttempts, receipts, services } from '../../src/db/schema/index.js';
import { issueInvoice } from '../../src/actions/invoices/issue-invoice.js';
import { agreeSpecification } from '../../src/actions/orders/agree-specification.js';
import { logContact } from '../../src/actions/orders/log-contact.js';
import { logWorkHours } from '../../src/actions/orders/log-work-hours.js';
import { startWork } from '../../src/actions/orders/start-work.js';
import { DateTime } from 'luxon';
import { encodeWindows1251 } from '../../src/domain/transfers/sample-statement.js';
import { deliverQueuedEmails, mailTo } from '../helpers/accounts.js';
import { incoming, statementText } from '../helpers/bank-statements.js';
import { validCompany } from '../helpers/company.js';
import { submitOrder, validOrder } from '../helpers/order-form.js';
import { orderPaidJobs } from '../helpers/payments.js';
import { startTestSmtp, type TestSmtp } from '../helpers/smtp.js';
import { staffBrowser } from '../helpers/staff.js';
import { backends, createTestApp, manualClock, type TestApp } from '../helpers/test-app.js';
import { visitor, type Visitor } from '../helpers/visitor.js';

// Paying by bank transfer end to end (docs/payments.md#bank-transfers): a company orders, gets a
// numbered bank invoice (PDF and email), the accountant uploads the bank statement or marks the money by
// hand, and the order goes down the card payment's order.paid path — without a cash receipt.

const company = { payer: 'company', company_name: 'ООО «Ромашка»', inn: '7736207543', kpp: '770401001', legal_address: '119021, г. Москва, ул. Льва Толстого, д. 16' };
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ');

async function pdfText(pdf: Buffer): Promise<string> {
  const document = await getDocumentProxy(new Uint8Array(pdf));
  const { text } = await extractText(document, { mergePages: true });
  return plain(text);
}

describe.each(backends)('bank transfers on %s', (backend) => {
  let t: TestApp;
  let smtp: TestSmtp;
  let accountant: { browser: Visitor; member: StaffMember };
  const clock = manualClock(new Date('2026-12-07T11:20:00+03:00')); // a Monday
  let n = 0;
  const moscowDay = () => DateTime.fromJSDate(clock.now(), { zone: 'Europe/Moscow' }).toFormat('yyyy-MM-dd');
  const moscowMinute = () => DateTime.fromJSDate(clock.now(), { zone: 'Europe/Moscow' }).toFormat("yyyy-MM-dd'T'HH:mm");

  beforeAll(async () => {
    smtp = await startTestSmtp();
    t = await createTestApp(backend, { clock, receipts: true, env: { SMTP_URL: smtp.url, CAPTCHA: 'off' } });
    accountant = await staffBrowser(t, 'accountant', '198.51.100.21');
    const admin = await staffBrowser(t, 'admin', '198.51.100.22');
    expect(await saveCompanyDetails(t.deps, { staffId: admin.member.id, ip: '198.51.100.22', values: validCompany })).toMatchObject({ kind: 'saved' });
    await t.deps.db.update(services).set({ vat: 'vat22' }).where(eq(services.slug, 'site-support'));
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });

  /** A company's order through the real form: 303 to its page, the invoice's number and the order. */
  async function companyOrder(fields: Record<string, string> = {}) {
    n += 1;
    const email = `buh${n}@romashka.example`;
    const response = await submitOrder(t.app, 'site-support', { ...validOrder, email, ...company, ...fields }, { remoteAddress: `203.0.113.${n}` });
    expect(response.statusCode).toBe(303);
    const ref = /^\/orders\/([\w-]{24})$/.exec(response.headers.location as string)![1]!;
    const [order] = await t.deps.db.select().from(orders).where(eq(orders.publicRef, ref));
    const [invoice] = await t.deps.db.select().from(bankInvoices).where(eq(bankInvoices.orderId, order!.id));
    return { ref, order: order!, invoice: invoice!, email };
  }

  async function uploadStatement(bytes: Uint8Array) {
    const page = await accountant.browser.get('/admin/transfers');
    const form = new FormData();
    form.set('_csrf', /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!);
    form.set('statement', new File([new Uint8Array(bytes)], 'kl_to_1c.txt', { type: 'text/plain' }));
    const request = new Request('http://shop/', { method: 'POST', body: form });
    const cookie = ['csrf', 'staff_session'].map((name) => `${name}=${accountant.browser.cookie(name)}`).join('; ');
    const posted = await t.app.inject({
      method: 'POST',
      url: '/admin/transfers/statement',
      headers: { cookie, 'content-type': request.headers.get('content-type')! },
      remoteAddress: '198.51.100.21',
      payload: Buffer.from(await request.arrayBuffer()),
    });
    return posted;
  }

  /** The order.paid follow-ups, as the worker runs them, then the outbox. */
  async function afterPaid(orderId: string) {
    await sendOrderConfirmation(t.deps, orderId);
    await provisionClientAccount(t.deps, orderId);
    await deliverQueuedEmails(t);
  }

  it('a company order waits for its transfer, with a numbered invoice as a PDF and one email', async () => {
    const { ref, order, invoice, email } = await companyOrder();
    expect(order.state).toBe('awaiting_transfer');
    expect(await t.deps.db.select().from(paymentAttempts).where(eq(paymentAttempts.orderId, order.id))).toEqual([]);
    expect(invoice).toMatchObject({ state: 'waiting', amountKopecks: 1_500_000, vat: 'vat22', invoiceId: null });

    const page = await t.app.inject({ method: 'GET', url: `/orders/${ref}` });
    expect(page.statusCode).toBe(200);
    expect(plain(page.body)).toContain('Заказ ожидает оплаты по счёту');
    expect(plain(page.body)).toContain(`Счёт на оплату № ${invoice.number} от 07.12.2026`);
    expect(page.body).not.toContain(`/orders/${ref}/pay`);

    const pdf = await t.app.inject({ method: 'GET', url: `/orders/${ref}/bank-invoice.pdf` });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain(`Счёт на оплату № ${invoice.number} от 07.12.2026`);
    for (const fact of ['ООО «Услуги онлайн»', 'ИНН 7707083893', 'КПП 773601001', 'ПАО Сбербанк', '044525225', '30101810400000000225', '40702810938000000001']) expect(text).toContain(fact);
    for (const fact of ['ООО «Ромашка»', 'ИНН 7736207543', 'КПП 770401001', '119021, г. Москва, ул. Льва Толстого, д. 16']) expect(text).toContain(fact);
    expect(text).toContain('15 000,00 руб.');
    expect(text).toContain('В том числе НДС 22 %: 2 704,92 руб.');
    expect(text).toContain(`Оплата по счёту № ${invoice.number} от 07.12.2026 за услуги. В т.ч. НДС 22 % 2704,92 руб.`);
    // Another order's address does not open it.
    expect((await t.app.inject({ method: 'GET', url: `/orders/${'x'.repeat(24)}/bank-invoice.pdf` })).statusCode).toBe(404);

    await deliverQueuedEmails(t);
    await deliverQueuedEmails(t);
    const letters = mailTo(smtp.received, email, /Счёт на оплату/);
    expect(letters).toHaveLength(1);
    expect(letters[0]!.subject).toContain(`Счёт на оплату № ${invoice.number} от 07.12.2026`);
    expect(letters[0]!.text).toContain(`/orders/${ref}/bank-invoice.pdf`);
    expect(letters[0]!.text).toContain(`Оплата по счёту № ${invoice.number}`);
  });

  it('invoice numbers come from one sequence: each order its own, increasing', async () => {
    const first = await companyOrder();
    const second = await companyOrder({ payer: 'company', company_name: 'ИП Иванов Иван Иванович', inn: '500123456750', kpp: '' });
    expect(second.invoice.number).toBeGreaterThan(first.invoice.number);
    const pdf = await t.app.inject({ method: 'GET', url: `/orders/${second.ref}/bank-invoice.pdf` });
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain('ИП Иванов Иван Иванович, ИНН 500123456750,');
    expect(text).not.toContain('ИНН 500123456750, КПП');
  });

  it('a wrong ИНН or a missing КПП is said next to the field, and nothing is ordered', async () => {
    const before = await t.deps.db.$count(orders);
    const response = await submitOrder(t.app, 'site-support', { ...validOrder, ...company, inn: '7736207544', kpp: '' }, { remoteAddress: '203.0.113.200' });
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('id="error-inn"');
    expect(response.body).toContain('В ИНН ошибка: контрольная цифра не сходится');
    expect(response.body).toContain('value="7736207544"');
    expect(await t.deps.db.$count(orders)).toBe(before);
  });

  it('a statement line with the invoice number and the exact sum pays the order: account, confirmation, SLA from now, no receipt', async () => {
    const { order, invoice, email } = await companyOrder();
    clock.advance(10 * 60_000); // the money is recorded later than the order was placed (staff stay signed in)
    const bytes = encodeWindows1251(
      statementText([
        incoming({ number: '512', sum: '15000.00', date: '08.12.2026', purpose: `Оплата по счёту № ${invoice.number} от 07.12.2026 за услуги. В т.ч. НДС 22 % 2704,92 руб.` }),
        incoming({ number: '513', sum: '100.00', date: '08.12.2026', purpose: 'Оплата по счёту № 999999' }),
      ]),
    );
    const posted = await uploadStatement(bytes);
    expect(posted.statusCode).toBe(303);
    const result = await accountant.browser.get(posted.headers.location as string);
    expect(plain(result.body)).toContain(`Оплата счёта № ${invoice.number} учтена.`);
    expect(plain(result.body)).toContain('Счёт № 999999 у нас не выставлялся: разберитесь вручную.');

    const [paid] = await t.deps.db.select().from(orders).where(eq(orders.id, order.id));
    expect(paid!.state).toBe('paid');
    expect(paid!.paidAt).toEqual(clock.now());
    expect(paid!.callbackDueAt).toEqual(callbackDeadline(clock.now(), t.deps.calendar));
    expect(await orderPaidJobs(t, order.id)).toBe(1);
    const [transfer] = await t.deps.db.select().from(bankTransfers).where(eq(bankTransfers.bankInvoiceId, invoice.id));
    expect(transfer).toMatchObject({ amountKopecks: 1_500_000, receivedOn: '2026-12-08', payerInn: '7736207543', documentNumber: '512', source: 'statement', recordedBy: accountant.member.id });

    await afterPaid(order.id);
    expect(mailTo(smtp.received, email, /Заказ.* оплачен/)).toHaveLength(1);
    expect(mailTo(smtp.received, email, /Заказ.* оплачен/)[0]!.text).toContain(`по счёту: Счёт на оплату № ${invoice.number}`);
    expect(mailTo(smtp.received, email, /Доступ в личный кабинет/)).toHaveLength(1);
    expect(await t.deps.db.select().from(receipts).where(eq(receipts.orderId, order.id))).toEqual([]);
    const [audited] = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'transfer.recorded'), eq(auditLog.entityId, order.id)));
    expect(audited!.details).toMatchObject({ invoiceNumber: invoice.number, amountKopecks: 1_500_000, source: 'statement', receipt: 'not_needed' });

    // The same statement again: recognised, nothing new.
    const again = await uploadStatement(bytes);
    expect(again.statusCode).toBe(303);
    const repeat = await accountant.browser.get(again.headers.location as string);
    expect(plain(repeat.body)).toContain('Этот платёж уже учтён раньше');
    expect(await t.deps.db.$count(bankTransfers, eq(bankTransfers.bankInvoiceId, invoice.id))).toBe(1);
    expect(await orderPaidJobs(t, order.id)).toBe(1);
  });

  it('a partial sum is listed, not applied', async () => {
    const { order, invoice } = await companyOrder();
    const posted = await uploadStatement(encodeWindows1251(statementText([incoming({ number: '600', sum: '7500.00', purpose: `Оплата по счету ${invoice.number}, часть 1` })])));
    const result = await accountant.browser.get(posted.headers.location as string);
    expect(plain(result.body)).toContain(`Сумма меньше, чем по счёту № ${invoice.number}: частичная оплата не учтена`);
    const [still] = await t.deps.db.select().from(orders).where(eq(orders.id, order.id));
    expect(still!.state).toBe('awaiting_transfer');
  });

  it('a malformed statement is refused with the line that is wrong', async () => {
    const broken = statementText([incoming({ number: '7', sum: '15 000,00', purpose: 'x' })]);
    const posted = await uploadStatement(encodeWindows1251(broken));
    expect(posted.statusCode).toBe(422);
    expect(plain(posted.body)).toContain('Строка 11: у документа № 7 сумма «15 000,00» не число');
  });

  it('staff mark a transfer by hand: the same paid path, refused for a different sum', async () => {
    const { order, invoice, email } = await companyOrder();
    const form = `/admin/transfers/${invoice.id}`;
    const wrong = await accountant.browser.post(form, { amount: '14 000', received_on: moscowDay(), payer: 'ООО «Ромашка»', note: '' }, form);
    expect(wrong.statusCode).toBe(422);
    expect(plain(wrong.body)).toContain('Сумма по счёту — 15 000 ₽');
    const marked = await accountant.browser.post(form, { amount: '15 000', received_on: moscowDay(), payer: 'ООО «Ромашка»', note: 'п/п 77 от 08.12.2026' }, form);
    expect(marked.statusCode).toBe(303);
    const [paid] = await t.deps.db.select().from(orders).where(eq(orders.id, order.id));
    expect(paid).toMatchObject({ state: 'paid', paidAt: clock.now(), callbackDueAt: callbackDeadline(clock.now(), t.deps.calendar) });
    await afterPaid(order.id);
    expect(mailTo(smtp.received, email, /Доступ в личный кабинет/)).toHaveLength(1);
    expect(await t.deps.db.select().from(receipts).where(eq(receipts.orderId, order.id))).toEqual([]);
    // Marking again changes nothing.
    expect((await accountant.browser.post(form, { amount: '15 000', received_on: moscowDay(), payer: 'ООО «Ромашка»' })).statusCode).toBe(409);
    expect(await orderPaidJobs(t, order.id)).toBe(1);
    const card = await accountant.browser.get(`/admin/orders/${order.id}`);
    expect(plain(card.body)).toContain('Оплата по счёту');
    expect(plain(card.body)).toContain('отмечено вручную');
  });

  it('staff withdraw an order that still waits: cancelled, the invoice no longer payable', async () => {
    const { order, invoice } = await companyOrder();
    const withdrawn = await accountant.browser.post(`/admin/transfers/orders/${order.id}/withdraw`, {}, `/admin/orders/${order.id}`);
    expect(withdrawn.statusCode).toBe(303);
    const [cancelled] = await t.deps.db.select().from(orders).where(eq(orders.id, order.id));
    expect(cancelled!.state).toBe('cancelled');
    const [inv] = await t.deps.db.select().from(bankInvoices).where(eq(bankInvoices.id, invoice.id));
    expect(inv!.state).toBe('cancelled');
    const posted = await uploadStatement(encodeWindows1251(statementText([incoming({ number: '700', sum: '15000.00', purpose: `Оплата по счёту № ${invoice.number}` })])));
    const result = await accountant.browser.get(posted.headers.location as string);
    expect(plain(result.body)).toContain(`Счёт № ${invoice.number} отменён`);
    expect((await t.deps.db.execute(sql`select count(*)::int as n from bank_transfers where bank_invoice_id = ${invoice.id}`)) as unknown).toMatchObject({ rows: [{ n: 0 }] });
  });

  it('the client may withdraw the order on its page while no money was sent', async () => {
    const { ref, order } = await companyOrder();
    const client = visitor(t.app, '203.0.113.150');
    const withdrawn = await client.post(`/orders/${ref}/withdraw`, {}, `/orders/${ref}`);
    expect(withdrawn.statusCode).toBe(303);
    const [cancelled] = await t.deps.db.select().from(orders).where(eq(orders.id, order.id));
    expect(cancelled!.state).toBe('cancelled');
    const page = await client.get(`/orders/${ref}`);
    expect(plain(page.body)).toContain('Заказ отменён, оплата по счёту не нужна.');
    expect(plain(page.body)).toContain('Счёт отменён: не оплачивайте его.');
    const [entry] = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'transfer.order_withdrawn'), eq(auditLog.entityId, order.id)));
    expect(entry).toMatchObject({ staffId: null, details: { reason: 'отменён клиентом на странице заказа' } });
  });

  it('a surcharge of a company comes as a bank invoice too, and its transfer marks it paid without a receipt', async () => {
    const { order, invoice, email } = await companyOrder();
    const form = `/admin/transfers/${invoice.id}`;
    expect((await accountant.browser.post(form, { amount: '15 000', received_on: moscowDay(), payer: 'ООО «Ромашка»' }, form)).statusCode).toBe(303);
    const manager = await staffBrowser(t, 'manager', '198.51.100.24');
    const actor = { member: manager.member, ip: '198.51.100.24', orderId: order.id };
    expect(await logContact(t.deps, { ...actor, body: { channel: 'phone', outcome: 'reached', contacted_at: moscowMinute() } })).toMatchObject({ kind: 'done' });
    // The specification agrees 7 hours where the service includes 5: the 2 more are invoiced without a further approval.
    expect(await agreeSpecification(t.deps, { ...actor, body: { text: 'Перенести сайт.', hours: '7' } })).toMatchObject({ kind: 'done' });
    expect(await startWork(t.deps, { ...actor })).toMatchObject({ kind: 'done' });
    expect(await logWorkHours(t.deps, { ...actor, body: { work_date: moscowDay(), hours: '7', note: '' } })).toMatchObject({ kind: 'done' });
    expect(await issueInvoice(t.deps, { orderId: order.id, staff: manager.member, body: { amount: '6 000', reason: '' }, ip: '198.51.100.24' })).toMatchObject({ kind: 'issued' });

    const [surcharge] = await t.deps.db.select().from(invoices).where(eq(invoices.orderId, order.id));
    const [bank] = await t.deps.db.select().from(bankInvoices).where(eq(bankInvoices.invoiceId, surcharge!.id));
    expect(bank).toMatchObject({ state: 'waiting', amountKopecks: 600_000, orderId: order.id });
    expect(bank!.number).toBeGreaterThan(invoice.number);
    const kinds = (await t.deps.db.select({ kind: emails.kind }).from(emails).where(eq(emails.orderId, order.id))).map((e) => e.kind);
    expect(kinds.filter((k) => k === 'bank_invoice')).toHaveLength(2);
    expect(kinds).not.toContain('surcharge_invoice');
    await deliverQueuedEmails(t);
    const letter = mailTo(smtp.received, email, new RegExp(`Счёт на оплату № ${bank!.number}`))[0]!;
    expect(letter.text).toContain(`/account/invoices/${surcharge!.publicRef}/bank-invoice.pdf`);

    const posted = await uploadStatement(encodeWindows1251(statementText([incoming({ number: '801', sum: '6000.00', purpose: `Оплата по сч. № ${bank!.number} за доп. часы` })])));
    expect(posted.statusCode).toBe(303);
    const [paid] = await t.deps.db.select().from(invoices).where(eq(invoices.id, surcharge!.id));
    expect(paid).toMatchObject({ state: 'paid', offlineMethod: 'bank_transfer', noReceiptReason: 'оплатила организация или ИП со своего расчётного счёта' });
    expect(await t.deps.db.select().from(receipts).where(eq(receipts.orderId, order.id))).toEqual([]);
    const [stillWorking] = await t.deps.db.select().from(orders).where(eq(orders.id, order.id));
    expect(stillWorking!.state).toBe('in_work');
    expect((await t.deps.db.select({ kind: emails.kind }).from(emails).where(eq(emails.orderId, order.id))).map((e) => e.kind)).toContain('surcharge_paid');
  });

  it('a manager may not record transfers', async () => {
    const manager = await staffBrowser(t, 'manager', '198.51.100.23');
    expect((await manager.browser.get('/admin/transfers')).statusCode).toBe(403);
  });

  it('offers the sample statement for the waiting invoices in development, in windows-1251', async () => {
    const { invoice } = await companyOrder();
    const sample = await accountant.browser.get('/admin/transfers/sample-statement.txt');
    expect(sample.statusCode).toBe(200);
    const text = new TextDecoder('windows-1251').decode(sample.rawPayload);
    expect(text.startsWith('1CClientBankExchange\r\n')).toBe(true);
    expect(text).toContain(`НазначениеПлатежа=Оплата по счёту № ${invoice.number}`);
  });
});
