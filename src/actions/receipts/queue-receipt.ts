import type { Deps } from '../../app-deps.js';
import type { Tx } from '../../db/client.js';
import { receipts } from '../../db/schema/index.js';
import { externalIdFor } from '../../domain/receipts/external-id.js';
import type { MoneyEvent, Seller } from '../../domain/receipts/money-event.js';
import { receiptMoneyKopecks } from '../../domain/receipts/receipt-flow.js';
import { receiptForEvent } from '../../domain/receipts/receipt-rules.js';
import { enqueue } from '../../queue.js';

export type ReceiptDeps = Pick<Deps, 'queue' | 'config' | 'clock' | 'content'>;

/** A money event that needs a receipt, with the rows it belongs to. */
export interface MoneyEventReceipt {
  event: MoneyEvent;
  /** What the event is: the payment attempt, the completed order, the invoice paid offline, the cancel/refund operation. */
  sourceId: string;
  orderId: string;
  invoiceId: string | null;
  /** Where the register's OFD sends the receipt (tag 1008): the email the order was placed with. */
  buyerEmail: string;
}

/** The seller's side of every receipt: the company's current INN and email (back office), the settings' tax system and site. */
export function sellerFrom(deps: Pick<Deps, 'config' | 'content'>): Seller {
  const { company } = deps.content.current();
  return { inn: company.inn, email: company.email, taxSystem: deps.config.TAX_SYSTEM, paymentAddress: deps.config.PUBLIC_URL };
}

/** The entity the register's external id names: the order, the invoice, or the cancel/refund operation. */
export function externalIdEntity(row: { event: MoneyEvent['kind']; orderId: string; invoiceId: string | null; sourceId: string }): string {
  if (row.event === 'money_returned') return row.sourceId;
  if (row.event === 'invoice_paid') return row.invoiceId ?? row.sourceId;
  return row.orderId;
}

/**
 * Writes the receipt of a money event and its `receipts.issue` job, in the event's own transaction: the
 * receipt exists if and only if the money moved. The document and the external id are fixed here, before
 * any call to the register. A second call for the same event writes nothing (unique per event and per
 * external id). With RECEIPTS=off nothing is written.
 */
export async function queueReceipt(deps: ReceiptDeps, tx: Tx, input: MoneyEventReceipt): Promise<string | null> {
  if (deps.config.RECEIPTS === 'off') return null;
  const now = deps.clock.now();
  const document = receiptForEvent(input.event, sellerFrom(deps), { email: input.buyerEmail });
  const row = { event: input.event.kind, orderId: input.orderId, invoiceId: input.invoiceId, sourceId: input.sourceId };
  const [inserted] = await tx
    .insert(receipts)
    .values({
      ...row,
      kind: document.kind,
      settlement: document.settlement,
      moneyKopecks: receiptMoneyKopecks(document),
      totalKopecks: document.totalKopecks,
      document,
      externalId: externalIdFor(input.event.kind, externalIdEntity(row), 1),
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing()
    .returning({ id: receipts.id });
  if (!inserted) return null;
  await enqueue(deps.queue, tx, 'receipts.issue', [{ receiptId: inserted.id }], issueRetries);
  return inserted.id;
}

/**
 * While the register cannot be reached the job is retried with growing pauses (up to 10 minutes apart,
 * for about a day), always with the same document and external id.
 */
export const issueRetries = { retryLimit: 150, retryDelay: 5, retryBackoff: true, retryDelayMax: 600 } as const;
