/** The sandbox's public TypeScript API (re-exported by index.ts). Names are a contract with the client's tests. */

export interface SandboxMerchant {
  id: string;
  secret: string;
  name: string;
}

export interface SandboxFaults {
  /** Never deliver the result callback (reconciliation must find it). */
  dropResult?: boolean;
  /** Deliver the result callback this long (virtual time) after the outcome. */
  delayResultMs?: number;
  /** Deliver the result callback N times at once (concurrently). */
  repeatResult?: number;
  /** Answer API calls (.php endpoints) about this order with this HTTP status, e.g. 503. */
  apiStatus?: number;
  /** Sign callbacks, API answers and browser returns for this order with a wrong signature. */
  corruptSignature?: boolean;
  /** Decline authorisation whatever the card. */
  decline?: boolean;
}

export interface SandboxOptions {
  merchants: SandboxMerchant[];
  /** Base URL the sandbox is reachable at, used in pg_redirect_url; default http://127.0.0.1:<port> after listen. */
  publicUrl?: string;
  /** Result callback retries: default every 30 min, 4 times (docs/freedompay-protocol.md#retries-and-duplicates). */
  resultRetry?: { intervalMs: number; count: number };
  /** How long to wait for the merchant's answer to a check/result callback; default 30 s. */
  callbackTimeoutMs?: number;
  /** Virtual time start; default the real now. Time only moves with real time plus advanceClock(). */
  startTime?: Date;
  /** The first payment id handed out; default the real time in ms, so a restarted sandbox never repeats an id. */
  firstPaymentId?: number;
  /** Passed to Fastify; default false. */
  logger?: boolean | object;
  /** Zone of `YYYY-MM-DD HH:MM:SS` dates in messages (undocumented upstream); default Asia/Almaty. */
  timeZone?: string;
}

export interface CardInput {
  pan: string;
  /** MM/YY */
  expiry: string;
  cvc: string;
  holder: string;
}

export type SandboxPaymentStatus = 'new' | 'pending' | 'success' | 'failed' | 'revoked' | 'incomplete';

export interface SandboxPaymentView {
  paymentId: string;
  orderId: string;
  merchantId: string;
  amount: string;
  currency: string;
  /** `pg_description` as the shop sent it: what the payer reads on the payment page. */
  description: string;
  status: SandboxPaymentStatus;
  captured: boolean;
  clearingAmount: string;
  refunds: { paymentId: string; amount: string /* negative */; status: string }[];
  cardPanMasked?: string;
  cardBrand?: string;
}

export interface DeliveryRecord {
  kind: 'check' | 'result';
  url: string;
  orderId: string;
  attempt: number;
  httpStatus: number | null;
  answerStatus: string | null;
  at: Date;
  /** Why the answer did not count (timeout, network error, unparsable, bad signature); absent when it did. */
  error?: string;
}

export interface PayResult {
  outcome: 'success' | 'failure' | 'needs_otp';
  /** Where the browser is sent; for GET returns it carries the signed query. */
  redirectUrl?: string;
  /** How: GET (a 303) or POST (an auto-submitted form with redirectFields). */
  redirectMethod?: 'GET' | 'POST';
  /** The signed fields of a POST return (for GET they are in redirectUrl). */
  redirectFields?: [string, string][];
}

export interface Sandbox {
  /** Base URL (publicUrl, or the listening address). */
  readonly url: string;
  /** Default port 0, host 127.0.0.1; returns url. */
  listen(port?: number, host?: string): Promise<string>;
  close(): Promise<void>;
  setFaults(orderId: string, faults: SandboxFaults): void;
  /**
   * Drives the payer step exactly as the hosted page does (same code path): card, then OTP if the
   * card needs 3-D Secure. Resolves after the first result-callback attempt finished (or was
   * dropped/delayed) with where the browser would be sent.
   */
  pay(paymentId: string, card: CardInput, otp?: string): Promise<PayResult>;
  /**
   * Moves virtual time forward; runs due result-callback retries, delayed callbacks, lifetime
   * expiry and the 5-day auto-clearing; resolves when those deliveries have finished.
   */
  advanceClock(ms: number): Promise<void>;
  payment(paymentId: string): SandboxPaymentView | undefined;
  paymentByOrder(merchantId: string, orderId: string): SandboxPaymentView | undefined;
  deliveries(): DeliveryRecord[];
}
