import type { QueueFigures } from './queue-figures.js';
import { requireFiniteNonNegative, requireFinitePositive } from './validate.js';

/**
 * M/D/1: Poisson arrivals, one server, every handle time exactly `aht`.
 *
 *  - P(wait) = rho = lambda * aht: by PASTA an arrival finds the server busy
 *    with the time-average probability, which is the utilisation.
 *  - Mean wait (Pollaczek–Khinchine): E[W] = lambda E[S^2] / (2 (1 - rho))
 *    = rho * aht / (2 (1 - rho)) since E[S^2] = aht^2. Nobody abandons, so
 *    the mean wait of answered contacts is the same.
 *  - Service level P(W <= t), Erlang's (1909) formula for constant handle
 *    times (also Crommelin 1932):
 *        P(W <= t) = (1 - rho) * sum_{k=0}^{floor(t/D)} [lambda (k D - t)]^k / k! * e^{-lambda (k D - t)}.
 *    Its terms alternate in sign and grow with t/D, so it is evaluated only
 *    up to MAX_TERMS terms (thresholds below 11 handle times, where the
 *    cancellation error stays below 1e-11 against 60-digit arithmetic);
 *    for t < D it is simply (1 - rho) e^{lambda t}.
 * Throws a RangeError when rho >= 1 (no steady state) or t/D is too large.
 */
export function md1Figures(input: { arrivalsPerMinute: number; aht: number; answerWithin: number }): QueueFigures {
  const { arrivalsPerMinute: lambda, aht: d, answerWithin: t } = input;
  requireFiniteNonNegative('arrivalsPerMinute', lambda);
  requireFinitePositive('aht', d);
  requireFiniteNonNegative('answerWithin', t);
  const rho = lambda * d;
  if (rho >= 1) throw new RangeError(`M/D/1 queue is unstable: load ${rho} >= 1`);
  const terms = Math.floor(t / d) + 1;
  if (terms > MAX_TERMS) {
    throw new RangeError(`M/D/1 service level: threshold ${t} is ${terms - 1} handle times; the series is exact only up to ${MAX_TERMS - 1}`);
  }
  let sum = 0;
  for (let k = 0; k < terms; k++) {
    const x = lambda * (k * d - t); // <= 0
    let term = Math.exp(-x);
    for (let i = 1; i <= k; i++) term *= x / i;
    sum += term;
  }
  const waitMean = (rho * d) / (2 * (1 - rho));
  return {
    p_wait: rho,
    abandon_rate: 0,
    wait_mean: waitMean,
    asa: waitMean,
    service_level: Math.min(1, Math.max(0, (1 - rho) * sum)),
    utilization: rho,
    offered_load: rho,
  };
}

/** Terms of the alternating service-level series evaluated at most: at 30 terms double precision loses it entirely. */
const MAX_TERMS = 11;
