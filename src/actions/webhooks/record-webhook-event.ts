import { and, arrayContains, eq } from 'drizzle-orm';
import type { Deps } from '../../app-deps.js';
import type { Tx } from '../../db/client.js';
import { webhookDeliveries, webhookEndpoints, webhookEvents } from '../../db/schema/index.js';
import { WEBHOOK_EVENT_VERSION, type AnyWebhookEventType } from '../../domain/webhooks/webhook-events.js';
import { enqueue, type JobOptions, type Queue } from '../../queue.js';

/**
 * Retries of one delivery: pg-boss waits retryDelay·2ⁿ·(1..2) seconds after the n-th failure, capped at
 * an hour: 1–2, 2–4, 4–8, 8–16, 16–32, 32–60 min, then hourly. 28 retries (29 attempts) span about a
 * day; then the delivery is marked failed with the endpoint's last answer.
 */
export const webhookRetry = { retryLimit: 28, retryDelay: 60, retryBackoff: true, retryDelayMax: 3600 } satisfies JobOptions;

export type RecordDeps = Pick<Deps, 'queue' | 'clock'>;

/** One event's content; `orderId` links it to the order card. */
export interface WebhookEventContent {
  data: unknown;
  orderId: string | null;
}

/**
 * Records events of one type, in the caller's transaction, with one delivery per enabled endpoint
 * subscribed to the type, and enqueues the deliveries: they exist if and only if what they report
 * committed, so a duplicate callback that changes nothing sends nothing. `describe` runs only when
 * someone subscribes, so the payment path spends one small query when nobody subscribes.
 */
export async function recordWebhookEvent(deps: RecordDeps, tx: Tx, type: AnyWebhookEventType, describe: () => Promise<WebhookEventContent[]>): Promise<void> {
  const endpoints = await tx
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.enabled, true), arrayContains(webhookEndpoints.events, [type])));
  if (endpoints.length === 0) return;
  const contents = await describe();
  if (contents.length === 0) return;
  const now = deps.clock.now();
  const events = await tx
    .insert(webhookEvents)
    .values(contents.map((content) => ({ type, version: WEBHOOK_EVENT_VERSION, data: content.data, orderId: content.orderId, createdAt: now })))
    .returning({ id: webhookEvents.id });
  await queueDeliveries(deps, tx, events.flatMap((event) => endpoints.map((endpoint) => ({ eventId: event.id, endpointId: endpoint.id }))));
}

/** Delivery rows and their `webhooks.deliver` jobs, in the caller's transaction. */
export async function queueDeliveries(
  deps: { queue: Queue; clock: RecordDeps['clock'] },
  tx: Tx,
  deliveries: { eventId: string; endpointId: string; resentFrom?: string; requestedBy?: string }[],
): Promise<string[]> {
  if (deliveries.length === 0) return [];
  const now = deps.clock.now();
  const rows = await tx
    .insert(webhookDeliveries)
    .values(deliveries.map((delivery) => ({ ...delivery, createdAt: now })))
    .returning({ id: webhookDeliveries.id });
  await enqueue(deps.queue, tx, 'webhooks.deliver', rows.map((row) => ({ deliveryId: row.id })), webhookRetry);
  return rows.map((row) => row.id);
}
