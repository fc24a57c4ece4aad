import { hashPassword, tokenHash } from '../../accounts/secrets.js';
import type { Deps } from '../../app-deps.js';
import { audit } from '../../db/queries/audit.js';
import { staffExists, useStaffToken } from '../../db/queries/staff.js';
import { staff } from '../../db/schema/index.js';
import { checkPerson, passwordErrors, type StaffFieldErrors } from './staff-fields.js';
import { startEnrolment, type Enrolment } from './start-enrolment.js';

export type AcceptSetupResult =
  | { kind: 'enrol'; enrolment: Enrolment }
  | { kind: 'invalid'; errors: StaffFieldErrors }
  /** The link was used already, or staff exist: the first admin is made once. */
  | { kind: 'link_used' };

/** Creates the first admin from the printed setup link; the TOTP enrolment follows at once. */
export async function acceptSetup(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  input: { token: unknown; body: Record<string, unknown>; ip: string },
): Promise<AcceptSetupResult> {
  const person = checkPerson(input.body);
  if (!person.ok) return { kind: 'invalid', errors: person.errors };
  const { name, email } = person;
  const passwordProblems = passwordErrors(input.body, email);
  if (passwordProblems) return { kind: 'invalid', errors: passwordProblems };
  if (typeof input.token !== 'string' || !input.token) return { kind: 'link_used' };
  const passwordHash = await hashPassword(input.body.password as string);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const token = await useStaffToken(tx, tokenHash(input.token as string), 'setup', now);
    if (!token || (await staffExists(tx))) return { kind: 'link_used' } as const;
    const [admin] = await tx.insert(staff).values({ email, name, role: 'admin', state: 'enrolling', passwordHash, createdAt: now }).returning();
    await audit(tx, { staffId: admin!.id, action: 'staff.first_admin_created', entity: 'staff', entityId: admin!.id, details: { email }, ip: input.ip, at: now });
    return { kind: 'enrol', enrolment: await startEnrolment(deps, tx, admin!) } as const;
  });
}
