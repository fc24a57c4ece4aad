import { and, eq, isNull } from 'drizzle-orm';
import { tokenHash } from '../../accounts/secrets.js';
import type { Deps } from '../../app-deps.js';
import type { Queryable } from '../../db/client.js';
import { audit } from '../../db/queries/audit.js';
import { createStaffSession, deleteStaffSession, findStaff, peekStaffToken, useStaffToken, type StaffMember } from '../../db/queries/staff.js';
import { staff, staffRecoveryCodes } from '../../db/schema/index.js';
import { looksLikeRecoveryCode, recoveryCodeHash } from '../../staff/recovery-codes.js';
import { openSecret } from '../../staff/secret-box.js';
import { verifyTotp } from '../../staff/totp.js';
import { guardLogin, recordLoginFailure } from '../accounts/login-guard.js';

export type SecondFactorResult =
  | { kind: 'signed_in'; sessionId: string; recoveryCodesLeft: number | null }
  | { kind: 'wrong_code'; error: string }
  | { kind: 'throttled'; retryAfterSeconds: number }
  /** The challenge is used up or older than 5 minutes: start again with the password. */
  | { kind: 'expired' };

/**
 * The second step: a TOTP code (each works once: the step is remembered) or one of the recovery
 * codes (each works once). Only now does a staff session exist. Wrong codes count towards the same
 * per-account limits as wrong passwords.
 */
export async function staffSecondFactor(
  deps: Pick<Deps, 'db' | 'clock' | 'config' | 'captcha'>,
  input: { challenge: unknown; code: unknown; ip: string; userAgent: string; previousSessionHash?: string },
): Promise<SecondFactorResult> {
  if (typeof input.challenge !== 'string' || !input.challenge) return { kind: 'expired' };
  const hash = tokenHash(input.challenge);
  const now = deps.clock.now();
  const peeked = await peekStaffToken(deps.db, hash, 'login', now);
  const member = peeked?.staffId ? await findStaff(deps.db, peeked.staffId) : undefined;
  if (!member?.totpSecret || member.state !== 'active') return { kind: 'expired' };
  const accountKey = `staff:${member.id}`;
  // The captcha belongs to the password step; here only the waits apply.
  const guard = await guardLogin({ ...deps, captcha: null }, accountKey, undefined);
  if (guard.kind === 'throttled') return guard;

  const code = String(input.code ?? '').trim();
  const result = await deps.db.transaction(async (tx) => {
    const accepted = looksLikeRecoveryCode(code) ? await useRecoveryCode(tx, member, code, now) : await useTotpCode(deps, tx, member, code, now);
    if (!accepted.ok) return accepted;
    if (!(await useStaffToken(tx, hash, 'login', now))) return { ok: false, error: null } as const;
    if (input.previousSessionHash) await deleteStaffSession(tx, input.previousSessionHash);
    await audit(tx, { staffId: member.id, action: 'staff.signed_in', entity: 'staff', entityId: member.id, details: { with: accepted.with }, ip: input.ip, at: now });
    const sessionId = await createStaffSession(tx, { staffId: member.id, ip: input.ip, userAgent: input.userAgent, now });
    return { ok: true, sessionId, recoveryCodesLeft: accepted.with === 'recovery_code' ? await unusedRecoveryCodes(tx, member.id) : null } as const;
  });
  if (result.ok) return { kind: 'signed_in', sessionId: result.sessionId, recoveryCodesLeft: result.recoveryCodesLeft };
  if (result.error === null) return { kind: 'expired' };
  await recordLoginFailure(deps, accountKey, input.ip);
  return { kind: 'wrong_code', error: result.error };
}

type Accepted = { ok: true; with: 'totp' | 'recovery_code' } | { ok: false; error: string };

async function useTotpCode(deps: Pick<Deps, 'config'>, tx: Queryable, member: StaffMember, code: string, now: Date): Promise<Accepted> {
  const check = verifyTotp(openSecret(deps.config.APP_SECRET, member.totpSecret!), code, now, member.totpLastStep);
  if (!check.ok) {
    const errors = {
      malformed: 'Введите 6 цифр из приложения или резервный код вида xxxxx-xxxxx.',
      wrong: 'Код не подошёл. Проверьте время на телефоне и введите новый код.',
      replayed: 'Этот код уже использован. Дождитесь следующего кода в приложении.',
    };
    return { ok: false, error: errors[check.reason] };
  }
  // Conditional on the step we read, so two requests with one code cannot both pass.
  const moved = await tx
    .update(staff)
    .set({ totpLastStep: check.step })
    .where(and(eq(staff.id, member.id), member.totpLastStep === null ? isNull(staff.totpLastStep) : eq(staff.totpLastStep, member.totpLastStep)))
    .returning({ id: staff.id });
  return moved.length > 0 ? { ok: true, with: 'totp' } : { ok: false, error: 'Этот код уже использован. Дождитесь следующего кода в приложении.' };
}

async function useRecoveryCode(tx: Queryable, member: StaffMember, code: string, now: Date): Promise<Accepted> {
  const used = await tx
    .update(staffRecoveryCodes)
    .set({ usedAt: now })
    .where(and(eq(staffRecoveryCodes.staffId, member.id), eq(staffRecoveryCodes.codeHash, recoveryCodeHash(code)), isNull(staffRecoveryCodes.usedAt)))
    .returning({ staffId: staffRecoveryCodes.staffId });
  return used.length > 0 ? { ok: true, with: 'recovery_code' } : { ok: false, error: 'Резервный код не подошёл или уже использован.' };
}

async function unusedRecoveryCodes(tx: Queryable, staffId: string): Promise<number> {
  const rows = await tx
    .select({ staffId: staffRecoveryCodes.staffId })
    .from(staffRecoveryCodes)
    .where(and(eq(staffRecoveryCodes.staffId, staffId), isNull(staffRecoveryCodes.usedAt)));
  return rows.length;
}
