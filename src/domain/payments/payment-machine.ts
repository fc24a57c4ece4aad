import { defineMachine } from '../state-machine.js';

export const attemptStates = ['created', 'initiated', 'paid', 'failed', 'expired', 'cancelled', 'refunded'] as const;
export type AttemptState = (typeof attemptStates)[number];
export type AttemptEvent = 'initiated' | 'paid' | 'failed' | 'expired' | 'cancelled' | 'refunded';

/**
 * One try to pay an order on the gateway. "created" is stored before the gateway is called, so a
 * timeout never loses track of a payment. Forward only: a late "failed" never demotes "paid", while a
 * late "paid" after "failed" or "expired" is accepted, because money taken is the truth.
 */
export const attemptMachine = defineMachine<AttemptState, AttemptEvent>('created', {
  created: { initiated: 'initiated', paid: 'paid', failed: 'failed', expired: 'expired' },
  initiated: { paid: 'paid', failed: 'failed', expired: 'expired' },
  failed: { paid: 'paid' },
  expired: { paid: 'paid' },
  paid: { cancelled: 'cancelled', refunded: 'refunded' },
  cancelled: {},
  refunded: {},
});
