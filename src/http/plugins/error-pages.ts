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
  // Drizzle wraps the driver's error in `cause`: look down the chain.
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const { code, message, cause } = current as { code?: unknown; message?: unknown; cause?: unknown };
    if (unavailableCodes.has(String(code)) || String(code).startsWith('08')) return true;
    // node-postgres reports a client whose connection died without a code.
    if (typeof message === 'string' && deadClientMessages.some((text) => message.startsWith(text))) return true;
    current = cause;
  }
  return false;
}

// Network errors, and PostgreSQL shutting down, crashing, starting up (SQLSTATE class 08 is the rest).
const unavailableCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', '57P01', '57P02', '57P03']);
const deadClientMessages = ['Connection terminated', 'Client has encountered a connection error', 'timeout exceeded when trying to connect'];
