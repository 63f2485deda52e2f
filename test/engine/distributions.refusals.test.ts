// sampler() and scaleDist() (src/engine/distributions.ts): each refusal's
// message, the specs at the edge of each check, scaleDist's exact output,
// and the lognormal and gamma telling each other apart beyond their first
// two moments (which they share by construction): the log of a lognormal is
// normal, so half its draws lie below exp(mu) = mean / sqrt(1 + cv^2); a
// gamma with cv 1 is the exponential, so 1 - 1/e of its draws lie below its
// mean. Binomial intervals at fixed seeds (test/support/confidence.ts).

import { describe, expect, it } from 'vitest';
import { sampler, scaleDist, type DistSpec } from '../../src/engine/distributions.js';
import { RandomStream } from '../../src/engine/random.js';
import { expectBinomial } from '../support/confidence.js';

const bad = (spec: unknown) => () => sampler(spec as DistSpec);

describe('sampler refuses impossible parameters, saying which', () => {
  it.each([
    [{ dist: 'exponential', mean: -1 }, 'exponential distribution: mean must be a finite number >= 0'],
    [{ dist: 'lognormal', mean: -1, cv: 1 }, 'lognormal distribution: mean must be a finite number >= 0'],
    [{ dist: 'gamma', mean: 1, cv: -0.5 }, 'gamma distribution: cv must be a finite number >= 0'],
    [{ dist: 'deterministic', value: Infinity }, 'deterministic distribution: value must be a finite number'],
    [{ dist: 'uniform', min: 1, max: Number.NaN }, 'uniform distribution: min and max must be finite numbers'],
    [{ dist: 'uniform', min: 3, max: 1 }, 'uniform distribution: min must not exceed max'],
    [{ dist: 'empirical', values: [], weights: [] }, 'empirical distribution: values must be a non-empty list'],
    [{ dist: 'empirical', values: 'abc', weights: [1, 1, 1] }, 'empirical distribution: values must be a non-empty list'],
    [{ dist: 'empirical', values: [1, 2], weights: [1] }, 'empirical distribution: weights must have one entry per value'],
    [{ dist: 'empirical', values: [1, Infinity], weights: [1, 1] }, 'empirical distribution: values must be finite numbers'],
    [{ dist: 'empirical', values: [1, 2], weights: [1, -1] }, 'empirical distribution: weights must be finite numbers >= 0'],
    [{ dist: 'empirical', values: [1, 2], weights: [0, 0] }, 'empirical distribution: at least one weight must be positive'],
  ])('%j', (spec, message) => {
    expect(bad(spec)).toThrow(`${message} (got ${JSON.stringify(spec)})`);
  });

  it('an unknown distribution, in sampler and in scaleDist', () => {
    expect(bad({ dist: 'weibull', shape: 2 })).toThrow('unknown distribution "weibull"');
    expect(() => scaleDist({ dist: 'weibull' } as unknown as DistSpec, 2)).toThrow('unknown distribution "weibull"');
  });

  it('a mean of exactly 0 draws exactly 0 (not -0)', () => {
    const rng = new RandomStream(1, 0, 'zero');
    for (const spec of [{ dist: 'exponential', mean: 0 }, { dist: 'lognormal', mean: 0, cv: 1 }, { dist: 'gamma', mean: 0, cv: 1 }] as DistSpec[]) {
      expect(Object.is(sampler(spec).sample(rng), 0), spec.dist).toBe(true);
    }
  });
});

describe('scaleDist', () => {
  it('gives exactly the scaled spec of each kind', () => {
    expect(scaleDist({ dist: 'exponential', mean: 2 }, 3)).toStrictEqual({ dist: 'exponential', mean: 6 }); // no cv key
    expect(scaleDist({ dist: 'gamma', mean: 2, cv: 0.5 }, 3)).toEqual({ dist: 'gamma', mean: 6, cv: 0.5 });
    expect(scaleDist({ dist: 'uniform', min: 1, max: 2 }, 3)).toEqual({ dist: 'uniform', min: 3, max: 6 });
  });

  it('accepts a factor of 0 and refuses a negative one, naming it', () => {
    expect(scaleDist({ dist: 'exponential', mean: 2 }, 0)).toEqual({ dist: 'exponential', mean: 0 });
    expect(() => scaleDist({ dist: 'exponential', mean: 2 }, -1)).toThrow('scaleDist: factor must be a finite number >= 0, got -1');
  });

  it("an empirical spec's weights are a copy: changing them leaves the given spec alone", () => {
    const spec: DistSpec = { dist: 'empirical', values: [1, 2], weights: [3, 4] };
    const scaled = scaleDist(spec, 2) as Extract<DistSpec, { dist: 'empirical' }>;
    scaled.weights.push(5);
    expect(spec.weights).toEqual([3, 4]);
  });
});

describe('lognormal and gamma beyond their mean and variance', () => {
  const CHECKS = 2;
  const N = 200_000;
  const share = (spec: DistSpec, below: number, name: string) => {
    const s = sampler(spec);
    const rng = new RandomStream(77, 0, name);
    let n = 0;
    for (let i = 0; i < N; i++) if (s.sample(rng) <= below) n++;
    return n;
  };

  it('lognormal, cv 1: half the draws lie below mean / sqrt(2) (the exponential puts 1 - e^(-1/sqrt 2) = 0.507 there)', () => {
    expectBinomial(share({ dist: 'lognormal', mean: 3, cv: 1 }, 3 / Math.SQRT2, 'lognormal'), N, 0.5, CHECKS, 'below the median');
  });

  it('gamma, cv 1, is the exponential: 1 - 1/e of the draws lie below the mean (a lognormal puts 0.661 there)', () => {
    expectBinomial(share({ dist: 'gamma', mean: 3, cv: 1 }, 3, 'gamma'), N, 1 - Math.exp(-1), CHECKS, 'below the mean');
  });
});
