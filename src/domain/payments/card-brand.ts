const brands: Record<string, string> = { VI: 'Visa', MC: 'Mastercard', MI: 'Мир', UP: 'UnionPay' };

/** The gateway's brand code as people know it: "VI" → "Visa"; unknown codes as they are. */
export const cardBrandName = (code: string): string => brands[code] ?? code;
