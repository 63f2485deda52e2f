import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { distMean, sampler, scaleDist, type DistSpec } from '../../src/engine/distributions.js';
import { RandomStream } from '../../src/engine/random.js';

// Closed-form moments, written here independently of the implementation:
// mean, variance and fourth central moment mu4 (needed for the standard error
// of the sample variance).
function moments(spec: DistSpec): { mean: number; variance: number; mu4: number } {
  switch (spec.dist) {
    case 'exponential': {
      const m = spec.mean;
      return { mean: m, variance: m * m, mu4: 9 * m ** 4 }; // kurtosis 9
    }
    case 'lognormal': {
      const variance = (spec.cv * spec.mean) ** 2;
      const w = 1 + spec.cv ** 2; // exp(sigma^2)
      return { mean: spec.mean, variance, mu4: (w ** 4 + 2 * w ** 3 + 3 * w ** 2 - 3) * variance ** 2 };
    }
    case 'gamma': {
      const variance = (spec.cv * spec.mean) ** 2;
      return { mean: spec.mean, variance, mu4: (3 + 6 * spec.cv ** 2) * variance ** 2 }; // kurtosis 3 + 6/shape
    }
    case 'deterministic':
      return { mean: spec.value, variance: 0, mu4: 0 };
    case 'uniform': {
      const r = spec.max - spec.min;
      return { mean: (spec.min + spec.max) / 2, variance: r ** 2 / 12, mu4: r ** 4 / 80 };
    }
    case 'empirical': {
      const total = spec.weights.reduce((a, b) => a + b, 0);
      const p = spec.weights.map((w) => w / total);
      const mean = spec.values.reduce((a, v, i) => a + p[i] * v, 0);
      const central = (k: number) => spec.values.reduce((a, v, i) => a + p[i] * (v - mean) ** k, 0);
      return { mean, variance: central(2), mu4: central(4) };
    }
  }
}

const cases: [string, DistSpec][] = [
  ['exponential', { dist: 'exponential', mean: 4 }],
  ['lognormal, cv 0.5', { dist: 'lognormal', mean: 5, cv: 0.5 }],
  ['lognormal, cv 1.5', { dist: 'lognormal', mean: 2, cv: 1.5 }],
  ['gamma, shape 4', { dist: 'gamma', mean: 6, cv: 0.5 }],
  ['gamma, shape 1', { dist: 'gamma', mean: 3, cv: 1 }],
  ['gamma, shape 0.25 (boosted)', { dist: 'gamma', mean: 2, cv: 2 }],
  ['uniform', { dist: 'uniform', min: 2, max: 10 }],
  ['empirical', { dist: 'empirical', values: [1, 2, 5, 10], weights: [4, 3, 2, 1] }],
];

const N = 200_000;

