// QuantileSketch (src/metrics/histogram.ts) at two edges of its layout: a
// quantile whose order statistic is the last of the exact zeros, and one
// that falls among values clamped above SKETCH_MAX_VALUE. The answers follow
// from the layout described in the module (an exact zero bucket; everything
// above the largest resolved value answered as that value, within the
// relative error), not from the code.

import { describe, expect, it } from 'vitest';
import { QuantileSketch, SKETCH_MAX_VALUE, SKETCH_RELATIVE_ERROR } from '../../src/metrics/histogram.js';

const sketchOf = (values: number[]) => {
  const s = new QuantileSketch();
  for (const v of values) s.add(v);
  return s;
};

describe('QuantileSketch at the edges of its buckets', () => {
  it('the last zero of the sorted values answers exactly 0, the next value its own', () => {
    // Sorted: 0, 0, 5, 5, 5. q = 0.4: rank ceil(0.4 · 5) = 2, the second zero; q = 0.6: rank 3, a 5.
    const s = sketchOf([5, 0, 5, 0, 5]);
    expect(s.quantile(0.4)).toBe(0);
    expect(Math.abs(s.quantile(0.6) - 5)).toBeLessThanOrEqual(5 * SKETCH_RELATIVE_ERROR);
  });

  it('an order statistic among values above its range answers the range\'s top, not the largest value', () => {
    // Sorted: 1, 1e8, 2e8, 3e8, 4e8. q = 0.5: rank 3, clamped to SKETCH_MAX_VALUE (1e6); the exact
    // extremes stay (q = 0 is 1, q = 1 is 4e8).
    const s = sketchOf([1e8, 1, 4e8, 2e8, 3e8]);
    expect(Math.abs(s.quantile(0.5) - SKETCH_MAX_VALUE)).toBeLessThanOrEqual(SKETCH_MAX_VALUE * SKETCH_RELATIVE_ERROR);
    expect(s.quantile(0)).toBe(1);
    expect(s.quantile(1)).toBe(4e8);
  });
});

describe('QuantileSketch refuses a quantile below 0', () => {
  it('naming it, as it does one above 1', () => {
    const s = sketchOf([1, 2]);
    expect(() => s.quantile(-0.5)).toThrow('QuantileSketch.quantile: q must be in [0, 1], got -0.5');
    expect(() => s.quantile(-Number.MIN_VALUE)).toThrow(RangeError);
  });
});
