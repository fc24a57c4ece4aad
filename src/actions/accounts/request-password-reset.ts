import { queueLinkRequest } from './link-requests.js';
import { accountLinks } from '../../accounts/links.js';
import type { Deps } from '../../app-deps.js';
import { LIFETIMES } from '../../domain/accounts/credential-lifetimes.js';
import { issueToken, linkLimitReached } from '../../db/queries/client-tokens.js';
import { findClientBySignInName } from '../../db/queries/clients.js';
import { queueEmail } from '../../email/queue-email.js';
import { passwordResetEmail } from '../../email/templates/password-reset.js';

/**
 * "Forgot password". The page answers the same, in the same time, whether anything will be sent or not,
 * so it cannot be used to find out who has an account: the request only queues what was typed.
 */
export async function requestPasswordReset(deps: Pick<Deps, 'db' | 'queue'>, name: unknown): Promise<void> {
  const typed = typeof name === 'string' ? name.trim().slice(0, 254) : '';
  if (!typed) return;
  await queueLinkRequest(deps, { purpose: 'reset_password', name: typed });
}

/** The queued part: a one-hour single-use link to the account's address, at most 3 an hour. */
export async function sendPasswordResetLink(deps: Pick<Deps, 'db' | 'queue' | 'clock' | 'config' | 'content'>, typed: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const client = await findClientBySignInName(tx, typed);
    if (!client) return;
    if (await linkLimitReached(tx, client.id, 'reset_password', now)) return;
    const { token, expiresAt } = await issueToken(tx, { clientId: client.id, purpose: 'reset_password', now, lifetimeMs: LIFETIMES.resetPassword });
    const content = passwordResetEmail(
      { customerName: client.name, resetUrl: accountLinks(deps.config.PUBLIC_URL).resetPassword(token), validUntil: expiresAt },
      deps.content.current(),
    );
    await queueEmail(deps, tx, { kind: 'password_reset', to: client.email, clientId: client.id, content, secret: true });
  });
}
