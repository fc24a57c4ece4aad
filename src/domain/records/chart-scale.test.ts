import { describe, expect, it } from 'vitest';
import { chartScale, positionOn } from './chart-scale.js';

const rub = (roubles: number) => roubles * 100;

describe('chartScale', () => {
  it('rounds the top up to a whole step of 1, 2 or 5 × 10ⁿ roubles', () => {
    expect(chartScale([rub(45_000), rub(15_000), 0])).toEqual({ min: 0, max: rub(60_000), ticks: [0, rub(20_000), rub(40_000), rub(60_000)] });
    expect(chartScale([rub(100_000)]).ticks).toEqual([0, rub(50_000), rub(100_000)]);
    expect(chartScale([rub(12_345)]).max).toBe(rub(15_000));
  });

  it('keeps zero on the axis and makes room for a negative day', () => {
    const scale = chartScale([rub(30_000), rub(-10_000)]);
    expect(scale.min).toBe(rub(-10_000));
    expect(scale.ticks).toContain(0);
    expect(positionOn(scale, 0)).toBeCloseTo(0.25);
  });

  it('draws an empty month on a small axis', () => {
    expect(chartScale(new Array(30).fill(0))).toEqual({ min: 0, max: rub(1_000), ticks: [0, rub(500), rub(1_000)] });
    expect(chartScale([1]).max).toBe(rub(1));
  });

  it('puts the top value at the top', () => {
    const scale = chartScale([rub(60_000)]);
    expect(positionOn(scale, rub(60_000))).toBe(1);
    expect(positionOn(scale, 0)).toBe(0);
  });
});
