// Named random streams.
//
// Every draw in a simulation comes from a stream derived from (seed,
// replication, name). Two model variants that draw, say, arrivals from the
// stream named "arrivals" see the same numbers whatever else they draw
// (common random numbers), and results do not depend on how replications are
// spread over threads or machines.
//
// The generator is seedrandom's Alea (Baagøe), which is fast and passes the
// usual statistical batteries. seedrandom derives the initial state from the
// stream's name; the stream then steps the same recurrence on a Float64Array,
// because seedrandom keeps the state in object fields whose integer carry
// overflows V8's small integers, allocating on about half the draws (a test
// pins the output to seedrandom's, draw for draw). Its raw output is k / 2^32 with k an integer in
// [0, 2^32); uniform() returns the centre of that cell, (k + 1/2) / 2^32, so
// it lies in [2^-33, 1 - 2^-33]: never 0 (safe for Math.log) nor 1, at the
// cost of truncating an exponential's tail at 22.9 means (probability e^-22.9,
// about 1e-10).

import { DOUBLE_ZERO } from './double-field.js';
import seedrandom from 'seedrandom';

const HALF_CELL = 2 ** -33;
const TWO_TO_MINUS_32 = 2.3283064365386963e-10;

/** A named, independently seeded random stream: derived from (seed, replication, name) so that two model variants drawing from the stream of the same name see the same numbers (common random numbers), whatever else they draw. */
export class RandomStream {
  /** Alea's state: s0, s1, s2 and the carry c. */
  private readonly state = new Float64Array(4);
  /** Second value of the last polar-method pair, returned by the next normal(). */
  private spareNormal = DOUBLE_ZERO;
  private hasSpareNormal = false;

  constructor(seed: number, replication: number, name: string) {
    if (!Number.isFinite(seed) || !Number.isFinite(replication)) {
      throw new Error(`RandomStream: seed and replication must be finite numbers, got ${seed} and ${replication}`);
    }
    // JSON of the triple is unambiguous: ("a", 12, 3) and ("a", 1, 23) differ.
    const initial = seedrandom.alea(JSON.stringify([seed, replication, name]), { state: true }).state();
    this.state[0] = initial.s0;
    this.state[1] = initial.s1;
    this.state[2] = initial.s2;
    this.state[3] = initial.c;
  }

  /** Alea's raw output k / 2^32, exactly as seedrandom's alea() returns it. */
  raw(): number {
    const st = this.state;
    const t = 2091639 * st[0] + st[3] * TWO_TO_MINUS_32;
    st[0] = st[1];
    st[1] = st[2];
    const carry = t | 0;
    st[3] = carry;
    return (st[2] = t - carry);
  }

  /** Uniform on the open interval (0, 1): never exactly 0 (safe for Math.log). */
  uniform(): number {
    return this.raw() + HALF_CELL;
  }

  /** Standard normal, by Marsaglia's polar method; the pair's second value is kept for the next call. */
  normal(): number {
    if (this.hasSpareNormal) {
      this.hasSpareNormal = false;
      return this.spareNormal;
    }
    let x: number;
    let y: number;
    let s: number;
    do {
      x = 2 * this.uniform() - 1;
      y = 2 * this.uniform() - 1;
      s = x * x + y * y;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    this.spareNormal = y * f;
    this.hasSpareNormal = true;
    return x * f;
  }

  /** Exponential with the given mean (>= 0). */
  exponential(mean: number): number {
    return exponentialFromUniform(mean, this.uniform());
  }

  /** True with probability p (p <= 0: never, p >= 1: always). */
  bernoulli(p: number): boolean {
    return this.uniform() < p;
  }

  /** Index i drawn with probability proportional to weights, given the cumulative sums normalised so the last is 1. */
  pick(cumulative: Float64Array): number {
    const u = this.uniform();
    // Smallest i with u < cumulative[i]; zero-weight entries are never chosen.
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (u < cumulative[mid]) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

/**
 * The exponential draw of the given mean that uniform u stands for: exactly
 * what exponential() returns when its uniform is u. A model may keep u and
 * pay for the logarithm only if it ever needs the value.
 */
export function exponentialFromUniform(mean: number, u: number): number {
  return -mean * Math.log(u);
}

/** Cumulative normalised weights for RandomStream.pick. Throws unless weights are finite, >= 0, and not all 0. */
export function cumulativeWeights(weights: readonly number[]): Float64Array {
  if (weights.length === 0) throw new Error('cumulativeWeights: no weights');
  let total = 0;
  for (const w of weights) {
    if (!Number.isFinite(w) || w < 0) throw new Error(`cumulativeWeights: weights must be finite and >= 0, got ${w}`);
    total += w;
  }
  if (!(total > 0) || !Number.isFinite(total)) {
    throw new Error('cumulativeWeights: weights must have a positive, finite sum');
  }
  const cumulative = new Float64Array(weights.length);
  let running = 0;
  for (let i = 0; i < weights.length; i++) {
    running += weights[i];
    cumulative[i] = running / total;
  }
  cumulative[weights.length - 1] = 1;
  return cumulative;
}
