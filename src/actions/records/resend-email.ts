import { eq } from 'drizzle-orm';
import type { Deps } from '../../app-deps.js';
import { resendRefusal, type ResendRefusal } from '../../domain/records/email-resend.js';
import { copiesOf } from '../../db/queries/admin-emails.js';
import { audit } from '../../db/queries/audit.js';
import type { StaffMember } from '../../db/queries/staff.js';
import { emails } from '../../db/schema/index.js';
import { queueEmail } from '../../email/queue-email.js';

export type ResendEmailResult = { kind: 'resent'; copyId: string } | { kind: 'refused'; reason: ResendRefusal } | { kind: 'not_found' };

/**
 * «Отправить ещё раз»: a new email with the same content to the same address, delivered through the
 * normal outbox (its own row, its own email.deliver job, its own retries). The original stays as it
 * was, so the outbox keeps the true history; the audit entry links the two.
 */
export async function resendEmail(
  deps: Pick<Deps, 'db' | 'queue' | 'clock'>,
  input: { emailId: string; by: StaffMember; ip: string },
): Promise<ResendEmailResult> {
  return deps.db.transaction(async (tx) => {
    // The lock makes a double click wait for the first copy, then see it queued and refuse.
    const [email] = await tx.select().from(emails).where(eq(emails.id, input.emailId)).for('update');
    if (!email) return { kind: 'not_found' };
    const refusal = resendRefusal(email, await copiesOf(tx, email.id));
    if (refusal) return { kind: 'refused', reason: refusal };

    const copyId = await queueEmail(deps, tx, {
      kind: email.kind,
      to: email.to,
      orderId: email.orderId ?? undefined,
      clientId: email.clientId,
      content: { subject: email.subject, html: email.html, text: email.text },
      secret: email.secret,
    });
    await audit(tx, {
      staffId: input.by.id,
      action: 'email.resent',
      entity: 'email',
      entityId: email.id,
      details: { copyId, kind: email.kind, status: email.status },
      ip: input.ip,
      at: deps.clock.now(),
    });
    return { kind: 'resent', copyId };
  });
}
