import { type Field, type Fields, fieldsFromQuery, toQuery } from './fields.js';
import { scriptNameOf, signed, verify } from './signature.js';
import type { CallbackMethod } from './store.js';
import { buildXml, parseXml } from './xml.js';

/**
 * One gateway → merchant call (check or result) and the reading of its answer
 * (docs/freedompay-protocol.md#callback-transport): signed with the last path segment of the merchant's URL,
 * sent as GET query, POST form, or a POST form with one `pg_xml` field; the answer is an XML <response> signed
 * with the same script.
 */
export interface CallbackRequest {
  url: string;
  method: CallbackMethod;
  /** The message without pg_salt/pg_sig. */
  fields: Fields;
  secret: string;
  corruptSignature: boolean;
  timeoutMs: number;
  shutdown: AbortSignal;
}

export interface CallbackAnswer {
  httpStatus: number | null;
  /** pg_status of the answer as received (even if the signature was bad, for the record). */
  status: string | null;
  description?: string;
  /** Set when the answer does not count: timeout, network error, non-200, unparsable, bad signature. */
  error?: string;
}

export async function sendCallback(request: CallbackRequest): Promise<CallbackAnswer> {
  const script = scriptNameOf(request.url);
  const target = new URL(request.url);
  let body: string | undefined;
  if (request.method === 'GET') {
    // The receiver sees the URL's own query parameters too, so they are signed with ours
    // (docs/freedompay-protocol.md#signature-edge-cases: "sign exactly what it sends"); keep callback URLs free
    // of query strings to avoid the question.
    const all: Field[] = [...fieldsFromQuery(target.search), ...request.fields];
    target.search = toQuery(signed(script, all, request.secret, { corrupt: request.corruptSignature }));
  } else {
    const message = signed(script, request.fields, request.secret, { corrupt: request.corruptSignature });
    body = request.method === 'XML' ? new URLSearchParams({ pg_xml: buildXml('request', message) }).toString() : toQuery(message);
  }

  let response: Response;
  let text: string;
  try {
    response = await fetch(target, {
      method: request.method === 'GET' ? 'GET' : 'POST',
      headers: body === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      body,
      redirect: 'manual',
      signal: AbortSignal.any([AbortSignal.timeout(request.timeoutMs), request.shutdown]),
    });
    text = await response.text();
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    return { httpStatus: null, status: null, error: name === 'TimeoutError' ? 'timeout' : `network error: ${describe(error)}` };
  }

  if (response.status !== 200) return { httpStatus: response.status, status: null, error: `HTTP ${response.status}` };
  const parsed = parseXml(text.trim());
  if (!parsed || parsed.root !== 'response') return { httpStatus: 200, status: null, error: 'unparsable answer' };
  const status = pick(parsed.fields, 'pg_status') ?? null;
  const description = pick(parsed.fields, 'pg_description') ?? pick(parsed.fields, 'pg_error_description');
  const answer: CallbackAnswer = { httpStatus: 200, status, ...(description !== undefined ? { description } : {}) };
  if (!verify(script, parsed.fields, request.secret)) return { ...answer, error: 'bad signature' };
  return answer;
}

function pick(fields: Fields, name: string): string | undefined {
  const value = fields.find(([n]) => n === name)?.[1];
  return typeof value === 'string' ? value : undefined;
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: unknown }).cause;
    return cause instanceof Error ? cause.message : error.message;
  }
  return String(error);
}
