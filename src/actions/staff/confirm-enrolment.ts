import { eq } from 'drizzle-orm';
import { tokenHash } from '../../accounts/secrets.js';
import type { Deps } from '../../app-deps.js';
import { audit } from '../../db/queries/audit.js';
import { createStaffSession, findStaff, peekStaffToken, useStaffToken } from '../../db/queries/staff.js';
import { staff, staffRecoveryCodes } from '../../db/schema/index.js';
import { newRecoveryCodes, recoveryCodeHash } from '../../staff/recovery-codes.js';
import { openSecret } from '../../staff/secret-box.js';
import { verifyTotp } from '../../staff/totp.js';
import { guardLogin, recordLoginFailure } from '../accounts/login-guard.js';

export type ConfirmEnrolmentResult =
  | { kind: 'enrolled'; sessionId: string; recoveryCodes: string[] }
  | { kind: 'wrong_code'; error: string }
  | { kind: 'throttled'; retryAfterSeconds: number }
  | { kind: 'expired' };

/**
 * The first code from the authenticator app proves the secret was saved: the member becomes active,
 * gets 10 single-use recovery codes (shown once) and the first session.
 */
export async function confirmEnrolment(
  deps: Pick<Deps, 'db' | 'clock' | 'config' | 'captcha'>,
  input: { enrolToken: unknown; code: unknown; ip: string; userAgent: string },
): Promise<ConfirmEnrolmentResult> {
  if (typeof input.enrolToken !== 'string' || !input.enrolToken) return { kind: 'expired' };
  const hash = tokenHash(input.enrolToken);
  const now = deps.clock.now();
  const peeked = await peekStaffToken(deps.db, hash, 'enrol', now);
  const member = peeked?.staffId ? await findStaff(deps.db, peeked.staffId) : undefined;
  if (!member?.totpSecret || member.state !== 'enrolling') return { kind: 'expired' };
  const accountKey = `staff:${member.id}`;
  const guard = await guardLogin({ ...deps, captcha: null }, accountKey, undefined);
  if (guard.kind === 'throttled') return guard;

  const check = verifyTotp(openSecret(deps.config.APP_SECRET, member.totpSecret), String(input.code ?? ''), now, null);
  if (!check.ok) {
    await recordLoginFailure(deps, accountKey, input.ip);
    return { kind: 'wrong_code', error: check.reason === 'malformed' ? 'Введите 6 цифр из приложения.' : 'Код не подошёл. Проверьте время на телефоне и введите новый код.' };
  }
  const recoveryCodes = newRecoveryCodes();
  return deps.db.transaction(async (tx) => {
    if (!(await useStaffToken(tx, hash, 'enrol', now))) return { kind: 'expired' } as const;
    await tx.update(staff).set({ state: 'active', enrolledAt: now, totpLastStep: check.step }).where(eq(staff.id, member.id));
    await tx.delete(staffRecoveryCodes).where(eq(staffRecoveryCodes.staffId, member.id));
    await tx.insert(staffRecoveryCodes).values(recoveryCodes.map((code) => ({ staffId: member.id, codeHash: recoveryCodeHash(code) })));
    await audit(tx, { staffId: member.id, action: 'staff.totp_enrolled', entity: 'staff', entityId: member.id, ip: input.ip, at: now });
    const sessionId = await createStaffSession(tx, { staffId: member.id, ip: input.ip, userAgent: input.userAgent, now });
    return { kind: 'enrolled', sessionId, recoveryCodes } as const;
  });
}
