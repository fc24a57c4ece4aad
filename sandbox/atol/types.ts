/** The sandbox's public TypeScript API (re-exported by index.ts). Names are a contract with the client's tests. */
import type { AtolError, ErrorType } from './errors.js';

export type { AtolError, ErrorType };

/** One KKT group with the login that may use it (a login may own several groups). */
export interface AtolGroup {
  login: string;
  password: string;
  groupCode: string;
  /** INN in the group's fiscal drives; a receipt with another company.inn ends in `fail` 2009. Unset: any INN. */
  inn?: string;
  /** Shown on the receipts page; default the group code. */
  companyName?: string;
  /** Cloud KKTs in the group: devices receipts are spread over, and the report rate limit (1 rps per KKT). Default 1. */
  kktCount?: number;
  /** getToken answers 403 code 14 (UserBlocked). */
  blocked?: boolean;
}

export interface AtolCallbackOptions {
  /** Delay between a receipt reaching done/fail and the callback (virtual time). Default 0. */
  delayMs?: number;
  /** How long to wait for the shop's answer. Default 10 000. */
  timeoutMs?: number;
  /** Extra attempts after a failed delivery (non-2xx, network error, timeout). ATOL's policy is undocumented (UNVERIFIED); default 0. */
  retries?: number;
  /** Between attempts (virtual time). Default 60 000. */
  retryIntervalMs?: number;
}

/** The answer to a second registration with a known external_id (docs/atol-protocol.md#external-id, UNVERIFIED). */
export type DuplicateMode =
  /** 400 code 33, status wait, with the stored document's `uuid` (the emulator notes' default). */
  | 'error-with-uuid'
  /** 400 code 33, status wait, no `uuid` (no captured sample shows one). */
  | 'error-without-uuid'
  /** 200 {uuid, status: wait} of the stored document (the PDF's field description). */
  | 'return-existing';

export interface AtolSandboxOptions {
  groups: AtolGroup[];
  /** Registration → done/fail, virtual time. Default 1500; 0 allowed. */
  doneAfterMs?: number;
  /** Token lifetime from first issue. Default 24 h. */
  tokenTtlMs?: number;
  /** getToken while a token is still valid: 'same' returns it with its remaining life, 'new' issues another. Default 'same'. */
  tokenReissue?: 'same' | 'new';
  /** Where virtual time starts; default the base clock's now. */
  startTime?: Date;
  /** The base clock (ms since epoch); default Date.now. Virtual time = base + advanceClock() offsets. */
  now?: () => number;
  /** POST the report JSON to service.callback_url on done/fail. Default true (no delay, no retries). */
  callbacks?: boolean | AtolCallbackOptions;
  /** Default 'error-with-uuid'. */
  duplicateExternalId?: DuplicateMode;
  /** Whether an external_id whose document ended in `fail` may be registered again (UNVERIFIED). Default false. */
  reuseExternalIdAfterFail?: boolean;
  /** Code of the queue-timeout failure: the PDF reads "- 1" (UNVERIFIED 1 vs -1). Default 1. */
  timeoutErrorCode?: number;
  /** A document still in `wait` this long after registration fails with type `timeout`. Default 300 000; null: never. */
  queueTimeoutMs?: number | null;
  /** report answers code 30 for documents registered longer ago. Default 32. */
  reportWindowDays?: number;
  /** Enforce 1 report request per second per KKT, answering as given (ATOL's answer is UNVERIFIED). Default off. */
  reportRateLimit?: false | 'error-code-0' | 'http-429';
  /** Reject (code 32 on #/timestamp) request timestamps further than this from now (UNVERIFIED). Default null: accepted. */
  timestampWindow?: { pastMs: number; futureMs: number } | null;
  /** Require `correction.client` (UNVERIFIED). Default false. */
  correctionClientRequired?: boolean;
  /**
   * Require the internet-sale tags (since 01.09.2025: `internet: true`, payment_address, buyer
   * contact) rather than only ATOL's schema, where `internet` is optional. Default true.
   */
  requireInternetTags?: boolean;
  /** Also reject nominal VAT on prepayment lines, vat20/vat120 dated 2026+, `advance` with payment_object ≠ 10. Default false. */
  strict?: boolean;
  /** Allowed difference between a sent VAT sum and the computed one, kopecks. Default 0. */
  vatToleranceKopecks?: number;
  /** ATOL's callback_url mask (only partly quoted in the sources, UNVERIFIED); a URL failing it gets a warning, no callback. */
  callbackUrlPattern?: RegExp;
  /** Link the payload's ofd_receipt_url to this sandbox's receipt page. Default true. */
  ofdReceiptUrl?: boolean;
  /** Base URL the sandbox is reachable at (for ofd_receipt_url); default http://127.0.0.1:<port> after listen. */
  publicUrl?: string;
  /** Passed to Fastify; default false. */
  logger?: boolean | object;
  /** Faults switched on from the start. */
  faults?: Partial<AtolFaults>;
}

