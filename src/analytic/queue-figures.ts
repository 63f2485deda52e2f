import { erlangA } from './erlang-a.js';
import { erlangC } from './erlang-c.js';
import { requireAgentCount, requireFiniteNonNegative, requireFinitePositive } from './validate.js';

/** Inputs of the analytic queue (time in minutes, rates per minute). */
export interface QueueInput {
  /** lambda, arrivals per minute */
  arrivalsPerMinute: number;
  /** mean handle time in minutes */
  aht: number;
  /** number of agents (integer >= 1) */
  agents: number;
  /** mean patience in minutes; null/undefined/Infinity = nobody abandons (Erlang C) */
  patience?: number | null;
  /** service-level threshold T in minutes */
  answerWithin: number;
}

/** Analytic KPIs, named as staffsim's KPIs. */
export interface QueueFigures {
  /** probability of having to wait */
  p_wait: number;
  /** share of offered contacts that abandon */
  abandon_rate: number;
  /** mean wait over all offered contacts, abandoned included (minutes) */
  wait_mean: number;
  /** mean wait of answered contacts (minutes) */
  asa: number;
  /** answered within answerWithin / offered */
  service_level: number;
  /** agent occupancy: answered load / agents */
  utilization: number;
  /** offered load lambda * AHT in Erlangs */
  offered_load: number;
}

/** True when the input means "no abandonment" (Erlang C). */
export function isErlangC(patience: number | null | undefined): boolean {
  return patience === null || patience === undefined || patience === Infinity;
}

/**
 * Steady-state figures of the queue: Erlang C (M/M/c) when `patience` is
 * null/undefined/Infinity, Erlang A (M/M/c+M) otherwise.
 * Throws a RangeError for invalid input and for an unstable Erlang C queue
 * (offered load >= agents).
 */
export function queueFigures(input: QueueInput): QueueFigures {
  const { arrivalsPerMinute: lambda, aht, agents: c, patience, answerWithin: t } = input;
  requireFiniteNonNegative('arrivalsPerMinute', lambda);
  requireFinitePositive('aht', aht);
  requireAgentCount('agents', c, 1);
  requireFiniteNonNegative('answerWithin', t);
  const load = lambda * aht;

  if (isErlangC(patience)) {
    if (load >= c) {
      throw new RangeError(
        `Erlang C queue is unstable: offered load ${load} Erlangs (${lambda}/min x ${aht} min) >= ${c} agents; ` +
          'without abandonment the queue grows without bound (add agents or give a patience)',
      );
    }
    const pWait = erlangC(load, c);
    const waitMean = (pWait * aht) / (c - load); // C / (c*mu - lambda)
    return {
      p_wait: pWait,
      abandon_rate: 0,
      wait_mean: waitMean,
      asa: waitMean, // everyone is answered
      service_level: 1 - pWait * Math.exp(-((c - load) / aht) * t),
      utilization: load / c,
      offered_load: load,
    };
  }

  const r = erlangA({ arrivalsPerMinute: lambda, aht, agents: c, patience: patience as number, answerWithin: t });
  return {
    p_wait: r.pWait,
    abandon_rate: r.pAbandon,
    wait_mean: r.waitMean,
    asa: r.asa,
    service_level: r.serviceLevel,
    utilization: r.occupancy,
    offered_load: load,
  };
}
