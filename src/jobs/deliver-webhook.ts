import { and, eq, sql } from 'drizzle-orm';
import type { Deps } from '../app-deps.js';
import { webhookDeliveries, webhookEndpoints, webhookEvents } from '../db/schema/index.js';
import { webhookBody } from '../domain/webhooks/webhook-events.js';
import type { JobPayloads } from '../queue.js';
import { openSecret } from '../staff/secret-box.js';
import { postWebhook, type PostOutcome } from '../webhooks/post-webhook.js';
import { SIGNATURE_HEADER, signatureHeader } from '../webhooks/signature.js';

/** The parts of a pg-boss job (`work` with `includeMetadata`) delivery looks at. */
export interface WebhookDeliveryJob {
  data: JobPayloads['webhooks.deliver'];
  /** 0 on the first run, n on the n-th retry. */
  retryCount: number;
  retryLimit: number;
}

export type WebhookDeliveryOutcome = 'delivered' | 'already_done' | 'cancelled' | 'missing';

/**
 * Sends one delivery, signed with its endpoint's current secret and the time of this attempt. Safe to
 * run twice: a delivery no longer queued is left alone (and a request that reached the endpoint just
 * before a crash is sent again with the same X-Uslugi-Delivery, which receivers deduplicate by). Any
 * answer but 2xx is recorded and rethrown so pg-boss retries with backoff; the last retry marks it failed.
 */
export async function deliverWebhook(deps: Pick<Deps, 'db' | 'clock' | 'log' | 'config'>, job: WebhookDeliveryJob): Promise<WebhookDeliveryOutcome> {
  const { deliveryId } = job.data;
  const [row] = await deps.db
    .select({ delivery: webhookDeliveries, event: webhookEvents, endpoint: webhookEndpoints })
    .from(webhookDeliveries)
    .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(eq(webhookDeliveries.id, deliveryId));
  if (!row) {
    deps.log.warn({ deliveryId }, 'webhook delivery not found');
    return 'missing';
  }
  const { delivery, event, endpoint } = row;
  const stillQueued = and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.status, 'queued'));
  if (delivery.status !== 'queued') return 'already_done';
  // Switched off after the event: the endpoint gets nothing more until it is switched on again.
  if (!endpoint.enabled) {
    await deps.db.update(webhookDeliveries).set({ status: 'cancelled', lastError: 'получатель отключён' }).where(stillQueued);
    return 'cancelled';
  }

  const body = webhookBody(event);
  const at = deps.clock.now();
  const secret = readableSecret(deps.config.APP_SECRET, endpoint.sealedSecret);
  const outcome: PostOutcome =
    secret === null
      ? // APP_SECRET was changed: nothing can be signed until an admin gives the endpoint a new secret.
        { kind: 'no_answer', error: 'секрет не читается (сменился APP_SECRET): нажмите «Сменить секрет»', durationMs: 0 }
      : await postWebhook(endpoint.url, body, {
          [SIGNATURE_HEADER]: signatureHeader(secret, body, at),
          'X-Uslugi-Event': event.type,
          'X-Uslugi-Delivery': delivery.id,
        });
  const answered = outcome.kind === 'answered';
  const ok = answered && outcome.status >= 200 && outcome.status < 300;
  const attempt = {
    attempts: sql`${webhookDeliveries.attempts} + 1`,
    lastAttemptAt: at,
    responseStatus: answered ? outcome.status : null,
    responseBody: answered ? outcome.body : null,
    durationMs: outcome.durationMs,
  };
  // The log names the delivery and the endpoint, never the body: it carries our customers' data.
  const facts = { deliveryId, endpointId: endpoint.id, event: event.type, status: answered ? outcome.status : null, durationMs: outcome.durationMs };
  if (ok) {
    await deps.db.update(webhookDeliveries).set({ ...attempt, status: 'delivered', deliveredAt: deps.clock.now(), lastError: null }).where(stillQueued);
    deps.log.info(facts, 'webhook delivered');
    return 'delivered';
  }
  const error = answered ? (outcome.status >= 300 && outcome.status < 400 ? `HTTP ${outcome.status}: перенаправления не выполняются` : `HTTP ${outcome.status}`) : outcome.error;
  const last = job.retryCount >= job.retryLimit;
  await deps.db.update(webhookDeliveries).set({ ...attempt, status: last ? 'failed' : 'queued', lastError: error }).where(stillQueued);
  deps.log.warn({ ...facts, retryCount: job.retryCount, error, final: last }, last ? 'webhook delivery failed for good' : 'webhook delivery failed, will retry');
  throw new Error(`Webhook delivery ${deliveryId}: ${error}`);
}

function readableSecret(appSecret: string, sealed: string): string | null {
  try {
    return openSecret(appSecret, sealed, 'webhook secret');
  } catch {
    return null;
  }
}
