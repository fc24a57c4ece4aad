import { describe, expect, it } from 'vitest';
import { slaShare, slaShareInWords } from './callback-sla.js';

const now = new Date('2026-11-24T12:00:00Z');
const at = (time: string) => new Date(`2026-11-24T${time}:00Z`);

describe('the callback SLA share', () => {
  it('counts a contact at the deadline as met and a later one as missed', () => {
    expect(slaShare([{ callbackDueAt: at('10:00'), firstContactAt: at('10:00') }], now)).toEqual({ met: 1, judged: 1, percent: 100 });
    expect(slaShare([{ callbackDueAt: at('10:00'), firstContactAt: at('10:01') }], now)).toEqual({ met: 0, judged: 1, percent: 0 });
  });

  it('counts an order never contacted as missed once its deadline has come, and does not judge it before', () => {
    expect(slaShare([{ callbackDueAt: at('12:00'), firstContactAt: null }], now).judged).toBe(1);
    expect(slaShare([{ callbackDueAt: at('12:01'), firstContactAt: null }], now).judged).toBe(0);
    expect(slaShare([{ callbackDueAt: null, firstContactAt: null }], now).judged).toBe(0);
  });

  it('gives the share of judged orders in words', () => {
    const share = slaShare(
      [
        { callbackDueAt: at('09:00'), firstContactAt: at('08:30') },
        { callbackDueAt: at('09:00'), firstContactAt: at('08:59') },
        { callbackDueAt: at('09:00'), firstContactAt: null },
        { callbackDueAt: at('13:00'), firstContactAt: null },
      ],
      now,
    );
    expect(share).toEqual({ met: 2, judged: 3, percent: (2 / 3) * 100 });
    expect(slaShareInWords(share)).toBe('2 из 3 (66,6\u00a0%)');
  });

  it('never rounds up to a perfect score', () => {
    expect(slaShareInWords({ met: 9999, judged: 10000, percent: 99.99 })).toBe('9\u00a0999 из 10\u00a0000 (99,9\u00a0%)');
    expect(slaShareInWords({ met: 4, judged: 4, percent: 100 })).toBe('4 из 4 (100\u00a0%)');
    expect(slaShareInWords(slaShare([], now))).toMatch(/^пока нечего оценивать/);
  });
});
