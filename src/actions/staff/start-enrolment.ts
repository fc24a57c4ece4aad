import { eq } from 'drizzle-orm';
import type { Deps } from '../../app-deps.js';
import type { Queryable } from '../../db/client.js';
import { cancelStaffTokens, findStaff, issueStaffToken, peekStaffToken, type StaffMember } from '../../db/queries/staff.js';
import { tokenHash } from '../../accounts/secrets.js';
import { staff } from '../../db/schema/index.js';
import { openSecret, sealSecret } from '../../staff/secret-box.js';
import { newTotpSecret, otpauthUri } from '../../staff/totp.js';
import { after, STAFF_TOKEN_LIFETIMES } from '../../domain/staff/token-lifetimes.js';

export interface Enrolment {
  /** Carries the member from this step to the code (a hidden field, single use). */
  enrolToken: string;
  /** Shown once, as a QR code and as text, for the authenticator app. */
  secret: string;
  uri: string;
}

/**
 * Gives the member a fresh TOTP secret (replacing any unconfirmed one) and the token for the step
 * that confirms it with a first code. No session exists until then.
 */
export async function startEnrolment(deps: Pick<Deps, 'clock' | 'config'>, tx: Queryable, member: StaffMember): Promise<Enrolment> {
  const now = deps.clock.now();
  const secret = newTotpSecret();
  await tx
    .update(staff)
    .set({ state: 'enrolling', totpSecret: sealSecret(deps.config.APP_SECRET, secret), totpLastStep: null })
    .where(eq(staff.id, member.id));
  await cancelStaffTokens(tx, member.id, 'enrol', now);
  const enrolToken = await issueStaffToken(tx, { staffId: member.id, purpose: 'enrol', now, expiresAt: after(now, STAFF_TOKEN_LIFETIMES.enrol) });
  return { enrolToken, secret, uri: otpauthUri({ issuer: deps.config.COMPANY_NAME, account: member.email, secret }) };
}

/** The enrolment behind a live enrol token, to show the same secret again after a mistyped code. */
export async function enrolmentInProgress(deps: Pick<Deps, 'db' | 'clock' | 'config'>, enrolToken: string): Promise<Enrolment | undefined> {
  const token = enrolToken && (await peekStaffToken(deps.db, tokenHash(enrolToken), 'enrol', deps.clock.now()));
  const member = token && token.staffId ? await findStaff(deps.db, token.staffId) : undefined;
  if (!member?.totpSecret || member.state !== 'enrolling') return undefined;
  const secret = openSecret(deps.config.APP_SECRET, member.totpSecret);
  return { enrolToken, secret, uri: otpauthUri({ issuer: deps.config.COMPANY_NAME, account: member.email, secret }) };
}
