import type { FastifyBaseLogger } from 'fastify';
import type { VirtualClock } from './clock.js';
import type { FiscalDrive } from './fiscal.js';
import type { ReceiptStore } from './store.js';
import type { TokenStore } from './tokens.js';
import type { AtolFaults, AtolGroup, AtolSandboxOptions, CallbackDelivery, DuplicateMode } from './types.js';

/** Options with their defaults applied. */
export interface Settings {
  doneAfterMs: number;
  duplicateExternalId: DuplicateMode;
  reuseExternalIdAfterFail: boolean;
  timeoutErrorCode: number;
  queueTimeoutMs: number | null;
  reportWindowMs: number;
  reportRateLimit: AtolSandboxOptions['reportRateLimit'];
  timestampWindow: { pastMs: number; futureMs: number } | null;
  correctionClientRequired: boolean;
  requireInternetTags: boolean;
  strict: boolean;
  vatToleranceKopecks: number;
  callbackUrlPattern: RegExp;
  ofdReceiptUrl: boolean;
  callbacks: { enabled: boolean; delayMs: number; timeoutMs: number; retries: number; retryIntervalMs: number };
}

/** Everything a sandbox instance shares between its routes, processing and callbacks. */
export interface SandboxContext {
  groups: ReadonlyMap<string, AtolGroup>;
  tokens: TokenStore;
  store: ReceiptStore;
  drives: Map<string, FiscalDrive>;
  clock: VirtualClock;
  faults: AtolFaults;
  settings: Settings;
  deliveries: CallbackDelivery[];
  /** Report requests per group (virtual ms), for the optional rate limit. */
  reportCalls: Map<string, number[]>;
  /** publicUrl, or the listening address once known. */
  baseUrl: () => string | undefined;
  log: FastifyBaseLogger;
  /** Aborted on close(), so no callback or slow answer outlives the sandbox. */
  shutdown: AbortSignal;
  /** Callbacks due later (virtual time). */
  later: { dueMs: number; run: () => Promise<void> }[];
  /** Work in flight that settle()/advanceClock() wait for. */
  running: Set<Promise<void>>;
}

export function track(ctx: SandboxContext, work: Promise<void>): void {
  const tracked = work.catch((error: unknown) => ctx.log.error({ err: error }, 'sandbox task failed')).finally(() => ctx.running.delete(tracked));
  ctx.running.add(tracked);
}
