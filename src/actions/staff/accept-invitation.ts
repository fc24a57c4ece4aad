import { eq } from 'drizzle-orm';
import { hashPassword, tokenHash } from '../../accounts/secrets.js';
import type { Deps } from '../../app-deps.js';
import { audit } from '../../db/queries/audit.js';
import { findStaff, peekStaffToken, useStaffToken } from '../../db/queries/staff.js';
import { staff } from '../../db/schema/index.js';
import { passwordErrors, type StaffFieldErrors } from './staff-fields.js';
import { startEnrolment, type Enrolment } from './start-enrolment.js';

export type AcceptInvitationResult = { kind: 'enrol'; enrolment: Enrolment } | { kind: 'invalid'; errors: StaffFieldErrors } | { kind: 'link_invalid' };

/** The invited member sets a password from the emailed link; the TOTP enrolment follows at once. */
export async function acceptInvitation(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  input: { token: unknown; body: Record<string, unknown>; ip: string },
): Promise<AcceptInvitationResult> {
  if (typeof input.token !== 'string' || !input.token) return { kind: 'link_invalid' };
  const hash = tokenHash(input.token);
  const now = deps.clock.now();
  // A wrong password leaves the link usable: it is only used up below, with the password accepted.
  const peeked = await peekStaffToken(deps.db, hash, 'invite', now);
  const invited = peeked?.staffId ? await findStaff(deps.db, peeked.staffId) : undefined;
  if (!invited || invited.state !== 'invited') return { kind: 'link_invalid' };
  const errors = passwordErrors(input.body, invited.email);
  if (errors) return { kind: 'invalid', errors };
  const passwordHash = await hashPassword(input.body.password as string);
  return deps.db.transaction(async (tx) => {
    const token = await useStaffToken(tx, hash, 'invite', now);
    const member = token?.staffId ? await findStaff(tx, token.staffId) : undefined;
    if (!member || member.state !== 'invited') return { kind: 'link_invalid' } as const;
    await tx.update(staff).set({ passwordHash }).where(eq(staff.id, member.id));
    await audit(tx, { staffId: member.id, action: 'staff.invitation_accepted', entity: 'staff', entityId: member.id, ip: input.ip, at: now });
    return { kind: 'enrol', enrolment: await startEnrolment(deps, tx, member) } as const;
  });
}
