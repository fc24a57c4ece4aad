import type { FastifyBaseLogger } from 'fastify';
import type { VirtualClock } from './clock.js';
import type { Scheduler } from './scheduler.js';
import type { Payment, PaymentStore } from './store.js';
import type { DeliveryRecord, SandboxFaults, SandboxMerchant } from './types.js';

/** Everything a sandbox instance shares between its routes, the payer flow and the callbacks. */
export interface SandboxContext {
  merchants: ReadonlyMap<string, SandboxMerchant>;
  store: PaymentStore;
  clock: VirtualClock;
  scheduler: Scheduler;
  faults: Map<string, SandboxFaults>;
  deliveries: DeliveryRecord[];
  retry: { intervalMs: number; count: number };
  callbackTimeoutMs: number;
  timeZone: string;
  /** publicUrl, or the listening address once known. */
  baseUrl: () => string | undefined;
  log: FastifyBaseLogger;
  /** Aborted on close(), so no callback outlives the sandbox. */
  shutdown: AbortSignal;
}

/** Faults are set per order id (they may be set before the payment exists). */
export function faultsFor(ctx: SandboxContext, payment: Pick<Payment, 'orderId'>): SandboxFaults {
  return (payment.orderId !== '' && ctx.faults.get(payment.orderId)) || {};
}

export function merchantOf(ctx: SandboxContext, payment: Pick<Payment, 'merchantId'>): SandboxMerchant {
  const merchant = ctx.merchants.get(payment.merchantId);
  if (!merchant) throw new Error(`merchant ${payment.merchantId} disappeared`);
  return merchant;
}
