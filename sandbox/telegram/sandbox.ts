import { randomInt } from 'node:crypto';
import { buildApp } from './app.js';
import type { PeopleActions } from './control-routes.js';
import { UpdatePoller } from './get-updates.js';
import { blockBot, unblockBot, userWrites } from './people.js';
import { SandboxState } from './state.js';
import type { PersonView, TelegramFaults, TelegramSandbox, TelegramSandboxOptions } from './types.js';
import { WebhookSender } from './webhook-sender.js';

const TOKEN = /^(\d{1,20}):[A-Za-z0-9_-]{10,}$/;

/** A fake Bot API with its own state and Fastify app; nothing is shared between instances. */
export function createTelegramSandbox(options: TelegramSandboxOptions): TelegramSandbox {
  const tokenMatch = TOKEN.exec(options.token);
  if (!tokenMatch) throw new Error('createTelegramSandbox: token must look like a Bot API token, "<bot id>:<at least 10 of A-Z a-z 0-9 _ ->"');
  const bot = {
    id: Number(tokenMatch[1]),
    is_bot: true,
    first_name: options.botName ?? 'Услуги (песочница)',
    username: options.botUsername ?? 'uslugi_sandbox_bot',
  };
  const state = new SandboxState(bot, options.token, options.clock ?? (() => new Date()), options.firstUpdateId ?? randomInt(100_000_000, 900_000_000));
  const shutdown = new AbortController();
  const poller = new UpdatePoller(state);
  const sender = new WebhookSender(state, { retryMs: options.webhookRetryMs ?? 1000, timeoutMs: options.webhookTimeoutMs ?? 10_000, shutdown: shutdown.signal });
  state.onUpdate(() => sender.kick());

  const setFaults = (faults: TelegramFaults) => {
    state.faults = structuredClone(faults);
    state.serverErrorsLeft = faults.serverError?.count ?? 0;
    state.rateLimitedUntil = faults.rateLimit ? state.now().getTime() + faults.rateLimit.retryAfter * 1000 : 0;
  };
  const people: PeopleActions = {
    userWrites: (person, text) => userWrites(state, person, text),
    blockBot: (userId) => blockBot(state, userId),
    unblockBot: (userId) => unblockBot(state, userId),
    setFaults,
  };
  const app = buildApp({ state, poller, kickWebhook: () => sender.kick(), acceptLocalUrls: options.acceptLocalButtonUrls ?? false, shutdown: shutdown.signal, people, logger: options.logger });
  let listenUrl: string | undefined;

  const sandbox: TelegramSandbox = {
    token: options.token,
    get url() {
      if (listenUrl === undefined) throw new Error('Telegram sandbox is not listening yet: call listen() first');
      return listenUrl;
    },

    async listen(port = 0, host = '127.0.0.1') {
      await app.listen({ port, host });
      const address = app.server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
      listenUrl = `http://${shownHost}:${actualPort}`;
      return listenUrl;
    },

    async close() {
      shutdown.abort();
      poller.release();
      await app.close();
    },

    userWrites: people.userWrites,
    blockBot: people.blockBot,
    unblockBot: people.unblockBot,

    users(): PersonView[] {
      return [...state.people.values()].map((person) => ({ user: { ...person.user }, blocked: person.blocked, history: person.history.map((entry) => ({ ...entry })) }));
    },

    chats() {
      return [...state.people.keys()];
    },

    sent(chatId) {
      return state.sent.filter((message) => chatId === undefined || message.chatId === chatId).map((message) => ({ ...message }));
    },

    pendingUpdates() {
      return structuredClone(state.updates);
    },

    webhookDeliveries() {
      return state.deliveries.map((delivery) => ({ ...delivery }));
    },

    faults: {
      set: setFaults,
      clear: () => setFaults({}),
      current: () => structuredClone(state.faults),
    },
  };
  return sandbox;
}
