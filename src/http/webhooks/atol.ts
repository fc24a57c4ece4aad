import type { FastifyError, FastifyInstance } from 'fastify';
import { noteRegisterCallback } from '../../actions/receipts/note-register-callback.js';
import { atolCallbackUuid } from '../../receipts/atol/callback.js';

/** A report is about 2 KB; anything far larger is not one. */
const BODY_LIMIT = 16 * 1024;

/**
 * `POST /receipts/atol/callback`: ATOL posts a receipt's report here once it is done or failed. The
 * callback is neither signed nor authenticated, so it only makes us read that receipt's report
 * ourselves (queued, at most once per callback); the answer is the same whatever the body named, so it
 * tells a sender nothing. Rate-limited per address; bodies over 16 KB are refused.
 */
export async function atolWebhooks(app: FastifyInstance) {
  const { deps } = app;
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: BODY_LIMIT }, (_request, body, done) => {
    try {
      done(null, JSON.parse(body as string));
    } catch {
      done(null, null); // unreadable: named nothing
    }
  });
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: BODY_LIMIT }, (_request, _body, done) => done(null, null));
  app.setErrorHandler((error: FastifyError, _request, reply) => {
    const status = error.statusCode ?? 500;
    if (status < 400 || status >= 500) throw error;
    return reply.code(status).send({ error: status === 413 ? 'too large' : 'bad request' });
  });

  app.post('/receipts/atol/callback', { config: { rateLimit: { max: 120, timeWindow: '1 minute' } } }, async (request, reply) => {
    await noteRegisterCallback(deps, atolCallbackUuid(request.body));
    return reply.header('cache-control', 'no-store').send({ ok: true });
  });
}
