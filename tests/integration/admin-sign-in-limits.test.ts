import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { solveCaptcha } from '../helpers/order-form.js';
import { STAFF_PASSWORD, staffMember } from '../helpers/staff.js';
import { backends, createTestApp, manualClock, type TestApp } from '../helpers/test-app.js';
import { visitor } from '../helpers/visitor.js';

// Nobody can lock a colleague out of the back office: waits hold the address that keeps failing,
// and failures from many addresses only ask everyone for the captcha.
describe.each(backends)('staff sign-in limits per account and address on %s', (backend) => {
  let t: TestApp;
  const clock = manualClock(new Date('2026-11-24T07:00:00Z'));
  beforeAll(async () => {
    t = await createTestApp(backend, { clock });
  });
  afterAll(() => t.close());

  const signInFrom = (ip: string, email: string, password: string, altcha?: string) =>
    visitor(t.app, ip).post('/admin/login', { email, password, ...(altcha ? { altcha } : {}) }, '/admin/login');
  const reachedCode = (body: string) => body.includes('name="challenge"');

  it('a guesser at one address is made to wait; the member at another address reaches the code step', async () => {
    const { member } = await staffMember(t, 'admin');
    const guess = (password: string, altcha?: string) => signInFrom('198.51.100.1', member.email, password, altcha);
    for (let i = 1; i <= 3; i++) expect((await guess(`не тот пароль ${i}`)).statusCode).toBe(401);
    const needsCaptcha = await guess(STAFF_PASSWORD);
    expect(needsCaptcha.statusCode).toBe(401);
    expect(needsCaptcha.body).toContain('altcha-widget');
    for (let i = 4; i <= 5; i++) expect((await guess(`не тот пароль ${i}`, await solveCaptcha(t.app, 'sign-in'))).statusCode).toBe(401);
    expect((await guess(STAFF_PASSWORD, await solveCaptcha(t.app, 'sign-in'))).statusCode).toBe(429);

    const office = await signInFrom('192.0.2.10', member.email, STAFF_PASSWORD);
    expect(office.statusCode).toBe(200);
    expect(reachedCode(office.body)).toBe(true);
  });

  it('past 10 failures from many addresses the form asks for the captcha, and a solved one with the right password goes on', async () => {
    const { member } = await staffMember(t, 'manager');
    for (let i = 1; i <= 10; i++) expect((await signInFrom(`198.51.100.${100 + i}`, member.email, 'перебор паролей')).statusCode).toBe(401);

    const asked = await signInFrom('192.0.2.11', member.email, STAFF_PASSWORD);
    expect(asked.statusCode).toBe(401);
    expect(asked.body).toContain('altcha-widget');
    expect(reachedCode(asked.body)).toBe(false);
    const solved = await signInFrom('192.0.2.11', member.email, STAFF_PASSWORD, await solveCaptcha(t.app, 'sign-in'));
    expect(solved.statusCode).toBe(200);
    expect(reachedCode(solved.body)).toBe(true);
  });
});
