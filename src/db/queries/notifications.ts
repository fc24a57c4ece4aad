import { count, desc, eq, inArray, sql } from 'drizzle-orm';
import { defaultPreferences, type NotificationPreferences } from '../../domain/notifications/preferences.js';
import { isStaffEventKind } from '../../domain/notifications/staff-events.js';
import type { Colleague } from '../../domain/notifications/recipients.js';
import type { Queryable } from '../client.js';
import { emails, invoices, leads, notifications, notificationSettings, orders, staff, telegramLinks, telegramPoll } from '../schema/index.js';

// Staff alerts (docs/notifications.md): who may receive them, what to deliver, what the back office lists.

export type Notification = typeof notifications.$inferSelect;
export type NewNotification = typeof notifications.$inferInsert;
export type TelegramLink = typeof telegramLinks.$inferSelect;
type SettingsRow = typeof notificationSettings.$inferSelect;

export function preferencesOf(role: Colleague['role'], saved: SettingsRow | null): NotificationPreferences {
  if (!saved) return defaultPreferences(role);
  return { channels: { email: saved.email, telegram: saved.telegram }, events: saved.events.filter(isStaffEventKind), workingHoursOnly: saved.workingHoursOnly };
}

/** Every active staff member with their preferences and whether Telegram reaches them. */
export async function notificationAudience(db: Queryable): Promise<Colleague[]> {
  const rows = await db
    .select({ id: staff.id, role: staff.role, settings: notificationSettings, link: telegramLinks })
    .from(staff)
    .leftJoin(notificationSettings, eq(notificationSettings.staffId, staff.id))
    .leftJoin(telegramLinks, eq(telegramLinks.staffId, staff.id))
    .where(eq(staff.state, 'active'));
  return rows.map((row) => ({
    id: row.id,
    role: row.role,
    active: true,
    preferences: preferencesOf(row.role, row.settings),
    telegramReachable: row.link !== null && row.link.blockedAt === null,
  }));
}

export async function assignedStaffOf(db: Queryable, orderIds: string[]): Promise<Map<string, string | null>> {
  if (orderIds.length === 0) return new Map();
  const rows = await db.select({ id: orders.id, assigned: orders.assignedStaffId }).from(orders).where(inArray(orders.id, orderIds));
  return new Map(rows.map((row) => [row.id, row.assigned]));
}

/** Adds the notifications not there yet (unique per event, staff member and channel); returns only the new ones. */
export async function insertNewNotifications(db: Queryable, rows: NewNotification[]): Promise<{ id: string; notBefore: Date }[]> {
  if (rows.length === 0) return [];
  return db.insert(notifications).values(rows).onConflictDoNothing().returning({ id: notifications.id, notBefore: notifications.notBefore });
}

/** A notification with what its message needs: the order or the lead, the surcharge, the recipient and their chat. */
export async function notificationToDeliver(db: Queryable, id: string) {
  const [row] = await db
    .select({
      notification: notifications,
      order: { id: orders.id, number: orders.number, serviceTitle: orders.serviceTitle, customerName: orders.customerName, priceKopecks: orders.priceKopecks, callbackDueAt: orders.callbackDueAt, firstContactAt: orders.firstContactAt },
      lead: { id: leads.id, name: leads.name, phone: leads.phone, service: leads.service, comment: leads.comment, callbackDueAt: leads.callbackDueAt, contactedAt: leads.contactedAt },
      invoiceAmountKopecks: invoices.amountKopecks,
      member: { name: staff.name, email: staff.email, state: staff.state },
      link: telegramLinks,
    })
    .from(notifications)
    .leftJoin(orders, eq(orders.id, notifications.orderId))
    .leftJoin(leads, eq(leads.id, notifications.leadId))
    .innerJoin(staff, eq(staff.id, notifications.staffId))
    .leftJoin(invoices, eq(invoices.id, notifications.invoiceId))
    .leftJoin(telegramLinks, eq(telegramLinks.staffId, notifications.staffId))
    .where(eq(notifications.id, id));
  return row;
}

export async function lockNotification(db: Queryable, id: string): Promise<Notification | undefined> {
  const [row] = await db.select().from(notifications).where(eq(notifications.id, id)).for('update');
  return row;
}

export const NOTIFICATIONS_PAGE_SIZE = 50;
export const notificationStatuses = ['waiting', 'sent', 'failed'] as const;
export type NotificationStatus = (typeof notificationStatuses)[number];

/** The back office's list, newest first, with whom each is for and the email it became. */
export async function listNotifications(db: Queryable, filter: { status?: NotificationStatus }, page: number) {
  const where = filter.status ? eq(notifications.status, filter.status) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select({ notification: notifications, staffName: staff.name, emailStatus: emails.status, emailError: emails.lastError, orderNumber: orders.number })
      .from(notifications)
      .innerJoin(staff, eq(staff.id, notifications.staffId))
      .leftJoin(emails, eq(emails.id, notifications.emailId))
      .leftJoin(orders, eq(orders.id, notifications.orderId))
      .where(where)
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(NOTIFICATIONS_PAGE_SIZE)
      .offset((page - 1) * NOTIFICATIONS_PAGE_SIZE),
    db.select({ n: count() }).from(notifications).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}
export type NotificationListRow = Awaited<ReturnType<typeof listNotifications>>['rows'][number];

/** What the profile shows: the preferences in force and the Telegram link. */
export async function notificationProfile(db: Queryable, member: { id: string; role: Colleague['role'] }) {
  const [[saved], [link]] = await Promise.all([
    db.select().from(notificationSettings).where(eq(notificationSettings.staffId, member.id)),
    db.select().from(telegramLinks).where(eq(telegramLinks.staffId, member.id)),
  ]);
  return { preferences: preferencesOf(member.role, saved ?? null), link: link ?? null };
}

export async function findTelegramLinkByChat(db: Queryable, chatId: number): Promise<TelegramLink | undefined> {
  const [row] = await db.select().from(telegramLinks).where(eq(telegramLinks.chatId, chatId));
  return row;
}

/** The getUpdates offset saved by the last update handled (undefined before the first). */
export async function savedPollOffset(db: Queryable): Promise<number | undefined> {
  const [row] = await db.select().from(telegramPoll).where(eq(telegramPoll.id, 1));
  return row?.nextOffset;
}

export async function savePollOffset(db: Queryable, nextOffset: number): Promise<void> {
  await db
    .insert(telegramPoll)
    .values({ id: 1, nextOffset })
    .onConflictDoUpdate({ target: telegramPoll.id, set: { nextOffset: sql`greatest(${telegramPoll.nextOffset}, excluded.next_offset)` } });
}
