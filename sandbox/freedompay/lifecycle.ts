import { randomInt } from 'node:crypto';
import { ERR, FAILURE, type GatewayError, validationError } from './errors.js';
import { formatAmount } from './money.js';
import { type Payment, type PaymentStore, type Refund, type StoredCard, refundedMinor } from './store.js';

/**
 * Every state change of a payment (docs/freedompay-protocol.md#sandbox-model). Functions take `now` and return
 * errors as values; the routes and the payer flow decide what to say about them.
 */

/**
 * Two-step payments neither cleared nor cancelled are cleared by the gateway after 5 days
 * (docs/freedompay-protocol.md#capture-cancel-refund).
 */
export const AUTO_CLEARING_MS = 5 * 24 * 60 * 60 * 1000;

export type OpResult<T = object> = ({ ok: true } & T) | { ok: false; error: GatewayError };

const fail = (error: GatewayError): { ok: false; error: GatewayError } => ({ ok: false, error });

function cardRefused(operation: string): GatewayError {
  return { code: FAILURE.issuerDecline.code, description: `${FAILURE.issuerDecline.description}: ${operation} недоступна для этой тестовой карты` };
}

/** Time-driven changes, applied whenever a payment is looked at and on every scheduler tick. */
export function settle(payment: Payment, now: Date): void {
  const open = payment.status === 'new' || payment.status === 'pending';
  if (open && payment.stage !== 'processing' && now.getTime() >= payment.expiresAt.getTime()) {
    payment.status = 'incomplete';
    payment.stage = 'done';
    payment.failure = FAILURE.expired;
  }
  const authorisedAt = payment.authorisedAt?.getTime();
  if (
    payment.status === 'success' &&
    !payment.captured &&
    authorisedAt !== undefined &&
    now.getTime() >= authorisedAt + AUTO_CLEARING_MS &&
    // A card whose clearing is refused cannot be cleared automatically either: the hold stays.
    payment.card?.behaviour.clearing !== false
  ) {
    payment.captured = true;
    payment.clearingMinor = payment.amountMinor;
    payment.capturedAt = new Date(authorisedAt + AUTO_CLEARING_MS);
  }
}

export function authorise(payment: Payment, card: StoredCard, now: Date): void {
  payment.card = card;
  payment.status = 'success';
  payment.paymentDate = now;
  payment.authorisedAt = now;
  payment.authCode = String(randomInt(100000, 1000000));
  payment.reference = String(randomInt(100000000, 1000000000)) + String(randomInt(100, 1000));
  payment.captured = payment.autoClearing;
  payment.clearingMinor = payment.autoClearing ? payment.amountMinor : 0;
  if (payment.autoClearing) payment.capturedAt = now;
}

export function decline(payment: Payment, card: StoredCard | undefined, failure: GatewayError, now: Date): void {
  if (card) payment.card = card;
  payment.status = 'failed';
  payment.paymentDate = now;
  payment.failure = failure;
}

/**
 * The merchant answered `rejected` to a result callback it was allowed to reject
 * (docs/freedompay-protocol.md#result-callback).
 */
export function reverseOnMerchantRequest(payment: Payment, reason: string | undefined): void {
  if (payment.status !== 'success') return;
  payment.status = 'revoked';
  payment.captured = false;
  payment.clearingMinor = 0;
  payment.failure = { code: FAILURE.rejectedByMerchant.code, description: reason?.trim() || FAILURE.rejectedByMerchant.description };
}

/**
 * do_capture.php: two-step, authorised, not yet cleared; partial clearing allowed
 * (docs/freedompay-protocol.md#capture-cancel-refund).
 */
export function capture(payment: Payment, amountMinor: number | undefined, now: Date): OpResult {
  if (payment.autoClearing || payment.status !== 'success' || payment.captured) return fail(ERR.invalidStatus);
  const amount = amountMinor ?? payment.amountMinor;
  if (amount <= 0 || amount > payment.amountMinor) {
    return fail(validationError('pg_clearing_amount', `сумма списания должна быть от 0.01 до ${formatAmount(payment.amountMinor)}`));
  }
  if (payment.card?.behaviour.clearing === false) return fail(cardRefused('операция списания (clearing)'));
  payment.captured = true;
  payment.clearingMinor = amount;
  payment.capturedAt = now;
  return { ok: true };
}

/**
 * cancel.php: an unpaid payment, or a two-step authorisation before clearing (sources conflict, both:
 * docs/freedompay-protocol.md#capture-cancel-refund).
 */
export function cancel(payment: Payment): OpResult {
  if ((payment.status === 'new' || payment.status === 'pending') && payment.stage !== 'processing') {
    payment.status = 'revoked';
    payment.stage = 'done';
    return { ok: true };
  }
  if (payment.status === 'success' && !payment.autoClearing && !payment.captured) {
    if (payment.card?.behaviour.reverse === false) return fail(cardRefused('отмена (reverse)'));
    payment.status = 'revoked';
    return { ok: true };
  }
  return fail(ERR.invalidStatus);
}

/**
 * revoke.php: a refund of cleared money, as a child payment with its own id. Several partial
 * refunds may follow each other up to the cleared amount; no amount (or 0) refunds the rest.
 */
export function refund(store: PaymentStore, payment: Payment, amountMinor: number | undefined, now: Date): OpResult<{ refund: Refund }> {
  if (payment.status !== 'success' || !payment.captured) return fail(ERR.invalidStatus);
  const left = payment.clearingMinor - refundedMinor(payment);
  if (left <= 0) return fail({ code: ERR.invalidStatus.code, description: 'Платёж уже полностью возвращён' });
  const amount = amountMinor === undefined || amountMinor === 0 ? left : amountMinor;
  if (amount > left) return fail(validationError('pg_refund_amount', `сумма возврата больше доступной к возврату (${formatAmount(left)})`));
  if (payment.card?.behaviour.refund === false) return fail(cardRefused('операция возврата (refund)'));
  const created: Refund = { id: store.nextId(), amountMinor: amount, status: 'success', createdAt: now };
  store.addRefund(payment, created);
  return { ok: true, refund: created };
}
