import { BotApiError, ERRORS } from './errors.js';
import type { Params } from './params.js';
import type { SandboxState } from './state.js';
import type { Update } from './types.js';

interface Waiting {
  finish: (outcome: Update[] | BotApiError) => void;
}

/**
 * getUpdates with long polling (core.telegram.org/bots/api#getupdates). One bot has one update
 * queue: an offset confirms (drops) every update below it, a negative offset keeps only the last
 * -offset ones, and a second getUpdates ends the one still waiting with 409, as happens when two
 * copies of a bot poll with the same token.
 */
export class UpdatePoller {
  private waiting: Waiting | null = null;

  constructor(private readonly state: SandboxState) {}

  async getUpdates(params: Params, signal: AbortSignal): Promise<Update[]> {
    const { state } = this;
    if (state.webhook) throw ERRORS.webhookActive();
    this.interrupt(ERRORS.otherGetUpdates());

    const offset = params.int('offset');
    if (offset !== undefined && offset < 0) state.updates = state.updates.slice(offset);
    else if (offset !== undefined && offset !== 0) state.updates = state.updates.filter((update) => update.update_id >= offset);

    const allowed = params.json('allowed_updates');
    if (allowed !== undefined) {
      if (!Array.isArray(allowed) || !allowed.every((kind) => typeof kind === 'string')) throw new BotApiError(400, "Bad Request: can't parse allowed updates");
      state.allowedUpdates = allowed.length === 0 ? null : allowed;
    }
    const limit = Math.min(100, Math.max(1, params.int('limit') ?? 100));
    const timeoutSeconds = Math.max(0, params.int('timeout') ?? 0);

    if (state.updates.length > 0 || timeoutSeconds === 0 || signal.aborted) return state.updates.slice(0, limit);

    const outcome = await new Promise<Update[] | BotApiError>((resolve) => {
      const finish = (value: Update[] | BotApiError) => {
        clearTimeout(timer);
        stopListening();
        signal.removeEventListener('abort', onAbort);
        if (this.waiting === waiting) this.waiting = null;
        resolve(value);
      };
      const waiting: Waiting = { finish };
      const onAbort = () => finish([]);
      const timer = setTimeout(() => finish([]), timeoutSeconds * 1000);
      const stopListening = state.onUpdate(() => finish(state.updates.slice(0, limit)));
      signal.addEventListener('abort', onAbort);
      this.waiting = waiting;
    });
    if (outcome instanceof BotApiError) throw outcome;
    return outcome;
  }

  /** Ends a waiting long poll with this error (another getUpdates, a webhook being set). */
  interrupt(error: BotApiError): void {
    this.waiting?.finish(error);
  }

  /** On close: a waiting poll answers an empty list rather than hanging up. */
  release(): void {
    this.waiting?.finish([]);
  }
}
