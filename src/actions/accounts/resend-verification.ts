import { queueLinkRequest } from './link-requests.js';
import { accountLinks } from '../../accounts/links.js';
import type { Deps } from '../../app-deps.js';
import { LIFETIMES } from '../../domain/accounts/credential-lifetimes.js';
import { contactFieldRules } from '../../domain/orders/order-form.js';
import { issueToken, linkLimitReached } from '../../db/queries/client-tokens.js';
import { findClientByEmail } from '../../db/queries/clients.js';
import { queueEmail } from '../../email/queue-email.js';
import { verifyEmailEmail } from '../../email/templates/verify-email.js';

export type ResendResult = { kind: 'done' } | { kind: 'invalid'; error: string };

/**
 * "Send a new link". The answer, and the time it takes, are the same whether the address belongs to an
 * account or not, and whether that account still needs confirming: the page must not tell strangers who
 * our clients are. Only the address's format is checked here; the request queues the rest.
 */
export async function resendVerification(deps: Pick<Deps, 'db' | 'queue'>, email: unknown): Promise<ResendResult> {
  const parsed = contactFieldRules.email.safeParse(typeof email === 'string' ? email : '');
  if (!parsed.success) return { kind: 'invalid', error: parsed.error.issues[0]!.message };
  await queueLinkRequest(deps, { purpose: 'verify_email', name: parsed.data });
  return { kind: 'done' };
}

/** The queued part: a new 72-hour link if the account still needs confirming, at most 3 an hour. */
export async function sendVerificationLink(deps: Pick<Deps, 'db' | 'queue' | 'clock' | 'config' | 'content'>, email: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const client = await findClientByEmail(tx, email);
    if (client?.state !== 'pending_verification') return;
    if (await linkLimitReached(tx, client.id, 'verify_email', now)) return;
    const { token, expiresAt } = await issueToken(tx, { clientId: client.id, purpose: 'verify_email', now, lifetimeMs: LIFETIMES.verifyEmail });
    const content = verifyEmailEmail(
      { customerName: client.name, verifyUrl: accountLinks(deps.config.PUBLIC_URL).verifyEmail(token), validUntil: expiresAt },
      deps.content.current(),
    );
    await queueEmail(deps, tx, { kind: 'verify_email', to: client.email, clientId: client.id, content, secret: true });
  });
}
