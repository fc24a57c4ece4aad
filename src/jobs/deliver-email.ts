import { and, eq, sql } from 'drizzle-orm';
import { emails } from '../db/schema/index.js';
import type { Deps } from '../app-deps.js';
import { smtpReply } from '../email/mailer.js';
import type { JobPayloads } from '../queue.js';

/** The parts of a pg-boss job (`work` with `includeMetadata`) delivery looks at. */
export interface DeliveryJob {
  data: JobPayloads['email.deliver'];
  /** 0 on the first run, n on the n-th retry. */
  retryCount: number;
  retryLimit: number;
}

export type DeliveryOutcome = 'sent' | 'already_done' | 'missing';

const WIPED = '(содержимое удалено после отправки: в письме был пароль или одноразовая ссылка)';

/**
 * Sends one stored email. Safe to run twice: a sent (or finally failed) email is left alone. A failure
 * is recorded with the server's reply and rethrown so pg-boss retries with backoff; on the last retry
 * the email is marked failed for the back office.
 */
export async function deliverEmail(deps: Pick<Deps, 'db' | 'mailer' | 'clock' | 'log'>, job: DeliveryJob): Promise<DeliveryOutcome> {
  const { emailId } = job.data;
  const [email] = await deps.db.select().from(emails).where(eq(emails.id, emailId));
  if (!email) {
    deps.log.warn({ emailId }, 'email to deliver not found');
    return 'missing';
  }
  if (email.status !== 'queued') return 'already_done';

  let messageId: string;
  try {
    ({ messageId } = await deps.mailer.send(email));
  } catch (error) {
    const reply = smtpReply(error);
    const last = job.retryCount >= job.retryLimit;
    await deps.db
      .update(emails)
      .set({ attempts: sql`${emails.attempts} + 1`, lastError: reply, status: last ? 'failed' : 'queued' })
      .where(and(eq(emails.id, emailId), eq(emails.status, 'queued')));
    // No address in the log: it is personal data (docs/security.md#security-baseline); the id leads to it.
    deps.log.warn({ emailId, kind: email.kind, retryCount: job.retryCount, reply, final: last }, last ? 'email delivery failed for good' : 'email delivery failed, will retry');
    throw error;
  }
  // Once a real server has it, a password or single-use link has no reason to stay in our database.
  // (The dev mailbox keeps it: there it is the only way to read the email.)
  const wipe = email.secret && deps.mailer.kind === 'smtp' ? { html: WIPED, text: WIPED } : {};
  await deps.db
    .update(emails)
    .set({ status: 'sent', messageId, sentAt: deps.clock.now(), ...wipe })
    .where(and(eq(emails.id, emailId), eq(emails.status, 'queued')));
  deps.log.info({ emailId, kind: email.kind, messageId }, 'email sent');
  return 'sent';
}
