import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Queryable } from '../client.js';
import { bankInvoices, bankStatements, bankTransfers, invoices, orderPayers, orders } from '../schema/index.js';

// Reads for bank transfers (docs/payments.md#bank-transfers): invoices, their payers, recorded money.

export type BankInvoice = typeof bankInvoices.$inferSelect;
export type OrderPayer = typeof orderPayers.$inferSelect;
export type BankTransfer = typeof bankTransfers.$inferSelect;

/** The next «Счёт на оплату» number from the database's own sequence: unique across processes. */
export async function nextBankInvoiceNumber(db: Queryable): Promise<number> {
  const result = (await db.execute(sql`select nextval('bank_invoice_number_seq')::int as n`)) as unknown as { rows: { n: number }[] };
  return Number(result.rows[0]!.n);
}

export async function payerOfOrder(db: Queryable, orderId: string): Promise<OrderPayer | undefined> {
  const [payer] = await db.select().from(orderPayers).where(eq(orderPayers.orderId, orderId));
  return payer;
}

/** The bank invoice for the order's own price (not a surcharge's). */
export async function orderBankInvoice(db: Queryable, orderId: string): Promise<BankInvoice | undefined> {
  const [invoice] = await db
    .select()
    .from(bankInvoices)
    .where(and(eq(bankInvoices.orderId, orderId), isNull(bankInvoices.invoiceId)))
    .orderBy(desc(bankInvoices.number))
    .limit(1);
  return invoice;
}

/** The bank invoice of a surcharge invoice, if its payer is a company. */
export async function surchargeBankInvoice(db: Queryable, invoiceId: string): Promise<BankInvoice | undefined> {
  const [invoice] = await db.select().from(bankInvoices).where(eq(bankInvoices.invoiceId, invoiceId)).orderBy(desc(bankInvoices.number)).limit(1);
  return invoice;
}

export async function bankInvoicesByNumbers(db: Queryable, numbers: number[]): Promise<BankInvoice[]> {
  if (numbers.length === 0) return [];
  return db.select().from(bankInvoices).where(inArray(bankInvoices.number, numbers));
}

/** Which of these bank document keys are recorded already. */
export async function recordedDocumentKeys(db: Queryable, keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db.select({ key: bankTransfers.documentKey }).from(bankTransfers).where(inArray(bankTransfers.documentKey, keys));
  return new Set(rows.map((row) => row.key!));
}

export interface WaitingBankInvoice {
  invoice: BankInvoice;
  order: { id: string; number: number; publicRef: string; serviceTitle: string; customerName: string; customerEmail: string };
  payer: OrderPayer;
  /** The surcharge's public ref when the invoice is a surcharge's. */
  surchargeRef: string | null;
}

/** Bank invoices still waiting for money, oldest first (the /admin/transfers list, the sample statement). */
export async function waitingBankInvoices(db: Queryable): Promise<WaitingBankInvoice[]> {
  const rows = await db
    .select({
      invoice: bankInvoices,
      order: { id: orders.id, number: orders.number, publicRef: orders.publicRef, serviceTitle: orders.serviceTitle, customerName: orders.customerName, customerEmail: orders.customerEmail },
      payer: orderPayers,
      surchargeRef: invoices.publicRef,
    })
    .from(bankInvoices)
    .innerJoin(orders, eq(orders.id, bankInvoices.orderId))
    .innerJoin(orderPayers, eq(orderPayers.orderId, orders.id))
    .leftJoin(invoices, eq(invoices.id, bankInvoices.invoiceId))
    .where(eq(bankInvoices.state, 'waiting'))
    .orderBy(bankInvoices.number);
  return rows;
}

export async function findWaitingBankInvoice(db: Queryable, id: string): Promise<WaitingBankInvoice | undefined> {
  return (await waitingBankInvoices(db)).find((row) => row.invoice.id === id);
}

export interface RecordedTransfer {
  transfer: BankTransfer;
  invoiceNumber: number;
  orderId: string;
}

/** The latest recorded transfers, newest first. */
export async function recentTransfers(db: Queryable, limit = 30): Promise<RecordedTransfer[]> {
  return db
    .select({ transfer: bankTransfers, invoiceNumber: bankInvoices.number, orderId: bankInvoices.orderId })
    .from(bankTransfers)
    .innerJoin(bankInvoices, eq(bankInvoices.id, bankTransfers.bankInvoiceId))
    .orderBy(desc(bankTransfers.recordedAt))
    .limit(limit);
}

/** The order's bank invoices and the money recorded against them (the order card). */
export async function bankInvoicesOfOrder(db: Queryable, orderId: string): Promise<{ invoice: BankInvoice; transfer: BankTransfer | null }[]> {
  return db
    .select({ invoice: bankInvoices, transfer: bankTransfers })
    .from(bankInvoices)
    .leftJoin(bankTransfers, eq(bankTransfers.bankInvoiceId, bankInvoices.id))
    .where(eq(bankInvoices.orderId, orderId))
    .orderBy(bankInvoices.number);
}

export type BankStatementUpload = typeof bankStatements.$inferSelect;

export async function findBankStatement(db: Queryable, id: string): Promise<BankStatementUpload | undefined> {
  const [row] = await db.select().from(bankStatements).where(eq(bankStatements.id, id));
  return row;
}

/** The order's address and state, for the order card's transfer section. */
export async function orderRefAndState(db: Queryable, orderId: string): Promise<{ publicRef: string; state: (typeof orders.$inferSelect)['state'] } | undefined> {
  const [row] = await db.select({ publicRef: orders.publicRef, state: orders.state }).from(orders).where(eq(orders.id, orderId));
  return row;
}
