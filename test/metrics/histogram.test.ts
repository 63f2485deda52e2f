import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QuantileSketch, SKETCH_MAX_VALUE, SKETCH_MIN_VALUE } from '../../src/metrics/histogram.js';

/** A small seeded PRNG (mulberry32) so the samples are the same on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function exponential(n: number, mean: number, seed: number): number[] {
  const u = rng(seed);
  return Array.from({ length: n }, () => -mean * Math.log(1 - u()));
}

function lognormal(n: number, mu: number, sigma: number, seed: number): number[] {
  const u = rng(seed);
  return Array.from({ length: n }, () => {
    const z = Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
    return Math.exp(mu + sigma * z);
  });
}

/** The order statistic the sketch estimates: the smallest x with at least q·n values ≤ x. */
function exactQuantile(sorted: readonly number[], q: number): number {
  const rank = Math.max(1, Math.ceil(q * sorted.length - 1e-9));
  return sorted[rank - 1];
}

function sketchOf(values: readonly number[]): QuantileSketch {
  const s = new QuantileSketch();
  for (const v of values) s.add(v);
  return s;
}

const QS = [0, 0.001, 0.01, 0.1, 0.25, 0.5, 0.75, 0.8, 0.9, 0.95, 0.99, 0.999, 1];

function expectWithinOnePercent(values: readonly number[], sketch: QuantileSketch): void {
  const sorted = [...values].sort((a, b) => a - b);
  for (const q of QS) {
    const exact = exactQuantile(sorted, q);
    const got = sketch.quantile(q);
    if (exact === 0) expect(got, `q=${q}`).toBe(0);
    else expect(Math.abs(got - exact) / exact, `q=${q}: ${got} vs ${exact}`).toBeLessThanOrEqual(0.01);
  }
}

