import { fromGatewayAmount } from './amount.js';
import { childrenOf, valueOf, type Fields } from './fields.js';
import type { GatewayEvent, GatewayEventKind, GatewayPaymentStatus, GatewayRefund } from './events.js';

// Turns verified gateway messages (callbacks, status answers) into the vocabulary of events.ts.

/** A result callback: pg_result 1 is paid, anything else failed (docs/freedompay-protocol.md#result-callback). */
export function eventFromResult(fields: Fields): GatewayEvent {
  return baseEvent(fields, valueOf(fields, 'pg_result') === '1' ? 'paid' : 'failed');
}

/**
 * get_status3 (docs/freedompay-protocol.md#statuses-and-our-mapping): statuses are not enumerated by the docs;
 * unknown words count as pending.
 */
export function statusFromAnswer(fields: Fields): GatewayPaymentStatus {
  const word = (valueOf(fields, 'pg_payment_status') ?? '').toLowerCase();
  const kind: GatewayEventKind =
    word === 'success' || word === 'ok'
      ? 'paid'
      : ['failed', 'error', 'incomplete'].includes(word)
        ? 'failed'
        : ['revoked', 'reversed'].includes(word)
          ? 'cancelled'
          : 'pending';
  const refunds: GatewayRefund[] = childrenOf(fields, 'pg_refund_payments')
    .filter(([, value]) => typeof value !== 'string')
    .map(([, value]) => {
      const refund = value as Fields;
      return {
        gatewayRefundId: valueOf(refund, 'pg_payment_id') ?? '',
        amountKopecks: Math.abs(fromGatewayAmount(valueOf(refund, 'pg_amount')) ?? 0),
        succeeded: ['success', 'ok'].includes((valueOf(refund, 'pg_payment_status') ?? '').toLowerCase()),
      };
    });
  return {
    ...baseEvent(fields, kind),
    clearedKopecks: fromGatewayAmount(valueOf(fields, 'pg_clearing_amount')) ?? 0,
    refunds,
  };
}

function baseEvent(fields: Fields, kind: GatewayEventKind): GatewayEvent {
  const pan = valueOf(fields, 'pg_card_pan') ?? '';
  const last4 = /(\d{4})$/.exec(pan)?.[1];
  const failureCode = valueOf(fields, 'pg_failure_code') ?? valueOf(fields, 'pg_error_code') ?? null;
  const failureDescription = valueOf(fields, 'pg_failure_description') ?? valueOf(fields, 'pg_error_description') ?? null;
  return {
    kind,
    attemptId: valueOf(fields, 'pg_order_id') ?? '',
    gatewayPaymentId: valueOf(fields, 'pg_payment_id') ?? '',
    amountKopecks: fromGatewayAmount(valueOf(fields, 'pg_amount')),
    currency: valueOf(fields, 'pg_currency')?.toUpperCase() ?? null,
    captured: valueOf(fields, 'pg_captured') !== '0',
    canReject: valueOf(fields, 'pg_can_reject') === '1',
    // Only the brand and the last four digits are ever kept (PCI DSS SAQ A).
    card: last4 ? { brand: valueOf(fields, 'pg_card_brand') ?? '', last4 } : null,
    failure: kind === 'failed' ? { code: failureCode, description: failureDescription } : null,
  };
}
