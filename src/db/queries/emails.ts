import { desc, eq } from 'drizzle-orm';
import type { Queryable } from '../client.js';
import { emails } from '../schema/index.js';

export type Email = typeof emails.$inferSelect;

export async function recentEmails(db: Queryable, limit: number): Promise<Email[]> {
  return db.select().from(emails).orderBy(desc(emails.createdAt)).limit(limit);
}

export async function findEmail(db: Queryable, id: string): Promise<Email | undefined> {
  const [email] = await db.select().from(emails).where(eq(emails.id, id));
  return email;
}
