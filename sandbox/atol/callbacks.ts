import { type SandboxContext, track } from './context.js';
import { reportBody } from './report.js';
import type { Receipt } from './store.js';

/**
 * After done/fail ATOL POSTs the report JSON to service.callback_url (docs/atol-protocol.md#callback). No signature
 * is documented, nor a retry policy (UNVERIFIED): by default one attempt; retries, a delay and
 * dropping are switches. A callback_url failing ATOL's mask got a warning at registration and
 * gets no callback.
 */
export function scheduleCallback(ctx: SandboxContext, receipt: Receipt): void {
  const { callbacks } = ctx.settings;
  if (!callbacks.enabled || receipt.callbackUrl === '' || receipt.warnings || ctx.faults.dropCallbacks) return;
  const attempt = (number: number) => async () => {
    const ok = await deliver(ctx, receipt, number);
    if (!ok && number <= callbacks.retries) ctx.later.push({ dueMs: ctx.clock.nowMs() + callbacks.retryIntervalMs, run: attempt(number + 1) });
  };
  if (callbacks.delayMs > 0) ctx.later.push({ dueMs: ctx.clock.nowMs() + callbacks.delayMs, run: attempt(1) });
  else track(ctx, attempt(1)());
}

async function deliver(ctx: SandboxContext, receipt: Receipt, attempt: number): Promise<boolean> {
  const at = new Date(ctx.clock.nowMs()).toISOString();
  const body = reportBody(ctx, receipt);
  let httpStatus: number | null = null;
  let error: string | undefined;
  try {
    const response = await fetch(receipt.callbackUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify(body),
      redirect: 'manual',
      signal: AbortSignal.any([AbortSignal.timeout(ctx.settings.callbacks.timeoutMs), ctx.shutdown]),
    });
    httpStatus = response.status;
    await response.arrayBuffer();
    if (response.status < 200 || response.status > 299) error = `HTTP ${response.status}`;
  } catch (caught) {
    error = caught instanceof Error && caught.name === 'TimeoutError' ? 'timeout' : `network error: ${describe(caught)}`;
  }
  ctx.deliveries.push({ uuid: receipt.uuid, url: receipt.callbackUrl, attempt, status: receipt.status, httpStatus, at, ...(error ? { error } : {}) });
  ctx.log.info({ uuid: receipt.uuid, attempt, httpStatus, error }, 'callback delivered');
  return error === undefined;
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: unknown }).cause;
    return cause instanceof Error ? cause.message : error.message;
  }
  return String(error);
}
