import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Order } from '../../src/db/queries/orders.js';
import { auditLog, emails, orders } from '../../src/db/schema/index.js';
import { emailRetry } from '../../src/email/queue-email.js';
import { deliverEmail } from '../../src/jobs/deliver-email.js';
import { provisionClientAccount } from '../../src/actions/accounts/provision-client-account.js';
import { sendOrderConfirmation } from '../../src/actions/orders/send-order-confirmation.js';
import { deliverQueuedEmails, paidOrder } from '../helpers/accounts.js';
import { cards, orderSentToGateway } from '../helpers/payments.js';
import { startTestSmtp, type TestSmtp } from '../helpers/smtp.js';
import { staffBrowser } from '../helpers/staff.js';
import { backends, createTestApp, manualClock, type TestApp } from '../helpers/test-app.js';
import type { Visitor } from '../helpers/visitor.js';
import { orderNumber } from '../../src/domain/orders/order-number.js';

describe.each(backends)('back office: the email outbox on %s', (backend) => {
  let t: TestApp;
  let smtp: TestSmtp;
  let manager: Visitor;
  let managerId: string;
  let anna: Order;
  const clock = manualClock(new Date('2026-11-24T11:20:00+03:00'));
  const MANAGER_IP = '203.0.113.88';
  const REFUSAL = '5.1.1 Mailbox lost@example.ru unavailable';

  /** How a list shows an address: free to wrap before the @. */
  const shown = (address: string) => address.replace('@', '<wbr/>@');
  const emailOf = async (to: string, kind: string) => (await t.deps.db.select().from(emails).where(and(eq(emails.to, to), eq(emails.kind, kind))))[0]!;
  const emailById = async (id: string) => (await t.deps.db.select().from(emails).where(eq(emails.id, id)))[0]!;
  const deliveryJobs = async (emailId: string) => {
    const result = (await t.deps.db.execute(sql`select count(*)::int as n from pgboss.job where name = 'email.deliver' and data->>'emailId' = ${emailId}`)) as unknown as {
      rows: { n: number }[];
    };
    return Number(result.rows[0]!.n);
  };
  const firstTry = (emailId: string) => deliverEmail(t.deps, { data: { emailId }, retryCount: 0, retryLimit: emailRetry.retryLimit }).catch((error: unknown) => error);
  /** Runs delivery as the worker's last retry would: a refusal now marks the email failed for good. */
  const lastTry = (emailId: string) =>
    deliverEmail(t.deps, { data: { emailId }, retryCount: emailRetry.retryLimit, retryLimit: emailRetry.retryLimit }).catch((error: unknown) => error);

  beforeAll(async () => {
    smtp = await startTestSmtp();
    t = await createTestApp(backend, { captcha: false, clock, env: { SMTP_URL: smtp.url } });
    anna = await paidOrder(t, { name: 'Анна Смирнова', email: 'anna@example.ru' });
    // The server refuses the next client's address: their emails fail with its answer.
    smtp.refuseRecipients = { code: 550, message: REFUSAL };
    const { order, attempt } = await orderSentToGateway(t, 'site-support', { name: 'Лев Потерянный', email: 'lost@example.ru' });
    await t.sandbox.pay(attempt.gatewayPaymentId!, cards.plain);
    await sendOrderConfirmation(t.deps, order.id);
    expect(await provisionClientAccount(t.deps, order.id)).toBe('created');
    // A first refusal (the email stays queued for a retry), then the last retry's (failed for good).
    for (const kind of ['order_confirmation', 'credentials', 'verify_email']) await firstTry((await emailOf('lost@example.ru', kind)).id);
    for (const kind of ['order_confirmation', 'credentials']) await lastTry((await emailOf('lost@example.ru', kind)).id);
    smtp.refuseRecipients = null;
    const signedIn = await staffBrowser(t, 'manager', MANAGER_IP);
    manager = signedIn.browser;
    managerId = signedIn.member.id;
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  it('lists every email with its kind, address, subject, status, attempts and the SMTP answer; filters by status and address', async () => {
    const all = await manager.get('/admin/emails');
    expect(all.statusCode).toBe(200);
    expect(all.body).toContain(`Заказ ${orderNumber(anna.number)} оплачен: Техническая поддержка сайта`);
    expect(all.body).toContain(shown('anna@example.ru'));
    expect(all.body).toContain('Логин и временный пароль');

    const failed = await manager.get('/admin/emails?status=failed');
    expect(failed.body).toContain('Найдено писем: 2');
    expect(failed.body).toContain(shown('lost@example.ru'));
    expect(failed.body).not.toContain(shown('anna@example.ru'));
    expect(failed.body).toContain(`550 ${REFUSAL}`);
    expect(failed.body).toContain('Не доставлено');

    const byAddress = await manager.get('/admin/emails?address=ANNA%40');
    expect(byAddress.body).toContain('Найдено писем: 3');
    expect(byAddress.body).toContain(shown('anna@example.ru'));
    expect(byAddress.body).not.toContain(shown('lost@example.ru'));
    expect((await manager.get('/admin/emails?address=anna&status=failed')).body).toContain('Найдено писем: 0');
  });

  it("shows an email's HTML in a sandboxed frame and its text, with the server's answer", async () => {
    const failed = await emailOf('lost@example.ru', 'order_confirmation');
    expect(failed).toMatchObject({ status: 'failed', attempts: 2 });
    const page = await manager.get(`/admin/emails/${failed.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`550 ${REFUSAL}`);
    expect(page.body).toContain(`<iframe class="records-mail-preview" sandbox src="/admin/emails/${failed.id}/preview"`);
    expect(page.body).toContain('Здравствуйте, Лев Потерянный!'); // the text version
    // The frame's content: the email's HTML under a policy of its own (inline styles, nothing else).
    const preview = await manager.get(`/admin/emails/${failed.id}/preview`);
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toBe(failed.html);
    expect(preview.headers['content-security-policy']).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'; sandbox",
    );
    expect(preview.headers['cache-control']).toBe('no-store');
    expect(page.body).toContain(`<a href="/admin/orders/${failed.orderId}">`);
    // The confirmation went out before the account existed: the client is found through the order.
    expect(failed.clientId).toBeNull();
    const [owner] = await t.deps.db.select({ clientId: orders.clientId }).from(orders).where(eq(orders.id, failed.orderId!));
    expect(page.body).toContain(`<a href="/admin/clients/${owner!.clientId}">карточка клиента</a>`);
    expect(page.body).toContain('Отправить ещё раз</button>');
  });

  it('an email still being delivered cannot be resent yet', async () => {
    const verify = await emailOf('lost@example.ru', 'verify_email');
    expect(verify.status).toBe('queued');
    const page = await manager.get(`/admin/emails/${verify.id}`);
    expect(page.body).toContain('Письмо ещё в очереди');
    expect((await manager.post(`/admin/emails/${verify.id}/resend`, {}, `/admin/emails/${verify.id}`)).statusCode).toBe(422);
  });

  it('resends: a new queued email with the same content and its own delivery job, audited; a double click makes no second copy', async () => {
    const original = await emailOf('lost@example.ru', 'order_confirmation');
    const resent = await manager.post(`/admin/emails/${original.id}/resend`, {}, `/admin/emails/${original.id}`);
    expect(resent.statusCode).toBe(303);
    const copyId = /^\/admin\/emails\/([0-9a-f-]{36})\?queued=1$/.exec(String(resent.headers.location))![1]!;
    expect(copyId).not.toBe(original.id);
    const copy = await emailById(copyId);
    expect(copy).toMatchObject({
      status: 'queued',
      attempts: 0,
      lastError: null,
      to: original.to,
      kind: original.kind,
      subject: original.subject,
      html: original.html,
      text: original.text,
      orderId: original.orderId,
      clientId: original.clientId,
      secret: false,
    });
    expect(await deliveryJobs(copyId)).toBe(1);
    expect(await emailById(original.id)).toEqual(original);
    const [entry] = await t.deps.db.select().from(auditLog).where(eq(auditLog.action, 'email.resent'));
    expect(entry).toMatchObject({ staffId: managerId, entity: 'email', entityId: original.id, ip: MANAGER_IP, details: { copyId, kind: 'order_confirmation', status: 'failed' } });

    const again = await manager.post(`/admin/emails/${original.id}/resend`, {}, `/admin/emails/${original.id}`);
    expect(again.statusCode).toBe(422);
    expect(again.body).toContain('Копия этого письма уже в очереди');
    expect(await t.deps.db.select().from(emails).where(eq(emails.subject, original.subject))).toHaveLength(2); // the original and one copy (Анна's names her own order number)

    // The copy goes out through the normal outbox; both pages tell the story.
    await deliverQueuedEmails(t);
    expect(await emailById(copyId)).toMatchObject({ status: 'sent' });
    expect(smtp.received.filter((mail) => mail.envelopeTo.includes('lost@example.ru') && mail.subject === original.subject)).toHaveLength(1);
    const copyPage = await manager.get(`/admin/emails/${copyId}`);
    expect(copyPage.body).toContain(`Это копия <a href="/admin/emails/${original.id}">письма</a>`);
    const originalPage = await manager.get(`/admin/emails/${original.id}`);
    expect(originalPage.body).toContain(`<a href="/admin/emails/${copyId}">копия</a>`);
    expect(originalPage.body).toContain('Отправить ещё раз</button>');
  });

  it('cannot resend a delivered email that held a password or a single-use link: its content is gone; says what to do instead', async () => {
    const credentials = await emailOf('anna@example.ru', 'credentials');
    expect(credentials).toMatchObject({ status: 'sent', secret: true });
    expect(credentials.text).toContain('содержимое удалено');
    const page = await manager.get(`/admin/emails/${credentials.id}`);
    expect(page.body).toContain('Это письмо отправить ещё раз нельзя');
    expect(page.body).toContain('/account/password/forgot');
    expect(page.body).not.toContain('/resend"');
    expect(page.body).not.toContain('<iframe');
    expect((await manager.get(`/admin/emails/${credentials.id}/preview`)).statusCode).toBe(404);

    const refused = await manager.post(`/admin/emails/${credentials.id}/resend`, {}, `/admin/emails/${credentials.id}`);
    expect(refused.statusCode).toBe(422);
    expect(await t.deps.db.select().from(emails).where(eq(emails.kind, 'credentials'))).toHaveLength(2);
    expect(await t.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'email.resent'), eq(auditLog.entityId, credentials.id)))).toEqual([]);
  });

  it('a secret email that never got through: its content is not shown to staff, but it can be sent again (and stays secret)', async () => {
    const credentials = await emailOf('lost@example.ru', 'credentials');
    expect(credentials.status).toBe('failed');
    const password = /Временный пароль: (\S+)/.exec(credentials.text)![1]!;
    const page = await manager.get(`/admin/emails/${credentials.id}`);
    expect(page.body).not.toContain(password);
    expect(page.body).toContain('Не показывается');
    expect((await manager.get(`/admin/emails/${credentials.id}/preview`)).statusCode).toBe(404);
    const resent = await manager.post(`/admin/emails/${credentials.id}/resend`, {}, `/admin/emails/${credentials.id}`);
    expect(resent.statusCode).toBe(303);
    const copy = await emailById(/emails\/([0-9a-f-]{36})/.exec(String(resent.headers.location))![1]!);
    expect(copy).toMatchObject({ secret: true, status: 'queued', text: credentials.text });
    expect((await manager.get(String(resent.headers.location))).body).not.toContain(password);
  });

  it('accountants may not open the outbox (403); unknown emails are 404', async () => {
    const { browser: accountant } = await staffBrowser(t, 'accountant');
    const id = (await emailOf('anna@example.ru', 'order_confirmation')).id;
    expect((await accountant.get('/admin/emails')).statusCode).toBe(403);
    expect((await accountant.get(`/admin/emails/${id}`)).statusCode).toBe(403);
    expect((await accountant.get(`/admin/emails/${id}/preview`)).statusCode).toBe(403);
    expect((await accountant.post(`/admin/emails/${id}/resend`, {}, '/admin/clients')).statusCode).toBe(403);
    expect((await manager.get('/admin/emails/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await manager.get('/admin/emails/nope')).statusCode).toBe(404);
    expect(anna.clientId).toBeTruthy();
  });
});
