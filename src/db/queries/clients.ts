import { and, desc, eq, gt, sql } from 'drizzle-orm';
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

export async function recentLoginFailures(db: Queryable, accountKey: string, since: Date): Promise<Date[]> {
  const rows = await db
    .select({ at: loginFailures.at })
    .from(loginFailures)
    .where(and(eq(loginFailures.accountKey, accountKey), gt(loginFailures.at, since)));
  return rows.map((row) => row.at);
}

/** One of the client's own orders; another client's reference finds nothing. */
export async function findClientOrder(db: Queryable, clientId: string, publicRef: string) {
  const [order] = await db.select().from(orders).where(and(eq(orders.clientId, clientId), eq(orders.publicRef, publicRef)));
  return order;
}
