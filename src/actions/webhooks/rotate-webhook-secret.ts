import { eq } from 'drizzle-orm';
import type { Deps } from '../../app-deps.js';
import { audit } from '../../db/queries/audit.js';
import { webhookEndpoints } from '../../db/schema/index.js';
import { sealSecret } from '../../staff/secret-box.js';
import { newWebhookSecret } from '../../webhooks/signature.js';
import type { WebhookActor } from './endpoint-actor.js';

/**
 * «Сменить секрет»: a new secret, returned to be shown once. Every request from now on (retries of
 * older events included) is signed with it; the receiver must be given it at once.
 */
export async function rotateWebhookSecret(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  input: WebhookActor & { endpointId: string },
): Promise<{ kind: 'rotated'; secret: string } | { kind: 'not_found' }> {
  const secret = newWebhookSecret();
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const [endpoint] = await tx
      .update(webhookEndpoints)
      .set({ sealedSecret: sealSecret(deps.config.APP_SECRET, secret, 'webhook secret'), secretRotatedAt: now })
      .where(eq(webhookEndpoints.id, input.endpointId))
      .returning({ id: webhookEndpoints.id });
    if (!endpoint) return { kind: 'not_found' } as const;
    await audit(tx, { staffId: input.by.id, action: 'webhook.secret_rotated', entity: 'webhook_endpoint', entityId: endpoint.id, details: {}, ip: input.ip, at: now });
    return { kind: 'rotated', secret } as const;
  });
}
