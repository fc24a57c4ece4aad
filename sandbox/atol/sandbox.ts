import { buildApp } from './app.js';
import { VirtualClock } from './clock.js';
import type { SandboxContext, Settings } from './context.js';
import { NO_FAULTS } from './faults.js';
import { advanceClock, idle, progress } from './progress.js';
import { ReceiptStore, viewOf } from './store.js';
import { TokenStore } from './tokens.js';
import type { AtolFaults, AtolSandbox, AtolSandboxOptions } from './types.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * ATOL's callback_url mask as printed in the v4 PDF; the protocol reference quotes only its start
 * (UNVERIFIED), so callbackUrlPattern can replace it. Note `(:(0-9)*)*` is literal upstream: a port
 * passes only as part of the path characters that follow.
 */
export const ATOL_CALLBACK_URL_MASK = /^http(s?):\/\/[0-9a-zA-Zа-яА-Я]([-.\w]*[0-9a-zA-Zа-яА-Я])*(:(0-9)*)*(\/?)([a-zA-Z0-9а-яА-Я\-.?,'/\\+&=%$#_]*)?$/;

function settingsOf(options: AtolSandboxOptions): Settings {
  const callbacks = options.callbacks ?? true;
  const callbackOptions = typeof callbacks === 'object' ? callbacks : {};
  return {
    doneAfterMs: Math.max(0, options.doneAfterMs ?? 1500),
    duplicateExternalId: options.duplicateExternalId ?? 'error-with-uuid',
    reuseExternalIdAfterFail: options.reuseExternalIdAfterFail ?? false,
    timeoutErrorCode: options.timeoutErrorCode ?? 1,
    queueTimeoutMs: options.queueTimeoutMs === undefined ? 300_000 : options.queueTimeoutMs,
    reportWindowMs: (options.reportWindowDays ?? 32) * DAY_MS,
    reportRateLimit: options.reportRateLimit ?? false,
    timestampWindow: options.timestampWindow ?? null,
    correctionClientRequired: options.correctionClientRequired ?? false,
    requireInternetTags: options.requireInternetTags ?? true,
    strict: options.strict ?? false,
    vatToleranceKopecks: options.vatToleranceKopecks ?? 0,
    callbackUrlPattern: options.callbackUrlPattern ?? ATOL_CALLBACK_URL_MASK,
    ofdReceiptUrl: options.ofdReceiptUrl ?? true,
    callbacks: {
      enabled: callbacks !== false,
      delayMs: callbackOptions.delayMs ?? 0,
      timeoutMs: callbackOptions.timeoutMs ?? 10_000,
      retries: callbackOptions.retries ?? 0,
      retryIntervalMs: callbackOptions.retryIntervalMs ?? 60_000,
    },
  };
}

/** An ATOL Online v5 sandbox with its own state, clock and Fastify app; nothing is shared between instances. */
export function createAtolSandbox(options: AtolSandboxOptions): AtolSandbox {
  if (options.groups.length === 0) throw new Error('createAtolSandbox: at least one group is needed');
  const clock = new VirtualClock(options.now, options.startTime);
  const shutdown = new AbortController();
  let listenUrl: string | undefined;
  let bound: { port: number; host: string } | undefined;
  let tick: NodeJS.Timeout | undefined;
  let comeBack: NodeJS.Timeout | undefined;

  const ctx = {
    groups: new Map(options.groups.map((group) => [group.groupCode, group])),
    tokens: new TokenStore(options.tokenTtlMs ?? DAY_MS, options.tokenReissue ?? 'same'),
    store: new ReceiptStore(),
    drives: new Map(),
    clock,
    faults: { ...NO_FAULTS, ...options.faults },
    settings: settingsOf(options),
    deliveries: [],
    reportCalls: new Map(),
    baseUrl: () => options.publicUrl ?? listenUrl,
    shutdown: shutdown.signal,
    later: [],
    running: new Set(),
  } as Omit<SandboxContext, 'log'> as SandboxContext;

  /** 'refuse' closes the port itself (connection refused); anything else keeps it open. */
  function applyListening(): void {
    if (!bound) return;
    const server = app.server;
    if (ctx.faults.down === 'refuse' && server.listening) {
      server.close();
      server.closeIdleConnections();
    } else if (ctx.faults.down !== 'refuse' && !server.listening) {
      server.listen(bound.port, bound.host);
    }
  }

  function setFaults(patch: Partial<AtolFaults>): void {
    Object.assign(ctx.faults, patch);
    if (comeBack) clearTimeout(comeBack);
    comeBack = undefined;
    if (ctx.faults.down && ctx.faults.downForMs) {
      comeBack = setTimeout(() => setFaults({ down: false, downForMs: null }), ctx.faults.downForMs);
      comeBack.unref();
    }
    applyListening();
    // Lifting stuckInWait lets the queue move at once.
    progress(ctx);
  }

  const sandbox: AtolSandbox = {
    get url() {
      const url = options.publicUrl ?? listenUrl;
      if (url === undefined) throw new Error('ATOL sandbox is not listening yet: call listen() first');
      return url;
    },
    get apiUrl() {
      return `${sandbox.url}/possystem/v5`;
    },
    get faults() {
      return structuredClone(ctx.faults);
    },

    async listen(port = 0, host = '127.0.0.1') {
      await app.listen({ port, host });
      const address = app.server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      bound = { port: actualPort, host };
      const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
      listenUrl = `http://${shownHost}:${actualPort}`;
      applyListening();
      // Real time moves virtual time too: a listening sandbox finishes documents by itself.
      tick = setInterval(() => progress(ctx), 100);
      tick.unref();
      return sandbox.url;
    },

    async close() {
      if (tick) clearInterval(tick);
      if (comeBack) clearTimeout(comeBack);
      shutdown.abort();
      ctx.later = [];
      // Stays closed even if the 'refuse' fault is lifted from now on (Fastify closes a closed server fine).
      bound = undefined;
      await idle(ctx);
      await app.close();
    },

    setFaults,
    resetFaults: () => setFaults({ ...NO_FAULTS }),
    expireTokens: () => ctx.tokens.expireAll(),
    advanceClock: (ms) => advanceClock(ctx, ms),

    async settle() {
      progress(ctx);
      await idle(ctx);
    },

    receipts() {
      progress(ctx);
      return ctx.store.all().map(viewOf);
    },

    receipt(uuid) {
      progress(ctx);
      const receipt = ctx.store.get(uuid);
      return receipt ? viewOf(receipt) : undefined;
    },

    receiptByExternalId(groupCode, externalId) {
      progress(ctx);
      const receipt = ctx.store.byExternalId(groupCode, externalId);
      return receipt ? viewOf(receipt) : undefined;
    },

    deliveries() {
      return ctx.deliveries.map((delivery) => ({ ...delivery }));
    },
  };

  const app = buildApp(ctx, { logger: options.logger, controls: sandbox });
  return sandbox;
}
