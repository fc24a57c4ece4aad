import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { applyPaymentEvents, type PaymentMessage } from '../../actions/payments/apply-payment-events.js';
import { checkPayment } from '../../actions/payments/check-payment.js';
import { createBatcher } from './batcher.js';
import { callbackAnswer, readCheckCallback, readResultCallback, type CallbackScript } from '../../payments/freedompay/callbacks.js';

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

  app.removeContentTypeParser('application/x-www-form-urlencoded');
  app.addContentTypeParser(['application/x-www-form-urlencoded', 'text/xml', 'application/xml'], { parseAs: 'string', bodyLimit: 64 * 1024 }, (_request, body, done) => done(null, body));
  await app.register(multipart, { limits: { fieldSize: 64 * 1024, fields: 200, files: 0 } });

  const answer = (reply: FastifyReply, script: CallbackScript, status: 'ok' | 'rejected' | 'error', description: string, salt: string | null) =>
    reply.header('cache-control', 'no-store').type('text/xml; charset=utf-8').send(callbackAnswer(script, status, description, salt, secret));

  const result = async (request: FastifyRequest, reply: FastifyReply) => {
    const message = readResultCallback(await callbackPairs(request), secret);
    if (!message.valid) {
      request.log.warn('result callback with a bad signature refused');
      return answer(reply, 'result', 'error', 'Неверная подпись', message.salt);
    }
    const applied = await apply({ event: message.event, source: 'callback' });
    if (applied.kind === 'unknown_attempt') {
      request.log.warn({ gatewayPaymentId: message.event.gatewayPaymentId }, 'result callback for an unknown payment');
      return answer(reply, 'result', 'error', 'Заказ не найден', message.salt);
    }
    const description = applied.answer === 'ok' ? 'Оплата принята' : 'Платёж отклонён магазином';
    return answer(reply, 'result', applied.answer, description, message.salt);
  };

  const check = async (request: FastifyRequest, reply: FastifyReply) => {
    const message = readCheckCallback(await callbackPairs(request), secret);
    if (!message.valid) return answer(reply, 'check', 'error', 'Неверная подпись', message.salt);
    const verdict = await checkPayment(deps, message.check);
    return answer(reply, 'check', verdict, verdict === 'ok' ? 'Платёж разрешён' : 'Заказ нельзя оплатить', message.salt);
  };

  app.route({ method: ['GET', 'POST'], url: '/payments/freedompay/result', handler: result });
  app.route({ method: ['GET', 'POST'], url: '/payments/freedompay/check', handler: check });
}

/** The callback's fields in arrival order: query string, urlencoded or multipart body, or a raw XML body. */
async function callbackPairs(request: FastifyRequest): Promise<[string, string][]> {
  if (request.method === 'GET') return [...new URLSearchParams(request.url.split('?')[1] ?? '')];
  if (request.isMultipart()) {
    const pairs: [string, string][] = [];
    for await (const part of request.parts()) if (part.type === 'field') pairs.push([part.fieldname, String(part.value)]);
    return pairs;
  }
  const body = typeof request.body === 'string' ? request.body : '';
  if (/xml/.test(request.headers['content-type'] ?? '')) return [['pg_xml', body]];
  return [...new URLSearchParams(body)];
}
