import { describe, expect, it } from 'vitest';
import { cancelOrRefund, dayCloseOf, needsCancellationRequest } from './cancel-or-refund.js';

// Moscow is UTC+3 all year: 23:58 MSK = 20:58Z.
const paidAt = new Date('2026-03-05T11:02:00Z'); // 14:02 MSK, 5 March

describe('cancel or refund', () => {
  it('cancels at 23:58 Moscow time of the payment day when the gateway allows it', () => {
    const decision = cancelOrRefund({ paidAt, now: new Date('2026-03-05T20:58:00Z'), gatewayCancellable: true });
    expect(decision.kind).toBe('cancel');
    expect(decision.why).toContain('5 марта 2026');
    expect(decision.why).toContain('23:59 по Москве');
  });

  it('refunds from 23:59 sharp: the bank day is closed', () => {
    expect(cancelOrRefund({ paidAt, now: new Date('2026-03-05T20:58:59.999Z'), gatewayCancellable: true }).kind).toBe('cancel');
    const atClose = cancelOrRefund({ paidAt, now: new Date('2026-03-05T20:59:00Z'), gatewayCancellable: true });
    expect(atClose.kind).toBe('refund');
    expect(atClose.why).toContain('закрыт');
  });

  it('refunds at 00:01 the next day even if the gateway would still cancel', () => {
    const decision = cancelOrRefund({ paidAt, now: new Date('2026-03-05T21:01:00Z'), gatewayCancellable: true });
    expect(decision).toEqual({ kind: 'refund', why: expect.stringContaining('Банковский день платежа (5 марта 2026) закрыт') });
  });

  it('refunds on the payment day when the gateway says it can no longer cancel', () => {
    const decision = cancelOrRefund({ paidAt, now: new Date('2026-03-05T20:58:00Z'), gatewayCancellable: false });
    expect(decision.kind).toBe('refund');
    expect(decision.why).toContain('шлюз сообщает, что платёж уже нельзя отменить');
  });

  it('takes the day from Moscow, not UTC, across the date boundary', () => {
    // 00:30 MSK on 6 March is still 5 March in UTC: the day is the 6th, closing at 23:59 MSK on the 6th.
    const lateNight = new Date('2026-03-05T21:30:00Z');
    expect(dayCloseOf(lateNight).toISOString()).toBe('2026-03-06T20:59:00.000Z');
    expect(cancelOrRefund({ paidAt: lateNight, now: new Date('2026-03-06T20:58:00Z'), gatewayCancellable: true }).kind).toBe('cancel');
    expect(cancelOrRefund({ paidAt: lateNight, now: new Date('2026-03-06T21:01:00Z'), gatewayCancellable: true }).kind).toBe('refund');
    // 23:30 MSK on 5 March is 20:30Z, the same UTC day: at 01:00Z on the 6th (04:00 MSK) it is past close.
    const evening = new Date('2026-03-05T20:30:00Z');
    expect(cancelOrRefund({ paidAt: evening, now: new Date('2026-03-05T21:01:00Z'), gatewayCancellable: true }).kind).toBe('refund');
    expect(cancelOrRefund({ paidAt: evening, now: new Date('2026-03-05T20:58:30Z'), gatewayCancellable: true }).why).toContain('5 марта 2026');
  });

  it('releases a hold by cancelling on any day: nothing was debited to refund', () => {
    const decision = cancelOrRefund({ paidAt, now: new Date('2026-03-08T09:00:00Z'), gatewayCancellable: true, held: true });
    expect(decision.kind).toBe('cancel');
    expect(decision.why).toContain('только заблокированы');
  });
});

describe('the bank cancellation request', () => {
  const refund = (createdAt: string, state = 'succeeded', kind = 'refund') => ({ kind, state, createdAt: new Date(createdAt) });
  it('comes with refunds made after the day close, not with cancels, same-day refunds or refused refunds', () => {
    expect(needsCancellationRequest(paidAt, refund('2026-03-05T21:01:00Z'))).toBe(true);
    expect(needsCancellationRequest(paidAt, refund('2026-03-05T21:01:00Z', 'unknown'))).toBe(true);
    expect(needsCancellationRequest(paidAt, refund('2026-03-05T20:58:00Z'))).toBe(false);
    expect(needsCancellationRequest(paidAt, refund('2026-03-05T21:01:00Z', 'failed'))).toBe(false);
    expect(needsCancellationRequest(paidAt, refund('2026-03-05T21:01:00Z', 'succeeded', 'cancel'))).toBe(false);
  });
});
