import { describe, expect, it } from 'vitest';
import { RandomStream, cumulativeWeights } from '../../src/engine/random.js';

// Statistical checks use a fixed seed, so they are deterministic; the bounds
// are still derived from standard errors (4 SE: a correct generator fails
// with probability about 6e-5 for a new seed), never tuned.

function draws(s: RandomStream, n: number): number[] {
  return Array.from({ length: n }, () => s.uniform());
}

describe('RandomStream', () => {
  it('the same (seed, replication, name) gives the same sequence', () => {
    expect(draws(new RandomStream(42, 3, 'arrivals'), 1000)).toEqual(draws(new RandomStream(42, 3, 'arrivals'), 1000));
  });

  it('a different name, replication or seed gives a different sequence', () => {
    const base = draws(new RandomStream(42, 3, 'arrivals'), 20);
    expect(draws(new RandomStream(42, 3, 'patience'), 20)).not.toEqual(base);
    expect(draws(new RandomStream(42, 4, 'arrivals'), 20)).not.toEqual(base);
    expect(draws(new RandomStream(43, 3, 'arrivals'), 20)).not.toEqual(base);
  });

  it('seed, replication and name are combined unambiguously', () => {
    expect(draws(new RandomStream(1, 23, 'x'), 5)).not.toEqual(draws(new RandomStream(12, 3, 'x'), 5));
    expect(draws(new RandomStream(1, 2, '3'), 5)).not.toEqual(draws(new RandomStream(1, 23, ''), 5));
  });

  it('a stream sees the same numbers whatever other streams draw (common random numbers)', () => {
    const alone = new RandomStream(7, 0, 'service');
    const a = draws(alone, 100);
    const busy = new RandomStream(7, 0, 'service');
    const other = new RandomStream(7, 0, 'other');
    const b: number[] = [];
    for (let i = 0; i < 100; i++) {
      for (let k = 0; k < i % 3; k++) other.uniform();
      b.push(busy.uniform());
    }
    expect(b).toEqual(a);
  });

  it('rejects a non-finite seed or replication', () => {
    expect(() => new RandomStream(NaN, 0, 'x')).toThrow();
    expect(() => new RandomStream(1, Infinity, 'x')).toThrow();
  });

  it('uniform is never 0 or 1: every draw is the centre of a 2^-32 cell', () => {
    const s = new RandomStream(1, 0, 'u');
    for (let i = 0; i < 200_000; i++) {
      const u = s.uniform();
      // (u - 2^-33) * 2^32 is an integer k in [0, 2^32), so u is in [2^-33, 1 - 2^-33].
      const k = (u - 2 ** -33) * 2 ** 32;
      if (!Number.isInteger(k) || k < 0 || k >= 2 ** 32 || u <= 0 || u >= 1) {
        throw new Error(`draw ${i}: ${u} is not inside (0, 1) on the cell grid`);
      }
    }
  });

  it('uniform has mean 1/2 and variance 1/12', () => {
    const n = 1_000_000;
    const s = new RandomStream(2, 0, 'u');
    let sum = 0;
    let sumSq = 0;
    for (let i = 0; i < n; i++) {
      const u = s.uniform();
      sum += u;
      sumSq += u * u;
    }
    const mean = sum / n;
    const variance = (sumSq - n * mean * mean) / (n - 1);
    expect(Math.abs(mean - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / n));
    // Var(s^2) ~ (mu4 - sigma^4) / n with mu4 = 1/80 for U(0,1).
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(4 * Math.sqrt((1 / 80 - 1 / 144) / n));
  });

  it('normal has mean 0 and variance 1', () => {
    const n = 400_000;
    const s = new RandomStream(3, 0, 'z');
    let sum = 0;
    let sumSq = 0;
    let sum4 = 0;
    for (let i = 0; i < n; i++) {
      const z = s.normal();
      sum += z;
      sumSq += z * z;
      sum4 += z ** 4;
    }
    const mean = sum / n;
    const variance = (sumSq - n * mean * mean) / (n - 1);
    expect(Math.abs(mean)).toBeLessThan(4 / Math.sqrt(n));
    // Var(s^2) ~ (mu4 - 1) / n = 2 / n for a standard normal (mu4 = 3).
    expect(Math.abs(variance - 1)).toBeLessThan(4 * Math.sqrt(2 / n));
    // Kurtosis 3 (a polar method bug typically breaks the tails): Var(z^4) = 105 - 9 = 96.
    expect(Math.abs(sum4 / n - 3)).toBeLessThan(4 * Math.sqrt(96 / n));
  });

  it('exponential has the requested mean and is never negative', () => {
    const n = 200_000;
    const s = new RandomStream(4, 0, 'e');
    let sum = 0;
    let min = Infinity;
    for (let i = 0; i < n; i++) {
      const x = s.exponential(3);
      sum += x;
      min = Math.min(min, x);
    }
    expect(min).toBeGreaterThan(0);
    expect(Math.abs(sum / n - 3)).toBeLessThan((4 * 3) / Math.sqrt(n));
  });

  it('bernoulli is true with probability p, never for 0, always for 1', () => {
    const n = 200_000;
    const s = new RandomStream(5, 0, 'b');
    let hits = 0;
    for (let i = 0; i < n; i++) if (s.bernoulli(0.3)) hits++;
    expect(Math.abs(hits / n - 0.3)).toBeLessThan(4 * Math.sqrt((0.3 * 0.7) / n));
    for (let i = 0; i < 10_000; i++) {
      expect(s.bernoulli(0)).toBe(false);
      expect(s.bernoulli(1)).toBe(true);
    }
  });

  it('pick draws each index with probability proportional to its weight', () => {
    const weights = [1, 0, 2, 3, 4, 0];
    const cumulative = cumulativeWeights(weights);
    const n = 200_000;
    const counts = new Array<number>(weights.length).fill(0);
    const s = new RandomStream(6, 0, 'pick');
    for (let i = 0; i < n; i++) counts[s.pick(cumulative)]++;
    const total = 10;
    weights.forEach((w, i) => {
      const p = w / total;
      if (p === 0) expect(counts[i]).toBe(0);
      else expect(Math.abs(counts[i] / n - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n));
    });
  });

  it('pick with a single weight always returns 0', () => {
    const s = new RandomStream(6, 0, 'one');
    const cumulative = cumulativeWeights([5]);
    for (let i = 0; i < 1000; i++) expect(s.pick(cumulative)).toBe(0);
  });
});

