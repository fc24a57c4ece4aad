import { eq } from 'drizzle-orm';
import type { Deps } from '../../app-deps.js';
import { audit } from '../../db/queries/audit.js';
import { webhookEndpoints } from '../../db/schema/index.js';
import { checkEndpointForm, type EndpointField, type EndpointValues } from '../../domain/webhooks/webhook-form.js';
import { productionUrls, type WebhookActor } from './endpoint-actor.js';

export type UpdateEndpointResult =
  | { kind: 'updated' }
  | { kind: 'not_found' }
  | { kind: 'invalid'; values: EndpointValues; errors: Partial<Record<EndpointField, string>> };

/** Name, address and events. Deliveries already queued go to the new address when their turn comes. */
export async function updateWebhookEndpoint(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  input: WebhookActor & { endpointId: string; body: Record<string, unknown> },
): Promise<UpdateEndpointResult> {
  const checked = checkEndpointForm(input.body, productionUrls(deps.config));
  if (!checked.ok) return { kind: 'invalid', values: checked.values, errors: checked.errors };
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const [before] = await tx.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, input.endpointId)).for('update');
    if (!before) return { kind: 'not_found' };
    await tx.update(webhookEndpoints).set(checked.value).where(eq(webhookEndpoints.id, before.id));
    await audit(tx, {
      staffId: input.by.id,
      action: 'webhook.endpoint_updated',
      entity: 'webhook_endpoint',
      entityId: before.id,
      details: { before: { name: before.name, url: before.url, events: before.events }, after: checked.value },
      ip: input.ip,
      at: now,
    });
    return { kind: 'updated' };
  });
}
