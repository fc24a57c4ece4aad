import type { FastifyReply, FastifyRequest } from 'fastify';
import { tokenHash } from '../../accounts/secrets.js';
import { allows, type Permission } from '../../domain/staff/staff-access.js';
import { sessionExpired, sessionNeedsTouch, STAFF_SESSION_LIMITS } from '../../domain/accounts/session-rules.js';
import { deleteStaffSession, findStaffSession, touchStaffSession, type StaffMember } from '../../db/queries/staff.js';
import { sendErrorPage } from '../views/error-page.js';

// The staff session: its own cookie (never the client's), SameSite=Strict, 15 min idle, 10 h absolute.

/** What an /admin route must declare in `config.staff`: a permission, or "public" for the sign-in pages. */
export type StaffRouteAccess = Permission | 'public';

declare module 'fastify' {
  interface FastifyContextConfig {
    staff?: StaffRouteAccess;
    /** Asked for by a page on its own (the live queue's stream), not by the person: it does not extend the session. */
    staffPassive?: boolean;
  }
  interface FastifyRequest {
    /** The signed-in staff member on /admin routes that need one. */
    staff: StaffMember | null;
  }
}

const secureCookies = (request: FastifyRequest) => request.server.deps.config.PUBLIC_URL.startsWith('https:');
export const staffCookieName = (secure: boolean) => (secure ? '__Host-staff-session' : 'staff_session');
const cookieOptions = (secure: boolean) => ({ path: '/', httpOnly: true, sameSite: 'strict' as const, secure });

export function setStaffCookie(request: FastifyRequest, reply: FastifyReply, sessionId: string): void {
  const secure = secureCookies(request);
  reply.setCookie(staffCookieName(secure), sessionId, cookieOptions(secure));
}

export function clearStaffCookie(request: FastifyRequest, reply: FastifyReply): void {
  const secure = secureCookies(request);
  reply.clearCookie(staffCookieName(secure), cookieOptions(secure));
}

export function presentedStaffSessionHash(request: FastifyRequest): string | undefined {
  const id = request.cookies[staffCookieName(secureCookies(request))];
  return id ? tokenHash(id) : undefined;
}

/**
 * A page refreshing itself (public/admin-live-queue.js sends `X-Live-Refresh: 1`) is not the person at
 * work: an open queue must not keep a session alive past its idle limit. The header can only shorten
 * the sender's own session, so it needs no proof.
 */
const passive = (request: FastifyRequest) => request.routeOptions.config.staffPassive === true || request.headers['x-live-refresh'] === '1';

/** The live staff session behind the cookie; an expired one is deleted on the way. */
export async function currentStaff(request: FastifyRequest): Promise<StaffMember | undefined> {
  const hash = presentedStaffSessionHash(request);
  if (!hash) return undefined;
  const { db, clock } = request.server.deps;
  const found = await findStaffSession(db, hash);
  if (!found) return undefined;
  const now = clock.now();
  if (found.member.state !== 'active' || sessionExpired(found.session, now, STAFF_SESSION_LIMITS)) {
    await deleteStaffSession(db, hash);
    return undefined;
  }
  if (sessionNeedsTouch(found.session, now) && !passive(request)) await touchStaffSession(db, hash, now);
  return found.member;
}

/**
 * The gate of every /admin route (a hook of the admin area): no session → the sign-in page; a role
 * without the route's permission → 403. Routes without a declared permission never get here: the
 * area refuses to register them.
 */
export async function staffGate(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  // Upload routes run this gate in onRequest, before the body is read; the area's preHandler then has nothing left to check.
  if (request.staff) return;
  const access = request.routeOptions.config.staff;
  if (access === 'public') return;
  const member = await currentStaff(request);
  if (!member) {
    clearStaffCookie(request, reply);
    return reply.redirect('/admin/login', 303);
  }
  if (!access || !allows(member.role, access)) {
    return sendErrorPage(reply, 403, 'Этот раздел недоступен для вашей роли. Если он нужен вам для работы, обратитесь к администратору.');
  }
  request.staff = member;
}