describe('QuantileSketch', () => {
  it('an empty sketch has count 0 and answers 0 for every quantile', () => {
    const s = new QuantileSketch();
    expect(s.count).toBe(0);
    for (const q of QS) expect(s.quantile(q)).toBe(0);
  });

  it('answers within 1% of the exact quantile on an exponential sample', () => {
    const values = exponential(100_000, 4, 1);
    const s = sketchOf(values);
    expect(s.count).toBe(values.length);
    expectWithinOnePercent(values, s);
  });

  it('answers within 1% of the exact quantile on a lognormal sample spanning many decades', () => {
    const values = lognormal(100_000, 0, 2.5, 2);
    expectWithinOnePercent(values, sketchOf(values));
  });

  it('keeps zeros exact: quantiles inside the zero mass are exactly 0', () => {
    const u = rng(3);
    const values = exponential(50_000, 2, 4).map((v) => (u() < 0.6 ? 0 : v));
    const s = sketchOf(values);
    expect(s.quantile(0.5)).toBe(0);
    expect(s.quantile(0.59)).toBe(0);
    expectWithinOnePercent(values, s);
  });

  it('answers exactly 0 when every value is 0', () => {
    const s = sketchOf(new Array(1000).fill(0));
    for (const q of QS) expect(s.quantile(q)).toBe(0);
  });

  it('answers the exact value when every value is the same', () => {
    const s = sketchOf(new Array(10).fill(3.7));
    for (const q of QS) expect(s.quantile(q)).toBe(3.7);
  });

  it('returns the exact minimum for q = 0 and the exact maximum for q = 1', () => {
    const values = exponential(1000, 5, 5);
    const s = sketchOf(values);
    expect(s.quantile(0)).toBe(Math.min(...values));
    expect(s.quantile(1)).toBe(Math.max(...values));
  });

  it('clamps values outside its range without losing the exact extremes', () => {
    const s = sketchOf([1e-7, 5, 3 * SKETCH_MAX_VALUE]);
    expect(s.quantile(0)).toBe(1e-7);
    expect(s.quantile(1)).toBe(3 * SKETCH_MAX_VALUE);
    expect(s.quantile(0.5)).toBeCloseTo(5, 1);
    const tiny = sketchOf([1e-7, 2e-7, 3e-7]);
    expect(tiny.quantile(0.5)).toBeGreaterThanOrEqual(1e-7);
    expect(tiny.quantile(0.5)).toBeLessThanOrEqual(SKETCH_MIN_VALUE);
  });

  it('merging two sketches answers like one sketch fed every value', () => {
    const a = exponential(20_000, 3, 6);
    const b = lognormal(30_000, 1, 1, 7).map((v, i) => (i % 4 === 0 ? 0 : v));
    const merged = sketchOf(a);
    merged.merge(sketchOf(b));
    const whole = sketchOf([...a, ...b]);
    expect(merged.count).toBe(a.length + b.length);
    for (const q of QS) expect(merged.quantile(q)).toBe(whole.quantile(q));
    expectWithinOnePercent([...a, ...b], merged);
  });

  it('merging into an empty sketch copies the other, and merging an empty one changes nothing', () => {
    const values = exponential(1000, 1, 8);
    const empty = new QuantileSketch();
    empty.merge(sketchOf(values));
    const full = sketchOf(values);
    full.merge(new QuantileSketch());
    for (const q of QS) {
      expect(empty.quantile(q)).toBe(sketchOf(values).quantile(q));
      expect(full.quantile(q)).toBe(sketchOf(values).quantile(q));
    }
  });

  it('reset forgets every value', () => {
    const s = sketchOf(exponential(1000, 10, 9));
    s.reset();
    expect(s.count).toBe(0);
    expect(s.quantile(0.9)).toBe(0);
    s.add(2);
    expect(s.quantile(0)).toBe(2);
    expect(s.quantile(1)).toBe(2);
  });

  it('rejects negative, NaN and infinite values and quantiles outside [0, 1]', () => {
    const s = new QuantileSketch();
    expect(() => s.add(-1)).toThrow(RangeError);
    expect(() => s.add(Number.NaN)).toThrow(RangeError);
    expect(() => s.add(Infinity)).toThrow(RangeError);
    expect(s.count).toBe(0);
    expect(() => s.quantile(1.5)).toThrow(RangeError);
    expect(() => s.quantile(Number.NaN)).toThrow(RangeError);
  });

  it('every quantile of any sample of zeros and in-range values is within 1% (property)', () => {
    const value = fc.oneof(
      fc.constant(0),
      fc.double({ min: SKETCH_MIN_VALUE, max: SKETCH_MAX_VALUE, noNaN: true }),
    );
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 300 }), fc.double({ min: 0, max: 1, noNaN: true }), (values, q) => {
        const sorted = [...values].sort((a, b) => a - b);
        const exact = exactQuantile(sorted, q);
        const got = sketchOf(values).quantile(q);
        return exact === 0 ? got === 0 : Math.abs(got - exact) <= 0.01 * exact;
      }),
      { numRuns: 500 },
    );
  });

  it('keeps the exact smallest and largest value, through merges and resets; 0 when empty', () => {
    const a = new QuantileSketch();
    expect([a.min, a.max]).toEqual([0, 0]);
    for (const x of [5, 2, 9]) a.add(x);
    expect([a.min, a.max]).toEqual([2, 9]);
    const b = new QuantileSketch();
    for (const x of [1, 20]) b.add(x);
    const empty = new QuantileSketch();
    a.merge(empty); // merging nothing changes nothing
    expect([a.count, a.min, a.max]).toEqual([3, 2, 9]);
    a.merge(b);
    expect([a.count, a.min, a.max]).toEqual([5, 1, 20]);
    // Merging a sketch whose extremes lie inside leaves them.
    const inside = new QuantileSketch();
    inside.add(10);
    a.merge(inside);
    expect([a.count, a.min, a.max]).toEqual([6, 1, 20]);
    a.reset();
    expect([a.count, a.min, a.max]).toEqual([0, 0, 0]);
    a.add(3);
    expect([a.min, a.max]).toEqual([3, 3]);
  });

  it('refuses a quantile outside [0, 1] and a value that is negative or not finite, naming it', () => {
    const s = new QuantileSketch();
    s.add(1);
    expect(() => s.quantile(1.5)).toThrow('QuantileSketch.quantile: q must be in [0, 1], got 1.5');
    expect(() => s.quantile(Number.NaN)).toThrow(RangeError);
    expect(() => s.add(-1)).toThrow('QuantileSketch.add: expected a finite non-negative value, got -1');
    expect(() => s.add(Infinity)).toThrow(RangeError);
  });
});
