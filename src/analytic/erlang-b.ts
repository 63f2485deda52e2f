import { requireAgentCount, requireFiniteNonNegative } from './validate.js';

/**
 * Erlang B blocking probability of an M/M/c/c loss system with offered load
 * `load` (Erlangs, a = lambda * AHT) and `agents` servers (lines).
 *
 * Uses the recursion 1/B(k) = 1 + (k/a) / B(k-1), B(0) = 1, written in the
 * equivalent form B(k) = a*B(k-1) / (k + a*B(k-1)), which never overflows:
 * every intermediate lies in [0, 1]. O(agents) time, stable for thousands of
 * agents; a blocking probability below ~1e-308 underflows to 0.
 */
export function erlangB(load: number, agents: number): number {
  requireFiniteNonNegative('load', load);
  requireAgentCount('agents', agents, 0);
  if (agents === 0) return 1;
  if (load === 0) return 0;
  let b = 1;
  for (let k = 1; k <= agents; k++) {
    const ab = load * b;
    b = ab / (k + ab);
  }
  return b;
}
