import { and, eq } from 'drizzle-orm';
import type { Deps } from '../../app-deps.js';
import { audit } from '../../db/queries/audit.js';
import { webhookDeliveries, webhookEndpoints } from '../../db/schema/index.js';
import type { WebhookActor } from './endpoint-actor.js';

/**
 * Switches an endpoint off or on. Off means it gets nothing: no new deliveries are made for it, and
 * those still waiting (retries included) are cancelled now rather than sent later.
 */
export async function setWebhookEndpointEnabled(
  deps: Pick<Deps, 'db' | 'clock'>,
  input: WebhookActor & { endpointId: string; enabled: boolean },
): Promise<{ kind: 'done'; cancelled: number } | { kind: 'not_found' }> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const [endpoint] = await tx.update(webhookEndpoints).set({ enabled: input.enabled }).where(eq(webhookEndpoints.id, input.endpointId)).returning({ id: webhookEndpoints.id });
    if (!endpoint) return { kind: 'not_found' } as const;
    const cancelled = input.enabled
      ? []
      : await tx
          .update(webhookDeliveries)
          .set({ status: 'cancelled', lastError: 'получатель отключён' })
          .where(and(eq(webhookDeliveries.endpointId, endpoint.id), eq(webhookDeliveries.status, 'queued')))
          .returning({ id: webhookDeliveries.id });
    await audit(tx, {
      staffId: input.by.id,
      action: input.enabled ? 'webhook.endpoint_enabled' : 'webhook.endpoint_disabled',
      entity: 'webhook_endpoint',
      entityId: endpoint.id,
      details: { cancelledDeliveries: cancelled.length },
      ip: input.ip,
      at: now,
    });
    return { kind: 'done', cancelled: cancelled.length } as const;
  });
}
