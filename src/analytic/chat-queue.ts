// The exact steady state of a chat queue (docs/model.md, "Concurrency"):
// c agents each holding up to k contacts, Poisson arrivals, exponential work
// of mean `aht`, an agent holding n contacts working on each at speed
// 1 / stretch[n - 1], contacts assigned to an agent holding the fewest, one
// FIFO queue with exponential patience. It is the model staffsim simulates
// with `concurrency` and `stretch` (src/model/chat-agents.ts), solved as a
// continuous-time Markov chain; the validation suite compares the two.
//
// Agents are exchangeable (work is exponential, so the tie rule between
// agents holding as many contacts changes nothing in the aggregate), so a
// state is the occupancy multiset: m[j] agents hold j contacts (m[0] + ... +
// m[k] = c), plus the queue length, which is above 0 only when every slot is
// full. The queue is a birth-death tail hanging from that one full state: an
// arrival joins it, a completion or an abandonment shortens it, and it always
// returns to the full state. So the chain is solved on the occupancy states
// alone with arrivals to the full state blocked (the tail's excursions
// censored), and the tail is put back in closed form: with D the completion
// rate of a full centre and theta = 1 / patience,
//   pi(full, q) = pi(full, 0) × prod_{i=1..q} lambda / (D + i theta).
// The occupancy chain has C(c + k, k) states at most; it is solved by Gaussian
// elimination, so this is for the small centres of tests and validation.

import { requireFinitePositive } from './validate.js';

export interface ChatQueueInput {
  arrivalsPerMinute: number;
  /** Mean work of a contact, minutes (its handle time alone). */
  aht: number;
  agents: number;
  /** Most contacts an agent holds (concurrency k). */
  slots: number;
  /** k slow-downs, stretch[n - 1] with n contacts held; stretch[0] = 1. */
  stretch: readonly number[];
  /** Mean exponential patience, minutes; null: nobody abandons (then the centre must be stable). */
  patience: number | null;
}

/** The figures named as staffsim's KPIs. */
export interface ChatQueueFigures {
  /** Probability an arrival waits (finds every slot full). */
  p_wait: number;
  abandon_rate: number;
  /** Mean wait over every contact offered, abandoned ones included. */
  wait_mean: number;
  /** Mean time from answer to end of an answered contact (Little: contacts held / throughput). */
  time_in_service: number;
  /** Mean contacts held / (c × k). */
  slot_occupancy: number;
  /** Mean share of agents holding at least one contact. */
  utilization: number;
}

/** Largest occupancy chain solved (dense elimination is cubic in it). */
const MAX_STATES = 2000;

export function chatQueueFigures(input: ChatQueueInput): ChatQueueFigures {
  const { arrivalsPerMinute: lambda, agents: c, slots: k, stretch } = input;
  requireFinitePositive('arrivalsPerMinute', lambda);
  requireFinitePositive('aht', input.aht);
  if (!Number.isInteger(c) || c < 1) throw new RangeError(`agents must be a whole number ≥ 1 (got ${c})`);
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`slots must be a whole number ≥ 1 (got ${k})`);
  if (stretch.length !== k || !stretch.every((s) => Number.isFinite(s) && s > 0)) throw new RangeError(`stretch needs ${k} positive numbers`);
  const mu = 1 / input.aht;
  const theta = input.patience === null ? 0 : 1 / input.patience;

  // Occupancy states reachable from the empty centre, breadth first.
  const index = new Map<string, number>();
  const states: number[][] = [];
  const add = (m: number[]): number => {
    const id = m.join(',');
    let i = index.get(id);
    if (i === undefined) {
      i = states.length;
      if (i >= MAX_STATES) throw new RangeError(`chatQueueFigures: more than ${MAX_STATES} occupancy states; use fewer agents or slots`);
      index.set(id, i);
      states.push(m);
    }
    return i;
  };
  const empty = new Array<number>(k + 1).fill(0);
  empty[0] = c;
  add(empty);
  const edges: { from: number; to: number; rate: number }[] = [];
  for (let s = 0; s < states.length; s++) {
    const m = states[s];
    // An arrival goes to an agent holding the fewest contacts, if any slot is free.
    const j = m.findIndex((count, held) => count > 0 && held < k);
    if (j >= 0) {
      const next = [...m];
      next[j]--;
      next[j + 1]++;
      edges.push({ from: s, to: add(next), rate: lambda });
    }
    // A completion by an agent holding j contacts: m[j] agents, j contacts each, each at rate mu / stretch.
    for (let held = 1; held <= k; held++) {
      if (m[held] === 0) continue;
      const next = [...m];
      next[held]--;
      next[held - 1]++;
      edges.push({ from: s, to: add(next), rate: (m[held] * held * mu) / stretch[held - 1] });
    }
  }
  const n = states.length;
  const full = index.get([...new Array<number>(k).fill(0), c].join(','))!;

  // pi Q = 0 with sum(pi) = 1: the transpose system, its last equation replaced by the normalisation.
  const a = Array.from({ length: n }, () => new Float64Array(n + 1));
  for (const { from, to, rate } of edges) {
    a[to][from] += rate;
    a[from][from] -= rate;
  }
  a[n - 1].fill(1);
  const pi = solve(a, n);

  // The queue's tail from the full state.
  const drain = (c * k * mu) / stretch[k - 1];
  if (theta === 0 && !(lambda < drain)) throw new RangeError(`chatQueueFigures: load ${lambda} ≥ capacity ${drain} with nobody abandoning has no steady state`);
  let term = 1;
  let tailMass = 0;
  let tailQueue = 0;
  for (let q = 1; ; q++) {
    term *= lambda / (drain + q * theta);
    tailMass += term;
    tailQueue += q * term;
    if (term < 1e-18 * tailMass && lambda < drain + q * theta) break;
    if (q > 10_000_000) throw new RangeError('chatQueueFigures: the queue tail does not converge');
  }
  const scale = 1 / (1 + pi[full] * tailMass);
  let held = 0;
  let busy = 0;
  for (let s = 0; s < n; s++) {
    const m = states[s];
    let contacts = 0;
    for (let j = 1; j <= k; j++) contacts += j * m[j];
    held += pi[s] * scale * contacts;
    busy += pi[s] * scale * (c - m[0]);
  }
  held += pi[full] * scale * tailMass * c * k;
  busy += pi[full] * scale * tailMass * c;
  const meanQueue = pi[full] * scale * tailQueue;
  const pWait = pi[full] * scale * (1 + tailMass);
  const abandonRate = (theta * meanQueue) / lambda;
  const throughput = lambda * (1 - abandonRate);
  return {
    p_wait: pWait,
    abandon_rate: abandonRate,
    wait_mean: meanQueue / lambda,
    time_in_service: held / throughput,
    slot_occupancy: held / (c * k),
    utilization: busy / c,
  };
}

/** Gaussian elimination with partial pivoting on the augmented n × (n + 1) system. */
function solve(a: Float64Array[], n: number): Float64Array {
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) pivot = r;
    [a[col], a[pivot]] = [a[pivot], a[col]];
    const p = a[col][col];
    for (let r = col + 1; r < n; r++) {
      const f = a[r][col] / p;
      if (f === 0) continue;
      for (let j = col; j <= n; j++) a[r][j] -= f * a[col][j];
    }
  }
  const x = new Float64Array(n);
  for (let r = n - 1; r >= 0; r--) {
    let sum = a[r][n];
    for (let j = r + 1; j < n; j++) sum -= a[r][j] * x[j];
    x[r] = sum / a[r][r];
  }
  return x;
}
