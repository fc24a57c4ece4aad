import { eq } from 'drizzle-orm';
import type { Deps } from '../../app-deps.js';
import { audit } from '../../db/queries/audit.js';
import { webhookDeliveries, webhookEndpoints } from '../../db/schema/index.js';
import type { WebhookActor } from './endpoint-actor.js';
import { queueDeliveries } from './record-webhook-event.js';

export type ResendWebhookResult = { kind: 'queued'; deliveryId: string; endpointId: string } | { kind: 'refused'; reason: string } | { kind: 'not_found' };

/**
 * «Отправить ещё раз»: a new delivery of the same event (same event id and body, new delivery id) to
 * the same endpoint, with its own retries. The original keeps its history.
 */
export async function resendWebhook(deps: Pick<Deps, 'db' | 'clock' | 'queue'>, input: WebhookActor & { deliveryId: string }): Promise<ResendWebhookResult> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const [found] = await tx
      .select({ delivery: webhookDeliveries, enabled: webhookEndpoints.enabled })
      .from(webhookDeliveries)
      .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
      .where(eq(webhookDeliveries.id, input.deliveryId));
    if (!found) return { kind: 'not_found' } as const;
    const { delivery } = found;
    if (!found.enabled) return { kind: 'refused', reason: 'Получатель отключён: включите его, чтобы отправлять события.' } as const;
    const [copyId] = await queueDeliveries(deps, tx, [{ eventId: delivery.eventId, endpointId: delivery.endpointId, resentFrom: delivery.id, requestedBy: input.by.id }]);
    await audit(tx, {
      staffId: input.by.id,
      action: 'webhook.resent',
      entity: 'webhook_delivery',
      entityId: delivery.id,
      details: { copyId, eventId: delivery.eventId, endpointId: delivery.endpointId, status: delivery.status },
      ip: input.ip,
      at: now,
    });
    return { kind: 'queued', deliveryId: copyId!, endpointId: delivery.endpointId } as const;
  });
}
