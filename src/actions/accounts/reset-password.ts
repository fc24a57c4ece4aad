import { eq } from 'drizzle-orm';
import { newPasswordErrors, type NewPasswordErrors } from '../../accounts/new-password.js';
import { hashPassword } from '../../accounts/secrets.js';
import type { Deps } from '../../app-deps.js';
import { createSession, deleteClientSessions, deleteSession } from '../../db/queries/client-sessions.js';
import { markTokenUsed, validToken } from '../../db/queries/client-tokens.js';
import { findClient } from '../../db/queries/clients.js';
import { clients } from '../../db/schema/index.js';
import { activateClient } from './activate-client.js';

export type ResetPasswordResult = { kind: 'reset'; sessionId: string } | { kind: 'invalid_link' } | { kind: 'invalid'; errors: NewPasswordErrors };

export interface ResetPasswordInput {
  body: Record<string, unknown>;
  ip: string;
  userAgent: string;
  /** The session this browser had, if any: it ends like every other. */
  previousSessionHash?: string;
}

/**
 * Sets a new password from a reset link. The link reached the client's mailbox, so it also confirms
 * the address. Every session ends: whoever knew the old password is out. The client who just chose
 * the password is signed in with a new session, instead of typing it again at once.
 */
export async function resetPassword(deps: Pick<Deps, 'db' | 'queue' | 'clock' | 'config' | 'content'>, input: ResetPasswordInput): Promise<ResetPasswordResult> {
  const { body } = input;
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
    if (input.previousSessionHash) await deleteSession(tx, input.previousSessionHash);
    await activateClient(deps, tx, client);
    const sessionId = await createSession(tx, { clientId: client.id, ip: input.ip, userAgent: input.userAgent, now });
    return { kind: 'reset', sessionId };
  });
}
