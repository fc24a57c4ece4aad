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

  it('first sign-in with the temporary password forces a new password before anything else; the client may leave and come back until they set one', async () => {
    const { login, password } = await confirmedClient(t, smtp.received, { email: 'first@example.ru', name: 'Павел Орлов' });
    const browser = visitor(t.app, nextIp());
    const signedIn = await browser.post('/account/login', { login, password }, '/account/login');
    expect(signedIn.statusCode).toBe(303);
    expect(signedIn.headers.location).toBe('/account/password/change');
    expect(signedIn.headers['set-cookie']).toMatch(/session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax/);

    // The temporary password stays valid until the client sets their own: leaving the forced page
    // (another browser, a sign-out) does not lock them out, and they land on it again.
    const reuse = await visitor(t.app, nextIp()).post('/account/login', { login, password }, '/account/login');
    expect(reuse.statusCode).toBe(303);
    expect(reuse.headers.location).toBe('/account/password/change');

    const elsewhere = await browser.get('/account');
    expect(elsewhere.statusCode).toBe(303);
    expect(elsewhere.headers.location).toBe('/account/password/change');

    const page = await browser.get('/account/password/change');
    expect(page.body).toContain('Придумайте свой пароль');
    expect(page.body).toContain('Временный пароль из письма действует до 27 ноября 2026 в 11:20 (мск), пока вы не зададите свой');
    expect(page.body).toContain('Выйти и вернуться позже');
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
    // Now the temporary password is gone, and the session that came back with it ended.
    const afterChange = await visitor(t.app, nextIp()).post('/account/login', { login, password }, '/account/login');
    expect(afterChange.statusCode).toBe(401);

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

  const signInFrom = (ip: string, login: string, password: string, altcha?: string) =>
    visitor(t.app, ip).post('/account/login', { login, password, ...(altcha ? { altcha } : {}) }, '/account/login');

  it('a guesser at one address gets the captcha after 3 failures and waits after 5; the owner elsewhere signs straight in', async () => {
    const owner = await signedInClient(t, smtp.received, { email: 'target@example.ru', name: 'Ян Ли' }, '192.0.2.1');
    const guess = (password: string, altcha?: string) => signInFrom('198.51.100.1', owner.login, password, altcha);

    for (let i = 1; i <= 3; i++) expect((await guess(`неверный пароль ${i}`)).statusCode).toBe(401);
    const needsCaptcha = await guess(owner.password);
    expect(needsCaptcha.statusCode).toBe(401);
    expect(needsCaptcha.body).toContain('Я не робот');
    expect(needsCaptcha.body).toContain('altcha-widget');
    expect((await guess('неверный пароль 4', await solveCaptcha(t.app, 'sign-in'))).statusCode).toBe(401);
    expect((await guess('неверный пароль 5', await solveCaptcha(t.app, 'sign-in'))).statusCode).toBe(401);
    const throttled = await guess(owner.password, await solveCaptcha(t.app, 'sign-in'));
    expect(throttled.statusCode).toBe(429);
    expect(Number(throttled.headers['retry-after'])).toBe(30);
    expect(throttled.body).toContain('Слишком много неудачных попыток входа');

    // The owner, at home, is not slowed down at all by what happened at the other address.
    const home = await signInFrom('192.0.2.1', owner.login, owner.password);
    expect(home.statusCode).toBe(303);
    expect(home.headers.location).toBe('/account');

    clock.advance(31_000);
    expect((await guess(owner.password, await solveCaptcha(t.app, 'sign-in'))).statusCode).toBe(303);
  });

  it('past 10 failures on the account from many addresses, everyone must solve the captcha, and a solved one with the right password signs in', async () => {
    clock.advance(16 * MINUTE);
    const owner = await signedInClient(t, smtp.received, { email: 'spread@example.ru', name: 'Ия Ди' }, '192.0.2.2');
    for (let i = 1; i <= 10; i++) expect((await signInFrom(`198.51.100.${100 + i}`, owner.login, 'перебор паролей')).statusCode).toBe(401);

    const asked = await signInFrom('192.0.2.2', owner.login, owner.password);
    expect(asked.statusCode).toBe(401);
    expect(asked.body).toContain('altcha-widget');
    expect(asked.body).toContain('Подтвердите, что вы не робот');
    const solved = await signInFrom('192.0.2.2', owner.login, owner.password, await solveCaptcha(t.app, 'sign-in'));
    expect(solved.statusCode).toBe(303);
    expect(solved.headers.location).toBe('/account');

    // A new address is asked for the captcha too, and is never made to wait for the others' failures.
    const fresh = await signInFrom('198.51.100.200', owner.login, 'ещё одна догадка', await solveCaptcha(t.app, 'sign-in'));
    expect(fresh.statusCode).toBe(401);
    expect(fresh.body).toContain('altcha-widget');
  });

  it('takes only a sign-in challenge: the cheaper one of the order form does not pass', async () => {
    clock.advance(16 * MINUTE);
    const owner = await signedInClient(t, smtp.received, { email: 'cheap@example.ru', name: 'Ян Ку' }, '192.0.2.4');
    for (let i = 1; i <= 3; i++) await signInFrom('198.51.100.50', owner.login, 'неверный пароль');
    const cheap = await signInFrom('198.51.100.50', owner.login, owner.password, await solveCaptcha(t.app, 'order'));
    expect(cheap.statusCode).toBe(401);
    expect(cheap.body).toContain('Проверка «Я не робот» не удалась');
    expect((await signInFrom('198.51.100.50', owner.login, owner.password, await solveCaptcha(t.app, 'sign-in'))).statusCode).toBe(303);
  });

  it('counts an IPv6 guesser by its /64: changing the last 64 bits does not reset the wait', async () => {
    clock.advance(16 * MINUTE);
    const owner = await signedInClient(t, smtp.received, { email: 'six@example.ru', name: 'Ли Ву' }, '192.0.2.3');
    for (let i = 1; i <= 5; i++) {
      const altcha = i > 3 ? await solveCaptcha(t.app, 'sign-in') : undefined;
      expect((await signInFrom(`2001:db8:5:6::${i}`, owner.login, 'неверный пароль', altcha)).statusCode).toBe(401);
    }
    expect((await signInFrom('2001:db8:5:6:aaaa::99', owner.login, owner.password, await solveCaptcha(t.app, 'sign-in'))).statusCode).toBe(429);
    expect((await signInFrom('2001:db8:5:7::1', owner.login, owner.password)).statusCode).toBe(303);
  });
});
