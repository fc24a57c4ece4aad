// The value axis of a bar chart of money: round steps (1, 2 or 5 × 10ⁿ whole roubles) that a person
// reads at a glance, zero always on the axis, room below it when a day's refunds exceed its payments.

export interface ChartScale {
  /** Bottom and top of the axis, in kopecks (min ≤ 0 ≤ max). */
  min: number;
  max: number;
  /** Gridline values from min to max, one step apart. */
  ticks: number[];
}

const KOPECKS_PER_ROUBLE = 100;
const EMPTY_TOP = 1_000 * KOPECKS_PER_ROUBLE;

export function chartScale(values: readonly number[], maxSteps = 4): ChartScale {
  const low = Math.min(0, ...values);
  const high = Math.max(0, ...values);
  const span = high - low || EMPTY_TOP;
  const step = niceStep(span / maxSteps);
  const min = Math.floor(low / step) * step;
  const max = high === low ? EMPTY_TOP : Math.ceil(high / step) * step;
  const ticks: number[] = [];
  for (let tick = min; tick <= max; tick += step) ticks.push(tick);
  return { min, max, ticks };
}

/** The smallest 1, 2 or 5 × 10ⁿ roubles (in kopecks) at least `raw`. */
function niceStep(raw: number): number {
  const roubles = Math.max(raw / KOPECKS_PER_ROUBLE, 1);
  const power = 10 ** Math.floor(Math.log10(roubles));
  const factor = [1, 2, 5, 10].find((f) => f * power >= roubles)!;
  return factor * power * KOPECKS_PER_ROUBLE;
}

/** Where a value sits on the axis: 0 at the bottom, 1 at the top. */
export function positionOn(scale: ChartScale, value: number): number {
  return (value - scale.min) / (scale.max - scale.min);
}
