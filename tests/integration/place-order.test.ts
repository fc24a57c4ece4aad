import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orders, services } from '../../src/db/schema/index.js';
import { openOrderForm, solveCaptcha, submitOrder, validOrder } from '../helpers/order-form.js';
import { orderBehindRedirect } from '../helpers/orders.js';
import { backends, createTestApp, manualClock, type TestApp } from '../helpers/test-app.js';

const start = new Date('2026-11-23T08:00:00Z');

describe.each(backends)('placing an order on %s', (backend) => {
  let t: TestApp;
  const clock = manualClock(start);
  let ip = 0;
  /** Each test orders from its own address, so the per-IP limit never leaks between tests. */
  const nextIp = () => `203.0.113.${++ip}`;

  beforeAll(async () => {
    t = await createTestApp(backend, { clock });
  });
  afterAll(() => t.close());

  const order = async (fields: Record<string, string | undefined>, remoteAddress = nextIp()) =>
    submitOrder(t.app, 'site-support', { altcha: await solveCaptcha(t.app), ...fields }, { remoteAddress });

  /** The public reference of the order a successful submit sent to the gateway. */
  const placedRef = async (response: { statusCode: number; headers: Record<string, unknown> }) => {
    expect(response.statusCode).toBe(303);
    return (await orderBehindRedirect(t.deps, String(response.headers.location))).publicRef;
  };

  it('creates an order awaiting payment and sends the visitor to the gateway', async () => {
    const response = await order({ ...validOrder, marketing: 'on' }, '203.0.113.200');
    expect(response.statusCode).toBe(303);
    expect(String(response.headers.location)).toMatch(new RegExp(`^${t.sandbox.url}/pay\\.html\\?customer=`));
    const ref = await placedRef(response);
    expect(Buffer.from(ref, 'base64url').length * 8).toBeGreaterThanOrEqual(128);

    const [row] = await t.deps.db.select().from(orders).where(eq(orders.publicRef, ref));
    expect(row).toMatchObject({
      state: 'awaiting_payment',
      serviceTitle: 'Техническая поддержка сайта',
      priceKopecks: 1_500_000,
      customerName: 'Иван Петров',
      customerEmail: 'ivan@example.ru',
      customerPhone: '+79123456789',
      comment: 'Позвоните после обеда',
      marketingOptIn: true,
      // The versions in effect on 23 November 2026 (the model texts take effect on 6 December).
      offerVersion: 'offer-2026-11-23',
      consentVersion: 'consent-2026-11-23',
      privacyVersion: 'privacy-2026-11-23',
      clientIp: '203.0.113.200',
      userAgent: 'vitest',
    });
    expect(row!.acceptedAt.toISOString()).toBe(start.toISOString());

    const page = await t.app.inject(`/orders/${ref}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Проверяем оплату');
    expect(page.body).toMatch(/<meta http-equiv="refresh" content="3"\/?>/);
    expect(page.body).toContain('Техническая поддержка сайта');
    expect(page.body).toContain('15\u00a0000\u00a0₽');
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
  });

  it('copies the price at ordering time: a later price change does not touch the order', async () => {
    const ref = await placedRef(await order(validOrder));
    await t.deps.db.update(services).set({ priceKopecks: 9_900_000 }).where(eq(services.slug, 'site-support'));
    const [row] = await t.deps.db.select().from(orders).where(eq(orders.publicRef, ref));
    expect(row!.priceKopecks).toBe(1_500_000);
    await t.deps.db.update(services).set({ priceKopecks: 1_500_000 }).where(eq(services.slug, 'site-support'));
  });

  it('shows every missing field next to it, in Russian, with status 422, and stores nothing', async () => {
    const before = await t.deps.db.$count(orders);
    const response = await order({});
    expect(response.statusCode).toBe(422);
    for (const field of ['name', 'email', 'phone', 'accept_offer', 'consent_pd']) {
      expect(response.body).toMatch(new RegExp(`<p class="error" id="error-${field}">[А-ЯЁ][^<]+</p>`));
      expect(response.body).toMatch(new RegExp(`id="field-${field}"[^>]*aria-invalid="true"`));
    }
    expect(await t.deps.db.$count(orders)).toBe(before);
  });

  it('keeps the typed values when one field is wrong', async () => {
    const response = await order({ ...validOrder, email: 'ivan@example', marketing: 'on' });
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('value="Иван Петров"');
    expect(response.body).toContain('value="ivan@example"');
    expect(response.body).toContain('value="+7 (912) 345-67-89"');
    expect(response.body).toContain('>Позвоните после обеда</textarea>');
    expect(response.body).toMatch(/name="marketing"[^>]*checked/);
    expect(response.body).toContain('Проверьте адрес');
  });

  it('rejects a 10 KB name without echoing all of it back in error text', async () => {
    const response = await order({ ...validOrder, name: 'Я'.repeat(10_240) });
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('Имя слишком длинное');
  });

  it('renders markup typed into the form as text, and stores a comment with markup as typed', async () => {
    const script = '<script>alert(1)</script>';
    const rejected = await order({ ...validOrder, name: script });
    expect(rejected.statusCode).toBe(422);
    expect(rejected.body).not.toContain(script);
    expect(rejected.body).toContain('&lt;script>alert(1)&lt;/script>');

    const ref = await placedRef(await order({ ...validOrder, comment: `${script} & "кавычки"` }));
    const [row] = await t.deps.db.select().from(orders).where(eq(orders.publicRef, ref));
    expect(row!.comment).toBe(`${script} & "кавычки"`);
    const page = await t.app.inject(`/orders/${ref}`);
    expect(page.body).not.toContain(script);
    expect(page.body).toContain('&lt;script>alert(1)&lt;/script> &amp; &quot;кавычки&quot;');
  });

  it('answers malformed form encoding with a Russian error page, not a crash', async () => {
    const session = await openOrderForm(t.app, 'site-support');
    const response = await submitOrder(t.app, 'site-support', {}, {
      session,
      rawBody: `_csrf=${encodeURIComponent(session.csrfToken)}&name=%E0%A4%A&email=%%%`,
      remoteAddress: nextIp(),
    });
    // Undecodable sequences stay as typed and fail validation like any other bad value.
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('В имени допустимы буквы');

    const wrongType = await t.app.inject({
      method: 'POST',
      url: '/services/site-support/order',
      headers: { 'content-type': 'multipart/form-data; boundary=x', cookie: session.cookie },
      payload: '--x\r\nContent-Disposition: form-data; name="name"\r\n\r\nИван\r\n--x--',
    });
    expect(wrongType.statusCode).toBe(415);
    expect(wrongType.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(wrongType.body).toContain('неподдерживаемом формате');
  });

  it('refuses a post without a valid CSRF token with a 403 page', async () => {
    const session = await openOrderForm(t.app, 'site-support');
    const altcha = await solveCaptcha(t.app);
    const cases = [
      { session: { ...session, csrfToken: '' }, label: 'missing token' },
      { session: { ...session, csrfToken: 'forged-token' }, label: 'wrong token' },
      { session: { ...session, cookie: '' }, label: 'missing cookie' },
    ];
    for (const { session: s, label } of cases) {
      const response = await submitOrder(t.app, 'site-support', { ...validOrder, altcha }, { session: s, remoteAddress: nextIp() });
      expect(response.statusCode, label).toBe(403);
      expect(response.body).toContain('Форма устарела');
    }
  });

  it('requires the captcha and accepts each solution once', async () => {
    const missing = await submitOrder(t.app, 'site-support', validOrder, { remoteAddress: nextIp() });
    expect(missing.statusCode).toBe(422);
    expect(missing.body).toContain('Подтвердите, что вы не робот');

    const altcha = await solveCaptcha(t.app);
    const first = await submitOrder(t.app, 'site-support', { ...validOrder, altcha }, { remoteAddress: nextIp() });
    expect(first.statusCode).toBe(303);
    const replay = await submitOrder(t.app, 'site-support', { ...validOrder, altcha }, { remoteAddress: nextIp() });
    expect(replay.statusCode).toBe(422);
    expect(replay.body).toContain('уже использована');

    const garbage = await submitOrder(t.app, 'site-support', { ...validOrder, altcha: 'bm90IGEgcGF5bG9hZA==' }, { remoteAddress: nextIp() });
    expect(garbage.statusCode).toBe(422);
  });

  it('shows the captcha error with the other errors in the first round, the page opening on the summary', async () => {
    const response = await submitOrder(t.app, 'site-support', { ...validOrder, phone: '12' }, { remoteAddress: nextIp() });
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('<p class="error" id="error-phone">');
    expect(response.body).toContain('<p class="error" id="error-altcha">Подтвердите, что вы не робот');
    // Focus (and the scroll) lands on the summary without scripts; a message is not prefixed by its label.
    expect(response.body).toMatch(/<div class="error-summary" id="errors" role="alert" tabindex="-1" autofocus/);
    expect(response.body).toContain('<a href="#field-phone">Проверьте номер: например');
    expect(response.body).not.toMatch(/<a href="#field-\w+">[^<:]+: [^<]+: /);
    // Hints and errors describe their field.
    expect(response.body).toMatch(/id="field-phone"[^>]*aria-describedby="hint-phone error-phone"/);
    expect(response.body).toMatch(/id="field-email"[^>]*aria-describedby="hint-email"/);
    expect(response.body).toContain('<p class="hint" id="hint-email">');
  });

  it('keeps a solved captcha across the re-rendered form and uses it up only with the placed order', async () => {
    const altcha = await solveCaptcha(t.app);
    const ip = nextIp();
    const wrong = await submitOrder(t.app, 'site-support', { ...validOrder, email: 'ivan@', altcha }, { remoteAddress: ip });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).not.toContain('error-altcha');
    expect(wrong.body).not.toContain('<altcha-widget');
    expect(wrong.body).toContain('Проверка «Я не робот» пройдена.');
    const kept = /<input type="hidden" name="altcha" value="([^"]+)"/.exec(wrong.body)?.[1];
    expect(kept).toBe(altcha);

    const fixed = await submitOrder(t.app, 'site-support', { ...validOrder, altcha: kept }, { remoteAddress: ip });
    expect(fixed.statusCode).toBe(303);
    // Used up now: a form that comes back with it does not keep it, and says why.
    const again = await submitOrder(t.app, 'site-support', { ...validOrder, email: 'ivan@', altcha: kept }, { remoteAddress: nextIp() });
    expect(again.statusCode).toBe(422);
    expect(again.body).toContain('<altcha-widget');
    expect(again.body).toContain('уже использована');
  });

  it('refuses a captcha solved after its challenge expired', async () => {
    const altcha = await solveCaptcha(t.app);
    // The challenge carries its own expiry (10 minutes); verification reads the real time.
    const payload = JSON.parse(Buffer.from(altcha, 'base64').toString());
    payload.challenge.parameters.expiresAt = Math.floor(Date.now() / 1000) - 1;
    const tampered = Buffer.from(JSON.stringify(payload)).toString('base64');
    const response = await submitOrder(t.app, 'site-support', { ...validOrder, altcha: tampered }, { remoteAddress: nextIp() });
    expect(response.statusCode).toBe(422);
    expect(response.body).toMatch(/устарела|не удалась/);
  });

  it('silently refuses a form whose hidden honeypot field is filled', async () => {
    const response = await order({ ...validOrder, fax_number: '+1 555 0100' });
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('Не удалось отправить форму');
  });

  it('limits one IP address to five orders in ten minutes, then answers 429 with Retry-After', async () => {
    const address = '192.0.2.55';
    for (let i = 0; i < 5; i++) {
      const response = await order(validOrder, address);
      expect(response.statusCode, `order ${i + 1}`).toBe(303);
      clock.advance(60_000);
    }
    const sixth = await order(validOrder, address);
    expect(sixth.statusCode).toBe(429);
    expect(sixth.headers['retry-after']).toBe(String(5 * 60));
    expect(sixth.body).toContain('Попробуйте снова через 5 мин.');
    expect((await order(validOrder, '192.0.2.56')).statusCode).toBe(303);

    clock.advance(5 * 60_000);
    expect((await order(validOrder, address)).statusCode).toBe(303);
  });

  it('answers 404 when ordering an unknown service', async () => {
    const session = await openOrderForm(t.app, 'site-support');
    const response = await submitOrder(t.app, 'no-such-service', validOrder, { session, remoteAddress: nextIp() });
    expect(response.statusCode).toBe(404);
  });
});
