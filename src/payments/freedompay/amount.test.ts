import { describe, expect, it } from 'vitest';
import { fromGatewayAmount, toGatewayAmount } from './amount.js';

describe('gateway amounts', () => {
  it.each([
    [1_500_000, '15000.00'],
    [1, '0.01'],
    [1250, '12.50'],
    [-50_000, '-500.00'],
  ])('%i kopecks ↔ %s', (kopecks, text) => {
    expect(toGatewayAmount(kopecks)).toBe(text);
    expect(fromGatewayAmount(text)).toBe(kopecks);
  });

  it.each([
    ['1500', 150_000],
    ['12.5', 1250],
    ['-500', -50_000],
    [' 7 ', 700],
  ])('reads %j as %i kopecks', (text, kopecks) => {
    expect(fromGatewayAmount(text)).toBe(kopecks);
  });

  it.each(['', '1,50', '1.234', 'abc', '1e3', undefined])('refuses %j', (text) => {
    expect(fromGatewayAmount(text)).toBeNull();
  });
});
