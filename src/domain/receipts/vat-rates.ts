import type { VatRate } from './receipt.js';

// The VAT rates a service can carry (catalog setting), in the order the catalog form offers them.

export const vatRates = ['none', 'vat0', 'vat5', 'vat7', 'vat10', 'vat22'] as const satisfies readonly VatRate[];

export const vatRateNames: Record<VatRate, string> = {
  none: 'Без НДС',
  vat0: 'НДС 0%',
  vat5: 'НДС 5%',
  vat7: 'НДС 7%',
  vat10: 'НДС 10%',
  vat22: 'НДС 22%',
};

export const isVatRate = (value: unknown): value is VatRate => typeof value === 'string' && (vatRates as readonly string[]).includes(value);
