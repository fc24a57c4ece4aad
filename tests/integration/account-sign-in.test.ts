import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pruneAccountRecords } from '../../src/actions/accounts/prune-account-records.js';
import { clientSessions, loginFailures } from '../../src/db/schema/index.js';
import { confirmedClient, credentialsIn, mailTo, NEW_PASSWORD, paidOrder, signedInClient } from '../helpers/accounts.js';
import { solveCaptcha } from '../helpers/order-form.js';
import { startTestSmtp, type TestSmtp } from '../helpers/smtp.js';
import { backends, createTestApp, manualClock, type TestApp } from '../helpers/test-app.js';
import { visitor } from '../helpers/visitor.js';

const MINUTE = 60_000;

describe.each(backends)('signing in to the personal account on %s', (backend) => {
  let t: TestApp;
  let smtp: TestSmtp;
  const clock = manualClock(new Date('2026-11-24T11:20:00+03:00'));
  let ip = 0;
  const nextIp = () => `203.0.113.${++ip}`;
  beforeAll(async () => {
    smtp = await startTestSmtp();
    t = await createTestApp(backend, { clock, env: { SMTP_URL: smtp.url, CAPTCHA: 'off' } });
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  it('first sign-in with the temporary password forces a new password before anything else, and uses it up', async () => {
    const { login, password } = await confirmedClient(t, smtp.received, { email: 'first@example.ru', name: 'Павел Орлов' });
    const browser = visitor(t.app, nextIp());
    const signedIn = await browser.post('/account/login', { login, password }, '/account/login');
    expect(signedIn.statusCode).toBe(303);
    expect(signedIn.headers.location).toBe('/account/password/change');
    expect(signedIn.headers['set-cookie']).toMatch(/session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax/);

    // The temporary password works once: a second sign-in with it is sent to "request a new password".
    const reuse = await visitor(t.app, nextIp()).post('/account/login', { login, password }, '/account/login');
    expect(reuse.statusCode).toBe(403);
    expect(reuse.body).toContain('Временный пароль больше не действует');
    expect(reuse.body).toContain('/account/password/forgot');

    const elsewhere = await browser.get('/account');
    expect(elsewhere.statusCode).toBe(303);
    expect(elsewhere.headers.location).toBe('/account/password/change');

    const page = await browser.get('/account/password/change');
    expect(page.body).toContain('Придумайте свой пароль');
    const weak = await browser.post('/account/password/change', { password: 'qwerty123456', password_confirm: 'qwerty123456' });
    expect(weak.statusCode).toBe(422);
    expect(weak.body).toContain('Этот пароль слишком распространён');
    const asLogin = await browser.post('/account/password/change', { password: login, password_confirm: login });
    expect(asLogin.body).toContain('не должен совпадать с логином');
    const mismatch = await browser.post('/account/password/change', { password: NEW_PASSWORD, password_confirm: 'другой' });
    expect(mismatch.body).toContain('Пароли не совпадают');
    const changed = await browser.post('/account/password/change', { password: NEW_PASSWORD, password_confirm: NEW_PASSWORD });
    expect(changed.statusCode).toBe(303);
    expect(changed.headers.location).toBe('/account');

    const account = await browser.get('/account');
    expect(account.statusCode).toBe(200);
    expect(account.headers['cache-control']).toBe('no-store');
    expect(account.body).toContain('Техническая поддержка сайта');
    expect(account.body).toContain('Оплачен');

    // The email works as a login too, with the new password.
    const byEmail = await visitor(t.app, nextIp()).post('/account/login', { login: 'First@Example.ru', password: NEW_PASSWORD }, '/account/login');
    expect(byEmail.headers.location).toBe('/account');
  });

  it('before the address is confirmed, a right password gets "confirm your address" with a resend button', async () => {
    await paidOrder(t, { email: 'unconfirmed@example.ru', name: 'Олег Юн' });
    const { login, password } = credentialsIn(mailTo(smtp.received, 'unconfirmed@example.ru', 'Доступ в личный кабинет')[0]!);
    const browser = visitor(t.app, nextIp());
    const answer = await browser.post('/account/login', { login, password }, '/account/login');
    expect(answer.statusCode).toBe(403);
    expect(answer.body).toContain('Подтвердите адрес почты');
    expect(answer.body).toContain('Отправить ссылку ещё раз');
    expect(browser.cookie('session')).toBeUndefined();
    const wrong = await browser.post('/account/login', { login, password: 'не тот пароль вовсе' }, '/account/login');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).toContain('Неверный логин или пароль');
    expect(wrong.body).not.toContain('Подтвердите адрес');
  });

  it('gives a new session id at every sign-in and ends the old one', async () => {
    const client = await signedInClient(t, smtp.received, { email: 'rotate@example.ru', name: 'Инна Ро' }, nextIp());
    const before = client.browser.cookie('session')!;
    await client.browser.post('/account/login', { login: client.login, password: client.password }, '/account/login');
    const after = client.browser.cookie('session')!;
    expect(after).not.toBe(before);
    const stale = visitor(t.app, nextIp());
    stale.setCookie('session', before);
    expect((await stale.get('/account')).headers.location).toBe('/account/login');
  });

  it('ends a session after 30 idle minutes and 12 hours after sign-in however active', async () => {
    const client = await signedInClient(t, smtp.received, { email: 'idle@example.ru', name: 'Нина Ив' }, nextIp());
    clock.advance(29 * MINUTE);
    expect((await client.browser.get('/account')).statusCode).toBe(200);
    clock.advance(30 * MINUTE);
    expect((await client.browser.get('/account')).headers.location).toBe('/account/login');

    const active = await signedInClient(t, smtp.received, { email: 'busy@example.ru', name: 'Лев Бо' }, nextIp());
    for (let minutes = 0; minutes < 12 * 60 - 20; minutes += 20) {
      clock.advance(20 * MINUTE);
      expect((await active.browser.get('/account')).statusCode).toBe(200);
    }
    clock.advance(20 * MINUTE);
    expect((await active.browser.get('/account')).headers.location).toBe('/account/login');
  });

  it('logs out, logs out everywhere, and a password change ends the other sessions only', async () => {
    const client = await signedInClient(t, smtp.received, { email: 'many@example.ru', name: 'Ада Ли' }, nextIp());
    const phone = visitor(t.app, nextIp());
    await phone.post('/account/login', { login: client.login, password: client.password }, '/account/login');
    const laptop = visitor(t.app, nextIp());
    await laptop.post('/account/login', { login: client.login, password: client.password }, '/account/login');
    const sessions = await client.browser.get('/account/sessions');
    expect(sessions.body.match(/<li>/g)).toHaveLength(3);

    const newer = 'другой длинный пароль для входа';
    const changed = await client.browser.post('/account/password/change', { current_password: client.password, password: newer, password_confirm: newer }, '/account/password/change');
    expect(changed.headers.location).toBe('/account/password/change?saved=1');
    expect((await client.browser.get('/account')).statusCode).toBe(200);
    expect((await phone.get('/account')).headers.location).toBe('/account/login');

    await phone.post('/account/login', { login: client.login, password: newer }, '/account/login');
    const out = await laptop.post('/account/login', { login: client.login, password: newer }, '/account/login');
    expect(out.headers.location).toBe('/account');
    const everywhere = await laptop.post('/account/logout-everywhere', {}, '/account/sessions');
    expect(everywhere.headers.location).toBe('/account/login?signed_out=all');
    for (const browser of [client.browser, phone, laptop]) expect((await browser.get('/account')).headers.location).toBe('/account/login');

    await phone.post('/account/login', { login: client.login, password: newer }, '/account/login');
    const loggedOut = await phone.post('/account/logout', {}, '/account');
    expect(loggedOut.headers.location).toBe('/account/login?signed_out=1');
    expect((await phone.get('/account')).headers.location).toBe('/account/login');
    const left = await t.deps.db.select().from(clientSessions).where(eq(clientSessions.clientId, client.order.clientId!));
    expect(left).toHaveLength(0);
  });

  it('shows a client only their own orders: another reference is a 404', async () => {
    const anna = await signedInClient(t, smtp.received, { email: 'own-a@example.ru', name: 'Анна Ким' }, nextIp());
    const boris = await signedInClient(t, smtp.received, { email: 'own-b@example.ru', name: 'Борис Ким' }, nextIp());
    const own = await anna.browser.get(`/account/orders/${anna.order.publicRef}`);
    expect(own.statusCode).toBe(200);
    expect(own.body).toContain('•••• 1981');
    expect(own.body).toContain('Спецификация');
    expect((await anna.browser.get(`/account/orders/${boris.order.publicRef}`)).statusCode).toBe(404);
    expect((await anna.browser.get('/account')).body).not.toContain(boris.order.publicRef);
  });

  it('the hourly prune removes sessions past their timeouts and failures past the window, nothing live', async () => {
    const idle = await signedInClient(t, smtp.received, { email: 'prune@example.ru', name: 'Ира Ду' }, nextIp());
    await visitor(t.app, nextIp()).post('/account/login', { login: idle.login, password: 'опять не тот пароль' }, '/account/login');
    const sessionsOf = () => t.deps.db.select().from(clientSessions).where(eq(clientSessions.clientId, idle.order.clientId!));
    const failuresOf = () => t.deps.db.select().from(loginFailures).where(eq(loginFailures.accountKey, `client:${idle.order.clientId}`));
    await pruneAccountRecords(t.deps);
    expect(await sessionsOf()).toHaveLength(1);
    expect(await failuresOf()).toHaveLength(1);
    clock.advance(31 * MINUTE);
    await pruneAccountRecords(t.deps);
    expect(await sessionsOf()).toHaveLength(0);
    expect(await failuresOf()).toHaveLength(0);
  });

  it('limits sign-in attempts to 10 a minute per IP', async () => {
    const browser = visitor(t.app, nextIp());
    await browser.get('/account/login');
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await browser.post('/account/login', { login: `nobody${i}`, password: 'что угодно тут' })).statusCode);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    const limited = await browser.post('/account/login', { login: 'nobody', password: 'что угодно тут' });
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBeDefined();
    expect(limited.body).toContain('Слишком много запросов');
  });
});

