import { erlangB } from './erlang-b.js';
import { requireAgentCount, requireFiniteNonNegative, requireFinitePositive } from './validate.js';

/**
 * Erlang A: the M/M/c+M queue (Poisson arrivals, exponential handle times,
 * c agents, exponential patience, FIFO), Garnett, Mandelbaum & Reiman (2002),
 * "Designing a call center with impatient customers", MSOM 4(3).
 *
 * ## Stationary distribution
 * The number in system n is a birth-death chain with birth rate lambda and
 * death rate min(n, c)*mu + max(n - c, 0)*theta (mu = 1/AHT, theta = 1/patience).
 * Weights are taken relative to w_c = 1:
 *  - below c:  sum_{n<c} w_n = (1 - B)/B with B = Erlang B(a, c), a = lambda/mu
 *    (the M/M/c/c distribution is w_n / sum_{n<=c} w_n and its blocking is w_c/sum = B);
 *    its mean number busy there is sum_{n<c} n w_n / sum_{n<c} w_n = a - c*B/(1-B).
 *  - queue:    w_{c+j} = prod_{i=1..j} lambda / (c*mu + i*theta), j >= 0 customers waiting.
 * The queue weights are accumulated in log space, scaled by their maximum
 * (at j* = max(0, floor((lambda - c*mu)/theta)), so load above c is fine), and summed
 * until the geometric tail bound w_j * r/(1-r), r = lambda/(c*mu + (j+1)*theta) < 1,
 * falls below 1e-17 of the sum (also for the first moment). The two parts are
 * combined as log-sums, so neither factorials nor powers ever overflow.
 *
 * ## Quantities (PASTA: an arrival sees the stationary distribution)
 *  - P(wait)    = P(n >= c)
 *  - E[Q]       = sum_j j * p_{c+j};  wait over all offered = E[Q]/lambda (Little);
 *    P(abandon) = theta * E[Q] / lambda (abandonment flow balance) = wait_mean / patience.
 *  - occupancy  = lambda * (1 - P(abandon)) * AHT / c.
 *
 * ## Fate of one arrival that finds n = c + j (derivation used for ASA and SL)
 * The tagged customer joins the FIFO queue at position k = j + 1. While m customers
 * are ahead of it (m = j, j-1, ..., 0) it moves forward at rate c*mu + m*theta
 * (a service completion, all agents being busy, or an abandonment ahead) and
 * abandons itself at rate theta. Write d_i = c*mu + i*theta. In the phase with
 * m ahead the total event rate is d_m + theta = d_{m+1}, and the holding time
 * Exp(d_{m+1}) is independent of which event ends it. Hence:
 *  - P(served | k) = prod_{m=0}^{k-1} d_m / d_{m+1} = c*mu / d_k           (telescoping)
 *  - given it is served, its wait is S_k = sum_{i=1}^{k} Exp(d_i) (independent phases),
 *    so E[wait ; served | k] = (c*mu/d_k) * sum_{i=1}^{k} 1/d_i, and
 *    P(served within T | k) = (c*mu/d_k) * P(S_k <= T).
 *  - (check) P(abandon | k) = k*theta/d_k and E[wait | k] = k/d_k, so P(ab | k) = theta*E[wait | k].
 * Distribution of S_k: with x = c*mu/theta the rates are theta*(x+1), ..., theta*(x+k);
 * its density is theta*(x+1)_k/(k-1)! * e^{-theta(x+1)t} (1 - e^{-theta t})^{k-1}, i.e.
 * U = e^{-theta S_k} ~ Beta(x+1, k) (a Renyi order-statistics representation; for
 * x = 0 it is the maximum of k Exp(theta)). Therefore, with u = e^{-theta T},
 *    P(S_k <= T) = P(U >= u) = I_{1-u}(k, x+1) = 1 - sum_{m=0}^{k-1} NB_m,
 *    NB_m = Gamma(x+1+m) / (Gamma(x+1) m!) * u^{x+1} (1-u)^m   (negative binomial pmf),
 * computed by the recursion NB_0 = e^{-(c*mu+theta)T},
 *    NB_m = NB_{m-1} * (c*mu + m*theta)/m * (1 - e^{-theta T})/theta,
 * in log space (this form has a finite limit as theta -> 0, where S_k becomes
 * Erlang(k, c*mu) and NB a Poisson pmf). One pass over j accumulates the running
 * sum of NB and the running sum of 1/d_i, so everything costs O(states summed).
 *  - ASA (mean wait of answered) = sum_n p_n E[wait ; served | n] / P(served),
 *    P(served) = P(n < c) + sum_j p_{c+j} c*mu/d_{j+1} (equals 1 - P(abandon)).
 *  - service level (answered within T / offered)
 *        = P(n < c) + sum_j p_{c+j} (c*mu/d_{j+1}) P(S_{j+1} <= T).
 */

export interface ErlangAInput {
  /** lambda, arrivals per minute */
  arrivalsPerMinute: number;
  /** mean handle time (minutes); mu = 1/aht */
  aht: number;
  /** number of agents c (integer >= 1) */
  agents: number;
  /** mean patience (minutes); theta = 1/patience; finite and > 0 */
  patience: number;
  /** service-level threshold T (minutes) */
  answerWithin: number;
}

export interface ErlangAResult {
  /** probability that an arrival has to wait, P(n >= c) */
  pWait: number;
  /** probability of abandonment, theta * E[Q] / lambda */
  pAbandon: number;
  /** mean wait over all offered (abandoned included), E[Q]/lambda */
  waitMean: number;
  /** mean wait of answered customers */
  asa: number;
  /** answered within T / offered */
  serviceLevel: number;
  /** lambda * (1 - pAbandon) * AHT / c */
  occupancy: number;
  /** E[number waiting] */
  meanQueueLength: number;
  /** E[number of busy agents] = E[min(n, c)], from the distribution (not from throughput) */
  meanBusyAgents: number;
  /** probability of being served computed arrival by arrival (should equal 1 - pAbandon) */
  pServed: number;
  /** number of queue states (n >= c) summed */
  queueStatesSummed: number;
}

