import { and, count, desc, eq, gt, sql } from 'drizzle-orm';
import type { RecentLoginFailures } from '../../domain/accounts/login-throttle.js';
import type { Queryable } from '../client.js';
import { clients, loginFailures, orders } from '../schema/index.js';

export type Client = typeof clients.$inferSelect;

export async function findClientByEmail(db: Queryable, email: string): Promise<Client | undefined> {
  const [client] = await db.select().from(clients).where(sql`lower(${clients.email}) = lower(${email})`);
  return client;
}

/** What people type into "login": the generated login or their email address. */
export async function findClientBySignInName(db: Queryable, name: string): Promise<Client | undefined> {
  const [client] = await db
    .select()
    .from(clients)
    .where(name.includes('@') ? sql`lower(${clients.email}) = lower(${name})` : eq(clients.login, name.toLowerCase()));
  return client;
}

export async function findClient(db: Queryable, id: string): Promise<Client | undefined> {
  const [client] = await db.select().from(clients).where(eq(clients.id, id));
  return client;
}

export async function clientOrders(db: Queryable, clientId: string) {
  return db.select().from(orders).where(eq(orders.clientId, clientId)).orderBy(desc(orders.createdAt));
}

/**
 * The account's failed sign-ins since a moment: their times from one address (the waits count these)
 * and how many there were from every address (only a captcha depends on that, so a count will do).
 */
export async function recentLoginFailures(db: Queryable, attempt: { accountKey: string; address: string }, since: Date): Promise<RecentLoginFailures> {
  const ofAccount = and(eq(loginFailures.accountKey, attempt.accountKey), gt(loginFailures.at, since));
  const fromAddress = await db
    .select({ at: loginFailures.at })
    .from(loginFailures)
    .where(and(ofAccount, eq(loginFailures.ip, attempt.address)));
  const [everywhere] = await db.select({ count: count() }).from(loginFailures).where(ofAccount);
  return { fromAddress: fromAddress.map((row) => row.at), fromEverywhere: everywhere?.count ?? 0 };
}

/** One of the client's own orders; another client's reference finds nothing. */
export async function findClientOrder(db: Queryable, clientId: string, publicRef: string) {
  const [order] = await db.select().from(orders).where(and(eq(orders.clientId, clientId), eq(orders.publicRef, publicRef)));
  return order;
}
