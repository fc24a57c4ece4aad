import { and, eq, gt, isNull } from 'drizzle-orm';
import { newToken, tokenHash } from '../../accounts/secrets.js';
import type { Tx } from '../client.js';
import { clientTokens } from '../schema/index.js';

export type TokenPurpose = (typeof clientTokens.$inferSelect)['purpose'];
export type ClientToken = typeof clientTokens.$inferSelect;

export interface IssuedToken {
  /** For the emailed link only: never stored, never logged. */
  token: string;
  expiresAt: Date;
}

/** A new single-use link for a client; earlier unused links for the same purpose stop working. */
export async function issueToken(
  tx: Tx,
  input: { clientId: string; purpose: TokenPurpose; now: Date; lifetimeMs: number; newEmail?: string },
): Promise<IssuedToken> {
  const { clientId, purpose, now } = input;
  await tx
    .update(clientTokens)
    .set({ usedAt: now })
    .where(and(eq(clientTokens.clientId, clientId), eq(clientTokens.purpose, purpose), isNull(clientTokens.usedAt)));
  const { token, tokenHash: hash } = newToken();
  const expiresAt = new Date(now.getTime() + input.lifetimeMs);
  await tx.insert(clientTokens).values({ tokenHash: hash, clientId, purpose, newEmail: input.newEmail ?? null, createdAt: now, expiresAt });
  return { token, expiresAt };
}

/**
 * The token's row when it is unused, unexpired and for this purpose, locked until the transaction
 * ends (two clicks racing each other cannot both use it); undefined for anything else alike.
 */
export async function validToken(tx: Tx, token: unknown, purpose: TokenPurpose, now: Date): Promise<ClientToken | undefined> {
  if (typeof token !== 'string' || !/^[\w-]{43}$/.test(token)) return undefined;
  const [row] = await tx
    .select()
    .from(clientTokens)
    .where(and(eq(clientTokens.tokenHash, tokenHash(token)), eq(clientTokens.purpose, purpose), isNull(clientTokens.usedAt), gt(clientTokens.expiresAt, now)))
    .for('update');
  return row;
}

export async function markTokenUsed(tx: Tx, token: ClientToken, now: Date): Promise<void> {
  await tx.update(clientTokens).set({ usedAt: now }).where(eq(clientTokens.tokenHash, token.tokenHash));
}

/** At most this many links of one purpose per account per hour, whoever asks: no flooding a mailbox. */
export const LINKS_PER_HOUR = 3;

export async function linkLimitReached(tx: Tx, clientId: string, purpose: TokenPurpose, now: Date): Promise<boolean> {
  const since = new Date(now.getTime() - 3_600_000);
  const rows = await tx
    .select({ hash: clientTokens.tokenHash })
    .from(clientTokens)
    .where(and(eq(clientTokens.clientId, clientId), eq(clientTokens.purpose, purpose), gt(clientTokens.createdAt, since)))
    .limit(LINKS_PER_HOUR);
  return rows.length >= LINKS_PER_HOUR;
}
