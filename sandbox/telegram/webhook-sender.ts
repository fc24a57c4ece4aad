import type { SandboxState, Webhook } from './state.js';
import type { Update } from './types.js';

/**
 * Delivers queued updates to the webhook, oldest first, one at a time: an HTTP POST of the Update
 * as JSON, with X-Telegram-Bot-Api-Secret-Token when a secret_token was set. Any 2XX answer
 * confirms the update; anything else is recorded as the webhook's last error and tried again after
 * a pause, as the real API does "a reasonable number of times" (here: until it works or the webhook
 * goes away).
 */
export class WebhookSender {
  private running = false;

  constructor(
    private readonly state: SandboxState,
    private readonly options: { retryMs: number; timeoutMs: number; shutdown: AbortSignal },
  ) {}

  /** Starts the delivery loop if it is not running already. */
  kick(): void {
    if (this.running || this.options.shutdown.aborted) return;
    this.running = true;
    void this.run().finally(() => {
      this.running = false;
    });
  }

  private async run(): Promise<void> {
    const { state, options } = this;
    while (!options.shutdown.aborted) {
      const hook = state.webhook;
      const update = state.updates[0];
      if (!hook || !update) return;
      const error = await this.deliver(hook, update);
      if (state.webhook !== hook) continue;
      if (error === undefined) {
        state.updates = state.updates.filter((queued) => queued.update_id !== update.update_id);
        continue;
      }
      hook.lastErrorDate = state.unixNow();
      hook.lastErrorMessage = error;
      await pause(options.retryMs, options.shutdown);
    }
  }

  /** Undefined when the webhook took the update; otherwise the error as getWebhookInfo words it. */
  private async deliver(hook: Webhook, update: Update): Promise<string | undefined> {
    const { state, options } = this;
    const record = { url: hook.url, updateId: update.update_id, at: state.now(), ...(hook.secretToken ? { secretToken: hook.secretToken } : {}) };
    try {
      const response = await fetch(hook.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(hook.secretToken ? { 'x-telegram-bot-api-secret-token': hook.secretToken } : {}) },
        body: JSON.stringify(update),
        redirect: 'manual',
        signal: AbortSignal.any([AbortSignal.timeout(options.timeoutMs), options.shutdown]),
      });
      await response.arrayBuffer();
      if (response.status >= 200 && response.status < 300) {
        state.deliveries.push({ ...record, httpStatus: response.status });
        return undefined;
      }
      const error = `Wrong response from the webhook: ${response.status} ${response.statusText}`.trim();
      state.deliveries.push({ ...record, httpStatus: response.status, error });
      return error;
    } catch (caught) {
      const error = caught instanceof Error && caught.name === 'TimeoutError' ? 'Read timeout expired' : 'Connection refused';
      if (!options.shutdown.aborted) state.deliveries.push({ ...record, httpStatus: null, error });
      return error;
    }
  }
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done);
  });
}
