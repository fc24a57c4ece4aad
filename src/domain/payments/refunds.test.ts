import { describe, expect, it } from 'vitest';
import { fullyRefunded, refundableKopecks } from './refunds.js';

describe('refunds', () => {
  it('counts pending and unknown refunds against what is left, failed ones not', () => {
    const refunds = [
      { amountKopecks: 300, state: 'succeeded' as const },
      { amountKopecks: 200, state: 'pending' as const },
      { amountKopecks: 100, state: 'unknown' as const },
      { amountKopecks: 999, state: 'failed' as const },
    ];
    expect(refundableKopecks(1000, refunds)).toBe(400);
    expect(refundableKopecks(500, refunds)).toBe(0);
  });

  it('calls a payment fully refunded only on succeeded refunds', () => {
    expect(fullyRefunded(1000, [{ amountKopecks: 1000, state: 'pending' }])).toBe(false);
    expect(fullyRefunded(1000, [{ amountKopecks: 600, state: 'succeeded' }, { amountKopecks: 400, state: 'succeeded' }])).toBe(true);
  });
});
