import { eq } from 'drizzle-orm';
import type { Deps } from '../../app-deps.js';
import type { StaffRole } from '../../domain/staff/staff-access.js';
import type { Queryable } from '../../db/client.js';
import { audit } from '../../db/queries/audit.js';
import { deleteStaffSessions, findStaff, type StaffMember } from '../../db/queries/staff.js';
import { staff, staffRecoveryCodes } from '../../db/schema/index.js';
import { sendInvitation } from './invite-staff.js';

export type StaffChange = { kind: 'role'; role: StaffRole } | { kind: 'disable' } | { kind: 'reset_access' };
export type UpdateStaffResult = { kind: 'updated' } | { kind: 'refused'; reason: string };

/**
 * An admin changes a colleague: their role, disables them (sessions end at once), or resets their
 * access (lost phone and codes: password and TOTP are cleared and a new invitation goes out).
 * Admins cannot lock themselves out this way: the back office would be left with no one to fix it.
 */
export async function updateStaffMember(
  deps: Pick<Deps, 'db' | 'clock' | 'config' | 'queue' | 'content'>,
  input: { by: StaffMember; staffId: string; change: StaffChange; ip: string },
): Promise<UpdateStaffResult> {
  if (input.staffId === input.by.id) return { kind: 'refused', reason: 'Свою роль и доступ может изменить только другой администратор.' };
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const member = await findStaff(tx, input.staffId);
    if (!member) return { kind: 'refused', reason: 'Сотрудник не найден.' } as const;
    const { change } = input;
    if (change.kind === 'role') {
      await tx.update(staff).set({ role: change.role }).where(eq(staff.id, member.id));
    } else if (change.kind === 'disable') {
      await tx.update(staff).set({ state: 'disabled' }).where(eq(staff.id, member.id));
    } else {
      await clearStaffAccess(tx, member.id);
      await sendInvitation(deps, tx, member, input.by, now);
    }
    if (change.kind !== 'role') await deleteStaffSessions(tx, member.id);
    const details = change.kind === 'role' ? { from: member.role, to: change.role } : {};
    await audit(tx, { staffId: input.by.id, action: `staff.${change.kind}`, entity: 'staff', entityId: member.id, details, ip: input.ip, at: now });
    return { kind: 'updated' } as const;
  });
}

/** Back to "invited": no password, no authenticator, no recovery codes, no sessions. */
export async function clearStaffAccess(tx: Queryable, staffId: string): Promise<void> {
  await tx.update(staff).set({ state: 'invited', passwordHash: null, totpSecret: null, totpLastStep: null, enrolledAt: null }).where(eq(staff.id, staffId));
  await tx.delete(staffRecoveryCodes).where(eq(staffRecoveryCodes.staffId, staffId));
  await deleteStaffSessions(tx, staffId);
}
