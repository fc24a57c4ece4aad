import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import type { StaffMember } from '../../db/queries/staff.js';
import { orders } from '../../db/schema/index.js';

// What the order card's actions share: who acts and from where, the order locked for the change, and
// the outcomes a page turns into a redirect, an error next to a field, or a refusal.

export interface StaffActor {
  member: StaffMember;
  ip: string;
}

export type WorkResult<Done = object, Field extends string = never> =
  | ({ kind: 'done' } & Done)
  | { kind: 'not_found' }
  /** Not allowed in the order's state (or by the order's owner): the reason, in Russian. */
  | { kind: 'refused'; reason: string }
  | { kind: 'invalid'; errors: Partial<Record<Field, string>> };

export type LockedOrder = typeof orders.$inferSelect;

/** The order, locked until the transaction ends: two managers clicking at once change it one after the other. */
export async function lockOrder(tx: Tx, orderId: string): Promise<LockedOrder | undefined> {
  const [order] = await tx.select().from(orders).where(eq(orders.id, orderId)).for('update');
  return order;
}
