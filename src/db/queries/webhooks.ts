import { and, count, desc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../client.js';
import { orders, webhookDeliveries, webhookEndpoints, webhookEvents } from '../schema/index.js';

// What /admin/webhooks reads. The sealed secret never leaves this module: no page can show it.

export type WebhookEndpoint = Omit<typeof webhookEndpoints.$inferSelect, 'sealedSecret'>;
export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;
export type DeliveryWithEvent = WebhookDelivery & { eventType: string; eventOrderId: string | null; eventOrderNumber: number | null; eventCreatedAt: Date };

const endpointColumns = {
  id: webhookEndpoints.id,
  url: webhookEndpoints.url,
  name: webhookEndpoints.name,
  events: webhookEndpoints.events,
  enabled: webhookEndpoints.enabled,
  createdBy: webhookEndpoints.createdBy,
  createdAt: webhookEndpoints.createdAt,
  secretRotatedAt: webhookEndpoints.secretRotatedAt,
};

export type EndpointSummary = WebhookEndpoint & { queued: number; failed: number; lastDeliveredAt: Date | null };

export async function listWebhookEndpoints(db: Queryable): Promise<EndpointSummary[]> {
  const endpoints = await db.select(endpointColumns).from(webhookEndpoints).orderBy(webhookEndpoints.createdAt);
  const stats = await db
    .select({
      endpointId: webhookDeliveries.endpointId,
      queued: sql<number>`count(*) filter (where ${webhookDeliveries.status} = 'queued')::int`,
      failed: sql<number>`count(*) filter (where ${webhookDeliveries.status} = 'failed')::int`,
      lastDeliveredAt: sql<string | null>`max(${webhookDeliveries.deliveredAt})::text`,
    })
    .from(webhookDeliveries)
    .groupBy(webhookDeliveries.endpointId);
  const byId = new Map(stats.map((row) => [row.endpointId, row]));
  return endpoints.map((endpoint) => {
    const row = byId.get(endpoint.id);
    return { ...endpoint, queued: Number(row?.queued ?? 0), failed: Number(row?.failed ?? 0), lastDeliveredAt: row?.lastDeliveredAt ? new Date(row.lastDeliveredAt) : null };
  });
}

export async function findWebhookEndpoint(db: Queryable, id: string): Promise<WebhookEndpoint | undefined> {
  const [endpoint] = await db.select(endpointColumns).from(webhookEndpoints).where(eq(webhookEndpoints.id, id));
  return endpoint;
}

export const DELIVERIES_PAGE_SIZE = 50;

/** An endpoint's delivery log, newest first. */
export async function webhookDeliveryLog(db: Queryable, endpointId: string, page: number): Promise<{ deliveries: DeliveryWithEvent[]; total: number }> {
  const [deliveries, [total]] = await Promise.all([
    db
      .select({
        delivery: webhookDeliveries,
        eventType: webhookEvents.type,
        eventOrderId: webhookEvents.orderId,
        eventOrderNumber: orders.number,
        eventCreatedAt: webhookEvents.createdAt,
      })
      .from(webhookDeliveries)
      .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
      .leftJoin(orders, eq(orders.id, webhookEvents.orderId))
      .where(eq(webhookDeliveries.endpointId, endpointId))
      .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
      .limit(DELIVERIES_PAGE_SIZE)
      .offset((page - 1) * DELIVERIES_PAGE_SIZE),
    db.select({ n: count() }).from(webhookDeliveries).where(and(eq(webhookDeliveries.endpointId, endpointId))),
  ]);
  return {
    deliveries: deliveries.map((row) => ({ ...row.delivery, eventType: row.eventType, eventOrderId: row.eventOrderId, eventOrderNumber: row.eventOrderNumber, eventCreatedAt: row.eventCreatedAt })),
    total: Number(total?.n ?? 0),
  };
}
