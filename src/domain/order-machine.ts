import { defineMachine } from './state-machine.js';

export const orderStates = ['awaiting_payment', 'paid', 'needs_review', 'cancelled', 'refunded'] as const;
export type OrderState = (typeof orderStates)[number];
export type OrderEvent = 'payment_confirmed' | 'payment_disputed' | 'payment_cancelled' | 'payment_refunded';

/**
 * The order's life so far (the back office adds contacted → specified → in work → completed).
 * Payments move it forward only: nothing leads back to awaiting_payment.
 */
export const orderMachine = defineMachine<OrderState, OrderEvent>('awaiting_payment', {
  awaiting_payment: { payment_confirmed: 'paid', payment_disputed: 'needs_review' },
  // Money arrived but did not match the order: staff decide, then confirm, cancel or refund.
  needs_review: { payment_confirmed: 'paid', payment_cancelled: 'cancelled', payment_refunded: 'refunded' },
  paid: { payment_cancelled: 'cancelled', payment_refunded: 'refunded' },
  cancelled: {},
  refunded: {},
});
