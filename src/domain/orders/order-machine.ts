import { defineMachine } from '../state-machine.js';

export const orderStates = [
  'awaiting_payment',
  'awaiting_transfer',
  'paid',
  'needs_review',
  'contacted',
  'specified',
  'in_work',
  'work_done',
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
export type WorkOrderEvent = 'client_reached' | 'specification_agreed' | 'work_started' | 'work_handed_over';
/**
 * The client's acceptance of the work (docs/back-office.md#acceptance-of-work): accepted in the account or by
 * silence until the deadline, or sent back with remarks.
 */
export type AcceptanceOrderEvent = 'work_accepted' | 'remarks_made';
/**
 * A company or sole trader pays by bank transfer against our invoice (docs/payments.md#bank-transfers):
 * the order waits for the money, which staff record (by hand or from the bank statement), or is withdrawn.
 */
export type TransferOrderEvent = 'bank_invoice_issued' | 'transfer_received' | 'transfer_order_withdrawn';
export type OrderEvent = PaymentOrderEvent | WorkOrderEvent | AcceptanceOrderEvent | TransferOrderEvent;

/** Cancelling (same bank day) or refunding ends an order from any state in which money was taken. */
const moneyBack = { payment_cancelled: 'cancelled', payment_refunded: 'refunded' } as const;

/**
 * paid → contacted → specified → in work → work done (awaiting the client's acceptance) → completed, with
 * cancelled / refunded branches; remarks send the work back. Payments move
 * it forward only: nothing leads back to awaiting_payment. The specification can be agreed again
 * (revised) before the work starts.
 */
export const orderMachine = defineMachine<OrderState, OrderEvent>('awaiting_payment', {
  awaiting_payment: { payment_confirmed: 'paid', payment_disputed: 'needs_review', bank_invoice_issued: 'awaiting_transfer' },
  // No money moved yet: withdrawing the order cancels it with nothing to return.
  awaiting_transfer: { transfer_received: 'paid', transfer_order_withdrawn: 'cancelled' },
  // Money arrived but did not match the order: staff decide, then confirm, cancel or refund.
  needs_review: { payment_confirmed: 'paid', ...moneyBack },
  paid: { client_reached: 'contacted', ...moneyBack },
  contacted: { specification_agreed: 'specified', ...moneyBack },
  specified: { specification_agreed: 'specified', work_started: 'in_work', ...moneyBack },
  in_work: { work_handed_over: 'work_done', ...moneyBack },
  work_done: { work_accepted: 'completed', remarks_made: 'in_work', ...moneyBack },
  completed: moneyBack,
  cancelled: {},
  refunded: {},
});
