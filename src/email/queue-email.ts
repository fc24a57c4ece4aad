import { z } from 'zod';
import type { Tx } from '../db/client.js';
import { emails } from '../db/schema/index.js';
import type { Clock } from '../clock.js';
import { enqueue, type JobOptions, type Queue } from '../queue.js';
import type { EmailContent } from './templates/content.js';

/**
 * Retries of one email: pg-boss waits retryDelay·2ⁿ·(1..2) seconds after the n-th failure, capped at
 * an hour: 1–2, 2–4, 4–8, 8–16, 16–32, 32–60 min, then hourly. Eleven retries span about 6–7 hours
 * (12 attempts), after which the email is marked failed with the server's last reply.
 */
export const emailRetry = { retryLimit: 11, retryDelay: 60, retryBackoff: true, retryDelayMax: 3600 } satisfies JobOptions;

export interface EmailToQueue {
  /** Which template, e.g. `order_confirmation`. */
  kind: string;
  to: string;
  orderId?: string;
  /** The client it is for, when known: the back office's client card lists their emails. */
  clientId?: string | null;
  content: EmailContent;
  /** Holds a password or a single-use link (wiped from storage once an SMTP server accepted it). */
  secret?: boolean;
}

export class UnsafeEmailError extends Error {
  constructor(field: 'to' | 'subject') {
    super(`Refused to queue an email: "${field}" is not a single line${field === 'to' ? ' with one address' : ''}`);
    this.name = 'UnsafeEmailError';
  }
}

const singleAddress = z.email();
const lineBreak = /[\r\n]/;

/**
 * Stores the email and enqueues its delivery in the caller's transaction: both happen, or neither.
 * A line break in a header value would let user data add headers (Bcc:), so it is refused here,
 * before anything is stored, whatever the template did.
 */
export async function queueEmail(deps: { queue: Queue; clock: Clock }, tx: Tx, email: EmailToQueue): Promise<string> {
  if (lineBreak.test(email.to) || !singleAddress.safeParse(email.to).success) throw new UnsafeEmailError('to');
  if (lineBreak.test(email.content.subject)) throw new UnsafeEmailError('subject');
  const [row] = await tx
    .insert(emails)
    .values({
      kind: email.kind,
      to: email.to,
      orderId: email.orderId ?? null,
      clientId: email.clientId ?? null,
      ...email.content,
      secret: email.secret ?? false,
      createdAt: deps.clock.now(),
    })
    .returning({ id: emails.id });
  // A password or a sign-in link is what somebody is waiting for right now: in a burst it goes out
  // before the confirmations queued ahead of it (pg-boss fetches by priority, then age).
  await enqueue(deps.queue, tx, 'email.deliver', [{ emailId: row!.id }], { ...emailRetry, priority: email.secret ? 1 : 0 });
  return row!.id;
}