/** Relative truncation tolerance of the queue-state sums. */
const TAIL_EPS = 1e-17;
/** Hard limit on the number of queue states summed. */
export const ERLANG_A_MAX_QUEUE_STATES = 20_000_000;

export function erlangA(input: ErlangAInput): ErlangAResult {
  const { arrivalsPerMinute: lambda, aht, agents: c, patience, answerWithin: T } = input;
  requireFiniteNonNegative('arrivalsPerMinute', lambda);
  requireFinitePositive('aht', aht);
  requireAgentCount('agents', c, 1);
  requireFinitePositive('patience', patience);
  requireFiniteNonNegative('answerWithin', T);

  const load = lambda * aht;
  const b = lambda > 0 ? erlangB(load, c) : 0;
  if (b === 0) {
    // No arrivals, or the chance of reaching c busy agents underflows double precision.
    return {
      pWait: 0, pAbandon: 0, waitMean: 0, asa: 0, serviceLevel: 1,
      occupancy: load / c, meanQueueLength: 0, meanBusyAgents: load, pServed: 1, queueStatesSummed: 0,
    };
  }

  const mu = 1 / aht;
  const theta = 1 / patience;
  const cmu = c * mu;
  // log of sum_{n<c} w_n relative to w_c = 1 (-Infinity if B rounds to 1)
  const logBelow = Math.log1p(-b) - Math.log(b);

  // Mode of the queue weights: w_{c+j}/w_{c+j-1} = lambda/(cmu + j theta) >= 1 iff j <= (lambda - cmu)/theta.
  const jStar = lambda > cmu ? Math.floor((lambda - cmu) / theta) : 0;
  if (jStar > ERLANG_A_MAX_QUEUE_STATES) {
    throw new RangeError(
      `Erlang A: about ${jStar} customers would be waiting (load far above ${c} agents with patience ${patience}); ` +
        `exact summation is limited to ${ERLANG_A_MAX_QUEUE_STATES} queue states`,
    );
  }
  const logLambda = Math.log(lambda);
  let logMax = 0; // log w_{c+j*}
  for (let j = 1; j <= jStar; j++) logMax += logLambda - Math.log(cmu + j * theta);

  // log of (1 - e^{-theta T})/theta, the per-step factor of the negative binomial recursion
  const logStep = Math.log(-Math.expm1(-theta * T) / theta);
  let logNB = -(cmu + theta) * T; // log NB_0
  let cdfNB = 0; // sum_{m<k} NB_m

  let logW = -logMax; // log of w_{c+j} / w_{c+j*}
  let sumW = 0;
  let sumJW = 0;
  let sumServed = 0;
  let sumServedWait = 0;
  let sumServedInT = 0;
  let harmonic = 0; // sum_{i=1}^{k} 1/d_i
  let j = 0;
  for (;; j++) {
    if (j > 0) logW += logLambda - Math.log(cmu + j * theta);
    const w = Math.exp(logW);
    const k = j + 1;
    const dk = cmu + k * theta;
    harmonic += 1 / dk;
    if (j > 0) logNB += Math.log((cmu + j * theta) / j) + logStep; // NB_{k-1} from NB_{k-2}
    cdfNB += Math.exp(logNB);
    const pSWithinT = cdfNB >= 1 ? 0 : 1 - cdfNB;
    const served = cmu / dk;
    sumW += w;
    sumJW += j * w;
    sumServed += w * served;
    sumServedWait += w * served * harmonic;
    sumServedInT += w * served * pSWithinT;

    if (j >= jStar) {
      const r = lambda / (cmu + (j + 1) * theta);
      if (r < 1) {
        const q = r / (1 - r);
        const tailW = w * q;
        const tailJW = w * (j * q + q / (1 - r));
        if (tailW <= TAIL_EPS * sumW && tailJW <= TAIL_EPS * sumJW) break;
      }
    }
    if (j >= ERLANG_A_MAX_QUEUE_STATES) {
      throw new RangeError(
        `Erlang A: queue-state sum did not converge within ${ERLANG_A_MAX_QUEUE_STATES} states ` +
          `(load ${load} on ${c} agents, patience ${patience}); the queue is nearly unstable`,
      );
    }
  }

  const logQueue = logMax + Math.log(sumW);
  const pWait = 1 / (1 + Math.exp(logBelow - logQueue));
  const pBelow = 1 / (1 + Math.exp(logQueue - logBelow));
  const meanQueueLength = (pWait * sumJW) / sumW;
  const waitMean = meanQueueLength / lambda;
  const pAbandon = Math.min(1, theta * waitMean);
  const pServed = pBelow + (pWait * sumServed) / sumW;
  const asa = (pWait * sumServedWait) / sumW / pServed;
  const serviceLevel = Math.min(1, pBelow + (pWait * sumServedInT) / sumW);
  const busyBelow = pBelow > 0 ? pBelow * Math.max(0, load - (c * b) / (1 - b)) : 0;
  const meanBusyAgents = busyBelow + c * pWait;
  // throughput lambda*(1 - P(ab)) cannot exceed c*mu; clamp rounding of order 1e-16
  const occupancy = Math.min(1, (lambda * (1 - pAbandon) * aht) / c);

  return {
    pWait, pAbandon, waitMean, asa, serviceLevel, occupancy,
    meanQueueLength, meanBusyAgents, pServed, queueStatesSummed: j + 1,
  };
}
