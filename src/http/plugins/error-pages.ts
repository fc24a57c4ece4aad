import type { FastifyError, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { sendErrorPage } from '../views/error-page.js';

/** One error handler for the whole app: Russian pages, nothing internal shown, 5xx logged. */
export const errorPages = fp(async (app: FastifyInstance) => {
  app.setNotFoundHandler((_request, reply) => sendErrorPage(reply, 404));

  app.setErrorHandler((error: FastifyError & { retryAfterSeconds?: number }, request, reply) => {
    const status = statusOf(error);
    if (status >= 500) {
      request.log.error({ err: error }, 'request failed');
    } else {
      request.log.info({ code: error.code, status }, 'request refused');
    }
    if (status === 429 && error.retryAfterSeconds) reply.header('retry-after', String(error.retryAfterSeconds));
    return sendErrorPage(reply, status);
  });
});

function statusOf(error: FastifyError): number {
  if (isDatabaseUnavailable(error)) return 503;
  const status = error.statusCode ?? 500;
  return status >= 400 && status < 600 ? status : 500;
}

/** Connection-level failures (PostgreSQL restarting, network gone) get a "try again" 503. */
function isDatabaseUnavailable(error: unknown): boolean {
  const code = (error as { code?: unknown; cause?: { code?: unknown } }).code ?? (error as { cause?: { code?: unknown } }).cause?.code;
  return ['ECONNREFUSED', 'ECONNRESET', '57P01', '57P03', '08006', '08001'].includes(String(code));
}
