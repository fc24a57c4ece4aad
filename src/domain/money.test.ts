import { describe, expect, it } from 'vitest';
import { formatRub, parseRoubles, roublesForInput } from './money.js';

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

describe('parseRoubles', () => {
  it.each([
    ['12500', 1_250_000],
    ['12 500', 1_250_000],
    ['12\u00a0500', 1_250_000],
    ['12 500,50', 1_250_050],
    ['12500.5', 1_250_050],
    ['0,29', 29],
    ['1 234 567', 123_456_700],
    [' 15 000 ₽ ', 1_500_000],
    ['3000 руб.', 300_000],
  ])('reads %j as %i kopecks', (input, kopecks) => {
    expect(parseRoubles(input)).toEqual({ ok: true, kopecks });
  });

  it.each(['', 'abc', '12,505', '1 2 3', '12 50', '-100', '1e5', '12.500,00', '12,'])('refuses %j with a Russian message', (input) => {
    const result = parseRoubles(input);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/[а-я]/);
  });

  it('refuses zero and amounts beyond the limit', () => {
    expect(parseRoubles('0')).toEqual({ ok: false, error: 'Сумма должна быть больше нуля.' });
    expect(parseRoubles('0,00').ok).toBe(false);
    expect(parseRoubles('10 000 000').ok).toBe(true);
    expect(parseRoubles('10 000 000,01').ok).toBe(false);
  });

  it('round-trips what the form shows', () => {
    for (const kopecks of [1, 29, 100, 1_250_050, 1_500_000]) {
      expect(parseRoubles(roublesForInput(kopecks))).toEqual({ ok: true, kopecks });
    }
  });
});
