import { and, desc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../client.js';
import { extraHoursRequests, staff } from '../schema/index.js';
import { currentSpecification } from './admin-orders.js';

export type ExtraHoursRequest = typeof extraHoursRequests.$inferSelect;
export type ExtraHoursRequestItem = ExtraHoursRequest & { requestedByName: string };

/** The order's extra-hours requests, newest first, with who asked. */
export async function extraHoursOfOrder(db: Queryable, orderId: string): Promise<ExtraHoursRequestItem[]> {
  const rows = await db
    .select({ request: extraHoursRequests, requestedByName: staff.name })
    .from(extraHoursRequests)
    .innerJoin(staff, eq(staff.id, extraHoursRequests.requestedBy))
    .where(eq(extraHoursRequests.orderId, orderId))
    .orderBy(desc(extraHoursRequests.requestedAt));
  return rows.map((row) => ({ ...row.request, requestedByName: row.requestedByName }));
}

/** What the client agreed to beyond the included hours: the specification's hours and the answered requests. */
export interface Agreement {
  specificationMinutes: number | null;
  approvedMinutes: number;
  pendingMinutes: number;
}

export async function agreementOfOrder(db: Queryable, orderId: string): Promise<Agreement> {
  const specification = await currentSpecification(db, orderId);
  const sums = await db
    .select({ state: extraHoursRequests.state, minutes: sql<number>`sum(${extraHoursRequests.minutes})::int` })
    .from(extraHoursRequests)
    .where(eq(extraHoursRequests.orderId, orderId))
    .groupBy(extraHoursRequests.state);
  const of = (state: string) => Number(sums.find((row) => row.state === state)?.minutes ?? 0);
  return { specificationMinutes: specification?.agreedMinutes ?? null, approvedMinutes: of('approved'), pendingMinutes: of('pending') };
}

export async function findExtraHoursRequest(db: Queryable, orderId: string, requestId: string): Promise<ExtraHoursRequest | undefined> {
  const [row] = await db
    .select()
    .from(extraHoursRequests)
    .where(and(eq(extraHoursRequests.orderId, orderId), eq(extraHoursRequests.id, requestId)));
  return row;
}
