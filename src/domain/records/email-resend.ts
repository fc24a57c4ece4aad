/** The parts of a stored email that decide whether staff may send it again. */
export interface ResendableEmail {
  secret: boolean;
  status: 'queued' | 'sent' | 'failed';
}

export type ResendRefusal = 'still_queued' | 'copy_queued' | 'secret_delivered';

/**
 * Why an email cannot be sent again, or null when it can. A copy goes to the same address with the
 * same content, so:
 * - a queued email is still being delivered (with retries): a copy now would arrive twice;
 * - so is an earlier copy still in the queue (a double click, say);
 * - a delivered secret email (a password or a single-use link) had its content wiped once the SMTP
 *   server accepted it, and what it held is stale anyway: the client asks for a new link instead.
 * A secret email that never got through still holds its content and may be sent again.
 */
export function resendRefusal(email: ResendableEmail, copies: readonly Pick<ResendableEmail, 'status'>[] = []): ResendRefusal | null {
  if (email.status === 'queued') return 'still_queued';
  if (email.secret && email.status === 'sent') return 'secret_delivered';
  if (copies.some((copy) => copy.status === 'queued')) return 'copy_queued';
  return null;
}
