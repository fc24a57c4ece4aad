import { check, customType, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { services } from './catalog.js';
import { staff } from './staff.js';

/** Raw bytes: PostgreSQL's bytea (node-postgres gives a Buffer, PGlite a Uint8Array). */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/** Questions and answers shown on the catalog and service pages, edited in the back office. */
export const faqEntries = pgTable(
  'faq_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    question: text('question').notNull(),
    /** Light markup, as a service's description (domain/catalog/rich-text.ts). */
    answer: text('answer').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [check('faq_entries_texts', sql`length(${t.question}) between 1 and 300 and length(${t.answer}) between 1 and 5000`)],
);

/**
 * A service's picture (at most one). The resized files live in service_image_files under the
 * content hash, so their URLs change whenever the picture does and can be cached for a year
 * (decision 035: images live in the database, so backups carry them).
 */
export const serviceImages = pgTable(
  'service_images',
  {
    serviceId: uuid('service_id')
      .primaryKey()
      .references(() => services.id, { onDelete: 'cascade' }),
    /** The first 20 hex digits of the SHA-256 of the uploaded file and the resize settings. */
    hash: text('hash').notNull(),
    alt: text('alt').notNull(),
    /** The widths made, ascending; each in WebP and JPEG. */
    widths: integer('widths').array().notNull(),
    /** The largest file's size in pixels, for width/height attributes (no layout shift). */
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => staff.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull(),
  },
  (t) => [check('service_images_alt', sql`length(${t.alt}) between 1 and 200`)],
);

/** One resized file of a picture: `/media/services/<hash>-<width>.<webp|jpg>`. */
export const serviceImageFiles = pgTable(
  'service_image_files',
  {
    hash: text('hash').notNull(),
    width: integer('width').notNull(),
    format: text('format', { enum: ['webp', 'jpeg'] }).notNull(),
    bytes: bytea('bytes').notNull(),
  },
  (t) => [primaryKey({ columns: [t.hash, t.width, t.format] })],
);
