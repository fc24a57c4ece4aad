import { and, asc, count, desc, eq, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../client.js';
import { orders, receipts } from '../schema/index.js';
import { pendingStates } from '../../domain/receipts/receipt-flow.js';

// Cash receipts as people see them: on an order (client and staff) and in the back office's list.

export type Receipt = typeof receipts.$inferSelect;

/** An order's receipts, surcharges' included, in the order they were made. */
export async function receiptsOfOrder(db: Queryable, orderId: string): Promise<Receipt[]> {
  return db.select().from(receipts).where(eq(receipts.orderId, orderId)).orderBy(asc(receipts.createdAt), asc(receipts.id));
}

export const RECEIPTS_PAGE_SIZE = 50;

export type ReceiptFilter = { kind: 'failed' } | { kind: 'waiting'; minutes: number; now: Date } | { kind: 'all' };

export interface ReceiptListItem {
  receipt: Receipt;
  orderServiceTitle: string;
  customerName: string;
  /** A failed receipt already sent again. */
  reissued: boolean;
}

/** A failed receipt nobody has sent again yet. */
const notReissued = sql`not exists (select 1 from receipts later where later.reissue_of = ${receipts.id})`;

/** The back office's list: failed receipts (not yet re-issued), those waiting longer than N minutes, or all, newest first. */
export async function listReceipts(db: Queryable, filter: ReceiptFilter, page: number): Promise<{ items: ReceiptListItem[]; total: number }> {
  const where: SQL | undefined =
    filter.kind === 'failed'
      ? and(eq(receipts.state, 'fail'), notReissued)
      : filter.kind === 'waiting'
        ? and(inArray(receipts.state, [...pendingStates]), lt(receipts.createdAt, new Date(filter.now.getTime() - filter.minutes * 60_000)))
        : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select({ receipt: receipts, orderServiceTitle: orders.serviceTitle, customerName: orders.customerName })
      .from(receipts)
      .innerJoin(orders, eq(orders.id, receipts.orderId))
      .where(where)
      .orderBy(desc(receipts.createdAt), desc(receipts.id))
      .limit(RECEIPTS_PAGE_SIZE)
      .offset((page - 1) * RECEIPTS_PAGE_SIZE),
    db.select({ n: count() }).from(receipts).where(where),
  ]);
  const reissued = await reissuedIds(db, rows.filter((r) => r.receipt.state === 'fail').map((r) => r.receipt.id));
  return { items: rows.map((row) => ({ ...row, reissued: reissued.has(row.receipt.id) })), total: total?.n ?? 0 };
}

/** Of these failed receipts, the ones already re-issued. */
export async function reissuedIds(db: Queryable, failedIds: string[]): Promise<Set<string>> {
  if (failedIds.length === 0) return new Set();
  const rows = await db.select({ of: receipts.reissueOf }).from(receipts).where(inArray(receipts.reissueOf, failedIds));
  return new Set(rows.map((r) => r.of!));
}

/** Failed receipts nobody has re-issued yet: the dashboard's tile. */
export async function unresolvedFailedReceipts(db: Queryable): Promise<number> {
  const [row] = await db.select({ n: count() }).from(receipts).where(and(eq(receipts.state, 'fail'), notReissued));
  return row?.n ?? 0;
}
