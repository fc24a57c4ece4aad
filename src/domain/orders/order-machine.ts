import { defineMachine } from '../state-machine.js';

export const orderStates = [
  'awaiting_payment',
  'paid',
  'needs_review',
  'contacted',
  'specified',
  'in_work',
  'completed',
  'cancelled',
  'refunded',
] as const;
export type OrderState = (typeof orderStates)[number];
export type PaymentOrderEvent = 'payment_confirmed' | 'payment_disputed' | 'payment_cancelled' | 'payment_refunded';
/**
 * The back office's steps (docs/back-office.md#the-callback-queue-and-the-order-workflow): a reached client, an
 * agreed specification, the work.
 */
export type WorkOrderEvent = 'client_reached' | 'specification_agreed' | 'work_started' | 'work_completed';
export type OrderEvent = PaymentOrderEvent | WorkOrderEvent;

/** Cancelling (same bank day) or refunding ends an order from any state in which money was taken. */
const moneyBack = { payment_cancelled: 'cancelled', payment_refunded: 'refunded' } as const;

/**
 * paid → contacted → specified → in work → completed, with cancelled / refunded branches. Payments move
 * it forward only: nothing leads back to awaiting_payment. The specification can be agreed again
 * (revised) before the work starts.
 */
export const orderMachine = defineMachine<OrderState, OrderEvent>('awaiting_payment', {
  awaiting_payment: { payment_confirmed: 'paid', payment_disputed: 'needs_review' },
  // Money arrived but did not match the order: staff decide, then confirm, cancel or refund.
  needs_review: { payment_confirmed: 'paid', ...moneyBack },
  paid: { client_reached: 'contacted', ...moneyBack },
  contacted: { specification_agreed: 'specified', ...moneyBack },
  specified: { specification_agreed: 'specified', work_started: 'in_work', ...moneyBack },
  in_work: { work_completed: 'completed', ...moneyBack },
  completed: moneyBack,
  cancelled: {},
  refunded: {},
});
