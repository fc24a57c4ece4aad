import type { FastifyReply, FastifyRequest } from 'fastify';
import { tokenHash } from '../../accounts/secrets.js';
import { sessionExpired, sessionNeedsTouch } from '../../domain/accounts/session-rules.js';
import { deleteSession, findSessionWithClient, touchSession } from '../../db/queries/client-sessions.js';
import type { Client } from '../../db/queries/clients.js';

// The client's session: a random id in an HttpOnly cookie, the session itself in the database.

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in client, set by requireClient. */
    client: Client | null;
    /** SHA-256 of the session id, set by requireClient. */
    sessionHash: string | null;
  }
}

/** `__Host-` binds the cookie to this exact origin over HTTPS (no Domain, path /, Secure). */
export const sessionCookieName = (secure: boolean) => (secure ? '__Host-session' : 'session');

const secureCookies = (request: FastifyRequest) => request.server.deps.config.PUBLIC_URL.startsWith('https:');

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, sessionId: string): void {
  const secure = secureCookies(request);
  reply.setCookie(sessionCookieName(secure), sessionId, { path: '/', httpOnly: true, sameSite: 'lax', secure });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  const secure = secureCookies(request);
  reply.clearCookie(sessionCookieName(secure), { path: '/', httpOnly: true, sameSite: 'lax', secure });
}

/** The hash of the session id this browser presents, whether or not the session still exists. */
export function presentedSessionHash(request: FastifyRequest): string | undefined {
  const id = request.cookies[sessionCookieName(secureCookies(request))];
  return id ? tokenHash(id) : undefined;
}

/** Finds the live session behind the cookie; an expired one is deleted on the way. */
export async function currentClient(request: FastifyRequest): Promise<{ client: Client; sessionHash: string } | undefined> {
  const hash = presentedSessionHash(request);
  if (!hash) return undefined;
  const { db, clock } = request.server.deps;
  const found = await findSessionWithClient(db, hash);
  if (!found) return undefined;
  const now = clock.now();
  if (sessionExpired(found.session, now)) {
    await deleteSession(db, hash);
    return undefined;
  }
  if (sessionNeedsTouch(found.session, now)) await touchSession(db, hash, now);
  return { client: found.client, sessionHash: hash };
}

export const PASSWORD_CHANGE_PATH = '/account/password/change';

/**
 * preHandler for personal pages: no session → the sign-in page; a temporary password not yet
 * replaced → the password change page, whatever was asked for.
 */
export async function requireClient(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  // Upload routes check the session in onRequest, before the body is read; the preHandler then finds it done.
  if (request.client) return;
  const current = await currentClient(request);
  if (!current) {
    clearSessionCookie(request, reply);
    return reply.redirect('/account/login', 303);
  }
  request.client = current.client;
  request.sessionHash = current.sessionHash;
  const mustChange = current.client.temporaryPasswordUntil !== null;
  if (mustChange && request.routeOptions.url !== PASSWORD_CHANGE_PATH) return reply.redirect(PASSWORD_CHANGE_PATH, 303);
}
