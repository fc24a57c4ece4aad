import type { InvoiceEvent, InvoiceState } from '../invoices/invoice-machine.js';
import type { OrderEvent, OrderState } from '../orders/order-machine.js';
import { attemptMachine, type AttemptEvent, type AttemptState } from './payment-machine.js';

// What a verified gateway message means for our attempt and order, decided from data alone.

export interface PaymentMessage {
  kind: 'paid' | 'failed' | 'pending' | 'refunded' | 'cancelled';
  amountKopecks: number | null;
  currency: string | null;
  canReject: boolean;
}

export interface PaymentDecision {
  /** Our answer to the gateway: "rejected" makes it reverse the payment (only when it can). */
  answer: 'ok' | 'rejected';
  attemptEvent: AttemptEvent | null;
  orderEvent: OrderEvent | null;
  /** Set only for an attempt that pays a surcharge invoice (the order is then never touched). */
  invoiceEvent: InvoiceEvent | null;
  /** Something staff must look at, in Russian, for the back office. */
  alert: { kind: 'amount_mismatch' | 'paid_twice'; message: string } | null;
}

const sameCurrency = (a: string | null, b: string) => (a === 'RUR' ? 'RUB' : a) === b;

type AttemptFacts = { state: AttemptState; amountKopecks: number; currency: string };

/** What the attempt pays for (an order, or a surcharge invoice) as far as a decision needs to know. */
interface Payee {
  /** Still waiting for this money. */
  awaiting: boolean;
  /** What a matching payment does to it. */
  confirmed: Partial<PaymentDecision>;
  /** What a mismatched payment the gateway cannot take back does to it. */
  disputed: Partial<PaymentDecision>;
  mismatch: (expected: string, got: string) => string;
  paidTwice: string;
}

function decide(attempt: AttemptFacts, payee: Payee, message: PaymentMessage): PaymentDecision {
  const none: PaymentDecision = { answer: 'ok', attemptEvent: null, orderEvent: null, invoiceEvent: null, alert: null };
  if (message.kind === 'failed') {
    return { ...none, attemptEvent: attemptMachine.transition(attempt.state, 'failed') ? 'failed' : null };
  }
  if (message.kind !== 'paid') return none;
  const rejected: PaymentDecision = { ...none, answer: 'rejected', attemptEvent: 'failed' };

  const matches = message.amountKopecks === attempt.amountKopecks && sameCurrency(message.currency, attempt.currency);
  if (!matches) {
    if (message.canReject) return rejected;
    const expected = `${attempt.amountKopecks} коп. ${attempt.currency}`;
    const got = `${message.amountKopecks ?? '?'} коп. ${message.currency ?? '?'}`;
    return { ...none, attemptEvent: 'paid', ...payee.disputed, alert: { kind: 'amount_mismatch', message: payee.mismatch(expected, got) } };
  }
  if (payee.awaiting) return { ...none, attemptEvent: 'paid', ...payee.confirmed };
  // Already paid (or closed) through another attempt: the payer paid twice.
  if (message.canReject) return rejected;
  return { ...none, attemptEvent: 'paid', alert: { kind: 'paid_twice', message: payee.paidTwice } };
}

export function decidePayment(attempt: AttemptFacts, orderState: OrderState, message: PaymentMessage): PaymentDecision {
  return decide(
    attempt,
    {
      awaiting: orderState === 'awaiting_payment' || orderState === 'needs_review',
      confirmed: { orderEvent: 'payment_confirmed' },
      // Money arrived but did not match the order: staff decide (needs_review).
      disputed: { orderEvent: orderState === 'awaiting_payment' ? 'payment_disputed' : null },
      mismatch: (expected, got) => `Оплата не совпала с заказом: ожидали ${expected}, получили ${got}.`,
      paidTwice: 'Заказ оплачен повторно: верните лишний платёж клиенту.',
    },
    message,
  );
}

/**
 * A message about an attempt paying a surcharge invoice: it moves the invoice, never the order. A
 * mismatched amount leaves the invoice open for staff.
 */
export function decideInvoicePayment(attempt: AttemptFacts, invoiceState: InvoiceState, message: PaymentMessage): PaymentDecision {
  return decide(
    attempt,
    {
      awaiting: invoiceState === 'open',
      confirmed: { invoiceEvent: 'payment_confirmed' },
      disputed: {},
      mismatch: (expected, got) => `Оплата счёта на доплату не совпала со счётом: ожидали ${expected}, получили ${got}. Счёт остался открытым.`,
      paidTwice: 'Счёт на доплату оплачен повторно или после отмены: верните платёж клиенту.',
    },
    message,
  );
}

/** The check callback: accept only exactly this payment, for an order or invoice still awaiting it. */
export function acceptsCheck(attempt: AttemptFacts, awaiting: boolean, message: Pick<PaymentMessage, 'amountKopecks' | 'currency'>): boolean {
  return (
    (attempt.state === 'created' || attempt.state === 'initiated') &&
    awaiting &&
    message.amountKopecks === attempt.amountKopecks &&
    sameCurrency(message.currency, attempt.currency)
  );
}
