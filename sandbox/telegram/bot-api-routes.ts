import type { FastifyInstance, FastifyReply } from 'fastify';
import { BotApiError, ERRORS } from './errors.js';
import type { UpdatePoller } from './get-updates.js';
import { Params } from './params.js';
import { sendMessage } from './send-message.js';
import type { SandboxState } from './state.js';
import { type MethodResult, deleteWebhook, getWebhookInfo, setWebhook } from './webhook-methods.js';

export interface BotApiDeps {
  state: SandboxState;
  poller: UpdatePoller;
  kickWebhook: () => void;
  acceptLocalUrls: boolean;
  shutdown: AbortSignal;
}

type Method = (params: Params, reply: FastifyReply) => MethodResult | Promise<MethodResult>;

/** Method names are case-insensitive in the Bot API, so the table is keyed in lower case. */
function methods({ state, poller, kickWebhook, acceptLocalUrls, shutdown }: BotApiDeps): Record<string, Method> {
  return {
    // getMe's User has the bot-only fields; the `from` of messages does not.
    getme: () => ({
      result: { ...state.bot, can_join_groups: false, can_read_all_group_messages: false, supports_inline_queries: false, can_connect_to_business: false, has_main_web_app: false },
    }),
    getupdates: async (params, reply) => {
      // The long poll ends when the bot hangs up or the fake closes (the response's 'close' also
      // fires on a dropped connection; the request's fires as soon as its body was read).
      const hangUp = new AbortController();
      reply.raw.once('close', () => hangUp.abort());
      return { result: await poller.getUpdates(params, AbortSignal.any([hangUp.signal, shutdown])) };
    },
    sendmessage: (params) => ({ result: sendMessage(state, params, acceptLocalUrls) }),
    setwebhook: (params) => setWebhook(state, poller, params, kickWebhook),
    deletewebhook: (params) => deleteWebhook(state, params),
    getwebhookinfo: () => getWebhookInfo(state),
  };
}

/** Faults that stand for trouble between the bot and Telegram, applied before the request is even read. */
async function infrastructureFault(state: SandboxState, method: string): Promise<BotApiError | 'dropped' | undefined> {
  const { faults } = state;
  if (faults.down) return 'dropped';
  if (faults.slowMs) await new Promise((resolve) => setTimeout(resolve, faults.slowMs));
  const serverError = faults.serverError;
  if (serverError && state.serverErrorsLeft > 0 && (!serverError.method || serverError.method.toLowerCase() === method)) {
    state.serverErrorsLeft--;
    return ERRORS.serverError(serverError.status ?? 500);
  }
  return undefined;
}

function floodControl(state: SandboxState, method: string): BotApiError | undefined {
  const limit = state.faults.rateLimit;
  if (!limit || method === 'getupdates' || (limit.method && limit.method.toLowerCase() !== method)) return undefined;
  const leftMs = state.rateLimitedUntil - state.now().getTime();
  return leftMs > 0 ? ERRORS.tooManyRequests(Math.max(1, Math.ceil(leftMs / 1000))) : undefined;
}

/**
 * `GET|POST /bot{token}/{method}` (core.telegram.org/bots/api#making-requests). Answers are always
 * JSON `{ ok, result, description? }` or the error shape of errors.ts, with the HTTP status of
 * error_code.
 */
export async function botApiRoutes(app: FastifyInstance, options: BotApiDeps): Promise<void> {
  const { state } = options;
  const table = methods(options);
  const fail = (reply: FastifyReply, error: BotApiError) => reply.code(error.code).send(error.body());

  app.route<{ Params: { botToken: string; method: string } }>({
    method: ['GET', 'POST'],
    url: '/:botToken/:method',
    handler: async (request, reply) => {
      const { botToken } = request.params;
      if (!botToken.startsWith('bot')) return reply.callNotFound();
      const method = request.params.method.toLowerCase();

      const fault = await infrastructureFault(state, method);
      if (fault === 'dropped') {
        reply.hijack();
        request.raw.socket.destroy();
        return reply;
      }
      if (fault) return fail(reply, fault);

      if (botToken !== `bot${state.token}`) return fail(reply, ERRORS.unauthorized());
      const run = table[method];
      if (!run) return fail(reply, ERRORS.notFound());
      const flood = floodControl(state, method);
      if (flood) return fail(reply, flood);

      try {
        const params = new Params(request.query as Record<string, unknown>, request.body);
        const { result, description } = await run(params, reply);
        return reply.send({ ok: true, result, ...(description ? { description } : {}) });
      } catch (error) {
        if (error instanceof BotApiError) return fail(reply, error);
        throw error;
      }
    },
  });
}
