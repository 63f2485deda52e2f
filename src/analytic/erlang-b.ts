import { requireAgentCount, requireFiniteNonNegative } from './validate.js';

/**
 * Erlang B blocking probability of an M/M/c/c loss system with offered load
 * `load` (Erlangs, a = lambda * AHT) and `agents` servers (lines).
 *
 * Uses the recursion 1/B(k) = 1 + (k/a) / B(k-1), B(0) = 1, written in the
 * equivalent form B(k) = a*B(k-1) / (k + a*B(k-1)), which never overflows:
 * every intermediate lies in [0, 1]. Stable for millions of agents; a
 * blocking probability below ~1e-308 underflows to 0.
 */
export function erlangB(load: number, agents: number): number {
  requireFiniteNonNegative('load', load);
  requireAgentCount('agents', agents, 0);
  if (agents === 0) return 1;
  if (load === 0) return 0;
  // 1/B(c) = sum_{n<=c} P(N = n) / P(N = c) with N ~ Poisson(load). Terms more
  // than 40 standard deviations (plus 50) below min(c, load) are below e^-800
  // of the largest, so the recursion may start there from B = 1 (an empty loss
  // system) instead of from 0: the result is the same double, and a count of
  // millions of agents costs O(sqrt(load)) steps, not O(agents).
  const start = Math.max(0, Math.floor(Math.min(agents, load) - 40 * Math.sqrt(load) - 50));
  let b = 1;
  for (let k = start + 1; k <= agents; k++) {
    const ab = load * b;
    b = ab / (k + ab);
    if (b === 0) return 0; // underflowed: it stays 0
  }
  return b;
}
