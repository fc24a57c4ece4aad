import { and, eq, ne } from 'drizzle-orm';
import { newToken } from '../../accounts/secrets.js';
import type { Queryable } from '../client.js';
import { clientSessions, clients } from '../schema/index.js';

export type ClientSession = typeof clientSessions.$inferSelect;

export async function findSessionWithClient(db: Queryable, idHash: string) {
  const [row] = await db
    .select({ session: clientSessions, client: clients })
    .from(clientSessions)
    .innerJoin(clients, eq(clients.id, clientSessions.clientId))
    .where(eq(clientSessions.idHash, idHash));
  return row;
}

export async function listSessions(db: Queryable, clientId: string): Promise<ClientSession[]> {
  return db.select().from(clientSessions).where(eq(clientSessions.clientId, clientId)).orderBy(clientSessions.createdAt);
}

export async function deleteSession(db: Queryable, idHash: string): Promise<void> {
  await db.delete(clientSessions).where(eq(clientSessions.idHash, idHash));
}

/** Ends every session of a client, or every one but `keep` (after a password change). */
export async function deleteClientSessions(db: Queryable, clientId: string, keep?: string): Promise<void> {
  await db
    .delete(clientSessions)
    .where(keep ? and(eq(clientSessions.clientId, clientId), ne(clientSessions.idHash, keep)) : eq(clientSessions.clientId, clientId));
}

/** Starts a session and returns its id for the cookie (only its hash is stored). */
export async function createSession(db: Queryable, input: { clientId: string; ip: string; userAgent: string; now: Date }): Promise<string> {
  const { token, tokenHash } = newToken();
  await db.insert(clientSessions).values({
    idHash: tokenHash,
    clientId: input.clientId,
    createdAt: input.now,
    lastSeenAt: input.now,
    ip: input.ip,
    userAgent: input.userAgent.slice(0, 512),
  });
  return token;
}

export async function touchSession(db: Queryable, idHash: string, now: Date): Promise<void> {
  await db.update(clientSessions).set({ lastSeenAt: now }).where(eq(clientSessions.idHash, idHash));
}