describe('distribution samplers', () => {
  // Bounds. Sample mean: within 4 standard errors, SE = sqrt(variance / n)
  // (normal by the CLT; a correct sampler fails for a new seed with
  // probability ~6e-5). Sample variance s^2: its exact variance is
  //   Var(s^2) = mu4 / n - sigma^4 (n - 3) / (n (n - 1)),
  // and we allow 5 of its standard errors rather than 4 because s^2 of a
  // heavy-tailed distribution (lognormal cv 1.5 has kurtosis ~209) is skewed
  // and slow to become normal; by Chebyshev, 5 SE fails with probability at
  // most 4% for any distribution with finite mu4, and far less in practice.
  // The seed is fixed, so the outcome is deterministic either way.
  for (const [label, spec] of cases) {
    it(`${label}: sample mean and variance match the closed forms`, () => {
      const { mean, variance, mu4 } = moments(spec);
      const s = sampler(spec);
      const rng = new RandomStream(20240601, 0, label);
      let sum = 0;
      let sumSq = 0;
      const shift = mean; // centre before squaring to keep precision
      for (let i = 0; i < N; i++) {
        const x = s.sample(rng) - shift;
        sum += x;
        sumSq += x * x;
      }
      const sampleMean = shift + sum / N;
      const sampleVar = (sumSq - (sum * sum) / N) / (N - 1);
      const seMean = Math.sqrt(variance / N);
      const seVar = Math.sqrt(mu4 / N - (variance ** 2 * (N - 3)) / (N * (N - 1)));
      expect(Math.abs(sampleMean - mean)).toBeLessThan(4 * seMean);
      expect(Math.abs(sampleVar - variance)).toBeLessThan(5 * seVar);
    });

    it(`${label}: Sampler.mean and Sampler.variance are the closed forms`, () => {
      const { mean, variance } = moments(spec);
      const s = sampler(spec);
      expect(s.mean).toBeCloseTo(mean, 12);
      expect(s.variance).toBeCloseTo(variance, 12);
      expect(distMean(spec)).toBeCloseTo(mean, 12);
    });
  }

  it('deterministic always returns its value', () => {
    const s = sampler({ dist: 'deterministic', value: 2.5 });
    const rng = new RandomStream(1, 0, 'd');
    for (let i = 0; i < 1000; i++) expect(s.sample(rng)).toBe(2.5);
    expect(s.mean).toBe(2.5);
    expect(s.variance).toBe(0);
  });

  it('cv 0 and mean 0 degenerate to a deterministic value', () => {
    const rng = new RandomStream(1, 0, 'cv0');
    const specs: [DistSpec, number][] = [
      [{ dist: 'lognormal', mean: 3, cv: 0 }, 3],
      [{ dist: 'gamma', mean: 3, cv: 0 }, 3],
      [{ dist: 'gamma', mean: 3, cv: 1e-300 }, 3], // shape 1/cv^2 overflows
      [{ dist: 'lognormal', mean: 0, cv: 1 }, 0],
      [{ dist: 'gamma', mean: 0, cv: 1 }, 0],
      [{ dist: 'exponential', mean: 0 }, 0],
    ];
    for (const [spec, expected] of specs) {
      const s = sampler(spec);
      for (let i = 0; i < 100; i++) expect(Object.is(s.sample(rng), expected)).toBe(true);
      expect(s.variance).toBe(0);
    }
  });

  it('exponential, lognormal and gamma draws are never negative', () => {
    const rng = new RandomStream(9, 0, 'support');
    for (const [, spec] of cases.filter(([, s]) => ['exponential', 'lognormal', 'gamma'].includes(s.dist))) {
      const s = sampler(spec);
      for (let i = 0; i < 50_000; i++) {
        const x = s.sample(rng);
        if (!(x >= 0) || !Number.isFinite(x)) throw new Error(`${JSON.stringify(spec)} drew ${x}`);
      }
    }
  });

  it('uniform draws lie within [min, max]', () => {
    const rng = new RandomStream(9, 0, 'uniform');
    const s = sampler({ dist: 'uniform', min: -0.3, max: 0.7 });
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < N; i++) {
      const x = s.sample(rng);
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
    }
    expect(lo).toBeGreaterThanOrEqual(-0.3);
    expect(hi).toBeLessThanOrEqual(0.7);
    // And they reach close to both ends (gap of a few 1/N).
    expect(lo).toBeLessThan(-0.3 + 20 / N);
    expect(hi).toBeGreaterThan(0.7 - 20 / N);
  });

  it('empirical only yields listed values, with frequencies proportional to the weights', () => {
    const values = [3, 7, 7.5, 20];
    const weights = [0.5, 2, 0, 1.5]; // not normalised; 7.5 has weight 0
    const s = sampler({ dist: 'empirical', values, weights });
    const rng = new RandomStream(9, 0, 'empirical');
    const counts = new Map<number, number>();
    for (let i = 0; i < N; i++) {
      const x = s.sample(rng);
      counts.set(x, (counts.get(x) ?? 0) + 1);
    }
    expect([...counts.keys()].sort((a, b) => a - b)).toEqual([3, 7, 20]);
    values.forEach((v, i) => {
      const p = weights[i] / 4;
      if (p > 0) expect(Math.abs((counts.get(v) ?? 0) / N - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / N));
    });
  });

  it('every draw lies in the support, for random parameters', () => {
    const specArb: fc.Arbitrary<DistSpec> = fc.oneof(
      fc.record({ dist: fc.constant('exponential' as const), mean: fc.double({ min: 0, max: 1e4, noNaN: true }) }),
      fc.record({
        dist: fc.constantFrom('lognormal' as const, 'gamma' as const),
        mean: fc.double({ min: 0, max: 1e4, noNaN: true }),
        cv: fc.double({ min: 0, max: 5, noNaN: true }),
      }),
      fc
        .tuple(fc.double({ min: -1e4, max: 1e4, noNaN: true }), fc.double({ min: -1e4, max: 1e4, noNaN: true }))
        .map(([a, b]): DistSpec => ({ dist: 'uniform', min: Math.min(a, b), max: Math.max(a, b) })),
      fc
        .array(fc.tuple(fc.double({ min: -100, max: 100, noNaN: true }), fc.double({ min: 0.01, max: 10, noNaN: true })), {
          minLength: 1,
          maxLength: 6,
        })
        .map((pairs): DistSpec => ({ dist: 'empirical', values: pairs.map((p) => p[0]), weights: pairs.map((p) => p[1]) })),
    );
    fc.assert(
      fc.property(specArb, fc.nat(), (spec, seed) => {
        const s = sampler(spec);
        const rng = new RandomStream(seed, 0, 'support');
        for (let i = 0; i < 500; i++) {
          const x = s.sample(rng);
          if (!Number.isFinite(x)) return false;
          if (spec.dist === 'uniform' && (x < spec.min || x > spec.max)) return false;
          if (spec.dist === 'empirical' && !spec.values.includes(x)) return false;
          if ((spec.dist === 'exponential' || spec.dist === 'lognormal' || spec.dist === 'gamma') && !(x >= 0)) return false;
        }
        return true;
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('sampler rejects impossible parameters with a plain Error', () => {
    const bad = [
      { dist: 'exponential', mean: -1 },
      { dist: 'exponential', mean: NaN },
      { dist: 'lognormal', mean: -2, cv: 1 },
      { dist: 'gamma', mean: 2, cv: -0.1 },
      { dist: 'gamma', mean: Infinity, cv: 1 },
      { dist: 'deterministic', value: NaN },
      { dist: 'uniform', min: 3, max: 2 },
      { dist: 'empirical', values: [], weights: [] },
      { dist: 'empirical', values: [1, 2], weights: [1] },
      { dist: 'empirical', values: [1, 2], weights: [0, 0] },
      { dist: 'empirical', values: [1, 2], weights: [1, -1] },
      { dist: 'weibull', shape: 2 },
    ] as unknown as DistSpec[];
    for (const spec of bad) expect(() => sampler(spec), JSON.stringify(spec)).toThrow(Error);
  });
});

describe('scaleDist', () => {
  const rel = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b), 1e-300);

  for (const [label, spec] of [...cases, ['deterministic', { dist: 'deterministic', value: 4 }] as [string, DistSpec]]) {
    it(`${label}: scaling multiplies the mean by the factor and keeps the cv`, () => {
      const before = sampler(spec);
      const scaled = scaleDist(spec, 2.5);
      const after = sampler(scaled);
      expect(distMean(scaled)).toBeCloseTo(2.5 * distMean(spec), 10);
      expect(after.variance).toBeCloseTo(2.5 ** 2 * before.variance, 10);
    });

    it(`${label}: with the same stream, every scaled draw is the factor times the unscaled draw`, () => {
      const a = sampler(spec);
      const b = sampler(scaleDist(spec, 0.4));
      const r1 = new RandomStream(5, 1, 'scale');
      const r2 = new RandomStream(5, 1, 'scale');
      for (let i = 0; i < 2000; i++) {
        const x = a.sample(r1);
        const y = b.sample(r2);
        if (!rel(y, 0.4 * x)) throw new Error(`draw ${i}: ${y} is not 0.4 * ${x}`);
      }
    });
  }

  it('does not modify the spec it is given', () => {
    const spec: DistSpec = { dist: 'empirical', values: [1, 2], weights: [1, 1] };
    const scaled = scaleDist(spec, 3);
    expect(spec).toEqual({ dist: 'empirical', values: [1, 2], weights: [1, 1] });
    expect(scaled).toEqual({ dist: 'empirical', values: [3, 6], weights: [1, 1] });
  });

  it('rejects a negative or non-finite factor', () => {
    expect(() => scaleDist({ dist: 'exponential', mean: 1 }, -1)).toThrow();
    expect(() => scaleDist({ dist: 'exponential', mean: 1 }, NaN)).toThrow();
  });
});
