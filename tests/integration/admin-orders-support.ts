import { sql } from 'drizzle-orm';
import { orderNumber } from '../../src/domain/orders/order-number.js';
import { signInStaff, type staffMember } from '../helpers/staff.js';
import type { Clock } from '../../src/clock.js';
import type { TestApp } from '../helpers/test-app.js';
import type { Visitor } from '../helpers/visitor.js';

// Shared by the admin-orders tests.

/** A Moscow wall-clock time: «2026-11-24T10:15». */
export const moscow = (local: string) => new Date(`${local}+03:00`);

/** The order numbers of these orders in the order a page shows them (absent ones left out). */
export function rowOrder(body: string, orders: { number: number }[]): string[] {
  return orders
    .map((order) => ({ number: orderNumber(order.number), at: body.indexOf(`>${orderNumber(order.number)}<`) }))
    .filter((found) => found.at >= 0)
    .sort((a, b) => a.at - b.at)
    .map((found) => found.number);
}

/** The order's `orders.escalate` job as pg-boss holds it (its id is the order's id). */
export async function escalationJobOf(t: TestApp, orderId: string): Promise<{ state: string; startAfter: Date; orderId: string } | undefined> {
  const result = (await t.deps.db.execute(
    sql`select state, start_after, data->>'orderId' as order_id from pgboss.job where name = 'orders.escalate' and id = ${orderId}::uuid`,
  )) as unknown as { rows: { state: string; start_after: string | Date; order_id: string }[] };
  const row = result.rows[0];
  return row && { state: row.state, startAfter: new Date(row.start_after), orderId: row.order_id };
}

export type Member = Awaited<ReturnType<typeof staffMember>>;

let ip = 0;

/**
 * A member's browser, signed in again when the clock has moved past the 15 idle minutes of a staff
 * session (a TOTP code works once, so a member cannot sign in twice within one 30-second step).
 */
/** `app` is read at each call: the test app is built in beforeAll. */
export function staffSessions(app: () => TestApp, clock: Clock): (who: Member) => Promise<Visitor> {
  const sessions = new Map<string, { browser: Visitor; lastUsed: number }>();
  return async (who) => {
    const now = clock.now().getTime();
    const known = sessions.get(who.member.id);
    const fresh = known && now - known.lastUsed < 14 * 60_000;
    const browser = fresh ? known.browser : await signInStaff(app(), who.member, who.secret, `198.51.100.${++ip}`);
    sessions.set(who.member.id, { browser, lastUsed: now });
    return browser;
  };
}
