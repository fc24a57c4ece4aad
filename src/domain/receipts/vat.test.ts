import { describe, expect, it } from 'vitest';
import type { Settlement, VatRate } from './receipt.js';
import { divideRounded, vatKopecks, vatOnReceipt, type VatOnReceipt } from './vat.js';

describe('vatOnReceipt: nominal rate → the rate a receipt shows', () => {
  const table: [VatRate, VatOnReceipt, VatOnReceipt][] = [
    // rate,   on a prepayment receipt, on a full settlement
    ['none', 'none', 'none'],
    ['vat0', 'vat0', 'vat0'],
    ['vat5', 'vat5_105', 'vat5'],
    ['vat7', 'vat7_107', 'vat7'],
    ['vat10', 'vat10_110', 'vat10'],
    ['vat22', 'vat22_122', 'vat22'],
  ];
  it.each(table)('%s → %s on prepayment, %s on full settlement', (rate, prepayment, full) => {
    expect(vatOnReceipt(rate, 'prepayment_100' satisfies Settlement)).toBe(prepayment);
    expect(vatOnReceipt(rate, 'full' satisfies Settlement)).toBe(full);
  });
});

describe('vatKopecks: round(sum × rate / (100 + rate)) to the kopeck', () => {
  it.each([
    // The worked examples of docs/atol-protocol.md#worked-examples.
    [1_500_000, 'vat22', 270_492],
    [500_000, 'vat22', 90_164],
    [1_000_000, 'vat22', 180_328],
    [300_000, 'vat22', 54_098],
    [800_000, 'vat22', 144_262],
    // 15 000 × 5/105 = 714.2857…, × 7/107 = 981.3084…, × 10/110 = 1363.6363…
    [1_500_000, 'vat5', 71_429],
    [1_500_000, 'vat7', 98_131],
    [1_500_000, 'vat10', 136_364],
    [1_500_000, 'vat0', 0],
    [1_500_000, 'none', 0],
    [1, 'vat22', 0],
    [3, 'vat22', 1],
  ] as [number, VatRate, number][])('%i kopecks at %s → %i', (sum, rate, vat) => {
    expect(vatKopecks(sum, rate)).toBe(vat);
  });
});

describe('divideRounded', () => {
  it('rounds halves away from zero, both signs', () => {
    expect(divideRounded(5, 2)).toBe(3);
    expect(divideRounded(-5, 2)).toBe(-3);
    expect(divideRounded(4, 3)).toBe(1);
    expect(divideRounded(-4, 3)).toBe(-1);
    expect(divideRounded(0, 7)).toBe(0);
  });

  it('stays exact past 2^53 in the product', () => {
    // 42 949 672,95 ₽ × 99 999,999 in thousandths: far beyond a double's integers.
    expect(divideRounded(4_294_967_295 * 2, 2)).toBe(4_294_967_295);
    expect(() => divideRounded(1.5, 2)).toThrow(RangeError);
    expect(() => divideRounded(1, 0)).toThrow(RangeError);
  });
});
