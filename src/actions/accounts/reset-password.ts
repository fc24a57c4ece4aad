import { eq } from 'drizzle-orm';
import { newPasswordErrors, type NewPasswordErrors } from '../../accounts/new-password.js';
import { hashPassword } from '../../accounts/secrets.js';
import type { Deps } from '../../app-deps.js';
import { deleteClientSessions } from '../../db/queries/client-sessions.js';
import { markTokenUsed, validToken } from '../../db/queries/client-tokens.js';
import { findClient } from '../../db/queries/clients.js';
import { clients } from '../../db/schema/index.js';
import { activateClient } from './activate-client.js';

export type ResetPasswordResult = { kind: 'reset' } | { kind: 'invalid_link' } | { kind: 'invalid'; errors: NewPasswordErrors };

/**
 * Sets a new password from a reset link. The link reached the client's mailbox, so it also confirms
 * the address. Every session ends: whoever knew the old password is out.
 */
export async function resetPassword(deps: Pick<Deps, 'db' | 'queue' | 'clock' | 'config' | 'content'>, body: Record<string, unknown>): Promise<ResetPasswordResult> {
  return deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const token = await validToken(tx, body.token, 'reset_password', now);
    const client = token && (await findClient(tx, token.clientId));
    if (!token || !client) return { kind: 'invalid_link' };
    const errors = newPasswordErrors(body, client);
    if (errors) return { kind: 'invalid', errors };
    await markTokenUsed(tx, token, now);
    const passwordHash = await hashPassword(body.password as string);
    await tx.update(clients).set({ passwordHash, temporaryPasswordUntil: null }).where(eq(clients.id, client.id));
    await deleteClientSessions(tx, client.id);
    await activateClient(deps, tx, client);
    return { kind: 'reset' };
  });
}
