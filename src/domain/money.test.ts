import { describe, expect, it } from 'vitest';
import { formatRub } from './money.js';

describe('formatRub', () => {
  it('formats whole roubles without kopecks', () => {
    expect(formatRub(1_500_000)).toBe('15\u00a0000\u00a0₽');
  });
  it('shows kopecks when there are any', () => {
    expect(formatRub(1_234_550)).toBe('12\u00a0345,50\u00a0₽');
  });
  it('refuses fractional kopecks', () => {
    expect(() => formatRub(10.5)).toThrow(TypeError);
  });
});
