import { sql } from 'drizzle-orm';
import { bigint, bigserial, check, customType, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { clients } from './accounts.js';
import { orders } from './orders.js';
import { staff } from './staff.js';

// Delivering the work (docs/delivery.md, decision 036): the results staff attach to an order, the
// conversation between the client and staff, and the files of both, kept in the database so the
// backups carry them.

/** Raw bytes: PostgreSQL's bytea (node-postgres gives a Buffer, PGlite a Uint8Array). */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/** Who wrote or uploaded something in an order: the client, or a staff member. */
export const orderSide = pgEnum('order_side', ['client', 'staff']);

/**
 * One uploaded file of an order (a result or a message's attachment). The id is a random uuid and
 * every download also checks the order it belongs to. The type is the one its first bytes showed.
 */
export const orderFiles = pgTable(
  'order_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id),
    /** The name as uploaded (Cyrillic kept), without any folder part. */
    fileName: text('file_name').notNull(),
    /** What the download says it is: from the sniffed type, never the browser's word. */
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    bytes: bytea('bytes').notNull(),
    uploadedBy: orderSide('uploaded_by').notNull(),
    staffId: uuid('staff_id').references(() => staff.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('order_files_order').on(t.orderId), check('order_files_name', sql`length(${t.fileName}) between 1 and 200`)],
);

/**
 * A result of the work: a file, a link, a short text, or several of these together. Staff add
 * results as drafts the client does not see; «Сообщить клиенту» publishes the drafts and sends one
 * email. A result removed by mistake keeps its row (who, when) but its file is deleted.
 */
export const orderResults = pgTable(
  'order_results',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id),
    fileId: uuid('file_id').references(() => orderFiles.id, { onDelete: 'set null' }),
    /** The file's name, kept when the file is deleted (the card still says what was removed). */
    fileName: text('file_name'),
    /** An https address (a repository, a shared folder, the site itself). */
    url: text('url'),
    note: text('note'),
    addedBy: uuid('added_by')
      .notNull()
      .references(() => staff.id),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull(),
    /** When the client was told (and from then on sees it); null: a draft. */
    publishedAt: timestamp('published_at', { withTimezone: true }),
    removedAt: timestamp('removed_at', { withTimezone: true }),
    removedBy: uuid('removed_by').references(() => staff.id),
  },
  (t) => [
    index('order_results_order').on(t.orderId),
    check('order_results_something', sql`num_nonnulls(${t.fileName}, ${t.url}, ${t.note}) >= 1`),
    check('order_results_url', sql`${t.url} is null or (${t.url} like 'https://%' and length(${t.url}) <= 2000)`),
    check('order_results_note', sql`${t.note} is null or length(${t.note}) between 1 and 2000`),
  ],
);

/** One message of an order's conversation: plain text, maybe with one attached file. */
export const orderMessages = pgTable(
  'order_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Orders the messages and backs the read markers: a moment can be shared, a number cannot. */
    seq: bigserial('seq', { mode: 'number' }).notNull().unique(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id),
    author: orderSide('author').notNull(),
    /** The staff member who wrote it; null for the client. */
    staffId: uuid('staff_id').references(() => staff.id),
    /** The client who wrote it; null for staff. */
    clientId: uuid('client_id').references(() => clients.id),
    body: text('body').notNull(),
    fileId: uuid('file_id').references(() => orderFiles.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('order_messages_order').on(t.orderId, t.seq),
    check('order_messages_body', sql`length(${t.body}) between 1 and 4000`),
    check('order_messages_author', sql`(${t.author} = 'staff') = (${t.staffId} is not null)`),
  ],
);

/** How far each side has read an order's conversation: the last message seq it was shown. */
export const orderReadMarkers = pgTable(
  'order_read_markers',
  {
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id),
    side: orderSide('side').notNull(),
    lastSeenSeq: bigint('last_seen_seq', { mode: 'number' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.orderId, t.side] })],
);
