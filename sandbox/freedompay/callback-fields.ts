import { gatewayDate } from './clock.js';
import { type Fields, compact } from './fields.js';
import { formatAmount } from './money.js';
import type { Payment } from './store.js';
import { isXmlName } from './xml.js';

/** Commission the sandbox pretends to take, so pg_net_amount differs from pg_amount as it does live. */
const COMMISSION_PERCENT = 3;

/** Merchant fields to echo; names that cannot be XML elements cannot travel in an XML callback. */
export function customFields(payment: Payment, forXml = false): Fields {
  return payment.custom.filter(([name]) => !forXml || isXmlName(name));
}

/** check_url message (docs/freedompay-protocol.md#check-callback), without salt and signature. */
export function checkFields(payment: Payment): Fields {
  const amount = formatAmount(payment.amountMinor);
  return [
    ['pg_order_id', payment.orderId],
    ['pg_payment_id', payment.id],
    ['pg_amount', amount],
    ['pg_currency', payment.currency],
    ['pg_ps_amount', amount],
    ['pg_ps_currency', payment.currency],
    ['pg_ps_full_amount', amount],
    ['pg_testing_mode', payment.testingMode],
    ...customFields(payment, payment.requestMethod === 'XML'),
  ];
}

/**
 * result_url message (docs/freedompay-protocol.md#result-callback) as of the outcome. It is kept on the payment
 * and re-signed on each attempt, so a retry tells the same story; only pg_can_reject changes (set by the
 * caller).
 */
export function resultFields(payment: Payment, timeZone: string): Fields {
  const success = payment.status === 'success';
  const amount = formatAmount(payment.amountMinor);
  const net = payment.amountMinor - Math.round((payment.amountMinor * COMMISSION_PERCENT) / 100);
  const card = payment.card;
  return compact([
    ['pg_order_id', payment.orderId],
    ['pg_payment_id', payment.id],
    ['pg_amount', amount],
    ['pg_currency', payment.currency],
    ['pg_net_amount', success ? formatAmount(net) : amount],
    ['pg_ps_amount', amount],
    ['pg_ps_full_amount', amount],
    ['pg_ps_currency', payment.currency],
    ['pg_description', payment.description],
    ['pg_result', success ? '1' : '0'],
    ['pg_payment_date', gatewayDate(payment.paymentDate ?? payment.createdAt, timeZone)],
    ['pg_can_reject', '0'],
    ['pg_user_phone', payment.userPhone],
    ['pg_user_contact_email', payment.userEmail],
    ['pg_testing_mode', payment.testingMode],
    ['pg_captured', payment.captured ? '1' : '0'],
    ['pg_payment_method', 'bankcard'],
    ['pg_card_pan', card?.panMasked],
    ['pg_card_exp', card?.expiry],
    ['pg_card_owner', card?.holder],
    ['pg_card_brand', card?.brand],
    ['pg_auth_code', success ? payment.authCode : undefined],
    ['pg_reference', success ? payment.reference : undefined],
    ['pg_failure_code', success ? undefined : payment.failure?.code],
    ['pg_failure_description', success ? undefined : payment.failure?.description],
    ...customFields(payment, payment.requestMethod === 'XML'),
  ]);
}

export function withCanReject(fields: Fields, canReject: boolean): Fields {
  return fields.map(([name, value]) => (name === 'pg_can_reject' ? [name, canReject ? '1' : '0'] : [name, value]));
}
