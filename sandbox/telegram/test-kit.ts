import { createTelegramSandbox } from './sandbox.js';
import type { TelegramSandbox, TelegramSandboxOptions } from './types.js';

/**
 * Test harness: a listening fake plus a bare Bot API caller over real HTTP, written here rather
 * than borrowed from any client so the tests read the wire format directly. Not a test file itself.
 */
export const TOKEN = '4242424242:AAH-sandbox_token_for_tests';

export interface ApiAnswer {
  status: number;
  body: { ok: boolean; result?: unknown; description?: string; error_code?: number; parameters?: { retry_after?: number } };
}

export interface Kit {
  sandbox: TelegramSandbox;
  /** POST {url}/bot{token}/{method} with a JSON body (or a form / the query string). */
  call(method: string, params?: Record<string, unknown>, options?: { token?: string; transport?: 'json' | 'form' | 'query'; signal?: AbortSignal }): Promise<ApiAnswer>;
  close(): Promise<void>;
}

export async function startKit(options: Partial<TelegramSandboxOptions> = {}): Promise<Kit> {
  const sandbox = createTelegramSandbox({ token: TOKEN, firstUpdateId: 1000, ...options });
  await sandbox.listen();
  return {
    sandbox,
    async call(method, params = {}, callOptions = {}) {
      const url = `${sandbox.url}/bot${callOptions.token ?? TOKEN}/${method}`;
      const transport = callOptions.transport ?? 'json';
      const flat = () => new URLSearchParams(Object.entries(params).map(([key, value]) => [key, typeof value === 'string' ? value : JSON.stringify(value)]));
      const response =
        transport === 'query'
          ? await fetch(`${url}?${flat().toString()}`, { signal: callOptions.signal ?? null })
          : await fetch(url, {
              method: 'POST',
              headers: { 'content-type': transport === 'json' ? 'application/json' : 'application/x-www-form-urlencoded' },
              body: transport === 'json' ? JSON.stringify(params) : flat().toString(),
              signal: callOptions.signal ?? null,
            });
      return { status: response.status, body: (await response.json()) as ApiAnswer['body'] };
    },
    close: () => sandbox.close(),
  };
}

export const ANNA = { id: 5550001, firstName: 'Анна', username: 'anna_manager' };
