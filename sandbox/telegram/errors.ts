/**
 * Bot API failures: `{ ok: false, error_code, description, parameters? }` with the HTTP status equal
 * to error_code (core.telegram.org/bots/api#making-requests). Descriptions are the API's own
 * wording, because clients match on them ("bot was blocked by the user", "chat not found").
 */
export class BotApiError extends Error {
  constructor(
    readonly code: number,
    readonly description: string,
    readonly parameters?: { retry_after?: number; migrate_to_chat_id?: number },
  ) {
    super(description);
  }

  body(): { ok: false; error_code: number; description: string; parameters?: { retry_after?: number } } {
    return { ok: false, error_code: this.code, description: this.description, ...(this.parameters ? { parameters: this.parameters } : {}) };
  }
}

export const badRequest = (what: string) => new BotApiError(400, `Bad Request: ${what}`);

export const ERRORS = {
  unauthorized: () => new BotApiError(401, 'Unauthorized'),
  notFound: () => new BotApiError(404, 'Not Found'),
  chatNotFound: () => badRequest('chat not found'),
  blocked: () => new BotApiError(403, 'Forbidden: bot was blocked by the user'),
  textEmpty: () => badRequest('message text is empty'),
  textTooLong: () => badRequest('message is too long'),
  cantParse: (detail: string) => badRequest(`can't parse entities: ${detail}`),
  webhookActive: () => new BotApiError(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first"),
  otherGetUpdates: () => new BotApiError(409, 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running'),
  tooManyRequests: (retryAfter: number) => new BotApiError(429, `Too Many Requests: retry after ${retryAfter}`, { retry_after: retryAfter }),
  serverError: (status: number) => new BotApiError(status, status === 502 ? 'Bad Gateway' : 'Internal Server Error'),
} as const;
