import { atolTimestamp } from './clock.js';
import type { SandboxContext } from './context.js';
import { serviceError } from './errors.js';
import type { Receipt } from './store.js';

/**
 * The report JSON (docs/atol-protocol.md#report), which is also the callback body. A document still queued is
 * the code-34 answer: HTTP 200, `status: "wait"`, no uuid (as in the captured sample).
 */
export function reportBody(ctx: SandboxContext, receipt: Receipt): Record<string, unknown> {
  const timestamp = atolTimestamp(ctx.clock.nowMs());
  if (receipt.status === 'wait') {
    return { error: serviceError(34), status: 'wait', timestamp, callback_url: receipt.callbackUrl };
  }
  return {
    uuid: receipt.uuid,
    status: receipt.status,
    error: receipt.error,
    payload: receipt.payload,
    timestamp,
    group_code: receipt.groupCode,
    daemon_code: 'sandbox-agent-1',
    device_code: receipt.deviceCode,
    external_id: receipt.externalId,
    callback_url: receipt.callbackUrl,
    warnings: receipt.warnings,
  };
}