describe('cumulativeWeights', () => {
  it('normalises running sums so the last is exactly 1', () => {
    expect(Array.from(cumulativeWeights([1, 1, 2]))).toEqual([0.25, 0.5, 1]);
    const c = cumulativeWeights([0.1, 0.2, 0.3, 0.4, 0.7]);
    expect(c[c.length - 1]).toBe(1);
    for (let i = 1; i < c.length; i++) expect(c[i]).toBeGreaterThanOrEqual(c[i - 1]);
  });

  it('rejects empty, negative, non-finite or all-zero weights', () => {
    expect(() => cumulativeWeights([])).toThrow();
    expect(() => cumulativeWeights([1, -1])).toThrow();
    expect(() => cumulativeWeights([1, NaN])).toThrow();
    expect(() => cumulativeWeights([1, Infinity])).toThrow();
    expect(() => cumulativeWeights([0, 0])).toThrow();
  });
});

describe('the generator', () => {
  it('draws exactly what seedrandom.alea draws for the same seed string', async () => {
    const seedrandom = (await import('seedrandom')).default;
    const reference = seedrandom.alea(JSON.stringify([42, 3, 'arrivals']));
    const stream = new RandomStream(42, 3, 'arrivals');
    for (let i = 0; i < 100_000; i++) expect(stream.raw()).toBe(reference());
  });
});
