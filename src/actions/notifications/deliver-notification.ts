import { setTimeout as sleep } from 'node:timers/promises';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Deps } from '../../app-deps.js';
import { insertNewNotifications, lockNotification, notificationToDeliver, type Notification } from '../../db/queries/notifications.js';
import { notifications, telegramLinks } from '../../db/schema/index.js';
import { alertMessage, leadAlertMessage, type AlertMessage } from '../../domain/notifications/alert-message.js';
import { isStaffEventKind } from '../../domain/notifications/staff-events.js';
import { orderNumber } from '../../domain/orders/order-number.js';
import { queueEmail } from '../../email/queue-email.js';
import { staffAlertEmail } from '../../email/templates/staff-alert.js';
import { telegramAlert } from '../../notifications/telegram/html.js';
import { enqueueWithIds } from '../../queue.js';
import { notificationRetry } from './raise-staff-events.js';

export type DeliveryOutcome =
  | { kind: 'sent' }
  /** Sent or given up before (a retried or repeated job): nothing to do. */
  | { kind: 'settled' }
  | { kind: 'not_found' }
  | { kind: 'failed'; answer: string }
  /** Worth another try later (Telegram down, 5xx, rate limit): the job fails and pg-boss retries it. */
  | { kind: 'retry'; answer: string };

type DeliverDeps = Pick<Deps, 'db' | 'clock' | 'config' | 'queue' | 'telegram' | 'content'>;

/** A 429 asking to wait at most this long is waited out in the job; a longer one goes back to the queue. */
const WAIT_OUT_RATE_LIMIT_S = 30;

/**
 * Delivers one notification on its channel, once: a notification already sent or failed is left
 * alone. Email goes to the outbox (which has its own retries and the SMTP answer); Telegram is sent
 * here, with Telegram's answer kept for the back office. The words are written now, so "today" is the
 * day the person reads it. `lastTry`: the job's retries are used up, so a retryable answer fails it.
 */
export async function deliverNotification(deps: DeliverDeps, notificationId: string, options: { lastTry: boolean }): Promise<DeliveryOutcome> {
  const found = await notificationToDeliver(deps.db, notificationId);
  if (!found) return { kind: 'not_found' };
  const { notification, member, link } = found;
  if (notification.status !== 'waiting') return { kind: 'settled' };
  if (member.state !== 'active') return fail(deps, notification, 'Сотрудник отключён: уведомление не отправлено.');
  const message = messageOf(deps, found);
  if (!message) return fail(deps, notification, `Неизвестное событие ${notification.eventKind}.`);
  if (notification.channel === 'email') return handToOutbox(deps, notification.id, { name: member.name, email: member.email }, message);

  if (!deps.telegram) return failAndEmail(deps, notification, 'Telegram не настроен (TELEGRAM_BOT_TOKEN): отправлено письмом.');
  if (!link || link.blockedAt) return failAndEmail(deps, notification, 'Telegram не привязан или бот заблокирован: отправлено письмом.');
  // The last run died between asking Telegram and recording its answer: the message may be in the chat
  // already, and the Bot API cannot tell. Not sent again there (never twice in Telegram); the email is
  // the copy that makes sure the person hears of it (at least once, by one channel or the other).
  if (notification.sendStartedAt) return failAndEmail(deps, notification, UNKNOWN_OUTCOME);
  if (!(await markSending(deps, notification.id))) return { kind: 'settled' };

  let answer = await deps.telegram.sendMessage(link.chatId, telegramAlert(message));
  for (let waits = 0; answer.kind === 'rate_limited' && answer.retryAfter <= WAIT_OUT_RATE_LIMIT_S && waits < 3; waits++) {
    await sleep(answer.retryAfter * 1000);
    answer = await deps.telegram.sendMessage(link.chatId, telegramAlert(message));
  }
  const now = deps.clock.now();
  switch (answer.kind) {
    case 'ok':
      await settle(deps, notification.id, { status: 'sent', sentAt: now, lastAnswer: `Доставлено, сообщение № ${answer.result.message_id}` });
      return { kind: 'sent' };
    case 'blocked':
      // The person blocked the bot: stop sending there (the profile asks them to link again) and tell them by email.
      await deps.db.update(telegramLinks).set({ blockedAt: now }).where(and(eq(telegramLinks.staffId, notification.staffId), eq(telegramLinks.chatId, link.chatId)));
      return failAndEmail(deps, notification, `Telegram: ${answer.description}. Бот заблокирован, отправлено письмом.`);
    case 'refused':
      return fail(deps, notification, `Telegram: ${answer.description}`);
    case 'rate_limited':
    case 'unavailable': {
      const said = answer.kind === 'rate_limited' ? `${answer.description} (ждать ${answer.retryAfter} с)` : answer.description;
      if (options.lastTry) return fail(deps, notification, `Telegram: ${said}. Попытки исчерпаны.`);
      await settle(deps, notification.id, { status: 'waiting', lastAnswer: `Telegram: ${said}` });
      return { kind: 'retry', answer: said };
    }
  }
}

