import { eq } from 'drizzle-orm';
import type { Deps } from '../../app-deps.js';
import { markTokenUsed, validToken } from '../../db/queries/client-tokens.js';
import { findClientByEmail } from '../../db/queries/clients.js';
import { clients } from '../../db/schema/index.js';

export type ConfirmNewEmailResult = { kind: 'changed'; email: string } | { kind: 'invalid_link' } | { kind: 'taken' };

/** The link sent to a new address: from now on the account's email (and alternative login) is that one. */
export async function confirmNewEmail(deps: Pick<Deps, 'db' | 'clock'>, token: unknown): Promise<ConfirmNewEmailResult> {
  return deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const row = await validToken(tx, token, 'change_email', now);
    if (!row?.newEmail) return { kind: 'invalid_link' };
    await markTokenUsed(tx, row, now);
    // Someone else may have taken the address since the link was sent.
    if (await findClientByEmail(tx, row.newEmail)) return { kind: 'taken' };
    await tx.update(clients).set({ email: row.newEmail, emailVerifiedAt: now }).where(eq(clients.id, row.clientId));
    return { kind: 'changed', email: row.newEmail };
  });
}
