import type { Deps } from '../../app-deps.js';
import { markTokenUsed, validToken } from '../../db/queries/client-tokens.js';
import { findClient } from '../../db/queries/clients.js';
import { activateClient } from './activate-client.js';

export type ConfirmEmailResult = { kind: 'confirmed'; login: string } | { kind: 'invalid_link' };

/** The verification link's confirm button: the account becomes active and the client is told. */
export async function confirmEmail(deps: Pick<Deps, 'db' | 'queue' | 'clock' | 'config' | 'content'>, token: unknown): Promise<ConfirmEmailResult> {
  return deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const row = await validToken(tx, token, 'verify_email', now);
    const client = row && (await findClient(tx, row.clientId));
    if (!row || !client) return { kind: 'invalid_link' };
    await markTokenUsed(tx, row, now);
    await activateClient(deps, tx, client);
    return { kind: 'confirmed', login: client.login };
  });
}
