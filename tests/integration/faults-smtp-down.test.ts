import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emails } from '../../src/db/schema/index.js';
import { eventually, jobsOf, jobsSettled, retriesDueNow, sqlOn, type RunSql } from '../helpers/fault-jobs.js';
import { cards, orderSentToGateway } from '../helpers/payments.js';
import { startTestSmtp, type TestSmtp } from '../helpers/smtp.js';
import { backends, createTestApp, type TestApp } from '../helpers/test-app.js';
import { orderNumber } from '../../src/domain/orders/order-number.js';

// The SMTP server goes down before a paid order's emails go out and stays down over two delivery
// attempts. The real worker (pg-boss, retries with backoff) keeps them queued and delivers each exactly
// once when the server is back. email-delivery.test.ts covers one deliverEmail call at a time; this
// is the whole path from the result callback, through the queue, to the mailbox.

describe.each(backends)('emails while the SMTP server is down, on %s', (backend) => {
  let t: TestApp;
  let smtp: TestSmtp;
  let run: RunSql;
  beforeAll(async () => {
    smtp = await startTestSmtp();
    t = await createTestApp(backend, { captcha: false, worker: true, env: { SMTP_URL: smtp.url } });
    run = sqlOn(t.deps.database);
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  const emailsOf = (orderId: string) => t.deps.db.select().from(emails).where(eq(emails.orderId, orderId));

  it('queues them, retries with backoff, and delivers each exactly once after the server returns', async () => {
    await smtp.stop();
    const address = 'smtp-down@example.ru';
    const { order, attempt } = await orderSentToGateway(t, 'site-support', { email: address });
    await t.sandbox.pay(attempt.gatewayPaymentId!, cards.plain);

    // The worker writes the three emails and tries each once: refused, recorded, left for a retry.
    await eventually(async () => {
      const rows = await emailsOf(order.id);
      return rows.length === 3 && rows.every((row) => row.attempts === 1);
    }, 'three emails were tried once');
    await eventually(async () => (await jobsOf(run, ['email.deliver'])).every((job) => job.state === 'retry'), 'every delivery waits for a retry');
    const waiting = await jobsOf(run, ['email.deliver']);
    expect(waiting).toHaveLength(3);
    // pg-boss's backoff, not a busy loop: the first retry is 1–2 minutes away.
    for (const job of waiting) expect(job.dueInSeconds).toBeGreaterThan(50);
    for (const row of await emailsOf(order.id)) expect(row).toMatchObject({ status: 'queued', lastError: expect.stringContaining('ECONNREFUSED') });

    // Still down at the first retry.
    expect(await retriesDueNow(run, ['email.deliver'])).toBe(3);
    await eventually(async () => (await emailsOf(order.id)).every((row) => row.attempts === 2), 'the first retry failed too');
    await eventually(async () => (await jobsOf(run, ['email.deliver'])).every((job) => job.state === 'retry'), 'the deliveries wait again');
    expect(smtp.received.filter((mail) => mail.envelopeTo.includes(address))).toEqual([]);

    // The server is back by the second retry.
    await smtp.start();
    await retriesDueNow(run, ['email.deliver']);
    await eventually(() => jobsSettled(run), 'the deliveries finished');

    const rows = await emailsOf(order.id);
    expect(rows.map((row) => row.kind).sort()).toEqual(['credentials', 'order_confirmation', 'verify_email']);
    for (const row of rows) expect(row).toMatchObject({ status: 'sent', attempts: 2, sentAt: expect.any(Date) });
    const received = smtp.received.filter((mail) => mail.envelopeTo.includes(address));
    expect(received.map((mail) => mail.headers.get('message-id')).sort()).toEqual(rows.map((row) => `<${row.id}@uslugi.example>`).sort());
    expect(received.map((mail) => mail.subject).sort()).toEqual(
      [`Заказ ${orderNumber(order.number)} оплачен: ${order.serviceTitle}`, 'Доступ в личный кабинет', 'Подтвердите адрес электронной почты'].sort(),
    );
    expect((await jobsOf(run, ['email.deliver'])).map((job) => [job.state, job.retryCount])).toEqual([
      ['completed', 2],
      ['completed', 2],
      ['completed', 2],
    ]);
  });
});
