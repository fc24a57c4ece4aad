/**
 * ATOL sends roubles as JSON numbers (docs/atol-protocol.md#items). The sandbox checks them in integer kopecks
 * (and quantities in thousandths) so that no comparison depends on floating point.
 */

/** Integer units of `value × 10^decimals`, or undefined when it has more decimals than allowed. */
function scaled(value: number, decimals: number): number | undefined {
  const factor = 10 ** decimals;
  const units = Math.round(value * factor);
  // Binary noise (0.29 × 100 = 28.999999999999996) is tolerated; a real extra decimal is not.
  return Math.abs(units - value * factor) < 1e-3 ? units : undefined;
}

export const toKopecks = (roubles: number) => scaled(roubles, 2);
export const toThousandths = (quantity: number) => scaled(quantity, 3);

/** price × quantity rounded half up to the kopeck (docs/atol-protocol.md#items: "rounded to the kopeck"). */
export function lineSumKopecks(priceKopecks: number, quantityThousandths: number): number {
  return Math.round((priceKopecks * quantityThousandths) / 1000);
}

/** VAT types and what share of the VAT-inclusive sum is VAT (docs/atol-protocol.md#vat). */
export const VAT_RATES: Record<string, { numerator: number; denominator: number } | null> = {
  none: null,
  vat0: { numerator: 0, denominator: 100 },
  vat5: { numerator: 5, denominator: 105 },
  vat7: { numerator: 7, denominator: 107 },
  vat10: { numerator: 10, denominator: 110 },
  vat20: { numerator: 20, denominator: 120 },
  vat22: { numerator: 22, denominator: 122 },
  vat105: { numerator: 5, denominator: 105 },
  vat107: { numerator: 7, denominator: 107 },
  vat110: { numerator: 10, denominator: 110 },
  vat120: { numerator: 20, denominator: 120 },
  vat122: { numerator: 22, denominator: 122 },
};

export const VAT_TYPES = Object.keys(VAT_RATES);

/** Nominal rates: on prepayment lines tax law wants the calculated one (docs/atol-protocol.md#vat, strict mode). */
export const NOMINAL_VAT = new Set(['vat5', 'vat7', 'vat10', 'vat20', 'vat22']);
/** Rates for settlements up to 31.12.2025 only. */
export const VAT_2025 = new Set(['vat20', 'vat120']);

/** VAT in a VAT-inclusive sum, `round(sum × n / d, 2)`; 0 for `none`. */
export function vatKopecks(type: string, sumKopecks: number): number {
  const rate = VAT_RATES[type];
  return rate ? Math.round((sumKopecks * rate.numerator) / rate.denominator) : 0;
}

/** For people: `15 000,00`. */
export function displayRoubles(value: number): string {
  return value.toLocaleString('ru-RU', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}
