import http from 'node:http';
import https from 'node:https';

// A small client of the Telegram Bot API: the three methods the alerts need (docs/notifications.md).
// Every call is `POST {apiUrl}/bot{token}/{method}` with a JSON body. The token is in the URL path by
// protocol, so no URL is ever logged or put into an error: errors name the method and Telegram's answer.

export interface TelegramUpdate {
  update_id: number;
  message?: { chat: { id: number; type: string }; from?: { id: number; username?: string; first_name?: string }; text?: string };
  my_chat_member?: { chat: { id: number }; new_chat_member: { status: string } };
}

/** What a call came to, sorted by what the caller should do about it. */
export type BotAnswer<T> =
  | { kind: 'ok'; result: T }
  /** 429: wait `retryAfter` seconds, then try again. */
  | { kind: 'rate_limited'; retryAfter: number; description: string }
  /** 403: the person blocked the bot (or left the chat): nothing will get through until they come back. */
  | { kind: 'blocked'; description: string }
  /** 5xx, timeout, no connection: worth retrying later. */
  | { kind: 'unavailable'; description: string }
  /** Any other refusal (400 bad HTML, chat not found, 401 wrong token, 409 another poller): retrying will not help. */
  | { kind: 'refused'; status: number; description: string };

export interface TelegramBot {
  sendMessage(chatId: number, html: string): Promise<BotAnswer<{ message_id: number }>>;
  /** Long poll: answers as soon as there is an update, or after `timeoutSeconds` with none. */
  getUpdates(offset: number | undefined, timeoutSeconds: number): Promise<BotAnswer<TelegramUpdate[]>>;
  /** The bot's @username (for `t.me/<bot>?start=CODE`), asked once; null while Telegram cannot be reached. */
  username(): Promise<string | null>;
  /** Where a person sends `/start CODE` with one tap: `t.me/<bot>?start=CODE`, or the sandbox's page. */
  startLink(code: string): Promise<string | null>;
  /** Aborted by close(): the update loop stops and calls in flight end. */
  readonly closed: AbortSignal;
  close(): void;
}

export interface TelegramBotOptions {
  apiUrl: string;
  token: string;
  /** For every call except the wait of a long poll. */
  timeoutMs?: number;
  /** The sandbox bot's page (development): its `/?start=CODE` stands in for t.me, which cannot reach a fake bot. */
  sandboxPage?: string;
}

export function createTelegramBot(options: TelegramBotOptions): TelegramBot {
  const base = `${options.apiUrl.replace(/\/$/, '')}/bot${options.token}/`;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const lifetime = new AbortController();
  // Our own keep-alive agent: close() destroys its sockets, so nothing of the bot outlives the app.
  const agent = base.startsWith('https:') ? new https.Agent({ keepAlive: true }) : new http.Agent({ keepAlive: true });
  let botName: Promise<string | null> | undefined;

  async function call<T>(method: string, params: Record<string, unknown>, waitMs = 0): Promise<BotAnswer<T>> {
    let response: { status: number; body: string };
    try {
      response = await post(agent, new URL(base + method), JSON.stringify(params), AbortSignal.any([lifetime.signal, AbortSignal.timeout(timeoutMs + waitMs)]));
    } catch (error) {
      return { kind: 'unavailable', description: `${method}: ${connectionProblem(error)}` };
    }
    const body = parseJson<ApiBody<T>>(response.body);
    if (body?.ok === true) return { kind: 'ok', result: body.result };
    const status = body?.error_code ?? response.status;
    const description = body?.description ?? `HTTP ${response.status}`;
    if (status === 429) return { kind: 'rate_limited', retryAfter: Math.max(1, body?.parameters?.retry_after ?? 5), description };
    if (status === 403) return { kind: 'blocked', description };
    if (status >= 500) return { kind: 'unavailable', description: `${method}: ${description}` };
    return { kind: 'refused', status, description };
  }

  const username = () => {
    botName ??= call<{ username?: string }>('getMe', {}).then((answer) => {
      if (answer.kind === 'ok') return answer.result.username ?? null;
      botName = undefined; // ask again next time
      return null;
    });
    return botName;
  };

  return {
    sendMessage: (chatId, html) => call('sendMessage', { chat_id: chatId, text: html, parse_mode: 'HTML', link_preview_options: { is_disabled: true } }),
    getUpdates: (offset, timeoutSeconds) =>
      call('getUpdates', { offset, timeout: timeoutSeconds, allowed_updates: ['message', 'my_chat_member'] }, timeoutSeconds * 1000),
    username,
    async startLink(code) {
      if (options.sandboxPage) return `${options.sandboxPage.replace(/\/$/, '')}/?start=${encodeURIComponent(code)}`;
      const name = await username();
      return name ? `https://t.me/${name}?start=${encodeURIComponent(code)}` : null;
    },
    closed: lifetime.signal,
    close() {
      lifetime.abort();
      agent.destroy();
    },
  };
}

interface ApiBody<T> {
  ok: boolean;
  result: T;
  error_code?: number;
  description?: string;
  parameters?: { retry_after?: number };
}

function parseJson<T>(text: string): T | null {
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}

/** One JSON POST; resolves with the status and the whole body, rejects on a connection problem or the signal. */
function post(agent: http.Agent, url: URL, json: string, signal: AbortSignal): Promise<{ status: number; body: string }> {
  const send = url.protocol === 'https:' ? https.request : http.request;
  return new Promise((resolve, reject) => {
    const request = send(url, { method: 'POST', agent, signal, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(json);
  });
}

/** The request's errors, without anything of the request itself (its URL holds the token). */
function connectionProblem(error: unknown): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return 'no answer in time';
  const code = (error as { code?: string } | null)?.code;
  return `no connection${code ? ` (${code})` : ''}`;
}
