// Statistical assertions for simulation tests. A test file that checks k
// figures against exact values at the 95% level fails by chance with
// probability up to 1 - 0.95^k for a correct model, so each check uses a
// Bonferroni interval at level 1 - 0.05/k: the whole file is then wrong by
// chance at most 5% of the time, and a fixed seed makes it reproducible.

import { expect } from 'vitest';
import { tQuantile } from '../../src/metrics/replications.js';

export function confidenceInterval(values: readonly number[], level: number): [number, number] {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
  const half = tQuantile(1 - (1 - level) / 2, n - 1) * Math.sqrt(variance / n);
  return [mean - half, mean + half];
}

/** Asserts that `exact` lies in the family-wise 95% interval of `values`, one of `checks` such checks. */
export function expectWithinInterval(exact: number, values: readonly number[], checks: number, what = ''): void {
  const [lo, hi] = confidenceInterval(values, 1 - 0.05 / checks);
  expect(exact, `${what} exact ${exact} outside [${lo}, ${hi}]`).toBeGreaterThanOrEqual(lo);
  expect(exact, `${what} exact ${exact} outside [${lo}, ${hi}]`).toBeLessThanOrEqual(hi);
}

/** The two-sided normal critical value of one of `checks` checks sharing a 5% family-wise error. */
export function criticalValue(checks: number): number {
  return tQuantile(1 - 0.025 / checks, 1e9);
}

/**
 * Asserts that `count` successes out of `n` independent trials agree with
 * probability `p`: within the family-wise 95% normal interval of a binomial.
 */
export function expectBinomial(count: number, n: number, p: number, checks: number, what = ''): void {
  const half = criticalValue(checks) * Math.sqrt(n * p * (1 - p));
  expect(Math.abs(count - n * p), `${what}: ${count} of ${n}, expected ${n * p} ± ${half}`).toBeLessThanOrEqual(half);
}

/**
 * Asserts that a sum of `n` independent draws with mean `mean` and variance
 * `variance` is within its family-wise 95% normal interval.
 */
export function expectSum(sum: number, n: number, mean: number, variance: number, checks: number, what = ''): void {
  const half = criticalValue(checks) * Math.sqrt(n * variance);
  expect(Math.abs(sum - n * mean), `${what}: ${sum} over ${n}, expected ${n * mean} ± ${half}`).toBeLessThanOrEqual(half);
}
