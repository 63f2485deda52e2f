// The sketch's bucket table must put every value exactly where the logarithm
// does: quantiles, and so every p90 staffsim prints, may not move by the
// table. Checked at and next to every bucket edge (where a table would
// go wrong first) and on values spread over the whole range.
import { describe, expect, it } from 'vitest';
import { bucketByLog, bucketOf, QuantileSketch, SKETCH_MAX_VALUE, SKETCH_MIN_VALUE, SKETCH_RELATIVE_ERROR } from '../../src/metrics/histogram.js';

const GAMMA = (1 + SKETCH_RELATIVE_ERROR) / (1 - SKETCH_RELATIVE_ERROR);

/** The next double above x (x > 0), by its bits. */
function nextUp(x: number): number {
  const b = new Float64Array([x]);
  const w = new BigUint64Array(b.buffer);
  w[0] += 1n;
  return b[0];
}
function nextDown(x: number): number {
  const b = new Float64Array([x]);
  const w = new BigUint64Array(b.buffer);
  w[0] -= 1n;
  return b[0];
}

describe('QuantileSketch bucket table', () => {
  it('agrees with the logarithm at and beside every bucket edge', () => {
    let checked = 0;
    for (let edge = SKETCH_MIN_VALUE; edge < SKETCH_MAX_VALUE * 2; edge *= GAMMA) {
      let x = edge;
      for (let i = 0; i < 4; i++) x = nextDown(x);
      for (let i = 0; i < 9; i++, x = nextUp(x)) {
        expect(bucketOf(x), `value ${x}`).toBe(bucketByLog(x));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(9 * 1200);
  });

  it('agrees with the logarithm on values spread over twelve decades and past both ends', () => {
    // A fixed linear congruential sequence: log-uniform values from 1e-7 to 1e8.
    let state = 12345;
    let fromTable = 0;
    for (let i = 0; i < 200_000; i++) {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      const x = 10 ** (-7 + (15 * state) / 2 ** 32);
      const k = bucketOf(x);
      expect(k).toBe(bucketByLog(x));
      if (x > SKETCH_MIN_VALUE && x < SKETCH_MAX_VALUE) fromTable++;
    }
    expect(fromTable).toBeGreaterThan(100_000);
  });

  it('places the first and last buckets as their definition says', () => {
    // Bucket 0 is (0, SKETCH_MIN_VALUE]; the next starts just above it.
    expect(bucketOf(SKETCH_MIN_VALUE)).toBe(0);
    expect(bucketOf(SKETCH_MIN_VALUE / 3)).toBe(0);
    expect(bucketOf(SKETCH_MIN_VALUE * 1.001)).toBe(1);
    // One value per bucket when stepping by γ from just above an edge.
    const first = SKETCH_MIN_VALUE * Math.sqrt(GAMMA);
    for (let k = 1; k < 50; k++) expect(bucketOf(first * GAMMA ** (k - 1))).toBe(k);
    expect(bucketOf(SKETCH_MAX_VALUE * 10)).toBe(bucketOf(SKETCH_MAX_VALUE * 1000));
  });
});

describe('QuantileSketch.addZero', () => {
  it('is add(0): the same count, minimum, maximum and quantiles', () => {
    const values = [0, 3.5, 0, 0.25, 0, 12, 0, 0];
    const byAdd = new QuantileSketch();
    const byZero = new QuantileSketch();
    for (const v of values) {
      byAdd.add(v);
      if (v === 0) byZero.addZero();
      else byZero.add(v);
    }
    expect(byZero.count).toBe(8);
    expect(byZero.min).toBe(0);
    expect(byZero.max).toBe(12);
    for (const q of [0, 0.5, 0.625, 0.7, 0.8, 0.9, 1]) expect(byZero.quantile(q)).toBe(byAdd.quantile(q));
    // Five of eight are zero: the 0.625-quantile is 0, the next order statistic is 0.25's bucket.
    expect(byZero.quantile(0.625)).toBe(0);
    expect(byZero.quantile(0.7)).toBeCloseTo(0.25, 2);
  });

  it('makes a sketch of zeros only answer 0 everywhere', () => {
    const sketch = new QuantileSketch();
    for (let i = 0; i < 5; i++) sketch.addZero();
    expect([sketch.count, sketch.min, sketch.max, sketch.quantile(0.9)]).toEqual([5, 0, 0, 0]);
  });
});
