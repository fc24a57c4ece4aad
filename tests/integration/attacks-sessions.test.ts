import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NEW_PASSWORD, signedInClient } from '../helpers/accounts.js';
import { startTestSmtp, type TestSmtp } from '../helpers/smtp.js';
import { signInStaff, STAFF_PASSWORD, staffMember, totpCode } from '../helpers/staff.js';
import { backends, createTestApp, manualClock, type TestApp } from '../helpers/test-app.js';
import { visitor } from '../helpers/visitor.js';

// Session fixation (a cookie planted before sign-in must not become the signed-in session) and
// cookie reuse after logout, for clients and for staff.

describe.each(backends)('session fixation and reuse on %s', (backend) => {
  let t: TestApp;
  let smtp: TestSmtp;
  const clock = manualClock(new Date('2026-11-24T11:20:00+03:00'));
  let ip = 0;
  const nextIp = () => `203.0.113.${++ip}`;

  beforeAll(async () => {
    smtp = await startTestSmtp();
    t = await createTestApp(backend, { captcha: false, clock, env: { SMTP_URL: smtp.url } });
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  it('a client session id chosen by an attacker, or the attacker’s own live one, is replaced at sign-in', async () => {
    const attacker = await signedInClient(t, smtp.received, { email: 'mallory@example.ru', name: 'Мэллори' }, nextIp());
    const victim = await signedInClient(t, smtp.received, { email: 'alice@example.ru', name: 'Алиса' }, nextIp());
    const attackersSession = attacker.browser.cookie('session')!;

    for (const planted of ['attacker-chosen-session-id', attackersSession]) {
      const browser = visitor(t.app, nextIp());
      browser.setCookie('session', planted);
      // The form from a page that shows it whoever is signed in (the sign-in page sends a session home).
      const signedIn = await browser.post('/account/login', { login: victim.login, password: NEW_PASSWORD }, '/account/password/forgot');
      expect(signedIn.headers.location).toBe('/account');
      const issued = browser.cookie('session')!;
      expect(issued).not.toBe(planted);
      expect((await browser.get('/account/profile')).body).toContain('alice@example.ru');

      // The attacker, holding the planted id, is not in the victim's account.
      const holder = visitor(t.app, nextIp());
      holder.setCookie('session', planted);
      const page = await holder.get('/account/profile');
      expect(page.body).not.toContain('alice@example.ru');
    }
  });

  it('a client cookie copied before logout is dead after it', async () => {
    const client = await signedInClient(t, smtp.received, { email: 'bob@example.ru', name: 'Боб' }, nextIp());
    const copied = client.browser.cookie('session')!;
    expect((await client.browser.post('/account/logout', {}, '/account')).headers.location).toBe('/account/login?signed_out=1');
    const thief = visitor(t.app, nextIp());
    thief.setCookie('session', copied);
    expect((await thief.get('/account')).headers.location).toBe('/account/login');
    expect((await thief.get('/account/profile')).headers.location).toBe('/account/login');
  });

  it('a staff session id planted before sign-in is replaced, and a copied staff cookie dies at logout', async () => {
    const { member, secret } = await staffMember(t, 'admin');
    const browser = visitor(t.app, nextIp());
    browser.setCookie('staff_session', 'attacker-chosen-staff-session');
    // signInStaff makes its own browser; do the two steps here on the planted one.
    const first = await browser.post('/admin/login', { email: member.email, password: STAFF_PASSWORD }, '/admin/login');
    const challenge = /name="challenge" value="([^"]+)"/.exec(first.body)![1]!;
    const second = await browser.post('/admin/login/code', { challenge, code: totpCode(t, secret) });
    expect(second.headers.location).toBe('/admin');
    const issued = browser.cookie('staff_session')!;
    expect(issued).not.toBe('attacker-chosen-staff-session');
    expect((await browser.get('/admin')).statusCode).toBe(200);
    const holder = visitor(t.app, nextIp());
    holder.setCookie('staff_session', 'attacker-chosen-staff-session');
    expect((await holder.get('/admin')).headers.location).toBe('/admin/login');

    // Logout ends the session on the server: the copied cookie no longer opens anything.
    const copied = issued;
    expect((await browser.post('/admin/logout', {}, '/admin')).headers.location).toBe('/admin/login?signed_out=1');
    const thief = visitor(t.app, nextIp());
    thief.setCookie('staff_session', copied);
    expect((await thief.get('/admin')).headers.location).toBe('/admin/login');
    expect((await thief.get('/admin/clients')).headers.location).toBe('/admin/login');
  });

  it('a staff member’s earlier session is ended when they sign in again on the same browser', async () => {
    const { member, secret } = await staffMember(t, 'manager');
    const browser = await signInStaff(t, member, secret, nextIp());
    const earlier = browser.cookie('staff_session')!;
    clock.advance(31_000); // the next TOTP step: a code works once
    const again = await signInStaff(t, member, secret, nextIp());
    // A different browser: both live. Now the same browser signs in again over its live session.
    browser.setCookie('staff_session', earlier);
    const first = await browser.post('/admin/login', { email: member.email, password: STAFF_PASSWORD }, '/admin/login');
    const challenge = /name="challenge" value="([^"]+)"/.exec(first.body)![1]!;
    clock.advance(31_000);
    expect((await browser.post('/admin/login/code', { challenge, code: totpCode(t, secret) })).headers.location).toBe('/admin');
    expect(browser.cookie('staff_session')).not.toBe(earlier);
    const stale = visitor(t.app, nextIp());
    stale.setCookie('staff_session', earlier);
    expect((await stale.get('/admin')).headers.location).toBe('/admin/login');
    expect((await again.get('/admin')).statusCode).toBe(200);
  });
});
