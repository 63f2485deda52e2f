import { describe, expect, it } from 'vitest';
import { erlangA, erlangB, erlangC, queueFigures, type ErlangAInput } from '../../src/analytic/index.js';
import { mulberry32 } from './helpers.js';

const T = 20 / 60;
const cases: ErlangAInput[] = [
  { arrivalsPerMinute: 100 / 30, aht: 3, agents: 14, patience: 5, answerWithin: T },
  { arrivalsPerMinute: 10, aht: 5, agents: 52, patience: 3, answerWithin: T },
  { arrivalsPerMinute: 10, aht: 5, agents: 40, patience: 3, answerWithin: T }, // overloaded: load 50 > 40
  { arrivalsPerMinute: 2, aht: 1, agents: 1, patience: 0.5, answerWithin: 0.1 }, // one agent, overloaded
  { arrivalsPerMinute: 300, aht: 4, agents: 1250, patience: 1.5, answerWithin: 0.5 },
  { arrivalsPerMinute: 5, aht: 2, agents: 12, patience: 50, answerWithin: 0 }, // T = 0
];

const label = (c: ErlangAInput) =>
  `lambda ${c.arrivalsPerMinute.toFixed(3)}, AHT ${c.aht}, c ${c.agents}, patience ${c.patience}, T ${c.answerWithin.toFixed(3)}`;

describe('Erlang A identities', () => {
  it.each(cases.map((c) => [label(c), c] as const))('P(abandon) = wait_mean / patience (%s)', (_l, c) => {
    const r = erlangA(c);
    expect(r.pAbandon).toBeCloseTo(r.waitMean / c.patience, 14);
    expect(r.pAbandon).toBeGreaterThan(0);
  });

  it.each(cases.map((c) => [label(c), c] as const))(
    'the arrival-by-arrival served probability equals 1 - P(abandon) (%s)',
    (_l, c) => {
      const r = erlangA(c);
      expect(Math.abs(r.pServed - (1 - r.pAbandon))).toBeLessThan(1e-12);
    },
  );

  it.each(cases.map((c) => [label(c), c] as const))(
    "satisfies Little's law for the queue and for the agents (%s)",
    (_l, c) => {
      const r = erlangA(c);
      // queue: E[Q] = lambda * E[wait over all offered]
      expect(r.meanQueueLength).toBeCloseTo(c.arrivalsPerMinute * r.waitMean, 10);
      // agents: E[busy] (from the stationary distribution) = throughput * AHT = occupancy * c
      expect(r.meanBusyAgents / (r.occupancy * c.agents)).toBeCloseTo(1, 11);
    },
  );

  it.each(cases.map((c) => [label(c), c] as const))('returns probabilities in [0, 1] and ordered sensibly (%s)', (_l, c) => {
    const r = erlangA(c);
    for (const p of [r.pWait, r.pAbandon, r.serviceLevel, r.occupancy]) {
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(1);
    }
    // answered within T cannot exceed answered, nor fall below answered at once
    expect(r.serviceLevel).toBeLessThanOrEqual(1 - r.pAbandon + 1e-15);
    expect(r.serviceLevel).toBeGreaterThanOrEqual(1 - r.pWait - 1e-15);
    // the over-all mean wait mixes answered (asa) and abandoned waits
    expect(r.waitMean).toBeGreaterThanOrEqual((1 - r.pAbandon) * r.asa - 1e-15);
  });

  it('Erlang C satisfies Little: lambda * wait_mean = C * rho / (1 - rho)', () => {
    const f = queueFigures({ arrivalsPerMinute: 100 / 30, aht: 3, agents: 14, answerWithin: T });
    const rho = 10 / 14;
    expect((100 / 30) * f.wait_mean).toBeCloseTo((erlangC(10, 14) * rho) / (1 - rho), 13);
  });

  it('tends to Erlang C as patience grows (patience 1e7)', () => {
    for (const [lambda, aht, agents] of [
      [100 / 30, 3, 14],
      [50 / 30, 4, 9],
      [590, 5, 3000],
    ] as const) {
      const base = { arrivalsPerMinute: lambda, aht, agents, answerWithin: T };
      const c = queueFigures(base);
      const a = queueFigures({ ...base, patience: 1e7 });
      expect(a.abandon_rate).toBeLessThan(1e-6);
      for (const k of ['p_wait', 'wait_mean', 'asa', 'service_level', 'utilization'] as const) {
        expect(Math.abs(a[k] - c[k]) / c[k]).toBeLessThan(1e-5);
      }
    }
  });

  it('tends to Erlang B as patience shrinks to 0 (waiting probability, abandonment and service level)', () => {
    for (const [lambda, aht, agents] of [
      [100 / 30, 3, 14],
      [2, 1, 5],
      [12, 1, 10], // load above agents
    ] as const) {
      const b = erlangB(lambda * aht, agents);
      const r = erlangA({ arrivalsPerMinute: lambda, aht, agents, patience: 1e-9, answerWithin: T });
      expect(Math.abs(r.pWait - b)).toBeLessThan(1e-8);
      expect(Math.abs(r.pAbandon - b)).toBeLessThan(1e-8);
      expect(Math.abs(r.serviceLevel - (1 - b))).toBeLessThan(1e-8);
    }
  });

  it('waits less, abandons less and answers more within T as patience shrinks', () => {
    const base = { arrivalsPerMinute: 10, aht: 5, agents: 52, answerWithin: T };
    const long = erlangA({ ...base, patience: 10 });
    const short = erlangA({ ...base, patience: 1 });
    expect(short.pWait).toBeLessThan(long.pWait);
    expect(short.waitMean).toBeLessThan(long.waitMean);
    expect(short.pAbandon).toBeGreaterThan(long.pAbandon);
  });
});

