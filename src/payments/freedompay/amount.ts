// Gateway amounts are decimal strings in major units ("1500", "1500.00", "-500"); ours are integer
// kopecks. Converted by string, never through floating point.

export function toGatewayAmount(kopecks: number): string {
  if (!Number.isSafeInteger(kopecks)) throw new TypeError(`kopecks must be an integer, got ${kopecks}`);
  const sign = kopecks < 0 ? '-' : '';
  const abs = Math.abs(kopecks);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** "1500" → 150000, "12.5" → 1250, "-500.00" → -50000; null when it is not a plain decimal. */
export function fromGatewayAmount(text: string | undefined): number | null {
  const match = /^(-?)(\d{1,12})(?:\.(\d{1,2}))?$/.exec(text?.trim() ?? '');
  if (!match) return null;
  const [, sign, whole, fraction = ''] = match;
  const kopecks = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return sign ? -kopecks : kopecks;
}
