import { gatewayDate } from './clock.js';
import { type Field, type Fields, compact } from './fields.js';
import { formatAmount } from './money.js';
import { type Payment, type Refund, refundedMinor } from './store.js';

/**
 * get_status3.php answer fields (docs/freedompay-protocol.md#status-answer-fields), without pg_status/salt/sig.
 * The vocabulary of pg_payment_status is not published (docs/freedompay-protocol.md#statuses-and-our-mapping);
 * the sandbox uses new, process (payer on the page), success, failed, revoked, incomplete. A fully refunded
 * payment stays `success` with its refunds as children, as both official examples show.
 */
const STATUS_WORD: Record<Payment['status'], string> = {
  new: 'new',
  pending: 'process',
  success: 'success',
  failed: 'failed',
  revoked: 'revoked',
  incomplete: 'incomplete',
};

function refundItem(refund: Refund, zone: string): Field {
  return [
    'pg_refund_payment',
    [
      ['pg_payment_id', refund.id],
      ['pg_payment_status', refund.status],
      ['pg_amount', formatAmount(-refund.amountMinor)],
      ['pg_payment_date', gatewayDate(refund.createdAt, zone)],
    ],
  ];
}

export function paymentStatusFields(payment: Payment, zone: string): Fields {
  const failed = payment.status === 'failed' || payment.status === 'incomplete' || (payment.status === 'revoked' && payment.failure);
  const refunded = refundedMinor(payment);
  const card = payment.card;
  return compact([
    ['pg_payment_id', payment.id],
    ['pg_order_id', payment.orderId],
    ['pg_currency', payment.currency],
    ['pg_amount', formatAmount(payment.amountMinor)],
    ['pg_payment_status', STATUS_WORD[payment.status]],
    // Whether the merchant can still undo it (cancel before clearing, or refund what is left).
    ['pg_can_reject', payment.status === 'success' && (!payment.captured || refunded < payment.clearingMinor) ? '1' : '0'],
    ['pg_captured', payment.captured ? '1' : '0'],
    ['pg_clearing_amount', formatAmount(payment.clearingMinor)],
    ['pg_refund_amount', formatAmount(-refunded)],
    ['pg_payment_method', card ? 'bankcard' : undefined],
    ['pg_card_name', card?.holder],
    ['pg_card_pan', card?.panMasked],
    ['pg_card_exp', card?.expiry],
    ['pg_card_brand', card?.brand],
    ['pg_auth_code', payment.status === 'success' || payment.captured ? payment.authCode : undefined],
    ['pg_reference', payment.reference],
    ['pg_user_phone', payment.userPhone],
    ['pg_user_email', payment.userEmail],
    ['pg_testing_mode', payment.testingMode],
    ['pg_payment_date', payment.paymentDate ? gatewayDate(payment.paymentDate, zone) : undefined],
    ['pg_create_date', gatewayDate(payment.createdAt, zone)],
    ['pg_failure_code', failed ? payment.failure?.code : undefined],
    ['pg_failure_description', failed ? payment.failure?.description : undefined],
    ['pg_refund_payments', payment.refunds.length > 0 ? payment.refunds.map((refund) => refundItem(refund, zone)) : undefined],
  ]);
}

/**
 * A refund looked up by its own id (by payment id the gateway finds any payment, refunds too:
 * docs/freedompay-protocol.md#status).
 */
export function refundStatusFields(parent: Payment, refund: Refund, zone: string): Fields {
  return [
    ['pg_payment_id', refund.id],
    ['pg_order_id', parent.orderId],
    ['pg_currency', parent.currency],
    ['pg_amount', formatAmount(-refund.amountMinor)],
    ['pg_payment_status', refund.status],
    ['pg_can_reject', '0'],
    ['pg_captured', '1'],
    ['pg_parent_payment_id', parent.id],
    ['pg_payment_date', gatewayDate(refund.createdAt, zone)],
    ['pg_create_date', gatewayDate(refund.createdAt, zone)],
  ];
}
