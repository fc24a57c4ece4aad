import { buildSandbox } from './app.js';
import { browserReturn } from './browser-return.js';
import { VirtualClock } from './clock.js';
import type { SandboxContext } from './context.js';
import { settle } from './lifecycle.js';
import { awaitingOtpFor, openPage, submitCard, submitOtp } from './payer-flow.js';
import { Scheduler } from './scheduler.js';
import { PaymentStore, viewOf } from './store.js';
import type { CardInput, PayResult, Sandbox, SandboxOptions } from './types.js';

const DEFAULT_RETRY = { intervalMs: 30 * 60 * 1000, count: 4 };

/** A sandbox gateway with its own state, clock and Fastify app; nothing is shared between instances. */
export function createSandbox(options: SandboxOptions): Sandbox {
  if (options.merchants.length === 0) throw new Error('createSandbox: at least one merchant is needed');
  const clock = new VirtualClock(options.startTime);
  const store = new PaymentStore(options.firstPaymentId);
  const shutdown = new AbortController();
  let listenUrl: string | undefined;
  let tick: NodeJS.Timeout | undefined;

  const ctx = {
    merchants: new Map(options.merchants.map((merchant) => [merchant.id, merchant])),
    store,
    clock,
    faults: new Map(),
    deliveries: [],
    retry: options.resultRetry ?? DEFAULT_RETRY,
    callbackTimeoutMs: options.callbackTimeoutMs ?? 30_000,
    timeZone: options.timeZone ?? 'Asia/Almaty',
    baseUrl: () => options.publicUrl ?? listenUrl,
    shutdown: shutdown.signal,
  } as Omit<SandboxContext, 'scheduler' | 'log'> as SandboxContext;
  ctx.scheduler = new Scheduler(
    clock,
    (error) => ctx.log.error({ err: error }, 'sandbox task failed'),
    () => {
      const now = clock.now();
      for (const payment of store.all()) settle(payment, now);
    },
  );
  const advance = (ms: number) => ctx.scheduler.advance(ms);
  const app = buildSandbox(ctx, { logger: options.logger, advance });

  const sandbox: Sandbox = {
    get url() {
      const url = options.publicUrl ?? listenUrl;
      if (url === undefined) throw new Error('Sandbox is not listening yet: call listen() first');
      return url;
    },

    async listen(port = 0, host = '127.0.0.1') {
      await app.listen({ port, host });
      const address = app.server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
      listenUrl = `http://${shownHost}:${actualPort}`;
      // Real time moves virtual time too: a listening sandbox runs due retries by itself.
      tick = setInterval(() => void ctx.scheduler.runDue(), 1000);
      tick.unref();
      return sandbox.url;
    },

    async close() {
      if (tick) clearInterval(tick);
      shutdown.abort();
      ctx.scheduler.clear();
      await app.close();
    },

    setFaults(orderId, faults) {
      ctx.faults.set(orderId, { ...faults });
    },

    async pay(paymentId: string, card: CardInput, otp?: string): Promise<PayResult> {
      const payment = store.byId(paymentId);
      if (!payment) throw new Error(`Sandbox.pay: payment ${paymentId} not found`);
      openPage(ctx, payment);
      let step =
        otp !== undefined && awaitingOtpFor(payment, card.pan) ? await submitOtp(ctx, payment, otp) : await submitCard(ctx, payment, card);
      if (step.kind === 'needs_otp' && otp !== undefined) step = await submitOtp(ctx, payment, otp);
      switch (step.kind) {
        case 'invalid':
          // The page would show these next to the fields and not go on.
          throw new Error(`Sandbox.pay: card rejected by the form: ${Object.values(step.errors).join('; ')}`);
        case 'unavailable':
          throw new Error(`Sandbox.pay: payment ${paymentId} cannot be paid (${step.reason}, status ${payment.status})`);
        case 'needs_otp':
          return { outcome: 'needs_otp' };
        case 'done': {
          const back = browserReturn(ctx, payment);
          return {
            outcome: payment.status === 'success' ? 'success' : 'failure',
            ...(back ? { redirectUrl: back.url, redirectMethod: back.method, ...(back.method === 'POST' ? { redirectFields: back.fields } : {}) } : {}),
          };
        }
      }
    },

    advanceClock: advance,

    payment(paymentId) {
      const payment = store.byId(paymentId);
      if (!payment) return undefined;
      settle(payment, clock.now());
      return viewOf(payment);
    },

    paymentByOrder(merchantId, orderId) {
      const payment = store.latestByOrder(merchantId, orderId);
      if (!payment) return undefined;
      settle(payment, clock.now());
      return viewOf(payment);
    },

    deliveries() {
      return ctx.deliveries.map((record) => ({ ...record }));
    },
  };
  return sandbox;
}
