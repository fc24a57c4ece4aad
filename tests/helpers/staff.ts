import { hashPassword } from '../../src/accounts/secrets.js';
import type { StaffRole } from '../../src/domain/staff/staff-access.js';
import type { StaffMember } from '../../src/db/queries/staff.js';
import { staff } from '../../src/db/schema/index.js';
import { sealSecret } from '../../src/staff/secret-box.js';
import { base32Decode, hotp, newTotpSecret, totpStep } from '../../src/staff/totp.js';
import type { TestApp } from './test-app.js';
import { visitor, type Visitor } from './visitor.js';

export const STAFF_PASSWORD = 'длинный пароль сотрудника';

let counter = 0;

/** An enrolled, active staff member, written straight to the database (the enrolment has its own tests). */
export async function staffMember(t: TestApp, role: StaffRole, fields: { name?: string; email?: string } = {}): Promise<{ member: StaffMember; secret: string }> {
  counter += 1;
  const secret = newTotpSecret();
  const now = t.deps.clock.now();
  const [member] = await t.deps.db
    .insert(staff)
    .values({
      email: fields.email ?? `${role}.${counter}@staff.example.ru`,
      name: fields.name ?? `${{ admin: 'Админ', manager: 'Менеджер', accountant: 'Бухгалтер' }[role]} ${counter}`,
      role,
      state: 'active',
      passwordHash: await hashPassword(STAFF_PASSWORD),
      totpSecret: sealSecret(t.deps.config.APP_SECRET, secret),
      createdAt: now,
      enrolledAt: now,
    })
    .returning();
  return { member: member!, secret };
}

/** The code an authenticator app would show now (the test's clock), optionally some steps later. */
export function totpCode(t: TestApp, secret: string, stepsLater = 0): string {
  return hotp(base32Decode(secret)!, totpStep(t.deps.clock.now()) + stepsLater);
}

/** Signs a member in through the real pages: email and password, then the TOTP code. */
export async function signInStaff(t: TestApp, member: StaffMember, secret: string, ip?: string): Promise<Visitor> {
  const browser = visitor(t.app, ip);
  const first = await browser.post('/admin/login', { email: member.email, password: STAFF_PASSWORD }, '/admin/login');
  if (first.statusCode !== 200 || !first.body.includes('name="challenge"')) throw new Error(`Password step answered ${first.statusCode}: ${first.body.slice(0, 300)}`);
  const challenge = /name="challenge" value="([^"]+)"/.exec(first.body)![1]!;
  const second = await browser.post('/admin/login/code', { challenge, code: totpCode(t, secret) });
  if (second.statusCode !== 303) throw new Error(`Code step answered ${second.statusCode}: ${second.body.slice(0, 300)}`);
  return browser;
}

/** A signed-in staff member of that role: their browser (a Visitor) and their record. */
export async function staffBrowser(t: TestApp, role: StaffRole, ip?: string): Promise<{ browser: Visitor; member: StaffMember; secret: string }> {
  const { member, secret } = await staffMember(t, role);
  return { browser: await signInStaff(t, member, secret, ip), member, secret };
}
