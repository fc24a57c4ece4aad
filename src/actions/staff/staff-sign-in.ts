import { verifyPasswordOrDecoy } from '../../accounts/secrets.js';
import type { Deps } from '../../app-deps.js';
import { findStaffByEmail, issueStaffToken } from '../../db/queries/staff.js';
import { guardLogin, recordLoginFailure } from '../accounts/login-guard.js';
import { after, STAFF_TOKEN_LIFETIMES } from '../../domain/staff/token-lifetimes.js';
import { startEnrolment, type Enrolment } from './start-enrolment.js';

export type StaffSignInResult =
  /** The password is right: the TOTP code comes next, carried by a short-lived single-use challenge. */
  | { kind: 'second_factor'; challenge: string }
  /** Right password, but enrolment was never finished: a new secret to scan. */
  | { kind: 'enrol'; enrolment: Enrolment }
  | { kind: 'refused'; error: string; captchaRequired: boolean }
  | { kind: 'throttled'; retryAfterSeconds: number };

const WRONG = 'Неверный адрес почты или пароль.';

/** The first step of the staff sign-in. No session yet: that needs the TOTP code. */
export async function staffSignIn(
  deps: Pick<Deps, 'db' | 'clock' | 'config' | 'captcha'>,
  input: { email: unknown; password: unknown; altcha: unknown; ip: string },
): Promise<StaffSignInResult> {
  const email = typeof input.email === 'string' ? input.email.trim().slice(0, 254) : '';
  const password = typeof input.password === 'string' ? input.password.slice(0, 1024) : '';
  if (!email || !password) return { kind: 'refused', error: 'Введите адрес почты и пароль.', captchaRequired: false };

  const found = await findStaffByEmail(deps.db, email);
  const member = found && (found.state === 'active' || found.state === 'enrolling') ? found : undefined;
  const accountKey = member ? `staff:${member.id}` : `staff-name:${email.toLowerCase()}`;
  const guard = await guardLogin(deps, accountKey, input.altcha);
  if (guard.kind === 'throttled') return guard;
  if (guard.kind === 'captcha_failed') return { kind: 'refused', error: guard.error, captchaRequired: true };

  if (!member || !(await verifyPasswordOrDecoy(member.passwordHash, password))) {
    const next = await recordLoginFailure(deps, accountKey, input.ip);
    return { kind: 'refused', error: WRONG, captchaRequired: next.captchaRequired };
  }
  const now = deps.clock.now();
  if (member.state === 'enrolling') {
    return { kind: 'enrol', enrolment: await deps.db.transaction((tx) => startEnrolment(deps, tx, member)) };
  }
  const challenge = await issueStaffToken(deps.db, { staffId: member.id, purpose: 'login', now, expiresAt: after(now, STAFF_TOKEN_LIFETIMES.login) });
  return { kind: 'second_factor', challenge };
}
