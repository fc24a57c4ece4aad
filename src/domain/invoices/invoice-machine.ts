import { defineMachine } from '../state-machine.js';

export const invoiceStates = ['open', 'paid', 'cancelled', 'refunded'] as const;
export type InvoiceState = (typeof invoiceStates)[number];
export type InvoiceEvent = 'payment_confirmed' | 'marked_paid' | 'voided' | 'payment_cancelled' | 'payment_refunded';

/** A surcharge invoice: paid on the gateway or marked paid by staff; forward only. */
export const invoiceMachine = defineMachine<InvoiceState, InvoiceEvent>('open', {
  open: { payment_confirmed: 'paid', marked_paid: 'paid', voided: 'cancelled' },
  paid: { payment_cancelled: 'cancelled', payment_refunded: 'refunded' },
  cancelled: {},
  refunded: {},
});
