import type { InvoiceEvent, InvoiceState } from './invoice-machine.js';
import type { OrderEvent, OrderState } from './order-machine.js';
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
  invoiceEvent?: InvoiceEvent | null;
  /** Something staff must look at, in Russian, for the back office. */
  alert: { kind: 'amount_mismatch' | 'paid_twice'; message: string } | null;
}

const sameCurrency = (a: string | null, b: string) => (a === 'RUR' ? 'RUB' : a) === b;

export function decidePayment(
  attempt: { state: AttemptState; amountKopecks: number; currency: string },
  orderState: OrderState,
  message: PaymentMessage,
): PaymentDecision {
  const none: PaymentDecision = { answer: 'ok', attemptEvent: null, orderEvent: null, alert: null };
  if (message.kind === 'failed') {
    return { ...none, attemptEvent: attemptMachine.transition(attempt.state, 'failed') ? 'failed' : null };
  }
  if (message.kind !== 'paid') return none;

  const matches = message.amountKopecks === attempt.amountKopecks && sameCurrency(message.currency, attempt.currency);
  if (!matches) {
    if (message.canReject) return { ...none, answer: 'rejected', attemptEvent: 'failed' };
    return {
      answer: 'ok',
      attemptEvent: 'paid',
      orderEvent: orderState === 'awaiting_payment' ? 'payment_disputed' : null,
      alert: {
        kind: 'amount_mismatch',
        message: `Оплата не совпала с заказом: ожидали ${attempt.amountKopecks} коп. ${attempt.currency}, получили ${message.amountKopecks ?? '?'} коп. ${message.currency ?? '?'}.`,
      },
    };
  }
  if (orderState === 'awaiting_payment' || orderState === 'needs_review') {
    return { ...none, attemptEvent: 'paid', orderEvent: 'payment_confirmed' };
  }
  // The order was already paid (or closed) through another attempt: the payer paid twice.
  if (message.canReject) return { ...none, answer: 'rejected', attemptEvent: 'failed' };
  return {
    answer: 'ok',
    attemptEvent: 'paid',
    orderEvent: null,
    alert: { kind: 'paid_twice', message: 'Заказ оплачен повторно: верните лишний платёж клиенту.' },
  };
}

/** The check callback: accept only an order still awaiting exactly this payment. */
export function acceptsCheck(
  attempt: { state: AttemptState; amountKopecks: number; currency: string },
  orderState: OrderState,
  message: Pick<PaymentMessage, 'amountKopecks' | 'currency'>,
): boolean {
  return (
    (attempt.state === 'created' || attempt.state === 'initiated') &&
    orderState === 'awaiting_payment' &&
    message.amountKopecks === attempt.amountKopecks &&
    sameCurrency(message.currency, attempt.currency)
  );
}

/**
 * A message about an attempt paying a surcharge invoice: it moves the invoice, never the order. A
 * mismatched amount leaves the invoice open for staff; a second payment of a settled invoice is
 * rejected when possible, otherwise kept and flagged.
 */
export function decideInvoicePayment(
  attempt: { state: AttemptState; amountKopecks: number; currency: string },
  invoiceState: InvoiceState,
  message: PaymentMessage,
): PaymentDecision {
  const none: PaymentDecision = { answer: 'ok', attemptEvent: null, orderEvent: null, invoiceEvent: null, alert: null };
  if (message.kind === 'failed') {
    return { ...none, attemptEvent: attemptMachine.transition(attempt.state, 'failed') ? 'failed' : null };
  }
  if (message.kind !== 'paid') return none;

  const matches = message.amountKopecks === attempt.amountKopecks && sameCurrency(message.currency, attempt.currency);
  if (!matches) {
    if (message.canReject) return { ...none, answer: 'rejected', attemptEvent: 'failed' };
    return {
      ...none,
      attemptEvent: 'paid',
      alert: {
        kind: 'amount_mismatch',
        message: `Оплата счёта на доплату не совпала со счётом: ожидали ${attempt.amountKopecks} коп. ${attempt.currency}, получили ${message.amountKopecks ?? '?'} коп. ${message.currency ?? '?'}. Счёт остался открытым.`,
      },
    };
  }
  if (invoiceState === 'open') return { ...none, attemptEvent: 'paid', invoiceEvent: 'payment_confirmed' };
  if (message.canReject) return { ...none, answer: 'rejected', attemptEvent: 'failed' };
  return {
    ...none,
    attemptEvent: 'paid',
    alert: { kind: 'paid_twice', message: 'Счёт на доплату оплачен повторно или после отмены: верните платёж клиенту.' },
  };
}

/** The check callback for a surcharge: accept only an open invoice awaiting exactly this payment. */
export function acceptsInvoiceCheck(
  attempt: { state: AttemptState; amountKopecks: number; currency: string },
  invoiceState: InvoiceState,
  message: Pick<PaymentMessage, 'amountKopecks' | 'currency'>,
): boolean {
  return (
    (attempt.state === 'created' || attempt.state === 'initiated') &&
    invoiceState === 'open' &&
    message.amountKopecks === attempt.amountKopecks &&
    sameCurrency(message.currency, attempt.currency)
  );
}
