import { describe, expect, it } from 'vitest';
import { decideInvoicePayment, type PaymentMessage } from './payment-decision.js';

const attempt = { state: 'initiated' as const, amountKopecks: 600_000, currency: 'RUB' };
const paid: PaymentMessage = { kind: 'paid', amountKopecks: 600_000, currency: 'RUB', canReject: true };

describe('decideInvoicePayment', () => {
  it('pays an open invoice and never touches the order', () => {
    expect(decideInvoicePayment(attempt, 'open', paid)).toEqual({
      answer: 'ok',
      attemptEvent: 'paid',
      orderEvent: null,
      invoiceEvent: 'payment_confirmed',
      alert: null,
    });
  });

  it('rejects a wrong amount when it can, otherwise keeps the money, leaves the invoice open and alerts staff', () => {
    expect(decideInvoicePayment(attempt, 'open', { ...paid, amountKopecks: 100 })).toMatchObject({ answer: 'rejected', attemptEvent: 'failed', invoiceEvent: null });
    const kept = decideInvoicePayment(attempt, 'open', { ...paid, currency: 'KZT', canReject: false });
    expect(kept).toMatchObject({ answer: 'ok', attemptEvent: 'paid', orderEvent: null, invoiceEvent: null, alert: { kind: 'amount_mismatch' } });
  });

  it('refuses a second payment of a settled invoice, or flags it when it cannot', () => {
    for (const state of ['paid', 'cancelled'] as const) {
      expect(decideInvoicePayment(attempt, state, paid)).toMatchObject({ answer: 'rejected', attemptEvent: 'failed', invoiceEvent: null });
      expect(decideInvoicePayment(attempt, state, { ...paid, canReject: false })).toMatchObject({ attemptEvent: 'paid', invoiceEvent: null, alert: { kind: 'paid_twice' } });
    }
  });

  it('fails the attempt on a failure and never demotes a paid one', () => {
    const failed: PaymentMessage = { ...paid, kind: 'failed' };
    expect(decideInvoicePayment(attempt, 'open', failed)).toMatchObject({ attemptEvent: 'failed', invoiceEvent: null });
    expect(decideInvoicePayment({ ...attempt, state: 'paid' }, 'paid', failed).attemptEvent).toBeNull();
  });
});
