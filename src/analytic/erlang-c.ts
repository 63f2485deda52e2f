import { erlangB } from './erlang-b.js';
import { requireAgentCount, requireFiniteNonNegative, requireFinitePositive } from './validate.js';

/**
 * Erlang C (M/M/c) probability that an arriving customer has to wait,
 * obtained from Erlang B: C = c*B / (c - a*(1 - B)). Returns 1 when the
 * load is at or above the number of agents (the queue is unstable and every
 * customer eventually waits).
 */
export function erlangC(load: number, agents: number): number {
  requireFiniteNonNegative('load', load);
  requireAgentCount('agents', agents, 1);
  if (load >= agents) return 1;
  if (load === 0) return 0;
  const b = erlangB(load, agents);
  const c = (agents * b) / (agents - load * (1 - b));
  return Math.min(1, Math.max(0, c));
}

function requireStable(load: number, agents: number): void {
  if (load >= agents) {
    throw new RangeError(
      `Erlang C queue is unstable: offered load ${load} Erlangs >= ${agents} agents ` +
        '(without abandonment the queue grows without bound; add agents or give a patience)',
    );
  }
}

/**
 * Mean wait in queue over all customers, E[W] = C / (c*mu - lambda) =
 * C * AHT / (c - a), in the time unit of `aht`. Throws a RangeError when load >= agents.
 */
export function erlangCWaitMean(load: number, agents: number, aht: number): number {
  requireFinitePositive('aht', aht);
  requireStable(load, agents);
  return (erlangC(load, agents) * aht) / (agents - load);
}

/**
 * Service level P(W <= t) = 1 - C * exp(-(c*mu - lambda) * t) with mu = 1/AHT,
 * lambda = load/AHT. Throws a RangeError when load >= agents.
 */
export function erlangCServiceLevel(load: number, agents: number, aht: number, t: number): number {
  requireFinitePositive('aht', aht);
  requireFiniteNonNegative('answerWithin', t);
  requireStable(load, agents);
  return 1 - erlangC(load, agents) * Math.exp(-((agents - load) / aht) * t);
}
