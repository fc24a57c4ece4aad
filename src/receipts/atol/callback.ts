// ATOL's callback (docs/atol-protocol.md#callback): after done/fail it POSTs the report JSON to
// service.callback_url. It is neither signed nor authenticated, so it is only a hint: take the uuid
// from it and read the state with report(uuid), which is authenticated.

/** The document uuid a callback is about, or null when the body is not an ATOL report. */
export function atolCallbackUuid(body: unknown): string | null {
  if (typeof body !== 'object' || body === null) return null;
  const uuid = (body as { uuid?: unknown }).uuid;
  return typeof uuid === 'string' && /^[A-Za-z0-9-]{1,128}$/.test(uuid) ? uuid : null;
}
