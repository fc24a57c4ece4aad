import type { Settlement, VatRate } from './receipt.js';

// VAT on receipts (docs/atol-protocol.md#vat): the nominal rate of a service, the rate a receipt shows
// for it, and the VAT in a VAT-inclusive sum. Integer kopecks only.

/** The rate as a receipt shows it: nominal, or the calculated rate of a prepayment (22/122 …). */
export type VatOnReceipt = VatRate | 'vat5_105' | 'vat7_107' | 'vat10_110' | 'vat22_122';

/** Percent of each nominal rate; null for «без НДС». */
export const VAT_PERCENT: Record<VatRate, number | null> = {
  none: null,
  vat0: 0,
  vat5: 5,
  vat7: 7,
  vat10: 10,
  vat22: 22,
};

const CALCULATED: Partial<Record<VatRate, VatOnReceipt>> = {
  vat5: 'vat5_105',
  vat7: 'vat7_107',
  vat10: 'vat10_110',
  vat22: 'vat22_122',
};

/**
 * The rate a receipt line shows (the rate-selection rule, НК ст. 164 п. 4): a prepayment receipt, and
 * the refund of one, shows the calculated rate (22/122, 10/110, 5/105, 7/107); a full settlement and
 * its refund show the nominal rate. 0 % and «без НДС» are the same either way.
 */
export function vatOnReceipt(rate: VatRate, settlement: Settlement): VatOnReceipt {
  return settlement === 'prepayment_100' ? (CALCULATED[rate] ?? rate) : rate;
}

/**
 * n / d rounded to the nearest integer, halves away from zero, exactly (BigInt inside: price ×
 * thousandths of a quantity can pass 2^53). d must be a positive integer.
 */
export function divideRounded(n: number, d: number): number {
  if (!Number.isSafeInteger(n) || !Number.isSafeInteger(d) || d <= 0) throw new RangeError(`divideRounded needs integers and d > 0, got ${n} / ${d}`);
  const negative = n < 0;
  const magnitude = BigInt(negative ? -n : n);
  const divisor = BigInt(d);
  const rounded = Number((2n * magnitude + divisor) / (2n * divisor));
  return negative ? -rounded : rounded;
}

/**
 * VAT in a VAT-inclusive sum: round(sum × rate / (100 + rate)) to the kopeck, halves away from zero.
 * The same for the nominal and the calculated rate (22 % of a VAT-inclusive 122 is 22/122 of it).
 */
export function vatKopecks(sumKopecks: number, rate: VatRate): number {
  const percent = VAT_PERCENT[rate];
  if (percent === null || percent === 0) return 0;
  return divideRounded(sumKopecks * percent, 100 + percent);
}
