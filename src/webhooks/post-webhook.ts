// One POST to a CRM's endpoint. Whatever the endpoint does, the worker is not held: 10 s for the
// whole exchange, redirects are not followed (a 3xx is an answer, and a failure: a redirect could
// lead the signed body and our customers' data to another host), and at most 1 KB of the answer is
// read and kept for the delivery log.

export const WEBHOOK_TIMEOUT_MS = 10_000;
export const RESPONSE_KEEP_BYTES = 1024;

export type PostOutcome =
  | { kind: 'answered'; status: number; body: string; durationMs: number }
  | { kind: 'no_answer'; error: string; durationMs: number };

export async function postWebhook(url: string, body: string, headers: Record<string, string>, options: { timeoutMs?: number; now?: () => number } = {}): Promise<PostOutcome> {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const elapsed = () => Math.round(now() - started);
  const timeoutMs = options.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', 'user-agent': 'uslugi-webhooks/1', ...headers },
      body,
      redirect: 'manual',
      signal,
    });
    const answer = await readCapped(response, RESPONSE_KEEP_BYTES);
    return { kind: 'answered', status: response.status, body: answer, durationMs: elapsed() };
  } catch (error) {
    return { kind: 'no_answer', error: signal.aborted ? `нет ответа за ${timeoutMs / 1000} с` : describe(error), durationMs: elapsed() };
  }
}

/** Reads the first `limit` bytes of the answer and drops the rest unread (a huge answer costs nothing). */
async function readCapped(response: Response, limit: number): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < limit) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
  const bytes = Buffer.concat(chunks).subarray(0, limit);
  // A cut in the middle of a UTF-8 character shows as one replacement character, which is fine for a log.
  return bytes.toString('utf8');
}

function describe(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const code = (cause as { code?: unknown })?.code;
  const message = cause instanceof Error ? cause.message : String(cause);
  return typeof code === 'string' ? `${code}: ${message}` : message;
}
