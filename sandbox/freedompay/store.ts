import { randomBytes } from 'node:crypto';
import type { TestCard } from './cards.js';
import type { GatewayError } from './errors.js';
import type { Fields } from './fields.js';
import { formatAmount } from './money.js';
import type { SandboxPaymentStatus, SandboxPaymentView } from './types.js';

export type CallbackMethod = 'GET' | 'POST' | 'XML';
export type ReturnMethod = 'GET' | 'POST';

/** What the sandbox keeps of a card: never the full PAN, only what answers and test outcomes need. */
export interface StoredCard {
  panMasked: string;
  brand: string | undefined;
  expiry: string;
  holder: string;
  behaviour: Omit<TestCard, 'pan' | 'note'>;
}

export interface Refund {
  id: string;
  /** Positive minor units; shown negative on the wire. */
  amountMinor: number;
  status: 'success';
  createdAt: Date;
}

/** Where the payer is in the hosted page. */
export type PayerStage = 'card' | 'otp' | 'processing' | 'done';

export interface Payment {
  id: string;
  merchantId: string;
  orderId: string;
  /** The `customer=` token of the hosted page URL: unguessable, unlike the numeric id. */
  token: string;
  idempotencyKey?: string;
  amountMinor: number;
  currency: string;
  description: string;
  createdAt: Date;
  expiresAt: Date;
  autoClearing: boolean;
  force3ds: boolean;
  checkUrl?: string;
  resultUrl?: string;
  requestMethod: CallbackMethod;
  successUrl?: string;
  failureUrl?: string;
  successMethod: ReturnMethod;
  failureMethod: ReturnMethod;
  language: string;
  testingMode: string;
  userPhone?: string;
  userEmail?: string;
  /** Merchant fields without the `pg_` prefix, echoed to callbacks and returns. */
  custom: [string, string][];

  status: SandboxPaymentStatus;
  stage: PayerStage;
  card?: StoredCard;
  /** When the outcome (authorisation or decline) happened: pg_payment_date. */
  paymentDate?: Date;
  authorisedAt?: Date;
  authCode?: string;
  reference?: string;
  captured: boolean;
  clearingMinor: number;
  capturedAt?: Date;
  failure?: GatewayError;
  refunds: Refund[];
  /** The result callback's fields as of the outcome, re-signed on every attempt. */
  resultFields?: Fields;
}

/** In-memory payments with the lookups the endpoints need. Ids are shared with refunds, as upstream. */
export class PaymentStore {
  private nextNumber: number;
  private readonly byIdMap = new Map<string, Payment>();
  private readonly byTokenMap = new Map<string, Payment>();
  private readonly byIdempotency = new Map<string, Payment>();
  private readonly refundParents = new Map<string, Payment>();

  /**
   * Ids count up from the real time in milliseconds, not from a constant: a shop keeps the ids it was
   * given (they are unique in its database), so a sandbox restarted next to the same database must
   * never hand out one of them again — not unless a run averaged more than a payment per millisecond.
   */
  constructor(firstId = Date.now()) {
    this.nextNumber = firstId;
  }

  nextId(): string {
    return String(this.nextNumber++);
  }

  newToken(): string {
    return randomBytes(16).toString('hex');
  }

  add(payment: Payment): void {
    this.byIdMap.set(payment.id, payment);
    this.byTokenMap.set(payment.token, payment);
    if (payment.idempotencyKey !== undefined) this.byIdempotency.set(`${payment.merchantId}\n${payment.idempotencyKey}`, payment);
  }

  addRefund(parent: Payment, refund: Refund): void {
    parent.refunds.push(refund);
    this.refundParents.set(refund.id, parent);
  }

  byId(id: string): Payment | undefined {
    return this.byIdMap.get(id);
  }

  byToken(token: string): Payment | undefined {
    return this.byTokenMap.get(token);
  }

  byIdempotencyKey(merchantId: string, key: string): Payment | undefined {
    return this.byIdempotency.get(`${merchantId}\n${key}`);
  }

  /** A refund child by its own payment id, with its parent. */
  refund(id: string): { parent: Payment; refund: Refund } | undefined {
    const parent = this.refundParents.get(id);
    const refund = parent?.refunds.find((r) => r.id === id);
    return parent && refund ? { parent, refund } : undefined;
  }

  /**
   * Order ids need not be unique upstream (docs/freedompay-protocol.md#idempotency): the latest parent payment
   * wins, as Platron did.
   */
  latestByOrder(merchantId: string, orderId: string): Payment | undefined {
    let latest: Payment | undefined;
    for (const payment of this.byIdMap.values()) {
      if (payment.merchantId === merchantId && payment.orderId === orderId) latest = payment;
    }
    return latest;
  }

  all(): IterableIterator<Payment> {
    return this.byIdMap.values();
  }
}

export function refundedMinor(payment: Payment): number {
  return payment.refunds.reduce((sum, refund) => sum + refund.amountMinor, 0);
}

export function viewOf(payment: Payment): SandboxPaymentView {
  return {
    paymentId: payment.id,
    orderId: payment.orderId,
    merchantId: payment.merchantId,
    amount: formatAmount(payment.amountMinor),
    currency: payment.currency,
    description: payment.description,
    status: payment.status,
    captured: payment.captured,
    clearingAmount: formatAmount(payment.clearingMinor),
    refunds: payment.refunds.map((refund) => ({ paymentId: refund.id, amount: formatAmount(-refund.amountMinor), status: refund.status })),
    ...(payment.card ? { cardPanMasked: payment.card.panMasked, cardBrand: payment.card.brand } : {}),
  };
}
