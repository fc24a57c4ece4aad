import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paidOrder } from '../helpers/accounts.js';
import { orderSentToGateway } from '../helpers/payments.js';
import { startTestSmtp, type TestSmtp } from '../helpers/smtp.js';
import { backends, createTestApp, type TestApp } from '../helpers/test-app.js';
import { editionLabel, versionInEffect } from '../../src/domain/content/legal-versions.js';
import { orderNumber } from '../../src/domain/orders/order-number.js';

const COUNTER = '98765432';

describe.each(backends)('Yandex Metrika on %s', (backend) => {
  let off: TestApp;
  let on: TestApp;
  let smtp: TestSmtp;

  beforeAll(async () => {
    smtp = await startTestSmtp();
    off = await createTestApp(backend, { captcha: false, env: { SMTP_URL: smtp.url } });
    on = await createTestApp(backend, { captcha: false, env: { SMTP_URL: smtp.url, YANDEX_METRIKA_ID: COUNTER } });
  });
  afterAll(async () => {
    await off.close();
    await on.close();
    await smtp.stop();
  });

  it('is absent by default: no counter, no Yandex in the policy, no paragraph in the privacy policy', async () => {
    const page = await off.app.inject({ url: '/' });
    expect(page.body).not.toContain('metrika');
    expect(String(page.headers['content-security-policy'])).not.toContain('yandex');
    const privacy = await off.app.inject({ url: '/legal/privacy' });
    expect(privacy.body).not.toContain('Яндекс Метрика');
    const inEffect = versionInEffect(off.deps.content.current().legal, 'privacy', off.deps.clock.now())!;
    expect(privacy.body).toContain(`<p class="legal-version">${editionLabel(inEffect.effectiveDate)}</p>`);
    expect(privacy.body).not.toContain('privacy-20');
  });

  it('loads with the page’s nonce when set, and the policy gains only Metrika’s origins', async () => {
    const page = await on.app.inject({ url: '/services/site-support' });
    const csp = String(page.headers['content-security-policy']);
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
    expect(page.body).toContain(`<script src="/static/metrika.js" async nonce="${nonce}" data-counter="${COUNTER}" data-tag="https://mc.yandex.ru/metrika/tag.js"></script>`);
    expect(csp).toContain(`script-src 'nonce-${nonce}' 'strict-dynamic' https://mc.yandex.ru https://yastatic.net;`);
    expect(csp).toContain("connect-src 'self' https://mc.yandex.ru https://yastatic.net;");
    expect(csp).toContain("img-src 'self' data: https://mc.yandex.ru https://yastatic.net;");
    expect(csp).toContain("frame-ancestors 'none'");
    // Not on the client's own account pages, nor in the back office.
    expect((await on.app.inject({ url: '/account/login' })).body).not.toContain('metrika.js');
    expect((await on.app.inject({ url: '/admin/login' })).body).not.toContain('metrika.js');
    const privacy = await on.app.inject({ url: '/legal/privacy' });
    expect(privacy.body).toContain('Яндекс Метрика');
    const inEffect = versionInEffect(on.deps.content.current().legal, 'privacy', on.deps.clock.now())!;
    expect(privacy.body).toContain(`<p class="legal-version">${editionLabel(inEffect.effectiveDate)}</p>`);
    const { order } = await orderSentToGateway(on);
    expect(order.privacyVersion).toBe(`privacy-${inEffect.effectiveDate}+metrika`);
  });

  it('hands over the purchase once per order, without the client’s name, email or phone, and never the order page’s address', async () => {
    const order = await paidOrder(on, { name: 'Вера Тайная', email: 'vera@example.ru', phone: '+7 912 111-22-33' });
    const first = await on.app.inject({ url: `/orders/${order.publicRef}` });
    const tag = /<script src="\/static\/metrika\.js"[^>]*>/.exec(first.body)![0];
    expect(tag).toContain(`data-page-url="${on.baseUrl}/orders/order"`);
    const purchase = /data-purchase="([^"]+)"/.exec(tag)![1]!.replace(/&quot;/g, '"');
    expect(JSON.parse(purchase)).toEqual({ id: orderNumber(order.number), name: order.serviceTitle, price: order.priceKopecks / 100 });
    // The phone in any formatting (its digits alone could turn up in the nonce, the order id or the port).
    expect(tag).not.toMatch(/Вера|Тайная|vera|912\D{0,3}111\D{0,3}22\D{0,3}33/i);
    expect(tag).not.toContain(order.publicRef);

    const second = await on.app.inject({ url: `/orders/${order.publicRef}` });
    expect(second.body).toContain('/static/metrika.js');
    expect(second.body).not.toContain('data-purchase');
  });

  it('sends no purchase for an unpaid order, nor when the counter is off', async () => {
    const { order } = await orderSentToGateway(on);
    expect((await on.app.inject({ url: `/orders/${order.publicRef}` })).body).not.toContain('data-purchase');
    const paidOff = await paidOrder(off);
    expect((await off.app.inject({ url: `/orders/${paidOff.publicRef}` })).body).not.toContain('metrika');
  });
});
