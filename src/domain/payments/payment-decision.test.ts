import { describe, expect, it } from 'vitest';
import { acceptsCheck, decidePayment, type PaymentMessage } from './payment-decision.js';

const attempt = { state: 'initiated' as const, amountKopecks: 1_500_000, currency: 'RUB' };
const paid: PaymentMessage = { kind: 'paid', amountKopecks: 1_500_000, currency: 'RUB', canReject: true };

describe('decidePayment', () => {
  it('confirms a matching payment for an order awaiting it', () => {
    expect(decidePayment(attempt, 'awaiting_payment', paid)).toEqual({
      answer: 'ok',
      attemptEvent: 'paid',
      orderEvent: 'payment_confirmed',
      invoiceEvent: null,
      alert: null,
    });
  });

  it('rejects a wrong amount or currency when the gateway can reverse it', () => {
    for (const message of [{ ...paid, amountKopecks: 100 }, { ...paid, currency: 'KZT' }, { ...paid, amountKopecks: null }]) {
      expect(decidePayment(attempt, 'awaiting_payment', message)).toMatchObject({ answer: 'rejected', attemptEvent: 'failed', orderEvent: null });
    }
  });

  it('accepts a wrong amount it cannot reject, and sends the order to review with an alert', () => {
    const decision = decidePayment(attempt, 'awaiting_payment', { ...paid, amountKopecks: 100, canReject: false });
    expect(decision).toMatchObject({ answer: 'ok', attemptEvent: 'paid', orderEvent: 'payment_disputed' });
    expect(decision.alert?.kind).toBe('amount_mismatch');
  });

  it('treats the legacy RUR code as roubles', () => {
    expect(decidePayment(attempt, 'awaiting_payment', { ...paid, currency: 'RUR' }).answer).toBe('ok');
  });

  it('rejects a second payment for an order already paid, or flags it when it cannot', () => {
    expect(decidePayment(attempt, 'paid', paid)).toMatchObject({ answer: 'rejected', orderEvent: null });
    const kept = decidePayment(attempt, 'paid', { ...paid, canReject: false });
    expect(kept).toMatchObject({ answer: 'ok', attemptEvent: 'paid', orderEvent: null, alert: { kind: 'paid_twice' } });
  });

  it('marks an open attempt failed on a failure, and never a paid one', () => {
    const failed: PaymentMessage = { ...paid, kind: 'failed' };
    expect(decidePayment(attempt, 'awaiting_payment', failed)).toMatchObject({ answer: 'ok', attemptEvent: 'failed', orderEvent: null });
    expect(decidePayment({ ...attempt, state: 'paid' }, 'paid', failed).attemptEvent).toBeNull();
  });

  it('ignores pending messages', () => {
    expect(decidePayment(attempt, 'awaiting_payment', { ...paid, kind: 'pending' })).toEqual({
      answer: 'ok',
      attemptEvent: null,
      orderEvent: null,
      invoiceEvent: null,
      alert: null,
    });
  });
});

describe('acceptsCheck', () => {
  it('accepts only an open attempt of an order awaiting payment, for the exact amount', () => {
    expect(acceptsCheck(attempt, true, paid)).toBe(true);
    expect(acceptsCheck(attempt, false, paid)).toBe(false);
    expect(acceptsCheck(attempt, true, { ...paid, currency: 'RUR' })).toBe(true);
    expect(acceptsCheck({ ...attempt, state: 'failed' }, true, paid)).toBe(false);
    expect(acceptsCheck(attempt, true, { ...paid, amountKopecks: 1_499_999 })).toBe(false);
  });
});
