import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { newToken } from '../../accounts/secrets.js';
import type { Queryable } from '../client.js';
import { staff, staffSessions, staffTokens } from '../schema/index.js';

export type StaffMember = typeof staff.$inferSelect;
export type StaffSession = typeof staffSessions.$inferSelect;
export type StaffTokenPurpose = (typeof staffTokens.$inferSelect)['purpose'];

export async function findStaffByEmail(db: Queryable, email: string): Promise<StaffMember | undefined> {
  const [row] = await db.select().from(staff).where(sql`lower(${staff.email}) = lower(${email})`);
  return row;
}

export async function findStaff(db: Queryable, id: string): Promise<StaffMember | undefined> {
  const [row] = await db.select().from(staff).where(eq(staff.id, id));
  return row;
}

export async function staffExists(db: Queryable): Promise<boolean> {
  const [row] = await db.select({ id: staff.id }).from(staff).limit(1);
  return row !== undefined;
}

/** Issues a single-use token; only its hash is stored. */
export async function issueStaffToken(
  db: Queryable,
  input: { staffId: string | null; purpose: StaffTokenPurpose; now: Date; expiresAt: Date | null },
): Promise<string> {
  const { token, tokenHash } = newToken();
  await db.insert(staffTokens).values({ tokenHash, staffId: input.staffId, purpose: input.purpose, createdAt: input.now, expiresAt: input.expiresAt });
  return token;
}

/** Uses up a live token of that purpose (under a row lock, so it works once); undefined when it cannot. */
export async function useStaffToken(db: Queryable, tokenHash: string, purpose: StaffTokenPurpose, now: Date) {
  const [token] = await db
    .select()
    .from(staffTokens)
    .where(and(eq(staffTokens.tokenHash, tokenHash), eq(staffTokens.purpose, purpose), isNull(staffTokens.usedAt)))
    .for('update');
  if (!token || (token.expiresAt && token.expiresAt <= now)) return undefined;
  await db.update(staffTokens).set({ usedAt: now }).where(eq(staffTokens.tokenHash, tokenHash));
  return token;
}

/** Reads a live token without using it (to show the page the link leads to). */
export async function peekStaffToken(db: Queryable, tokenHash: string, purpose: StaffTokenPurpose, now: Date) {
  const [token] = await db
    .select()
    .from(staffTokens)
    .where(and(eq(staffTokens.tokenHash, tokenHash), eq(staffTokens.purpose, purpose), isNull(staffTokens.usedAt)));
  return token && (!token.expiresAt || token.expiresAt > now) ? token : undefined;
}

/** Cancels a member's unused tokens of a purpose (a new invitation replaces the old link). */
export async function cancelStaffTokens(db: Queryable, staffId: string | null, purpose: StaffTokenPurpose, now: Date): Promise<void> {
  await db
    .update(staffTokens)
    .set({ usedAt: now })
    .where(and(staffId ? eq(staffTokens.staffId, staffId) : isNull(staffTokens.staffId), eq(staffTokens.purpose, purpose), isNull(staffTokens.usedAt)));
}

export async function findStaffSession(db: Queryable, idHash: string) {
  const [row] = await db
    .select({ session: staffSessions, member: staff })
    .from(staffSessions)
    .innerJoin(staff, eq(staff.id, staffSessions.staffId))
    .where(eq(staffSessions.idHash, idHash));
  return row;
}

export async function createStaffSession(db: Queryable, input: { staffId: string; ip: string; userAgent: string; now: Date }): Promise<string> {
  const { token, tokenHash } = newToken();
  await db.insert(staffSessions).values({
    idHash: tokenHash,
    staffId: input.staffId,
    createdAt: input.now,
    lastSeenAt: input.now,
    ip: input.ip,
    userAgent: input.userAgent.slice(0, 512),
  });
  return token;
}

export async function touchStaffSession(db: Queryable, idHash: string, now: Date): Promise<void> {
  await db.update(staffSessions).set({ lastSeenAt: now }).where(eq(staffSessions.idHash, idHash));
}

export async function deleteStaffSession(db: Queryable, idHash: string): Promise<void> {
  await db.delete(staffSessions).where(eq(staffSessions.idHash, idHash));
}

export async function deleteStaffSessions(db: Queryable, staffId: string): Promise<void> {
  await db.delete(staffSessions).where(eq(staffSessions.staffId, staffId));
}

/** Every staff member, oldest first (the staff list). */
export async function listStaff(db: Queryable): Promise<StaffMember[]> {
  return db.select().from(staff).orderBy(asc(staff.createdAt));
}

/** Names of the given staff members, by id (for "requested by" columns); unknown ids are left out. */
export async function staffNames(db: Queryable, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: staff.id, name: staff.name }).from(staff).where(inArray(staff.id, ids));
  return new Map(rows.map((row) => [row.id, row.name]));
}