/**
 * Independent recomputation: stationary probabilities by a plain normalised
 * product (small c only), each waiting arrival's fate by uniformisation of the
 * absorbing chain (phase m = customers ahead; forward at c*mu + m*theta,
 * own abandonment at theta), and the answered wait by first-step analysis.
 */
function bruteForce(c: ErlangAInput): { serviceLevel: number; asa: number; pAbandon: number } {
  const { arrivalsPerMinute: lambda, aht, agents, patience, answerWithin: t } = c;
  const mu = 1 / aht;
  const theta = 1 / patience;
  const w: number[] = [1];
  for (let n = 1; ; n++) {
    const death = Math.min(n, agents) * mu + Math.max(n - agents, 0) * theta;
    w.push((w[n - 1]! * lambda) / death);
    if (n > agents && w[n]! < 1e-18 * w[agents]! && w[n]! < w[n - 1]!) break;
  }
  const z = w.reduce((s, x) => s + x, 0);
  const p = w.map((x) => x / z);
  let sl = 0;
  let servedWait = 0;
  let served = 0;
  let abandoned = 0;
  for (let n = 0; n < p.length; n++) {
    if (n < agents) {
      sl += p[n]!;
      served += p[n]!;
      continue;
    }
    const ahead = n - agents;
    // uniformisation of phases ahead, ahead-1, ..., 0 -> served / abandoned
    const rate = (m: number) => agents * mu + m * theta; // forward rate with m ahead
    const big = rate(ahead) + theta;
    let vec = new Float64Array(ahead + 1);
    vec[ahead] = 1;
    let absorbedServed = 0;
    const lt = big * t;
    let poisson = Math.exp(-lt);
    let cumPoisson = poisson;
    let servedWithin = poisson * absorbedServed;
    for (let step = 1; cumPoisson < 1 - 1e-15 && step < 100000; step++) {
      const next = new Float64Array(ahead + 1);
      for (let m = 0; m <= ahead; m++) {
        const v = vec[m]!;
        if (v === 0) continue;
        const fwd = rate(m) / big;
        const stay = 1 - fwd - theta / big;
        next[m] = next[m]! + v * stay;
        if (m === 0) absorbedServed += v * fwd;
        else next[m - 1] = next[m - 1]! + v * fwd;
      }
      vec = next;
      poisson *= lt / step;
      cumPoisson += poisson;
      servedWithin += poisson * absorbedServed;
    }
    sl += p[n]! * servedWithin;
    // first-step analysis: h(m) = P(served | m ahead), g(m) = E[wait; served | m ahead]
    let h = 1;
    let g = 0;
    for (let m = 0; m <= ahead; m++) {
      const out = rate(m) + theta;
      const hm = (rate(m) / out) * h;
      const gm = (rate(m) / out) * (g + h / out);
      h = hm;
      g = gm;
    }
    served += p[n]! * h;
    servedWait += p[n]! * g;
    abandoned += p[n]! * (1 - h);
  }
  return { serviceLevel: sl, asa: servedWait / served, pAbandon: abandoned };
}

