import { boolean, check, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { vatRates } from '../../domain/receipts/vat-rates.js';

export const billingKind = pgEnum('billing_kind', ['fixed', 'hourly']);
/** The VAT rate printed on the service's cash receipts (54-FZ, tag 1199). */
export const vatRate = pgEnum('vat_rate', vatRates);

export const services = pgTable(
  'services',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull().unique(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    /** Light markup: paragraphs separated by blank lines, lines starting with "- " become a list. */
    description: text('description').notNull(),
    priceKopecks: integer('price_kopecks').notNull(),
    billing: billingKind('billing').notNull(),
    includedHours: integer('included_hours'),
    hourlyRateKopecks: integer('hourly_rate_kopecks'),
    active: boolean('active').notNull().default(true),
    sortOrder: integer('sort_order').notNull().default(0),
    vat: vatRate('vat').notNull().default('none'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('services_price_positive', sql`${t.priceKopecks} > 0`),
    check(
      'services_hourly_terms',
      sql`(${t.billing} = 'fixed' and ${t.includedHours} is null and ${t.hourlyRateKopecks} is null)
        or (${t.billing} = 'hourly' and ${t.includedHours} > 0 and ${t.hourlyRateKopecks} > 0)`,
    ),
  ],
);
