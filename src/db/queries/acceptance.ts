import { and, desc, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Queryable, Tx } from '../client.js';
import { invoices, paymentAttempts, paymentOperations, serviceActs, staff, workHandovers } from '../schema/index.js';

export type WorkHandover = typeof workHandovers.$inferSelect;
export type WorkHandoverItem = WorkHandover & { handedOverByName: string };
export type ServiceAct = typeof serviceActs.$inferSelect;

/** Every hand-over of the order, newest first, with who handed the work over. */
export async function handoversOfOrder(db: Queryable, orderId: string): Promise<WorkHandoverItem[]> {
  const rows = await db
    .select({ handover: workHandovers, name: staff.name })
    .from(workHandovers)
    .innerJoin(staff, eq(staff.id, workHandovers.handedOverBy))
    .where(eq(workHandovers.orderId, orderId))
    .orderBy(desc(workHandovers.attempt));
  return rows.map((row) => ({ ...row.handover, handedOverByName: row.name }));
}

/** The hand-over waiting for the client's answer (one at most: the order's row lock orders the writers). */
export async function waitingHandover(db: Queryable, orderId: string): Promise<WorkHandover | undefined> {
  const [row] = await db
    .select()
    .from(workHandovers)
    .where(and(eq(workHandovers.orderId, orderId), eq(workHandovers.state, 'waiting')))
    .orderBy(desc(workHandovers.attempt))
    .limit(1);
  return row;
}

export async function findHandover(db: Queryable, handoverId: string): Promise<WorkHandover | undefined> {
  const [row] = await db.select().from(workHandovers).where(eq(workHandovers.id, handoverId));
  return row;
}

export async function handoverCount(db: Queryable, orderId: string): Promise<number> {
  return db.$count(workHandovers, eq(workHandovers.orderId, orderId));
}

export async function actOfOrder(db: Queryable, orderId: string): Promise<ServiceAct | undefined> {
  const [row] = await db.select().from(serviceActs).where(eq(serviceActs.orderId, orderId));
  return row;
}

/** The next act number from the company's one sequence (decision 037). */
export async function nextActNumber(tx: Tx): Promise<number> {
  const result = (await tx.execute(sql`select nextval('service_act_number')::int as n`)) as unknown as { rows: { n: number }[] };
  return Number(result.rows[0]!.n);
}

/** Money given back on the order's own payment (not on surcharges): the completion keeps the rest. */
export async function returnedOnOrder(db: Queryable, orderId: string): Promise<number> {
  const [returned] = await db
    .select({ kopecks: sql<number>`coalesce(sum(${paymentOperations.amountKopecks}), 0)::int` })
    .from(paymentOperations)
    .innerJoin(paymentAttempts, eq(paymentAttempts.id, paymentOperations.attemptId))
    .where(and(eq(paymentAttempts.orderId, orderId), isNull(paymentAttempts.invoiceId), eq(paymentOperations.state, 'succeeded'), sql`${paymentOperations.kind} <> 'capture'`));
  return Number(returned?.kopecks ?? 0);
}

/** Surcharge invoices for extra hours that stand (open or paid; not voided or returned). */
export async function standingSurcharges(db: Queryable, orderId: string): Promise<{ minutes: number; hourlyRateKopecks: number; amountKopecks: number }[]> {
  return db
    .select({ minutes: invoices.extraMinutes, hourlyRateKopecks: invoices.hourlyRateKopecks, amountKopecks: invoices.amountKopecks })
    .from(invoices)
    .where(and(eq(invoices.orderId, orderId), ne(invoices.state, 'cancelled'), ne(invoices.state, 'refunded')))
    .orderBy(invoices.createdAt);
}