const UNKNOWN_OUTCOME =
  'Ответ Telegram не получен: обработчик остановился во время отправки. Сообщение могло дойти, поэтому повторно в Telegram не отправлено; копия отправлена письмом.';

/** The words of the alert, written now; null for an event this version does not know. */
function messageOf(deps: DeliverDeps, found: NonNullable<Awaited<ReturnType<typeof notificationToDeliver>>>): AlertMessage | null {
  const { notification, order, lead } = found;
  const now = deps.clock.now();
  const kind = notification.eventKind;
  if (!isStaffEventKind(kind)) return null;
  if (kind === 'lead.created' || kind === 'lead.overdue') {
    if (!lead) return null;
    const facts = { ...lead, event: kind, contacted: lead.contactedAt !== null, leadsUrl: `${deps.config.PUBLIC_URL}/admin/leads#lead-${lead.id}` };
    return leadAlertMessage(facts, now);
  }
  if (!order) return null;
  return alertMessage(
    {
      event: kind,
      orderNumber: orderNumber(order.number),
      serviceTitle: order.serviceTitle,
      customerName: order.customerName,
      amountKopecks: found.invoiceAmountKopecks ?? order.priceKopecks,
      callbackDueAt: order.firstContactAt ? null : order.callbackDueAt,
      details: notification.details,
      cardUrl: `${deps.config.PUBLIC_URL}/admin/orders/${order.id}`,
    },
    now,
  );
}

/**
 * Records, in its own commit, that a Telegram send is about to start: a run that finds it set later
 * knows the previous one died waiting for the answer. False if another run got there first.
 */
async function markSending(deps: DeliverDeps, id: string): Promise<boolean> {
  const marked = await deps.db
    .update(notifications)
    .set({ sendStartedAt: deps.clock.now() })
    .where(and(eq(notifications.id, id), eq(notifications.status, 'waiting'), isNull(notifications.sendStartedAt)))
    .returning({ id: notifications.id });
  return marked.length === 1;
}

/** The email channel: one outbox email, queued in the transaction that marks the notification sent. */
async function handToOutbox(deps: DeliverDeps, id: string, to: { name: string; email: string }, message: AlertMessage): Promise<DeliveryOutcome> {
  return deps.db.transaction(async (tx) => {
    const notification = await lockNotification(tx, id);
    if (!notification || notification.status !== 'waiting') return { kind: 'settled' } as const;
    const content = staffAlertEmail({ staffName: to.name, message }, deps.content.current());
    const emailId = await queueEmail(deps, tx, { kind: 'staff_alert', to: to.email, orderId: notification.orderId ?? undefined, content });
    await tx
      .update(notifications)
      .set({ status: 'sent', emailId, sentAt: deps.clock.now(), attempts: sql`${notifications.attempts} + 1`, lastAnswer: 'Передано в очередь писем' })
      .where(eq(notifications.id, id));
    return { kind: 'sent' } as const;
  });
}

async function settle(deps: DeliverDeps, id: string, values: { status: Notification['status']; lastAnswer: string; sentAt?: Date }): Promise<void> {
  await deps.db
    .update(notifications)
    .set({ ...values, sendStartedAt: null, attempts: sql`${notifications.attempts} + 1` })
    .where(and(eq(notifications.id, id), eq(notifications.status, 'waiting')));
}

async function fail(deps: DeliverDeps, notification: Notification, answer: string): Promise<DeliveryOutcome> {
  await settle(deps, notification.id, { status: 'failed', lastAnswer: answer });
  return { kind: 'failed', answer };
}

/** Telegram cannot reach the person: fail it and send the same alert by email (unless they already get one). */
async function failAndEmail(deps: DeliverDeps, notification: Notification, answer: string): Promise<DeliveryOutcome> {
  await deps.db.transaction(async (tx) => {
    await tx
      .update(notifications)
      .set({ status: 'failed', lastAnswer: answer, sendStartedAt: null, attempts: sql`${notifications.attempts} + 1` })
      .where(and(eq(notifications.id, notification.id), eq(notifications.status, 'waiting')));
    const now = deps.clock.now();
    // eslint-disable-next-line @typescript-eslint/no-unused-vars -- a new row: id, status and answers start afresh
    const { id, status, attempts, lastAnswer, emailId, sentAt, sendStartedAt, ...event } = notification;
    const created = await insertNewNotifications(tx, [{ ...event, channel: 'email', notBefore: now, createdAt: now }]);
    await enqueueWithIds(deps.queue, tx, 'notifications.deliver', created.map((row) => ({ id: row.id, data: { notificationId: row.id }, ...notificationRetry })));
  });
  return { kind: 'failed', answer };
}
