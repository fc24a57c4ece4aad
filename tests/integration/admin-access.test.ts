import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureSetupLink } from '../../src/actions/staff/ensure-setup-link.js';
import { auditLog, emails, staff } from '../../src/db/schema/index.js';
import { base32Decode, hotp, totpStep } from '../../src/staff/totp.js';
import { signInStaff, STAFF_PASSWORD, staffBrowser, staffMember } from '../helpers/staff.js';
import { backends, createTestApp, manualClock, type TestApp } from '../helpers/test-app.js';
import { visitor, type Visitor } from '../helpers/visitor.js';

const ADMIN_PASSWORD = 'первый администратор магазина';

describe.each(backends)('staff access on %s', (backend) => {
  let t: TestApp;
  const clock = manualClock(new Date('2026-11-24T07:00:00Z'));
  beforeEach(async () => {
    t = await createTestApp(backend, { captcha: false, clock });
  });
  afterEach(() => t.close());

  const code = (secret: string, stepsLater = 0) => hotp(base32Decode(secret)!, totpStep(clock.now()) + stepsLater);
  const field = (body: string, name: string) => new RegExp(`name="${name}" value="([^"]+)"`).exec(body)?.[1] ?? '';
  const secretOn = (body: string) => /class="totp-secret">([^<]+)</.exec(body)![1]!.replace(/\s/g, '');

  /** Walks the printed setup link: the admin's details, then the authenticator. */
  async function setUpFirstAdmin(browser: Visitor) {
    const link = new URL((await ensureSetupLink(t.deps))!);
    expect(link.pathname).toBe('/admin/setup');
    const token = link.searchParams.get('token')!;
    const form = await browser.get(`/admin/setup?token=${token}`);
    expect(form.statusCode).toBe(200);
    const enrol = await browser.post('/admin/setup', { token, name: 'Пётр Сидоров', email: 'Owner@Example.ru', password: ADMIN_PASSWORD, password_confirm: ADMIN_PASSWORD });
    expect(enrol.statusCode).toBe(200);
    expect(enrol.body).toContain('data:image/svg+xml;base64,');
    return { token, secret: secretOn(enrol.body), enrolToken: field(enrol.body, 'enrol_token') };
  }

  it('creates the first admin from the printed link, with TOTP and ten recovery codes, once', async () => {
    const browser = visitor(t.app);
    const { token, secret, enrolToken } = await setUpFirstAdmin(browser);
    // No session before a valid code.
    expect((await browser.get('/admin/staff')).headers.location).toBe('/admin/login');

    const wrong = await browser.post('/admin/enrol', { enrol_token: enrolToken, code: code(secret, 5) });
    expect(wrong.statusCode).toBe(401);
    expect(secretOn(wrong.body)).toBe(secret); // the same secret: it was already scanned
    const enrolled = await browser.post('/admin/enrol', { enrol_token: enrolToken, code: code(secret) });
    expect(enrolled.statusCode).toBe(200);
    const codes = [...enrolled.body.matchAll(/<li>([a-z0-9]{5}-[a-z0-9]{5})<\/li>/g)].map((m) => m[1]);
    expect(new Set(codes).size).toBe(10);
    expect((await browser.get('/admin/staff')).statusCode).toBe(200);

    const [admin] = await t.deps.db.select().from(staff);
    expect(admin).toMatchObject({ role: 'admin', state: 'active', email: 'owner@example.ru' });
    expect(admin!.totpSecret).not.toContain(secret); // sealed, not stored as is
    expect(await ensureSetupLink(t.deps)).toBeNull();
    expect((await visitor(t.app).get(`/admin/setup?token=${token}`)).statusCode).toBe(410);
    const again = await visitor(t.app).post('/admin/setup', { token, name: 'Чужой', email: 'x@example.ru', password: ADMIN_PASSWORD, password_confirm: ADMIN_PASSWORD }, '/admin/login');
    expect(again.statusCode).toBe(410);
    expect(await t.deps.db.select().from(staff)).toHaveLength(1);
  });

  it('signs in with password then TOTP, and a code works once', async () => {
    const { member, secret } = await staffMember(t, 'manager');
    const browser = await signInStaff(t, member, secret);
    expect((await browser.get('/admin/staff')).statusCode).toBe(403); // a manager

    // The same 30-second code again (a replay) is refused; the next one works.
    const replay = visitor(t.app);
    const step = await replay.post('/admin/login', { email: member.email, password: STAFF_PASSWORD }, '/admin/login');
    const replayed = await replay.post('/admin/login/code', { challenge: field(step.body, 'challenge'), code: code(secret) });
    expect(replayed.statusCode).toBe(401);
    expect(replayed.body).toContain('Этот код уже использован');
    clock.advance(30_000);
    expect((await replay.post('/admin/login/code', { challenge: field(replayed.body, 'challenge'), code: code(secret) })).statusCode).toBe(303);
  });

  it('lets a recovery code in once, instead of the TOTP code', async () => {
    const browser = visitor(t.app);
    const { secret, enrolToken } = await setUpFirstAdmin(browser);
    const enrolled = await browser.post('/admin/enrol', { enrol_token: enrolToken, code: code(secret) });
    const [first, second] = [...enrolled.body.matchAll(/<li>([a-z0-9]{5}-[a-z0-9]{5})<\/li>/g)].map((m) => m[1]!);

    const withRecovery = async (recoveryCode: string) => {
      const phoneLost = visitor(t.app);
      const step = await phoneLost.post('/admin/login', { email: 'owner@example.ru', password: ADMIN_PASSWORD }, '/admin/login');
      return phoneLost.post('/admin/login/code', { challenge: field(step.body, 'challenge'), code: recoveryCode!.toUpperCase() });
    };
    const used = await withRecovery(first!);
    expect(used.statusCode).toBe(200);
    expect(used.body).toContain('Осталось резервных кодов: <strong>9</strong>');
    const reused = await withRecovery(first!);
    expect(reused.statusCode).toBe(401);
    expect(reused.body).toContain('Резервный код не подошёл или уже использован');
    expect((await withRecovery(second!)).body).toContain('Осталось резервных кодов: <strong>8</strong>');
  });

  it('never signs in without the second factor, and the challenge expires after 5 minutes', async () => {
    const { member, secret } = await staffMember(t, 'accountant');
    const browser = visitor(t.app);
    const step = await browser.post('/admin/login', { email: member.email, password: STAFF_PASSWORD }, '/admin/login');
    expect(step.statusCode).toBe(200);
    expect(step.cookies.find((c) => c.name.includes('staff'))).toBeUndefined();
    expect((await browser.get('/admin/staff')).headers.location).toBe('/admin/login');
    clock.advance(5 * 60_000);
    const late = await browser.post('/admin/login/code', { challenge: field(step.body, 'challenge'), code: code(secret) });
    expect(late.statusCode).toBe(401);
    expect(late.body).toContain('Время на ввод кода истекло');
  });

  it('ends staff sessions after 15 idle minutes and after 10 hours', async () => {
    const { browser } = await staffBrowser(t, 'admin');
    clock.advance(14 * 60_000);
    expect((await browser.get('/admin/staff')).statusCode).toBe(200);
    clock.advance(15 * 60_000);
    expect((await browser.get('/admin/staff')).headers.location).toBe('/admin/login');

    const { browser: busy } = await staffBrowser(t, 'admin');
    for (let minutes = 0; minutes < 600; minutes += 10) {
      expect((await busy.get('/admin/staff')).statusCode).toBe(200);
      clock.advance(10 * 60_000);
    }
    expect((await busy.get('/admin/staff')).headers.location).toBe('/admin/login');
  });

  it('limits wrong passwords and wrong codes per account, as for clients', async () => {
    const { member, secret } = await staffMember(t, 'manager');
    const browser = visitor(t.app, '198.51.100.7');
    for (let i = 0; i < 5; i += 1) {
      expect((await browser.post('/admin/login', { email: member.email, password: 'не тот пароль совсем' }, '/admin/login')).statusCode).toBe(401);
    }
    const throttled = await browser.post('/admin/login', { email: member.email, password: STAFF_PASSWORD }, '/admin/login');
    expect(throttled.statusCode).toBe(429);
    expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0);
    clock.advance(16 * 60_000);
    expect(await signInStaff(t, member, secret)).toBeDefined();

    // Wrong codes after a right password count against the same account.
    clock.advance(16 * 60_000);
    const guesser = visitor(t.app, '198.51.100.8');
    const step = await guesser.post('/admin/login', { email: member.email, password: STAFF_PASSWORD }, '/admin/login');
    let page = step.body;
    for (let i = 0; i < 5; i += 1) {
      const wrong = await guesser.post('/admin/login/code', { challenge: field(page, 'challenge'), code: '000000' });
      expect(wrong.statusCode).toBe(401);
      page = wrong.body;
    }
    expect((await guesser.post('/admin/login/code', { challenge: field(page, 'challenge'), code: code(secret, 1) })).statusCode).toBe(429);
  });

  it('invites a colleague by email: set a password, enrol, sign in with the role', async () => {
    const { browser: admin } = await staffBrowser(t, 'admin');
    const invalid = await admin.post('/admin/staff/invite', { name: 'М', email: 'нет', role: 'boss' }, '/admin/staff');
    expect(invalid.statusCode).toBe(422);
    expect((await admin.post('/admin/staff/invite', { name: 'Мария Иванова', email: 'maria@example.ru', role: 'manager' }, '/admin/staff')).statusCode).toBe(303);
    const [mail] = await t.deps.db.select().from(emails).where(eq(emails.to, 'maria@example.ru'));
    const token = /\/admin\/invite#token=([\w-]+)/.exec(mail!.text)![1]!;

    const maria = visitor(t.app, '203.0.113.50');
    expect((await maria.post('/admin/invite', { token, password: 'короткий', password_confirm: 'короткий' }, '/admin/invite')).statusCode).toBe(422);
    const enrol = await maria.post('/admin/invite', { token, password: 'пароль менеджера Марии', password_confirm: 'пароль менеджера Марии' }, '/admin/invite');
    expect(enrol.statusCode).toBe(200);
    const secret = secretOn(enrol.body);
    expect((await maria.post('/admin/enrol', { enrol_token: field(enrol.body, 'enrol_token'), code: code(secret) })).statusCode).toBe(200);
    expect((await maria.get('/admin/staff')).statusCode).toBe(403);
    // The link worked once.
    expect((await visitor(t.app).post('/admin/invite', { token, password: 'ещё один пароль Марии', password_confirm: 'ещё один пароль Марии' }, '/admin/invite')).statusCode).toBe(410);

    const actions = (await t.deps.db.select().from(auditLog)).map((entry) => entry.action);
    expect(actions).toEqual(expect.arrayContaining(['staff.invited', 'staff.invitation_accepted', 'staff.totp_enrolled', 'staff.signed_in']));
  });
});
