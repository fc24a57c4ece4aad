import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { issueReceipt } from '../../src/actions/receipts/issue-receipt.js';
import { pollReceipt } from '../../src/actions/receipts/poll-receipt.js';
import type { Receipt } from '../../src/db/queries/receipts.js';
import { invoices, orders, paymentAttempts, paymentOperations, receipts } from '../../src/db/schema/index.js';
import type { TestApp } from './test-app.js';

// Driving the receipt jobs by hand (as the worker would, without waiting for their start times), and
// the books check every receipt test ends with.

export async function receiptsOf(t: TestApp, orderId: string): Promise<Receipt[]> {
  return t.deps.db.select().from(receipts).where(eq(receipts.orderId, orderId)).orderBy(receipts.createdAt, receipts.externalId);
}

/** Runs `receipts.issue` for every receipt still to be sent. */
export async function issueQueued(t: TestApp): Promise<void> {
  for (const row of await t.deps.db.select().from(receipts).where(inArray(receipts.state, ['queued', 'sent']))) await issueReceipt(t.deps, row.id);
}

/** Runs `receipts.poll` for every receipt the register is making. */
export async function pollWaiting(t: TestApp): Promise<void> {
  for (const row of await t.deps.db.select().from(receipts).where(eq(receipts.state, 'wait'))) await pollReceipt(t.deps, { receiptId: row.id });
}

/** Sends what is queued, lets the register finish it (virtual time), reads the reports. */
export async function settleReceipts(t: TestApp): Promise<void> {
  await issueQueued(t);
  await t.atol!.advanceClock(2000);
  await pollWaiting(t);
}

/** Jobs of a queue for a receipt, as pg-boss holds them in our database. */
export async function receiptJobs(t: TestApp, name: 'receipts.issue' | 'receipts.poll', receiptId: string): Promise<number> {
  const result = (await t.deps.db.execute(
    sql`select count(*)::int as n from pgboss.job where name = ${name} and data->>'receiptId' = ${receiptId}`,
  )) as unknown as { rows: { n: number }[] };
  return Number(result.rows[0]?.n);
}

/**
 * The books: for every order and every surcharge, the money of its done sale receipts less its done
 * return receipts equals the money kept (paid by card or through the register, less what went back), and
 * every money event has exactly one receipt that is not failed. Returns what does not add up.
 */
export async function receiptProblems(t: TestApp): Promise<string[]> {
  const { db } = t.deps;
  const problems: string[] = [];
  const all = await db.select().from(receipts);
  const live = all.filter((r) => r.state !== 'fail');
  const perEvent = new Map<string, number>();
  for (const r of live) perEvent.set(`${r.event}:${r.sourceId}`, (perEvent.get(`${r.event}:${r.sourceId}`) ?? 0) + 1);
  for (const [event, n] of perEvent) if (n !== 1) problems.push(`${event}: ${n} receipts`);

  const kept = new Map<string, number>(); // order id, or invoice id
  const add = (key: string, kopecks: number) => kept.set(key, (kept.get(key) ?? 0) + kopecks);
  for (const a of await db.select().from(paymentAttempts).where(isNotNull(paymentAttempts.paidAt))) add(a.invoiceId ?? a.orderId, a.amountKopecks);
  const returned = await db
    .select({ kopecks: paymentOperations.amountKopecks, orderId: paymentAttempts.orderId, invoiceId: paymentAttempts.invoiceId })
    .from(paymentOperations)
    .innerJoin(paymentAttempts, eq(paymentAttempts.id, paymentOperations.attemptId))
    .where(and(eq(paymentOperations.state, 'succeeded'), inArray(paymentOperations.kind, ['cancel', 'refund'])));
  for (const r of returned) add(r.invoiceId ?? r.orderId, -r.kopecks);
  const offline = await db.select().from(invoices).where(and(isNotNull(invoices.offlineMethod), eq(invoices.state, 'paid')));
  for (const invoice of offline) if (invoice.noReceiptReason === null) add(invoice.id, invoice.amountKopecks);

  const receipted = new Map<string, number>();
  for (const r of all.filter((r) => r.state === 'done')) {
    const key = r.invoiceId ?? r.orderId;
    receipted.set(key, (receipted.get(key) ?? 0) + (r.kind === 'sale' ? r.moneyKopecks : -r.moneyKopecks));
  }
  const orderIds = new Set((await db.select({ id: orders.id }).from(orders)).map((o) => o.id));
  for (const key of new Set([...kept.keys(), ...receipted.keys()])) {
    const money = kept.get(key) ?? 0;
    const onReceipts = receipted.get(key) ?? 0;
    if (money !== onReceipts) problems.push(`${orderIds.has(key) ? 'order' : 'invoice'} ${key}: kept ${money}, receipts ${onReceipts}`);
  }
  return problems;
}
