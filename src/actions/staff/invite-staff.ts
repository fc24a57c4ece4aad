import type { Deps } from '../../app-deps.js';
import { audit } from '../../db/queries/audit.js';
import { cancelStaffTokens, findStaffByEmail, issueStaffToken, type StaffMember } from '../../db/queries/staff.js';
import { staff } from '../../db/schema/index.js';
import { queueEmail } from '../../email/queue-email.js';
import { staffInvitationEmail } from '../../email/templates/staff-invitation.js';
import type { Tx } from '../../db/client.js';
import { after, STAFF_TOKEN_LIFETIMES } from '../../domain/staff/token-lifetimes.js';
import { checkPerson, roleFrom, type StaffFieldErrors } from './staff-fields.js';

export type InviteStaffResult = { kind: 'invited'; staffId: string } | { kind: 'invalid'; errors: StaffFieldErrors };

type InviteDeps = Pick<Deps, 'db' | 'clock' | 'config' | 'queue' | 'content'>;

/** An admin invites a colleague: a record in "invited" and an emailed set-password link (72 h, single use). */
export async function inviteStaff(deps: InviteDeps, input: { by: StaffMember; body: Record<string, unknown>; ip: string }): Promise<InviteStaffResult> {
  const person = checkPerson(input.body);
  const role = roleFrom(input.body.role);
  if (!person.ok || !role) return { kind: 'invalid', errors: { ...(person.ok ? {} : person.errors), role: role ? undefined : 'Выберите роль.' } };
  if (await findStaffByEmail(deps.db, person.email)) return { kind: 'invalid', errors: { email: 'Сотрудник с таким адресом уже есть.' } };
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const [member] = await tx.insert(staff).values({ email: person.email, name: person.name, role, state: 'invited', createdAt: now }).returning();
    await sendInvitation(deps, tx, member!, input.by, now);
    await audit(tx, { staffId: input.by.id, action: 'staff.invited', entity: 'staff', entityId: member!.id, details: { email: person.email, role }, ip: input.ip, at: now });
    return { kind: 'invited', staffId: member!.id } as const;
  });
}

/** Emails a fresh set-password link; older links of this member stop working. */
export async function sendInvitation(deps: InviteDeps, tx: Tx, member: StaffMember, by: StaffMember, now: Date): Promise<void> {
  await cancelStaffTokens(tx, member.id, 'invite', now);
  const token = await issueStaffToken(tx, { staffId: member.id, purpose: 'invite', now, expiresAt: after(now, STAFF_TOKEN_LIFETIMES.invite) });
  const link = `${deps.config.PUBLIC_URL}/admin/invite#token=${token}`;
  const content = staffInvitationEmail({ name: member.name, role: member.role, invitedBy: by.name, link, validHours: STAFF_TOKEN_LIFETIMES.invite / 3_600_000 }, deps.content.current());
  await queueEmail(deps, tx, { kind: 'staff_invitation', to: member.email, content, secret: true });
}
