import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Order } from '../../src/db/queries/orders.js';
import { emails } from '../../src/db/schema/index.js';
import { emailRetry, queueEmail, UnsafeEmailError } from '../../src/email/queue-email.js';
import { orderConfirmation } from '../../src/email/templates/order-confirmation.js';
import type { EmailContent } from '../../src/email/templates/content.js';
import { deliverEmail } from '../../src/jobs/deliver-email.js';
import { orderSentToGateway } from '../helpers/payments.js';
import { startTestSmtp, type TestSmtp } from '../helpers/smtp.js';
import { backends, createTestApp, type TestApp } from '../helpers/test-app.js';
import { orderNumber } from '../../src/domain/orders/order-number.js';

describe.each(backends)('email delivery over SMTP on %s', (backend) => {
  let t: TestApp;
  let smtp: TestSmtp;
  beforeAll(async () => {
    smtp = await startTestSmtp();
    t = await createTestApp(backend, { captcha: false, env: { SMTP_URL: smtp.url } });
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  function confirmationOf(order: Order): EmailContent {
    return orderConfirmation(
      {
        customerName: order.customerName,
        serviceTitle: order.serviceTitle,
        orderNumber: orderNumber(order.number),
        priceKopecks: order.priceKopecks,
        paidKopecks: order.priceKopecks,
        card: { brand: 'Visa', last4: '1981' },
        paidAt: new Date('2026-11-24T08:20:00Z'),
        publicUrl: t.deps.config.PUBLIC_URL,
        orderRef: order.publicRef,
        managerDeadline: 'сегодня до 12:20',
      },
      t.deps.content.current(),
    );
  }

  async function queueConfirmation(order: Order): Promise<string> {
    return t.deps.db.transaction((tx) =>
      queueEmail(t.deps, tx, { kind: 'order_confirmation', to: order.customerEmail, orderId: order.id, content: confirmationOf(order) }),
    );
  }

  const deliver = (emailId: string, retryCount = 0) => deliverEmail(t.deps, { data: { emailId }, retryCount, retryLimit: emailRetry.retryLimit });
  const receivedOf = (emailId: string) => smtp.received.filter((mail) => mail.headers.get('message-id') === `<${emailId}@uslugi.example>`);
  const row = async (emailId: string) => (await t.deps.db.select().from(emails).where(eq(emails.id, emailId)))[0]!;

  async function jobsFor(emailId: string) {
    const result = (await t.deps.db.execute(
      sql`select retry_limit, retry_delay, retry_backoff, retry_delay_max from pgboss.job where name = 'email.deliver' and data->>'emailId' = ${emailId}`,
    )) as unknown as { rows: Record<string, unknown>[] };
    return result.rows;
  }

  it('delivers the order confirmation queued in a transaction, in Russian, with a working order link, once', async () => {
    const { order } = await orderSentToGateway(t);
    const emailId = await queueConfirmation(order);
    expect(await row(emailId)).toMatchObject({ status: 'queued', attempts: 0, to: order.customerEmail, orderId: order.id });
    expect(await jobsFor(emailId)).toEqual([{ retry_limit: 11, retry_delay: 60, retry_backoff: true, retry_delay_max: 3600 }]);

    // The job as the worker gets it from pg-boss (the first one in this database), retry count included.
    const [job] = await t.deps.queue.fetch<{ emailId: string }>('email.deliver', { includeMetadata: true });
    expect(job).toMatchObject({ data: { emailId }, retryCount: 0, retryLimit: emailRetry.retryLimit });
    expect(await deliverEmail(t.deps, job!)).toBe('sent');
    await t.deps.queue.complete('email.deliver', job!.id);
    const [mail, ...more] = receivedOf(emailId);
    expect(more).toEqual([]);
    expect(mail!.envelopeTo).toEqual([order.customerEmail]);
    expect(mail!.subject).toBe(`Заказ ${orderNumber(order.number)} оплачен: ${order.serviceTitle}`);
    expect(mail!.headers.get('from')).toBe('Услуги онлайн <no-reply@uslugi.example>'); // the display name as an RFC 2047 word
    expect(mail!.headers.get('auto-submitted')).toBe('auto-generated');
    expect(mail!.text).toContain(`Здравствуйте, ${order.customerName}!`);
    expect(mail!.text).toContain('Менеджер свяжется с вами сегодня до 12:20');
    expect(mail!.html).toContain('Visa •••• 1981');
    const link = `${t.baseUrl}/orders/${order.publicRef}`;
    expect(mail!.text).toContain(link);
    expect(mail!.html).toContain(`href="${link}"`);
    expect((await t.app.inject({ method: 'GET', url: new URL(link).pathname })).statusCode).toBe(200);
    expect(await row(emailId)).toMatchObject({ status: 'sent', attempts: 0, messageId: `<${emailId}@uslugi.example>`, sentAt: expect.any(Date) });

    expect(await deliver(emailId, 1)).toBe('already_done');
    expect(receivedOf(emailId)).toHaveLength(1);
  });

  it('stores and enqueues nothing when the transaction rolls back', async () => {
    const { order } = await orderSentToGateway(t);
    const before = await t.deps.db.select({ n: count() }).from(emails);
    let emailId = '';
    await expect(
      t.deps.db.transaction(async (tx) => {
        emailId = await queueEmail(t.deps, tx, { kind: 'order_confirmation', to: order.customerEmail, orderId: order.id, content: confirmationOf(order) });
        throw new Error('the business step failed');
      }),
    ).rejects.toThrow('the business step failed');
    expect(await t.deps.db.select({ n: count() }).from(emails)).toEqual(before);
    expect(await jobsFor(emailId)).toEqual([]);
  });

  it('records the error while SMTP is down, keeps the email queued, and delivers it once when the server is back', async () => {
    const { order } = await orderSentToGateway(t);
    const emailId = await queueConfirmation(order);
    await smtp.stop();
    try {
      await expect(deliver(emailId)).rejects.toThrow();
      expect(await row(emailId)).toMatchObject({ status: 'queued', attempts: 1, lastError: expect.stringContaining('ECONNREFUSED'), sentAt: null });
    } finally {
      await smtp.start();
    }
    expect(await deliver(emailId, 1)).toBe('sent');
    expect(await deliver(emailId, 2)).toBe('already_done');
    expect(receivedOf(emailId)).toHaveLength(1);
    expect(await row(emailId)).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('marks the email failed with the SMTP reply on the last retry, and then leaves it alone', async () => {
    const { order } = await orderSentToGateway(t);
    const emailId = await queueConfirmation(order);
    smtp.refuseRecipients = { code: 550, message: '5.1.1 Mailbox unavailable' };
    try {
      await expect(deliver(emailId, 0)).rejects.toThrow();
      expect(await row(emailId)).toMatchObject({ status: 'queued', attempts: 1, lastError: expect.stringMatching(/^550 5\.1\.1 Mailbox unavailable/) });
      await expect(deliver(emailId, emailRetry.retryLimit)).rejects.toThrow();
      expect(await row(emailId)).toMatchObject({ status: 'failed', attempts: 2, lastError: expect.stringMatching(/^550 5\.1\.1 Mailbox unavailable/), sentAt: null });
    } finally {
      smtp.refuseRecipients = null;
    }
    expect(await deliver(emailId, emailRetry.retryLimit)).toBe('already_done');
    expect(receivedOf(emailId)).toEqual([]);
  });

  it('refuses header injection through the address or the subject before anything is stored', async () => {
    const { order } = await orderSentToGateway(t);
    const content = confirmationOf(order);
    const before = await t.deps.db.select({ n: count() }).from(emails);
    const attempts = [
      { to: 'ivan@example.ru\r\nBcc: spy@evil.example', content },
      { to: 'ivan@example.ru, spy@evil.example', content },
      { to: order.customerEmail, content: { ...content, subject: 'Заказ\nBcc: spy@evil.example' } },
    ];
    for (const attempt of attempts) {
      await expect(t.deps.db.transaction((tx) => queueEmail(t.deps, tx, { kind: 'order_confirmation', orderId: order.id, ...attempt }))).rejects.toBeInstanceOf(
        UnsafeEmailError,
      );
    }
    expect(await t.deps.db.select({ n: count() }).from(emails)).toEqual(before);
  });

  it('wipes an email holding a password or single-use link from storage once the server accepted it', async () => {
    const { order } = await orderSentToGateway(t);
    const content = { subject: 'Подтвердите адрес почты', html: '<p>ссылка: SECRET-LINK</p>', text: 'ссылка: SECRET-LINK' };
    const emailId = await t.deps.db.transaction((tx) => queueEmail(t.deps, tx, { kind: 'verify_email', to: order.customerEmail, content, secret: true }));
    expect(await deliver(emailId)).toBe('sent');
    expect(receivedOf(emailId)[0]!.text).toContain('SECRET-LINK');
    const stored = await row(emailId);
    expect(stored.status).toBe('sent');
    expect(`${stored.html}${stored.text}`).not.toContain('SECRET-LINK');
    expect(stored.text).toContain('содержимое удалено');
  });
});
