import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import type { ReceiptDocument } from '../../domain/receipts/receipt.js';
import { moneyEventKinds, receiptStates } from '../../domain/receipts/receipt-flow.js';
import { orders } from './orders.js';
import { invoices } from './work.js';

// 54-FZ cash receipts (docs/receipts.md): one row per money event, written in the transaction of the
// event itself, then sent to the cloud register by the `receipts.issue` job and read back by
// `receipts.poll` until the register has made it (done) or refused it (fail).

export const moneyEventKind = pgEnum('money_event_kind', moneyEventKinds);
export const receiptState = pgEnum('receipt_state', receiptStates);

export const receipts = pgTable(
  'receipts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id),
    /** Set for a surcharge's receipts (its payment and its returns). */
    invoiceId: uuid('invoice_id').references(() => invoices.id),
    /** The money event and what it is: the payment attempt (paid by card), the order (completed), the invoice (paid offline) or the cancel/refund operation. */
    event: moneyEventKind('event').notNull(),
    sourceId: uuid('source_id').notNull(),
    kind: text('kind', { enum: ['sale', 'sale_refund'] }).notNull(),
    settlement: text('settlement', { enum: ['prepayment_100', 'full'] }).notNull(),
    /** The money the receipt moves (what the buyer paid or got back, not a prepayment offset). */
    moneyKopecks: integer('money_kopecks').notNull(),
    totalKopecks: integer('total_kopecks').notNull(),
    /** The document exactly as sent (and sent again, unchanged, on every retry). */
    document: jsonb('document').$type<ReceiptDocument>().notNull(),
    /** Our id at the register, saved before the first call: a retry can never make a second receipt. */
    externalId: text('external_id').notNull().unique(),
    /** The failed receipt this one re-issues (its external id then ends in `:2`, `:3`…). */
    reissueOf: uuid('reissue_of').references((): AnyPgColumn => receipts.id),
    state: receiptState('state').notNull().default('queued'),
    /** The register's id of the document, once it accepted it. */
    registerUuid: text('register_uuid').unique(),
    /** Calls to register it (each retry counts) and reads of its report. */
    attempts: integer('attempts').notNull().default(0),
    polls: integer('polls').notNull().default(0),
    // The fiscal attributes once done (the proof of the receipt).
    fiscalReceiptNumber: integer('fiscal_receipt_number'),
    shiftNumber: integer('shift_number'),
    fnNumber: text('fn_number'),
    fiscalDocumentNumber: bigint('fiscal_document_number', { mode: 'number' }),
    fiscalDocumentAttribute: bigint('fiscal_document_attribute', { mode: 'number' }),
    registeredAt: timestamp('registered_at', { withTimezone: true }),
    ofdReceiptUrl: text('ofd_receipt_url'),
    /** The register's last error, as it said it (or ours, when the call itself failed). */
    errorCode: integer('error_code'),
    errorText: text('error_text'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (t) => [
    // Exactly one receipt per money event; re-issues of a failed one hang off it by reissue_of.
    uniqueIndex('receipts_one_per_event').on(t.event, t.sourceId).where(sql`${t.reissueOf} is null`),
    uniqueIndex('receipts_one_reissue').on(t.reissueOf),
    index('receipts_order').on(t.orderId, t.createdAt),
    index('receipts_state').on(t.state, t.createdAt),
    check('receipts_money', sql`${t.moneyKopecks} >= 0 and ${t.totalKopecks} > 0`),
  ],
);
