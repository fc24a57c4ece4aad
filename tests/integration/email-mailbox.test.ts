import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailRetry, queueEmail } from '../../src/email/queue-email.js';
import { orderConfirmation } from '../../src/email/templates/order-confirmation.js';
import { deliverEmail } from '../../src/jobs/deliver-email.js';
import { orderSentToGateway } from '../helpers/payments.js';
import { backends, createTestApp, type TestApp } from '../helpers/test-app.js';
import { orderNumber } from '../../src/domain/orders/order-number.js';

describe.each(backends)('the dev mailbox on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend, { captcha: false }); // no SMTP_URL: the dev mailbox
  });
  afterAll(() => t.close());

  it('captures an email without sending it, lists it and shows both versions', async () => {
    const { order } = await orderSentToGateway(t);
    const content = orderConfirmation(
      {
        customerName: '<script>alert(1)</script>',
        serviceTitle: order.serviceTitle,
        orderNumber: orderNumber(order.number),
        priceKopecks: order.priceKopecks,
        paidKopecks: order.priceKopecks,
        card: null,
        paidAt: new Date('2026-11-24T08:20:00Z'),
        publicUrl: t.deps.config.PUBLIC_URL,
        orderRef: order.publicRef,
        managerDeadline: 'завтра до 10:00',
      },
      t.deps.content.current(),
    );
    const emailId = await t.deps.db.transaction((tx) => queueEmail(t.deps, tx, { kind: 'order_confirmation', to: order.customerEmail, orderId: order.id, content }));
    expect(t.deps.mailer.kind).toBe('dev-mailbox');
    expect(await deliverEmail(t.deps, { data: { emailId }, retryCount: 0, retryLimit: emailRetry.retryLimit })).toBe('sent');

    const list = await t.app.inject({ method: 'GET', url: '/dev/mailbox' });
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Почтовый ящик разработчика');
    expect(list.body).toContain(`href="/dev/mailbox/${emailId}"`);
    expect(list.body).toContain(order.customerEmail);
    expect(list.body).toContain('отправлено');

    const page = await t.app.inject({ method: 'GET', url: `/dev/mailbox/${emailId}` });
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.body).toContain(content.subject);
    expect(page.body).toMatch(/<iframe class="mail-preview" sandbox srcdoc="&lt;!doctype html>/); // sandbox with no permissions
    expect(page.body).toContain('Текстовая версия');
    expect(page.body).toContain('Менеджер свяжется с вами завтра до 10:00');
    // The sandboxed preview cannot follow links, so they are listed to click.
    expect(page.body).toContain(`<a href="${t.baseUrl}/orders/${order.publicRef}">`);
    // The name is escaped in the email, and the email is escaped again in srcdoc: never live markup here.
    expect(page.body).not.toContain('<script>alert');
    expect(page.headers['content-security-policy']).toContain("style-src 'self' 'unsafe-inline'");
    expect(page.headers['content-security-policy']).toContain("script-src 'nonce-");
  });

  it('answers 404 for an unknown or malformed email id', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/dev/mailbox/00000000-0000-4000-8000-000000000000' })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/dev/mailbox/not-an-id' })).statusCode).toBe(404);
  });
});

describe.each(backends)('the dev mailbox seen from another machine on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend, { captcha: false }); // no SMTP_URL: the dev mailbox
  });
  afterAll(() => t.close());

  it('answers 404 to a visitor who is not on this machine, or is relayed by a proxy on it', async () => {
    const { order } = await orderSentToGateway(t);
    const content = orderConfirmation(
      { customerName: 'Иван', serviceTitle: order.serviceTitle, orderNumber: orderNumber(order.number), priceKopecks: order.priceKopecks, paidKopecks: order.priceKopecks, card: null, paidAt: new Date(), publicUrl: t.deps.config.PUBLIC_URL, orderRef: order.publicRef, managerDeadline: 'завтра до 10:00' },
      t.deps.content.current(),
    );
    const emailId = await t.deps.db.transaction((tx) => queueEmail(t.deps, tx, { kind: 'order_confirmation', to: order.customerEmail, orderId: order.id, content }));
    for (const url of ['/dev/mailbox', `/dev/mailbox/${emailId}`]) {
      expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(200); // this machine
      const remote = await t.app.inject({ method: 'GET', url, remoteAddress: '203.0.113.9' });
      expect(remote.statusCode).toBe(404);
      expect(remote.body).not.toContain(order.customerEmail);
      expect(remote.headers['x-content-type-options']).toBe('nosniff');
      for (const header of ['x-forwarded-for', 'x-real-ip', 'forwarded']) {
        const relayed = await t.app.inject({ method: 'GET', url, headers: { [header]: header === 'forwarded' ? 'for=203.0.113.9' : '203.0.113.9' } });
        expect(relayed.statusCode, header).toBe(404);
      }
    }
  });
});

describe.each(backends)('the dev mailbox with SMTP_URL set on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend, { captcha: false, env: { SMTP_URL: 'smtp://127.0.0.1:9' } });
  });
  afterAll(() => t.close());

  it('does not exist: real mail goes out, so nothing is shown', async () => {
    expect(t.deps.mailer.kind).toBe('smtp');
    expect((await t.app.inject({ method: 'GET', url: '/dev/mailbox' })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/dev/mailbox/00000000-0000-4000-8000-000000000000' })).statusCode).toBe(404);
  });
});
