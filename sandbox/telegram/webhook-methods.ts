import { ERRORS, badRequest } from './errors.js';
import type { UpdatePoller } from './get-updates.js';
import type { Params } from './params.js';
import type { SandboxState } from './state.js';

export interface MethodResult {
  result: unknown;
  description?: string;
}

function removeWebhook(state: SandboxState, dropPending: boolean): MethodResult {
  const had = state.webhook !== null;
  state.webhook = null;
  if (dropPending) state.updates = [];
  return { result: true, description: had ? 'Webhook was deleted' : 'Webhook is already deleted' };
}

/**
 * setWebhook (core.telegram.org/bots/api#setwebhook). Unlike the real API, plain http:// and any
 * port are accepted, so a test can point the webhook at a server on loopback; real Telegram wants
 * HTTPS on port 443, 80, 88 or 8443.
 */
export function setWebhook(state: SandboxState, poller: UpdatePoller, params: Params, kick: () => void): MethodResult {
  const url = params.string('url') ?? '';
  if (url === '') return removeWebhook(state, params.bool('drop_pending_updates'));
  if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) throw badRequest('bad webhook: An HTTPS URL must be provided for webhook');

  const secretToken = params.string('secret_token');
  if (secretToken !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(secretToken)) throw badRequest('secret token contains unallowed characters');
  const maxConnections = params.int('max_connections') ?? 40;
  if (maxConnections < 1 || maxConnections > 100) throw badRequest('bad webhook: max_connections must be between 1 and 100');
  const allowed = params.json('allowed_updates');
  if (allowed !== undefined) {
    if (!Array.isArray(allowed) || !allowed.every((kind) => typeof kind === 'string')) throw badRequest("can't parse allowed updates");
    state.allowedUpdates = allowed.length === 0 ? null : allowed;
  }

  const before = state.webhook;
  const same = before !== null && before.url === url && before.secretToken === secretToken && before.maxConnections === maxConnections;
  state.webhook = {
    url,
    maxConnections,
    ...(secretToken !== undefined ? { secretToken } : {}),
    ...(params.string('ip_address') ? { ipAddress: params.string('ip_address') } : {}),
  };
  if (params.bool('drop_pending_updates')) state.updates = [];
  // A bot still long-polling learns at once that it has to stop.
  poller.interrupt(ERRORS.webhookActive());
  kick();
  return { result: true, description: same ? 'Webhook is already set' : 'Webhook was set' };
}

export function deleteWebhook(state: SandboxState, params: Params): MethodResult {
  return removeWebhook(state, params.bool('drop_pending_updates'));
}

export function getWebhookInfo(state: SandboxState): MethodResult {
  const hook = state.webhook;
  return {
    result: {
      url: hook?.url ?? '',
      has_custom_certificate: false,
      pending_update_count: state.updates.length,
      ...(hook
        ? {
            max_connections: hook.maxConnections,
            ...(hook.ipAddress ? { ip_address: hook.ipAddress } : {}),
            ...(hook.lastErrorDate !== undefined ? { last_error_date: hook.lastErrorDate, last_error_message: hook.lastErrorMessage } : {}),
          }
        : {}),
      ...(state.allowedUpdates ? { allowed_updates: state.allowedUpdates } : {}),
    },
  };
}
