import { and, asc, desc, eq, gt, isNotNull, isNull, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../client.js';
import { orderFiles, orderMessages, orderResults, orders, staff } from '../schema/index.js';

// Reads of delivering the work (docs/delivery.md): results, the conversation, files, unread counts.
// A file is reachable only through its order: every query names the order (and for a client, the
// client) as well as the file's random id.

const removedByStaff = alias(staff, 'removed_by_staff');

/** Every result of the order for the card, drafts and removed ones included, oldest first. */
export async function resultsForStaff(db: Queryable, orderId: string) {
  return db
    .select({
      id: orderResults.id,
      fileId: orderResults.fileId,
      fileName: orderResults.fileName,
      sizeBytes: orderFiles.sizeBytes,
      url: orderResults.url,
      note: orderResults.note,
      addedAt: orderResults.addedAt,
      addedByName: staff.name,
      publishedAt: orderResults.publishedAt,
      removedAt: orderResults.removedAt,
      removedByName: removedByStaff.name,
    })
    .from(orderResults)
    .innerJoin(staff, eq(staff.id, orderResults.addedBy))
    .leftJoin(removedByStaff, eq(removedByStaff.id, orderResults.removedBy))
    .leftJoin(orderFiles, eq(orderFiles.id, orderResults.fileId))
    .where(eq(orderResults.orderId, orderId))
    .orderBy(asc(orderResults.addedAt), asc(orderResults.id));
}
export type StaffResultRow = Awaited<ReturnType<typeof resultsForStaff>>[number];

/** What the client sees: published results not taken back, oldest first. */
export async function resultsForClient(db: Queryable, orderId: string) {
  return db
    .select({ id: orderResults.id, fileId: orderResults.fileId, fileName: orderResults.fileName, sizeBytes: orderFiles.sizeBytes, url: orderResults.url, note: orderResults.note, publishedAt: orderResults.publishedAt })
    .from(orderResults)
    .leftJoin(orderFiles, eq(orderFiles.id, orderResults.fileId))
    .where(and(eq(orderResults.orderId, orderId), isNotNull(orderResults.publishedAt), isNull(orderResults.removedAt)))
    .orderBy(asc(orderResults.publishedAt), asc(orderResults.addedAt), asc(orderResults.id));
}
export type ClientResultRow = Awaited<ReturnType<typeof resultsForClient>>[number];

/** The order's conversation, oldest first, with the staff author's name and the attachment. */
export async function conversationOf(db: Queryable, orderId: string) {
  return db
    .select({
      id: orderMessages.id,
      seq: orderMessages.seq,
      author: orderMessages.author,
      staffName: staff.name,
      body: orderMessages.body,
      fileId: orderMessages.fileId,
      fileName: orderFiles.fileName,
      sizeBytes: orderFiles.sizeBytes,
      createdAt: orderMessages.createdAt,
    })
    .from(orderMessages)
    .leftJoin(staff, eq(staff.id, orderMessages.staffId))
    .leftJoin(orderFiles, eq(orderFiles.id, orderMessages.fileId))
    .where(eq(orderMessages.orderId, orderId))
    .orderBy(asc(orderMessages.seq));
}
export type ConversationRow = Awaited<ReturnType<typeof conversationOf>>[number];

const fileColumns = { id: orderFiles.id, fileName: orderFiles.fileName, contentType: orderFiles.contentType, bytes: orderFiles.bytes };
export type DownloadableFile = { id: string; fileName: string; contentType: string; bytes: Buffer };

/**
 * A file for the client: of an order that is theirs, and shown to them — a published result not taken
 * back, or a message's attachment. Anything else (another client's, a draft) is simply not found.
 */
export async function fileForClient(db: Queryable, input: { clientId: string; orderRef: string; fileId: string }): Promise<DownloadableFile | undefined> {
  // Correlated by hand-qualified names (see unreadFor).
  const shownAsResult = sql`exists (select 1 from order_results r where r.file_id = "order_files"."id" and r.published_at is not null and r.removed_at is null)`;
  const attached = sql`exists (select 1 from order_messages m where m.file_id = "order_files"."id")`;
  const [row] = await db
    .select(fileColumns)
    .from(orderFiles)
    .innerJoin(orders, eq(orders.id, orderFiles.orderId))
    .where(and(eq(orderFiles.id, input.fileId), eq(orders.clientId, input.clientId), eq(orders.publicRef, input.orderRef), or(shownAsResult, attached)));
  return row;
}

/** A file for staff: any file of this order (a draft result included). */
export async function fileForStaff(db: Queryable, input: { orderId: string; fileId: string }): Promise<DownloadableFile | undefined> {
  const [row] = await db
    .select(fileColumns)
    .from(orderFiles)
    .where(and(eq(orderFiles.id, input.fileId), eq(orderFiles.orderId, input.orderId)));
  return row;
}

/**
 * Messages from the other side that this side has not seen, for the outer query's order: `author <>
 * side`, seq past the side's marker. Written with qualified names by hand: drizzle leaves columns
 * unqualified in a single-table select, and an inner `order_id = id` would compare the inner table's own.
 */
const unreadFor = (side: 'client' | 'staff') => sql<number>`(
  select count(*)::int from order_messages m
  where m.order_id = "orders"."id" and m.author <> ${side}::order_side
    and m.seq > coalesce((select r.last_seen_seq from order_read_markers r where r.order_id = "orders"."id" and r.side = ${side}::order_side), 0))`;

/** Staff messages the client has not seen, per order of theirs (orders with none are left out). */
export async function clientUnreadByOrder(db: Queryable, clientId: string): Promise<Map<string, number>> {
  const rows = await db.select({ orderId: orders.id, unread: unreadFor('client') }).from(orders).where(eq(orders.clientId, clientId));
  return new Map(rows.filter((row) => Number(row.unread) > 0).map((row) => [row.orderId, Number(row.unread)]));
}

/**
 * Orders where the client wrote and no staff member has opened the card since: for the queue page,
 * the most recent message first.
 */
export async function ordersWithUnreadClientMessages(db: Queryable, limit = 50) {
  const unread = unreadFor('staff');
  const lastAt = sql<Date>`(select max(m.created_at) from order_messages m where m.order_id = "orders"."id" and m.author = 'client')`;
  const rows = await db
    .select({ id: orders.id, number: orders.number, serviceTitle: orders.serviceTitle, customerName: orders.customerName, assignedName: staff.name, unread, lastAt })
    .from(orders)
    .leftJoin(staff, eq(staff.id, orders.assignedStaffId))
    .where(
      and(
        sql`exists (select 1 from order_messages m where m.order_id = "orders"."id" and m.author = 'client')`,
        gt(unread, 0),
      ),
    )
    .orderBy(desc(lastAt))
    .limit(limit);
  return rows.map((row) => ({ ...row, unread: Number(row.unread), lastAt: new Date(row.lastAt) }));
}
export type UnreadOrderRow = Awaited<ReturnType<typeof ordersWithUnreadClientMessages>>[number];
