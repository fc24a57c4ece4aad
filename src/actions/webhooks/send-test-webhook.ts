import { eq } from 'drizzle-orm';
import type { Deps } from '../../app-deps.js';
import { audit } from '../../db/queries/audit.js';
import { webhookEndpoints, webhookEvents } from '../../db/schema/index.js';
import { WEBHOOK_EVENT_VERSION } from '../../domain/webhooks/webhook-events.js';
import type { WebhookActor } from './endpoint-actor.js';
import { queueDeliveries } from './record-webhook-event.js';

/** «Отправить тестовое событие»: a `ping` to this endpoint alone, signed and logged like any event. */
export async function sendTestWebhook(
  deps: Pick<Deps, 'db' | 'clock' | 'queue'>,
  input: WebhookActor & { endpointId: string },
): Promise<{ kind: 'queued'; deliveryId: string } | { kind: 'refused'; reason: string } | { kind: 'not_found' }> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const [endpoint] = await tx.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, input.endpointId));
    if (!endpoint) return { kind: 'not_found' } as const;
    if (!endpoint.enabled) return { kind: 'refused', reason: 'Получатель отключён: включите его, чтобы отправлять события.' } as const;
    const [event] = await tx
      .insert(webhookEvents)
      .values({ type: 'ping', version: WEBHOOK_EVENT_VERSION, data: { message: 'Тестовое событие: подпись и доставка работают.', endpoint_id: endpoint.id }, createdAt: now })
      .returning({ id: webhookEvents.id });
    const [deliveryId] = await queueDeliveries(deps, tx, [{ eventId: event!.id, endpointId: endpoint.id, requestedBy: input.by.id }]);
    await audit(tx, { staffId: input.by.id, action: 'webhook.test_sent', entity: 'webhook_endpoint', entityId: endpoint.id, details: { deliveryId }, ip: input.ip, at: now });
    return { kind: 'queued', deliveryId: deliveryId! } as const;
  });
}
