import { check, date, index, integer, jsonb, pgEnum, pgSequence, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { orders } from './orders.js';
import { staff } from './staff.js';
import { invoices } from './work.js';
import { vatRate } from './catalog.js';

// Paying by bank transfer (docs/payments.md#bank-transfers, decision 038): a company or sole trader
// gets a numbered bank invoice instead of the card page; the money is recorded by staff or from the
// bank statement, once per bank document.

/** «Счёт на оплату № N»: one number sequence for every bank invoice, never reused (gaps are fine). */
export const bankInvoiceNumbers = pgSequence('bank_invoice_number_seq', { startWith: 1, increment: 1 });

/** Who pays an order by transfer: the organisation or sole trader as typed on the order form. */
export const orderPayers = pgTable('order_payers', {
  orderId: uuid('order_id')
    .primaryKey()
    .references(() => orders.id),
  companyName: text('company_name').notNull(),
  inn: text('inn').notNull(),
  /** An organisation's КПП; null for a sole trader (12-digit ИНН). */
  kpp: text('kpp'),
  legalAddress: text('legal_address').notNull(),
});

export const bankInvoiceState = pgEnum('bank_invoice_state', ['waiting', 'paid', 'cancelled']);

export const bankInvoices = pgTable(
  'bank_invoices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: integer('number').notNull().unique(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id),
    /** Set for a surcharge's invoice; null for the order's own price. */
    invoiceId: uuid('invoice_id').references(() => invoices.id),
    amountKopecks: integer('amount_kopecks').notNull(),
    /** What the invoice lists: the service, or the extra hours. */
    description: text('description').notNull(),
    vat: vatRate('vat').notNull(),
    state: bankInvoiceState('state').notNull().default('waiting'),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    paidAt: timestamp('paid_at', { withTimezone: true }),
  },
  (t) => [
    index('bank_invoices_order').on(t.orderId),
    index('bank_invoices_state').on(t.state, t.number),
    check('bank_invoices_amount_positive', sql`${t.amountKopecks} > 0`),
  ],
);

export const transferSource = pgEnum('transfer_source', ['manual', 'statement']);

/**
 * Money received by bank transfer against a bank invoice: the money event (no cash receipt: an
 * organisation's or sole trader's account paid). `document_key` (bank document number, date, payer
 * ИНН, sum) makes a statement uploaded twice record nothing new.
 */
export const bankTransfers = pgTable(
  'bank_transfers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    bankInvoiceId: uuid('bank_invoice_id')
      .notNull()
      .references(() => bankInvoices.id),
    amountKopecks: integer('amount_kopecks').notNull(),
    /** The date on the payment order (Moscow calendar day). */
    receivedOn: date('received_on').notNull(),
    payerName: text('payer_name').notNull(),
    payerInn: text('payer_inn'),
    documentNumber: text('document_number'),
    documentKey: text('document_key'),
    note: text('note'),
    source: transferSource('source').notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => staff.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    unique('bank_transfers_document_key').on(t.documentKey),
    // One transfer settles one invoice: a second one for it is listed for a person, never recorded.
    unique('bank_transfers_invoice').on(t.bankInvoiceId),
    check('bank_transfers_amount_positive', sql`${t.amountKopecks} > 0`),
  ],
);

/** Each uploaded statement and what came of its lines, for the accountant to come back to. */
export const bankStatements = pgTable('bank_statements', {
  id: uuid('id').primaryKey().defaultRandom(),
  fileName: text('file_name').notNull(),
  uploadedBy: uuid('uploaded_by')
    .notNull()
    .references(() => staff.id),
  uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull(),
  /** The matcher's verdict per payment line (StatementLineOutcome[]). */
  outcome: jsonb('outcome').notNull(),
});
