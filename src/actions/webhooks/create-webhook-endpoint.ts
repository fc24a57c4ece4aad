import type { Deps } from '../../app-deps.js';
import { audit } from '../../db/queries/audit.js';
import { webhookEndpoints } from '../../db/schema/index.js';
import { checkEndpointForm, type EndpointField, type EndpointValues } from '../../domain/webhooks/webhook-form.js';
import { sealSecret } from '../../staff/secret-box.js';
import { newWebhookSecret } from '../../webhooks/signature.js';
import { productionUrls, type WebhookActor } from './endpoint-actor.js';

export type CreateEndpointResult =
  | { kind: 'created'; endpointId: string; secret: string }
  | { kind: 'invalid'; values: EndpointValues; errors: Partial<Record<EndpointField, string>> };

/**
 * A new CRM endpoint with a secret we generate. The secret is returned to be shown once: only its
 * sealed box is stored, and no page shows it again (a lost secret is replaced with «Сменить секрет»).
 */
export async function createWebhookEndpoint(deps: Pick<Deps, 'db' | 'clock' | 'config'>, input: WebhookActor & { body: Record<string, unknown> }): Promise<CreateEndpointResult> {
  const checked = checkEndpointForm(input.body, productionUrls(deps.config));
  if (!checked.ok) return { kind: 'invalid', values: checked.values, errors: checked.errors };
  const secret = newWebhookSecret();
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const [endpoint] = await tx
      .insert(webhookEndpoints)
      .values({ ...checked.value, sealedSecret: sealSecret(deps.config.APP_SECRET, secret, 'webhook secret'), createdBy: input.by.id, createdAt: now })
      .returning({ id: webhookEndpoints.id });
    await audit(tx, { staffId: input.by.id, action: 'webhook.endpoint_created', entity: 'webhook_endpoint', entityId: endpoint!.id, details: checked.value, ip: input.ip, at: now });
    return { kind: 'created', endpointId: endpoint!.id, secret };
  });
}
