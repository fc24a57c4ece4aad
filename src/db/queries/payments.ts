import { and, desc, eq, inArray, lt, or, isNull } from 'drizzle-orm';
import type { Queryable } from '../client.js';
import { paymentAttempts, paymentOperations } from '../schema/index.js';

export type PaymentAttempt = typeof paymentAttempts.$inferSelect;
export type PaymentOperation = typeof paymentOperations.$inferSelect;

// "For an order" means the order's own price: attempts that pay its surcharge invoices are left out.

export async function latestAttemptForOrder(db: Queryable, orderId: string): Promise<PaymentAttempt | undefined> {
  const [attempt] = await db
    .select()
    .from(paymentAttempts)
    .where(and(eq(paymentAttempts.orderId, orderId), isNull(paymentAttempts.invoiceId)))
    .orderBy(desc(paymentAttempts.createdAt))
    .limit(1);
  return attempt;
}

/** The attempt that paid an order (the latest, should there be several). */
export async function paidAttemptForOrder(db: Queryable, orderId: string): Promise<PaymentAttempt | undefined> {
  const [attempt] = await db
    .select()
    .from(paymentAttempts)
    .where(and(eq(paymentAttempts.orderId, orderId), isNull(paymentAttempts.invoiceId), inArray(paymentAttempts.state, ['paid', 'refunded', 'cancelled'])))
    .orderBy(desc(paymentAttempts.paidAt))
    .limit(1);
  return attempt;
}

/** Attempts without a final word from the gateway, created before `olderThan`, least recently checked first. */
export async function openAttemptsToReconcile(db: Queryable, olderThan: Date, checkedBefore: Date, limit: number): Promise<PaymentAttempt[]> {
  return db
    .select()
    .from(paymentAttempts)
    .where(
      and(
        inArray(paymentAttempts.state, ['created', 'initiated']),
        lt(paymentAttempts.createdAt, olderThan),
        or(isNull(paymentAttempts.checkedAt), lt(paymentAttempts.checkedAt, checkedBefore)),
      ),
    )
    .orderBy(paymentAttempts.checkedAt, paymentAttempts.createdAt)
    .limit(limit);
}

export async function operationsForAttempt(db: Queryable, attemptId: string): Promise<PaymentOperation[]> {
  return db.select().from(paymentOperations).where(eq(paymentOperations.attemptId, attemptId)).orderBy(paymentOperations.createdAt);
}

export async function unsettledOperations(db: Queryable, createdBefore: Date, limit: number): Promise<PaymentOperation[]> {
  return db
    .select()
    .from(paymentOperations)
    .where(and(inArray(paymentOperations.state, ['pending', 'unknown']), lt(paymentOperations.createdAt, createdBefore)))
    .orderBy(paymentOperations.createdAt)
    .limit(limit);
}
