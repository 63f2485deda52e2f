// Probability distributions as samplers.
//
// A DistSpec is plain data (it comes from scenario files); sampler() turns it
// into an object whose sample() draws from a RandomStream without allocating.
// Parameters are validated by the scenario schema; sampler() re-checks them
// and throws a plain Error as a last guard.
//
// lognormal and gamma are given by mean and coefficient of variation
// (cv = sd / mean); cv 0 (or mean 0) degenerates to a deterministic value.

import { cumulativeWeights, type RandomStream } from './random.js';

export type DistSpec =
  | { dist: 'exponential'; mean: number }
  | { dist: 'lognormal'; mean: number; cv: number }
  | { dist: 'gamma'; mean: number; cv: number }
  | { dist: 'deterministic'; value: number }
  | { dist: 'uniform'; min: number; max: number }
  | { dist: 'empirical'; values: number[]; weights: number[] }; // weights same length as values, not necessarily normalised

export interface Sampler {
  readonly mean: number;
  readonly variance: number;
  /** One draw; never negative when the spec's support is non-negative. No allocation. */
  sample(rng: RandomStream): number;
}

class Deterministic implements Sampler {
  readonly variance = 0;
  constructor(readonly mean: number) {}
  sample(_rng: RandomStream): number {
    return this.mean;
  }
}

class Exponential implements Sampler {
  readonly variance: number;
  constructor(readonly mean: number) {
    this.variance = mean * mean;
  }
  sample(rng: RandomStream): number {
    return rng.exponential(this.mean);
  }
}

/** exp(mu + sigma Z) with sigma^2 = ln(1 + cv^2) and mu = ln(mean) - sigma^2 / 2. */
class Lognormal implements Sampler {
  readonly variance: number;
  private readonly mu: number;
  private readonly sigma: number;
  constructor(readonly mean: number, cv: number) {
    const s2 = Math.log1p(cv * cv);
    this.mu = Math.log(mean) - s2 / 2;
    this.sigma = Math.sqrt(s2);
    this.variance = (cv * mean) ** 2;
  }
  sample(rng: RandomStream): number {
    return Math.exp(this.mu + this.sigma * rng.normal());
  }
}

/**
 * Gamma with shape k = 1/cv^2 and scale mean * cv^2, by Marsaglia and Tsang
 * (2000). For k < 1 it draws Gamma(k + 1) and multiplies by U^(1/k).
 */
class Gamma implements Sampler {
  readonly variance: number;
  private readonly d: number;
  private readonly c: number;
  /** d * scale with scale = mean * cv^2, in a form that stays accurate for huge shapes. */
  private readonly dScale: number;
  /** 1/k = cv^2 when k < 1 (the boost), 0 otherwise. */
  private readonly boost: number;
  constructor(readonly mean: number, cv: number) {
    const cv2 = cv * cv;
    const shape = 1 / cv2;
    const boosted = shape < 1;
    this.variance = (cv * mean) ** 2;
    this.d = (boosted ? shape + 1 : shape) - 1 / 3;
    this.c = 1 / Math.sqrt(9 * this.d);
    this.dScale = mean * (boosted ? 1 + (2 / 3) * cv2 : 1 - cv2 / 3);
    this.boost = boosted ? cv2 : 0;
  }
  sample(rng: RandomStream): number {
    const d = this.d;
    let x: number;
    let v: number;
    for (;;) {
      do {
        x = rng.normal();
        v = 1 + this.c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = rng.uniform();
      const x2 = x * x;
      if (u < 1 - 0.0331 * x2 * x2) break;
      if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) break;
    }
    const g = this.dScale * v;
    return this.boost === 0 ? g : g * Math.pow(rng.uniform(), this.boost);
  }
}

class Uniform implements Sampler {
  readonly mean: number;
  readonly variance: number;
  constructor(private readonly min: number, private readonly max: number) {
    this.mean = (min + max) / 2;
    this.variance = (max - min) ** 2 / 12;
  }
  sample(rng: RandomStream): number {
    // The clamp guards against rounding past max.
    return Math.min(this.max, this.min + (this.max - this.min) * rng.uniform());
  }
}

