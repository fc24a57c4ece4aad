import type { Deps } from '../../app-deps.js';
import type { Tx } from '../../db/client.js';
import { assignedStaffOf, insertNewNotifications, notificationAudience, type NewNotification } from '../../db/queries/notifications.js';
import { deliveryTime } from '../../domain/notifications/quiet-hours.js';
import { pickRecipients } from '../../domain/notifications/recipients.js';
import { isOrderEvent, staffEventKey, type StaffEvent } from '../../domain/notifications/staff-events.js';
import { enqueueWithIds, type JobOptions } from '../../queue.js';

/**
 * Retries of one alert: 10 s, 20 s, 40 s … capped at 10 min, 12 in all (about an hour): a Telegram
 * outage or rate limit outlasts a few tries, and an alert later than an hour is no longer an alert.
 */
export const notificationRetry = { retryLimit: 12, retryDelay: 10, retryBackoff: true, retryDelayMax: 600 } satisfies JobOptions;

/**
 * Turns events into notifications, in the transaction of whatever raised them (a payment callback, a
 * surcharge marked paid, a lead from the site, its missed deadline): one per event, recipient and channel — a unique key, so raising an event
 * twice adds nothing — each with its delivery job (job id = notification id) that starts at once or,
 * in quiet hours, when the next working day starts.
 */
export async function raiseStaffEvents(deps: Pick<Deps, 'queue' | 'clock' | 'calendar'>, tx: Tx, events: StaffEvent[]): Promise<void> {
  if (events.length === 0) return;
  const now = deps.clock.now();
  const orderIds = events.filter(isOrderEvent).map((e) => e.orderId);
  const [colleagues, assigned] = await Promise.all([notificationAudience(tx), assignedStaffOf(tx, orderIds)]);
  const byId = new Map(colleagues.map((c) => [c.id, c]));
  // A lead has nobody assigned: every manager hears of it.
  const subject = (event: StaffEvent) => (isOrderEvent(event) ? { orderId: event.orderId, leadId: null } : { orderId: null, leadId: event.leadId });
  const rows: NewNotification[] = events.flatMap((event) =>
    pickRecipients(event, isOrderEvent(event) ? (assigned.get(event.orderId) ?? null) : null, colleagues).map((recipient) => ({
      eventKey: staffEventKey(event),
      eventKind: event.kind,
      ...subject(event),
      invoiceId: event.kind === 'invoice.paid' ? event.invoiceId : null,
      details: event.kind === 'order.needs_review' || event.kind === 'receipt.failed' || event.kind === 'order.remarks' || event.kind === 'order.message' ? event.message : null,
      staffId: recipient.staffId,
      channel: recipient.channel,
      notBefore: deliveryTime(now, deps.calendar, byId.get(recipient.staffId)!.preferences.workingHoursOnly),
      createdAt: now,
    })),
  );
  const created = await insertNewNotifications(tx, rows);
  await enqueueWithIds(
    deps.queue,
    tx,
    'notifications.deliver',
    created.map(({ id, notBefore }) => ({ id, data: { notificationId: id }, startAfter: notBefore, ...notificationRetry })),
  );
}
