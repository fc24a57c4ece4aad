import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { applyPaymentEvents, type PaymentMessage } from '../../actions/payments/apply-payment-events.js';
import { checkPayment } from '../../actions/payments/check-payment.js';
import { createBatcher } from './batcher.js';
import { createFailureLimit } from './failure-limit.js';
import { callbackAnswer, readCheckCallback, readResultCallback, type CallbackScript } from '../../payments/freedompay/callbacks.js';

/** Every callback body, whatever its type: far above a real callback (about 2 KB), far below harm. */
const BODY_LIMIT = 64 * 1024;
/** Refused callbacks one address may send per minute before it is answered 429 (valid ones never count). */
const FAILURES_PER_MINUTE = 20;

/**
 * Gateway callbacks: verify the signature on the fields as received, act, answer signed XML.
 * No CSRF here: the signature is the authentication. Bodies are read raw so that field order and
 * bracket names reach the signature check untouched.
 */
export async function freedomPayWebhooks(app: FastifyInstance) {
  const { deps } = app;
  const secret = deps.gateway.settings.secretKey;
  // Callbacks that arrive together are applied in one transaction (a few at a time per pool).
  const apply = createBatcher((messages: PaymentMessage[]) => applyPaymentEvents(deps, messages), { maxBatch: 50, concurrency: 4 });
  const failures = createFailureLimit({ max: FAILURES_PER_MINUTE, windowMs: 60_000, maxAddresses: 10_000 });

  // One limit for every body type: multipart and unknown types are buffered like the rest, never streamed.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(['application/x-www-form-urlencoded', 'text/xml', 'application/xml'], { parseAs: 'string', bodyLimit: BODY_LIMIT }, (_request, body, done) => done(null, body));
  app.addContentTypeParser('multipart/form-data', { parseAs: 'buffer', bodyLimit: BODY_LIMIT }, (_request, body, done) => done(null, body));
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: BODY_LIMIT }, (_request, body, done) => done(null, body));

  /** The signed answer; `outcome` (metrics) tells a refused message (bad signature, unreadable) from our own error. */
  const answer = (reply: FastifyReply, script: CallbackScript, status: 'ok' | 'rejected' | 'error', description: string, salt: string | null, outcome: string = status) => {
    app.metrics.callbacks.inc({ callback: script, outcome });
    return reply.header('cache-control', 'no-store').type('text/xml; charset=utf-8').send(callbackAnswer(script, status, description, salt, secret));
  };

  /** A refused callback: a signed error, or 429 once its address has sent too many. */
  const refuse = (request: FastifyRequest, reply: FastifyReply, script: CallbackScript, reason: string, salt: string | null, httpStatus = 200) => {
    if (failures.fail(request.ip)) {
      reply.code(429).header('retry-after', String(failures.retryAfterSeconds(request.ip)));
      return answer(reply, script, 'error', 'Слишком много неверных запросов', null, 'throttled');
    }
    request.log.warn({ reason }, `${script} callback refused`);
    return answer(reply.code(httpStatus), script, 'error', reason === 'unreadable' ? 'Запрос не разобран' : 'Неверная подпись', salt, 'refused');
  };

  // Errors before the handler (a body too large, a broken one): the same signed answer, never an HTML page.
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status < 400 || status >= 500) throw error; // ours, not the sender's: the app's handler logs it
    return refuse(request, reply, scriptOf(request), 'unreadable', null, status);
  });

  const result = async (request: FastifyRequest, reply: FastifyReply) => {
    const pairs = await callbackPairs(request);
    const message = pairs ? readResultCallback(pairs, secret) : null;
    if (!message?.valid) return refuse(request, reply, 'result', message?.reason ?? 'unreadable', message?.salt ?? null);
    const applied = await apply({ event: message.event, source: 'callback' });
    if (applied.kind === 'unknown_attempt') {
      request.log.warn({ gatewayPaymentId: message.event.gatewayPaymentId }, 'result callback for an unknown payment');
      return answer(reply, 'result', 'error', 'Заказ не найден', message.salt);
    }
    const description = applied.answer === 'ok' ? 'Оплата принята' : 'Платёж отклонён магазином';
    return answer(reply, 'result', applied.answer, description, message.salt);
  };

  const check = async (request: FastifyRequest, reply: FastifyReply) => {
    const pairs = await callbackPairs(request);
    const message = pairs ? readCheckCallback(pairs, secret) : null;
    if (!message?.valid) return refuse(request, reply, 'check', message?.reason ?? 'unreadable', message?.salt ?? null);
    const verdict = await checkPayment(deps, message.check);
    return answer(reply, 'check', verdict, verdict === 'ok' ? 'Платёж разрешён' : 'Заказ нельзя оплатить', message.salt);
  };

  app.route({ method: ['GET', 'POST'], url: '/payments/freedompay/result', handler: result });
  app.route({ method: ['GET', 'POST'], url: '/payments/freedompay/check', handler: check });
}

const scriptOf = (request: FastifyRequest): CallbackScript => (request.url.startsWith('/payments/freedompay/check') ? 'check' : 'result');

/**
 * The callback's fields in arrival order: query string, urlencoded or multipart body, or a raw XML
 * body. Null when the body is of another type or cannot be read.
 */
async function callbackPairs(request: FastifyRequest): Promise<[string, string][] | null> {
  if (request.method === 'GET') {
    const query = request.url.indexOf('?');
    return query < 0 ? [] : [...new URLSearchParams(request.url.slice(query + 1))];
  }
  const type = (request.headers['content-type'] ?? '').toLowerCase();
  const body = request.body;
  if (typeof body === 'string') return /xml/.test(type) ? [['pg_xml', body]] : [...new URLSearchParams(body)];
  if (Buffer.isBuffer(body) && type.startsWith('multipart/form-data')) return multipartPairs(body, type);
  return null;
}

/** Multipart fields by the platform's own parser, from the already limited body; files are not expected. */
async function multipartPairs(body: Buffer, contentType: string): Promise<[string, string][] | null> {
  try {
    const form = await new Response(new Uint8Array(body), { headers: { 'content-type': contentType } }).formData();
    const pairs: [string, string][] = [];
    for (const [name, value] of form) {
      if (typeof value !== 'string') return null;
      pairs.push([name, value]);
    }
    return pairs;
  } catch {
    return null;
  }
}
