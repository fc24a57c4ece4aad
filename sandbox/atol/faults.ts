import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { atolTimestamp } from './clock.js';
import type { SandboxContext } from './context.js';
import { serviceAnswer } from './errors.js';
import type { AtolFaults } from './types.js';

export const NO_FAULTS: AtolFaults = {
  down: false,
  downForMs: null,
  slowMs: 0,
  serverError: 0,
  serverErrorStatus: 500,
  dropAfterRegister: 0,
  failNext: null,
  stuckInWait: false,
  dropCallbacks: false,
};

const PROXY_PAGES: Record<number, string> = { 502: 'Bad Gateway', 503: 'Service Temporarily Unavailable', 504: 'Gateway Time-out' };

/**
 * Transport faults of the API (/possystem/…), applied before any route: down (the connection is
 * closed unanswered) and 5xx — 500 as ATOL's own JSON code 50, 502–504 as the bare HTML page
 * a proxy in front would send (docs/atol-protocol.md#http-statuses). The receipts page and /sandbox/ controls are spared,
 * except with down 'refuse', where the port itself is closed. Slow answers: `slowAnswerHook`.
 */
export function faultHook(ctx: SandboxContext) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const faults = ctx.faults;
    if (faults.down === 'refuse' || (faults.down === 'reset' && request.url.startsWith('/possystem/'))) {
      // A kept-alive connection opened before the switch still reaches us: cut it too.
      request.raw.socket.destroy();
      return reply.hijack();
    }
    if (!request.url.startsWith('/possystem/')) return;
    if (faults.serverError > 0) {
      faults.serverError -= 1;
      const status = faults.serverErrorStatus;
      if (status === 500) {
        const answer = serviceAnswer(50, atolTimestamp(ctx.clock.nowMs()));
        return reply.code(500).type('application/json; charset=utf-8').send(answer.body);
      }
      const title = `${status} ${PROXY_PAGES[status] ?? 'Server Error'}`;
      return reply.code(status).type('text/html').send(`<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n</body>\r\n</html>\r\n`);
    }
  };
}

/**
 * The slow fault, applied to the answer once the work is done: a document is registered on arrival and
 * its answer comes `slowMs` later, so a caller that gives up or dies meanwhile leaves it registered
 * without knowing (the case a resend under the same external_id must settle).
 */
export function slowAnswerHook(ctx: SandboxContext) {
  return async (request: FastifyRequest) => {
    const slowMs = ctx.faults.slowMs;
    if (slowMs > 0 && request.url.startsWith('/possystem/')) await sleep(slowMs, undefined, { signal: ctx.shutdown }).catch(() => undefined);
  };
}