describe('Erlang A service level and ASA derivation', () => {
  it.each(
    cases
      .filter((c) => c.agents <= 60)
      .map((c) => [label(c), c] as const),
  )('agrees with uniformisation and first-step analysis of each arrival (%s)', (_l, c) => {
    const r = erlangA(c);
    const bf = bruteForce(c);
    expect(Math.abs(r.serviceLevel - bf.serviceLevel)).toBeLessThan(1e-10);
    expect(Math.abs(r.asa - bf.asa) / bf.asa).toBeLessThan(1e-10);
    expect(Math.abs(r.pAbandon - bf.pAbandon)).toBeLessThan(1e-12);
  });

  it('agrees with a seeded FIFO simulation of M/M/c+M (yardstick workload)', () => {
    const c: ErlangAInput = { arrivalsPerMinute: 10, aht: 5, agents: 52, patience: 3, answerWithin: T };
    const rnd = mulberry32(20240521);
    const exp = (mean: number) => -mean * Math.log(rnd());
    const free = new Float64Array(c.agents);
    const warmup = 20_000;
    const n = 400_000;
    let now = 0;
    let waited = 0;
    let abandoned = 0;
    let waitSum = 0;
    let answered = 0;
    let answeredWaitSum = 0;
    let withinT = 0;
    for (let i = 0; i < warmup + n; i++) {
      now += exp(1 / c.arrivalsPerMinute);
      let best = 0;
      for (let k = 1; k < c.agents; k++) if (free[k]! < free[best]!) best = k;
      const start = Math.max(now, free[best]!);
      const patience = exp(c.patience);
      const wait = start - now;
      const abandons = wait > patience;
      if (!abandons) free[best] = start + exp(c.aht);
      if (i < warmup) continue;
      if (wait > 0) waited++;
      if (abandons) {
        abandoned++;
        waitSum += patience;
      } else {
        answered++;
        waitSum += wait;
        answeredWaitSum += wait;
        if (wait <= c.answerWithin) withinT++;
      }
    }
    const r = erlangA(c);
    expect(Math.abs(waited / n - r.pWait)).toBeLessThan(0.01);
    expect(Math.abs(abandoned / n - r.pAbandon)).toBeLessThan(0.002);
    expect(Math.abs(waitSum / n - r.waitMean) / r.waitMean).toBeLessThan(0.03);
    expect(Math.abs(answeredWaitSum / answered - r.asa) / r.asa).toBeLessThan(0.03);
    expect(Math.abs(withinT / n - r.serviceLevel)).toBeLessThan(0.01);
  });
});

describe('Erlang B starts its recursion where the neglected terms are below e^-800', () => {
  /** The textbook recursion from B(0) = 1. */
  const fullRecursion = (load: number, agents: number) => {
    let b = 1;
    for (let k = 1; k <= agents; k++) b = (load * b) / (k + load * b);
    return b;
  };
  it.each([
    [0.5, 3], [10, 14], [100, 80], [100, 130], [2500, 2400], [2500, 2600], [40_000, 39_000], [40_000, 41_000], [1e6, 1e6 + 500],
  ])('load %d, %d agents: the same value as the recursion from 0', (load, agents) => {
    const expected = fullRecursion(load, agents);
    expect(Math.abs(erlangB(load, agents) - expected)).toBeLessThanOrEqual(4 * Number.EPSILON * expected);
  });
});