describe.each(backends)('per-account sign-in limits on %s', (backend) => {
  let t: TestApp;
  let smtp: TestSmtp;
  const clock = manualClock(new Date('2026-11-24T11:20:00+03:00'));
  beforeAll(async () => {
    smtp = await startTestSmtp();
    t = await createTestApp(backend, { clock, env: { SMTP_URL: smtp.url } });
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  it('asks for a captcha after 3 failures and makes the account wait after 5, from any IP', async () => {
    const client = await confirmedClient(t, smtp.received, { email: 'target@example.ru', name: 'Ян Ли' });
    const tryWith = (ip: string, password: string, altcha?: string) =>
      visitor(t.app, ip).post('/account/login', { login: client.login, password, ...(altcha ? { altcha } : {}) }, '/account/login');

    for (let i = 1; i <= 3; i++) expect((await tryWith(`198.51.100.${i}`, 'неверный пароль раз')).statusCode).toBe(401);
    const needsCaptcha = await tryWith('198.51.100.4', client.password);
    expect(needsCaptcha.statusCode).toBe(401);
    expect(needsCaptcha.body).toContain('Я не робот');
    expect(needsCaptcha.body).toContain('altcha-widget');

    expect((await tryWith('198.51.100.5', 'неверный пароль два', await solveCaptcha(t.app))).statusCode).toBe(401);
    expect((await tryWith('198.51.100.6', 'неверный пароль три', await solveCaptcha(t.app))).statusCode).toBe(401);
    const throttled = await tryWith('198.51.100.7', client.password, await solveCaptcha(t.app));
    expect(throttled.statusCode).toBe(429);
    expect(Number(throttled.headers['retry-after'])).toBe(30);
    expect(throttled.body).toContain('Слишком много неудачных попыток входа');

    clock.advance(31_000);
    const allowed = await tryWith('198.51.100.8', client.password, await solveCaptcha(t.app));
    expect(allowed.statusCode).toBe(303);
  });
});