class Empirical implements Sampler {
  readonly mean: number;
  readonly variance: number;
  private readonly values: Float64Array;
  private readonly cumulative: Float64Array;
  constructor(values: readonly number[], weights: readonly number[]) {
    this.values = Float64Array.from(values);
    this.cumulative = cumulativeWeights(weights);
    let total = 0;
    for (const w of weights) total += w;
    let mean = 0;
    for (let i = 0; i < values.length; i++) mean += (weights[i] / total) * values[i];
    let variance = 0;
    for (let i = 0; i < values.length; i++) variance += (weights[i] / total) * (values[i] - mean) ** 2;
    this.mean = mean;
    this.variance = variance;
  }
  sample(rng: RandomStream): number {
    return this.values[rng.pick(this.cumulative)];
  }
}

function check(ok: boolean, spec: DistSpec, what: string): void {
  if (!ok) throw new Error(`${spec.dist} distribution: ${what} (got ${JSON.stringify(spec)})`);
}

const isNonNegative = (x: unknown): boolean => typeof x === 'number' && Number.isFinite(x) && x >= 0;
const isFiniteNumber = (x: unknown): boolean => typeof x === 'number' && Number.isFinite(x);

export function sampler(spec: DistSpec): Sampler {
  switch (spec.dist) {
    case 'exponential':
      check(isNonNegative(spec.mean), spec, 'mean must be a finite number >= 0');
      return spec.mean === 0 ? new Deterministic(0) : new Exponential(spec.mean);
    case 'lognormal':
    case 'gamma':
      check(isNonNegative(spec.mean), spec, 'mean must be a finite number >= 0');
      check(isNonNegative(spec.cv), spec, 'cv must be a finite number >= 0');
      // cv so small that the gamma shape 1/cv^2 overflows is deterministic too.
      if (spec.mean === 0 || !(1 / (spec.cv * spec.cv) < Infinity)) return new Deterministic(spec.mean);
      return spec.dist === 'lognormal' ? new Lognormal(spec.mean, spec.cv) : new Gamma(spec.mean, spec.cv);
    case 'deterministic':
      check(isFiniteNumber(spec.value), spec, 'value must be a finite number');
      return new Deterministic(spec.value);
    case 'uniform':
      check(isFiniteNumber(spec.min) && isFiniteNumber(spec.max), spec, 'min and max must be finite numbers');
      check(spec.min <= spec.max, spec, 'min must not exceed max');
      return new Uniform(spec.min, spec.max);
    case 'empirical':
      check(Array.isArray(spec.values) && spec.values.length > 0, spec, 'values must be a non-empty list');
      check(Array.isArray(spec.weights) && spec.weights.length === spec.values.length, spec, 'weights must have one entry per value');
      check(spec.values.every(isFiniteNumber), spec, 'values must be finite numbers');
      check(spec.weights.every(isNonNegative), spec, 'weights must be finite numbers >= 0');
      check(spec.weights.some((w) => w > 0), spec, 'at least one weight must be positive');
      return new Empirical(spec.values, spec.weights);
    default: {
      const unknown: never = spec;
      throw new Error(`unknown distribution ${JSON.stringify((unknown as { dist?: unknown }).dist)}`);
    }
  }
}

/** The same distribution with every value multiplied by factor (mean scales, cv unchanged). factor must be finite and >= 0. */
export function scaleDist(spec: DistSpec, factor: number): DistSpec {
  if (!Number.isFinite(factor) || factor < 0) throw new Error(`scaleDist: factor must be a finite number >= 0, got ${factor}`);
  switch (spec.dist) {
    case 'exponential':
      return { dist: 'exponential', mean: spec.mean * factor };
    case 'lognormal':
    case 'gamma':
      return { dist: spec.dist, mean: spec.mean * factor, cv: spec.cv };
    case 'deterministic':
      return { dist: 'deterministic', value: spec.value * factor };
    case 'uniform':
      return { dist: 'uniform', min: spec.min * factor, max: spec.max * factor };
    case 'empirical':
      return { dist: 'empirical', values: spec.values.map((v) => v * factor), weights: spec.weights.slice() };
    default: {
      const unknown: never = spec;
      throw new Error(`unknown distribution ${JSON.stringify((unknown as { dist?: unknown }).dist)}`);
    }
  }
}

/** Mean of the distribution (closed form; throws on impossible parameters like sampler()). */
export function distMean(spec: DistSpec): number {
  return sampler(spec).mean;
}
