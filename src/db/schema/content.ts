import { date, index, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { staff } from './staff.js';

// What the owner edits in the back office (docs/content.md). Every save is a new row: the latest is in
// use, the earlier ones are the history (and the audit log says who saved which).

/** The seller's details; none saved yet → the COMPANY_* settings. */
export const companyDetails = pgTable(
  'company_details',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    inn: text('inn').notNull(),
    kpp: text('kpp'),
    ogrn: text('ogrn').notNull(),
    address: text('address').notNull(),
    phone: text('phone').notNull(),
    email: text('email').notNull(),
    bankName: text('bank_name').notNull(),
    bik: text('bik').notNull(),
    correspondentAccount: text('correspondent_account').notNull(),
    settlementAccount: text('settlement_account').notNull(),
    savedBy: uuid('saved_by').references(() => staff.id),
    savedAt: timestamp('saved_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('company_details_saved_at').on(t.savedAt)],
);

export const legalDocument = pgEnum('legal_document', ['offer', 'privacy', 'consent']);

/**
 * Versions of the offer, privacy policy and consent, one per document and Moscow date. Orders name the
 * version they accepted by «<document>-<date>» (orders.offer_version…), so a row in effect never changes.
 */
export const legalVersions = pgTable(
  'legal_versions',
  {
    document: legalDocument('document').notNull(),
    effectiveDate: date('effective_date', { mode: 'string' }).notNull(),
    effectiveFrom: timestamp('effective_from', { withTimezone: true }).notNull(),
    body: text('body').notNull(),
    /** Null for the texts shipped with the app. */
    publishedBy: uuid('published_by').references(() => staff.id),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.document, t.effectiveDate] })],
);

/** The greeting, sign-off and own paragraph of a client email type; none saved → the defaults. */
export const emailWordings = pgTable(
  'email_wordings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    type: text('type').notNull(),
    greeting: text('greeting').notNull(),
    signOff: text('sign_off').notNull(),
    paragraph: text('paragraph').notNull(),
    savedBy: uuid('saved_by').references(() => staff.id),
    savedAt: timestamp('saved_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('email_wordings_type_saved_at').on(t.type, t.savedAt)],
);