export interface AtolFaults {
  /**
   * The API (/possystem/…) is unreachable: 'reset' accepts the connection and closes it without an
   * answer; 'refuse' stops listening (connection refused; control routes unreachable too — restore
   * with setFaults({down: false}) or downForMs). false: up.
   */
  down: false | 'reset' | 'refuse';
  /** With `down`: come back by itself after this many real milliseconds. */
  downForMs: number | null;
  /** Every API answer is delayed this many real milliseconds, after the work (a document is registered on arrival). */
  slowMs: number;
  /** The next N API calls answer serverErrorStatus (500: JSON code 50; 502/503/504: a proxy's HTML page). */
  serverError: number;
  serverErrorStatus: number;
  /** The next N registrations are stored but their connection is closed without an answer. */
  dropAfterRegister: number;
  /** The next `count` registered documents end in `fail` with this error. */
  failNext: { code: number; text?: string; type?: ErrorType; count?: number } | null;
  /** Documents stay in `wait` (KKTs down); the queue timeout still applies. */
  stuckInWait: boolean;
  /** No callbacks are sent (the shop must poll). */
  dropCallbacks: boolean;
}

export type AtolOperation = 'sell' | 'sell_refund' | 'sell_correction' | 'sell_refund_correction';
export type AtolStatus = 'wait' | 'done' | 'fail';

export interface AtolPayload {
  fiscal_receipt_number: number;
  shift_number: number;
  receipt_datetime: string;
  total: number;
  fn_number: string;
  ecr_registration_number: string;
  fiscal_document_number: number;
  fiscal_document_attribute: number;
  fns_site: string;
  ofd_inn: string;
  ofd_receipt_url?: string;
}

/** What the sandbox holds about one registered document. */
export interface AtolReceiptView {
  uuid: string;
  groupCode: string;
  operation: AtolOperation;
  externalId: string;
  status: AtolStatus;
  /** ISO time of registration (virtual clock). */
  registeredAt: string;
  /** The request body as received (parsed JSON). */
  request: Record<string, unknown>;
  callbackUrl: string;
  payload: AtolPayload | null;
  error: AtolError | null;
}

export interface CallbackDelivery {
  uuid: string;
  url: string;
  attempt: number;
  /** The report status sent (done/fail). */
  status: AtolStatus;
  httpStatus: number | null;
  /** Why it did not count (timeout, network error, non-2xx); absent when it did. */
  error?: string;
  at: string;
}

export interface AtolSandbox {
  /** Base URL (publicUrl, or the listening address). */
  readonly url: string;
  /** `${url}/possystem/v5` — what the client calls {base}. */
  readonly apiUrl: string;
  /** Default port 0, host 127.0.0.1; returns url. */
  listen(port?: number, host?: string): Promise<string>;
  close(): Promise<void>;
  /** Current faults (a copy). */
  readonly faults: AtolFaults;
  /** Changes only the given faults. */
  setFaults(patch: Partial<AtolFaults>): void;
  resetFaults(): void;
  /** Every token issued so far becomes invalid (code 11 ExpiredToken); getToken then issues a new one. */
  expireTokens(): void;
  /** Moves virtual time forward, processing due documents and callbacks on the way; resolves when their callbacks finished. */
  advanceClock(ms: number): Promise<void>;
  /** Processes what is due now and waits for callbacks in flight. */
  settle(): Promise<void>;
  receipts(): AtolReceiptView[];
  receipt(uuid: string): AtolReceiptView | undefined;
  receiptByExternalId(groupCode: string, externalId: string): AtolReceiptView | undefined;
  deliveries(): CallbackDelivery[];
}

/** The register's fiscal drive (FN) of one group: numbers that only grow (see fiscal.ts). */
export interface FiscalDrive {
  fnNumber: string;
  registrationNumber: string;
  lastDocument: number;
  shift: number;
  shiftDay: string;
  receiptsInShift: number;
}
