import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confirmedClient, credentialsIn, deliverQueuedEmails, linkIn, mailTo, NEW_PASSWORD, paidOrder, signedInClient } from '../helpers/accounts.js';
import { startTestSmtp, type TestSmtp } from '../helpers/smtp.js';
import { backends, createTestApp, manualClock, type TestApp } from '../helpers/test-app.js';
import { visitor } from '../helpers/visitor.js';

const HOUR = 3_600_000;

describe.each(backends)('emailed links: verification, password reset, new address on %s', (backend) => {
  let t: TestApp;
  let smtp: TestSmtp;
  const clock = manualClock(new Date('2026-11-24T11:20:00+03:00'));
  let ip = 0;
  const browser = () => visitor(t.app, `192.0.2.${++ip}`);
  beforeAll(async () => {
    smtp = await startTestSmtp();
    t = await createTestApp(backend, { captcha: false, clock, env: { SMTP_URL: smtp.url } });
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  const lastMail = (to: string, subject: string) => mailTo(smtp.received, to, subject).at(-1)!;

  it('a verification link expires after 72 hours; a new one can be asked for, and the old one then stops working', async () => {
    await paidOrder(t, { email: 'late@example.ru', name: 'Кира Ли' });
    const first = linkIn(lastMail('late@example.ru', 'Подтвердите адрес электронной почты'), '/account/verify-email');
    clock.advance(72 * HOUR);
    const expired = await browser().post('/account/verify-email', { token: first.token }, '/account/verify-email');
    expect(expired.statusCode).toBe(410);
    expect(expired.body).toContain('Ссылка устарела или уже использована');

    const unknown = await browser().post('/account/verify-email/resend', { email: 'stranger@example.ru' }, '/account/login');
    const known = await browser().post('/account/verify-email/resend', { email: 'late@example.ru' }, '/account/login');
    expect(known.statusCode).toBe(200);
    expect(unknown.body.replace(/name="_csrf" value="[^"]+"/, '')).toBe(known.body.replace(/name="_csrf" value="[^"]+"/, ''));
    const invalid = await browser().post('/account/verify-email/resend', { email: 'not an address' }, '/account/login');
    expect(invalid.statusCode).toBe(422);
    expect(invalid.body).toContain('name@example.ru');

    await deliverQueuedEmails(t);
    expect(mailTo(smtp.received, 'stranger@example.ru', /./)).toHaveLength(0);
    const second = linkIn(lastMail('late@example.ru', 'Подтвердите адрес электронной почты'), '/account/verify-email');
    expect(second.token).not.toBe(first.token);
    const confirmed = await browser().post('/account/verify-email', { token: second.token }, '/account/verify-email');
    expect(confirmed.statusCode).toBe(200);
  });

  it('sends at most 3 links of a kind per account per hour, however many people ask', async () => {
    await paidOrder(t, { email: 'flood@example.ru', name: 'Ада Ем' });
    for (let i = 0; i < 4; i++) await browser().post('/account/verify-email/resend', { email: 'flood@example.ru' }, '/account/login');
    await deliverQueuedEmails(t);
    expect(mailTo(smtp.received, 'flood@example.ru', 'Подтвердите адрес электронной почты')).toHaveLength(3);
    clock.advance(HOUR);
    await browser().post('/account/verify-email/resend', { email: 'flood@example.ru' }, '/account/login');
    await deliverQueuedEmails(t);
    expect(mailTo(smtp.received, 'flood@example.ru', 'Подтвердите адрес электронной почты')).toHaveLength(4);
  });

  it('a link works only for its own purpose', async () => {
    await paidOrder(t, { email: 'swap@example.ru', name: 'Ева Ан' });
    const verify = linkIn(lastMail('swap@example.ru', 'Подтвердите адрес электронной почты'), '/account/verify-email');
    const asReset = await browser().post('/account/password/reset', { token: verify.token, password: NEW_PASSWORD, password_confirm: NEW_PASSWORD }, '/account/password/reset');
    expect(asReset.statusCode).toBe(410);
    const asNewEmail = await browser().post('/account/email/confirm', { token: verify.token }, '/account/email/confirm');
    expect(asNewEmail.statusCode).toBe(410);
    expect((await browser().post('/account/verify-email', { token: verify.token }, '/account/verify-email')).statusCode).toBe(200);
  });

  it('an expired temporary password leads to a reset link that sets a password, once, within an hour, ends every session and signs the client in', async () => {
    const { login, password } = await confirmedClient(t, smtp.received, { email: 'reset@example.ru', name: 'Юлия Ем' });
    clock.advance(72 * HOUR);
    const expired = await browser().post('/account/login', { login, password }, '/account/login');
    expect(expired.statusCode).toBe(403);
    expect(expired.body).toContain('Запросить новый пароль');

    const unknown = await browser().post('/account/password/forgot', { login: 'nobody@example.ru' }, '/account/password/forgot');
    const known = await browser().post('/account/password/forgot', { login: 'reset@example.ru' }, '/account/password/forgot');
    expect(known.statusCode).toBe(200);
    expect(unknown.body.replace(/name="_csrf" value="[^"]+"/, '')).toBe(known.body.replace(/name="_csrf" value="[^"]+"/, ''));
    await deliverQueuedEmails(t);
    const reset = linkIn(lastMail('reset@example.ru', 'Восстановление пароля'), '/account/password/reset');

    const page = await browser().get('/account/password/reset');
    expect(page.body).toContain('data-link-token');
    const weak = await browser().post('/account/password/reset', { token: reset.token, password: 'короткий', password_confirm: 'короткий' }, '/account/password/reset');
    expect(weak.statusCode).toBe(422);
    expect(weak.body).toContain('слишком короткий');
    expect(weak.body).toContain(`value="${reset.token}"`); // the form keeps the link for the next try
    const resetter = browser();
    const done = await resetter.post('/account/password/reset', { token: reset.token, password: NEW_PASSWORD, password_confirm: NEW_PASSWORD }, '/account/password/reset');
    expect(done.headers.location).toBe('/account?password=reset');
    // Signed in at once: no typing the password just chosen.
    const inside = await resetter.get('/account?password=reset');
    expect(inside.statusCode).toBe(200);
    expect(inside.body).toContain('Пароль изменён, вход в личный кабинет выполнен');
    const reused = await browser().post('/account/password/reset', { token: reset.token, password: NEW_PASSWORD, password_confirm: NEW_PASSWORD }, '/account/password/reset');
    expect(reused.statusCode).toBe(410);
    expect((await browser().post('/account/login', { login, password: NEW_PASSWORD }, '/account/login')).headers.location).toBe('/account');

    await browser().post('/account/password/forgot', { login }, '/account/password/forgot');
    await deliverQueuedEmails(t);
    const late = linkIn(lastMail('reset@example.ru', 'Восстановление пароля'), '/account/password/reset');
    clock.advance(HOUR);
    const tooLate = await browser().post('/account/password/reset', { token: late.token, password: NEW_PASSWORD, password_confirm: NEW_PASSWORD }, '/account/password/reset');
    expect(tooLate.statusCode).toBe(410);
  });

  it('a reset ends sessions that knew the old password', async () => {
    const client = await signedInClient(t, smtp.received, { email: 'stolen@example.ru', name: 'Рита Ко' });
    await browser().post('/account/password/forgot', { login: client.login }, '/account/password/forgot');
    await deliverQueuedEmails(t);
    const reset = linkIn(lastMail('stolen@example.ru', 'Восстановление пароля'), '/account/password/reset');
    const fresh = 'совсем новый пароль после кражи';
    await browser().post('/account/password/reset', { token: reset.token, password: fresh, password_confirm: fresh }, '/account/password/reset');
    expect((await client.browser.get('/account')).headers.location).toBe('/account/login');
  });

  it('changing the email needs the password, confirms the new address and tells the old one', async () => {
    const client = await signedInClient(t, smtp.received, { email: 'old@example.ru', name: 'Зоя Ун' });
    const wrong = await client.browser.post('/account/email', { email: 'new@example.ru', current_password: 'не мой пароль точно' }, '/account/profile');
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain('Пароль введён неверно');
    const sent = await client.browser.post('/account/email', { email: 'new@example.ru', current_password: client.password }, '/account/profile');
    expect(sent.statusCode).toBe(200);
    expect(sent.body).toContain('Мы отправили ссылку на new@example.ru');
    await deliverQueuedEmails(t);
    expect(lastMail('old@example.ru', 'Адрес электронной почты в личном кабинете меняется').text).toContain('new@example.ru');
    const link = linkIn(lastMail('new@example.ru', 'Подтвердите новый адрес электронной почты'), '/account/email/confirm');
    // The link belongs to the account that asked, whoever's browser opens it.
    const other = await signedInClient(t, smtp.received, { email: 'other@example.ru', name: 'Эмма Ри' });
    const confirmed = await other.browser.post('/account/email/confirm', { token: link.token }, '/account/email/confirm');
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.body).toContain('new@example.ru');
    expect((await other.browser.get('/account/profile')).body).toContain('other@example.ru');
    expect((await browser().post('/account/login', { login: 'new@example.ru', password: client.password }, '/account/login')).headers.location).toBe('/account');
    expect((await browser().post('/account/login', { login: 'old@example.ru', password: client.password }, '/account/login')).statusCode).toBe(401);
  });

  it('the profile keeps name and phone by the order form rules', async () => {
    const client = await signedInClient(t, smtp.received, { email: 'profile@example.ru', name: 'Мария Ус' });
    const bad = await client.browser.post('/account/profile', { name: 'М', phone: '123' }, '/account/profile');
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Укажите имя');
    expect(bad.body).toContain('Проверьте номер');
    const saved = await client.browser.post('/account/profile', { name: 'Мария Усова', phone: '8 912 000-11-22' }, '/account/profile');
    expect(saved.headers.location).toBe('/account/profile?saved=1');
    const page = await client.browser.get('/account/profile?saved=1');
    expect(page.body).toContain('Изменения сохранены');
    expect(page.body).toContain('Мария Усова');
    expect(page.body).toContain('+79120001122');
  });

  it('emailed links carry their token after "#" (never sent to a server), not in the query', async () => {
    await paidOrder(t, { email: 'frag@example.ru', name: 'Ия Ро' });
    const verification = lastMail('frag@example.ru', 'Подтвердите адрес электронной почты');
    expect(verification.text).toMatch(/\/account\/verify-email#token=[\w-]{43}/);
    expect(verification.text).not.toMatch(/\?token=/);
    const { password } = credentialsIn(lastMail('frag@example.ru', 'Доступ в личный кабинет'));
    expect(verification.text).not.toContain(password);
  });
});
