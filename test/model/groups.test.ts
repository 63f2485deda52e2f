// Agent groups and skills-based routing (docs/model.md, "Agent groups")
// against answers derived without the simulator: independent Erlang A
// queues, one pooled Erlang A queue, and an N-design solved exactly as a
// continuous-time Markov chain built here.

import { describe, expect, it } from 'vitest';
import { queueFigures } from '../../src/analytic/queue-figures.js';
import { simulateReplication } from '../../src/model/contact-centre.js';
import { resolveScenario } from '../../src/scenario/load.js';
import type { StrategyScenario } from '../../src/scenario/types.js';
import { expectWithinInterval } from '../support/confidence.js';

const PATIENCE = 3;
const ANSWER_WITHIN = 1 / 3;

/** Two exponential ticket types x and y (Poisson arrivals, exponential patience, no retries), human routing. */
function twoTypes(options: {
  x: number;
  y: number;
  ahtX: number;
  ahtY: number;
  groups: unknown[];
  horizon: number;
  replications: number;
  seed?: number;
}): StrategyScenario {
  const perDay = (options.x + options.y) * 1440;
  return resolveScenario({
    name: 'groups',
    seed: options.seed ?? 3,
    horizon: options.horizon,
    warmup: 500,
    replications: options.replications,
    service_level: { answer_within: '20s', target: 0.8 },
    demand: { contacts_per_day: perDay },
    ticket_types: [
      { name: 'x', share: options.x / (options.x + options.y), handle_time: { dist: 'exponential', mean: options.ahtX } },
      { name: 'y', share: options.y / (options.x + options.y), handle_time: { dist: 'exponential', mean: options.ahtY } },
    ],
    customers: { patience: { dist: 'exponential', mean: PATIENCE }, retry: { probability: 0 } },
    staff: { groups: options.groups },
    strategies: { human: { routing: 'human' } },
  }).strategies[0];
}

function replicate(s: StrategyScenario) {
  return Array.from({ length: s.replications }, (_, r) => simulateReplication(s, r));
}

describe('disjoint skills', () => {
  it('each type behaves as its own Erlang A queue', () => {
    const s = twoTypes({
      x: 2,
      y: 1,
      ahtX: 4,
      ahtY: 6,
      groups: [
        { name: 'a', headcount: 9, skills: ['x'] },
        { name: 'b', headcount: 7, skills: ['y'] },
      ],
      horizon: 40_000,
      replications: 10,
    });
    const runs = replicate(s);
    const exact = [
      queueFigures({ arrivalsPerMinute: 2, aht: 4, agents: 9, patience: PATIENCE, answerWithin: ANSWER_WITHIN }),
      queueFigures({ arrivalsPerMinute: 1, aht: 6, agents: 7, patience: PATIENCE, answerWithin: ANSWER_WITHIN }),
    ];
    const kpis = ['abandon_rate', 'wait_mean', 'p_wait', 'service_level'] as const;
    const checks = 2 * (kpis.length + 1);
    for (const type of [0, 1]) {
      for (const kpi of kpis) expectWithinInterval(exact[type][kpi], runs.map((r) => r.byType[type][kpi]), checks, `type ${type} ${kpi}`);
      expectWithinInterval(exact[type].utilization, runs.map((r) => r.byGroup[type].utilization), checks, `group ${type} utilisation`);
    }
  });
});

describe('all cross-trained, equal handle times', () => {
  it('two groups serving both types behave as one pool (Erlang A with every agent)', () => {
    const s = twoTypes({
      x: 1.5,
      y: 1,
      ahtX: 4,
      ahtY: 4,
      groups: [
        { name: 'a', headcount: 5, skills: ['x', 'y'] },
        { name: 'b', headcount: 6, skills: { y: 1, x: 1 } },
      ],
      horizon: 40_000,
      replications: 10,
    });
    const runs = replicate(s);
    const exact = queueFigures({ arrivalsPerMinute: 2.5, aht: 4, agents: 11, patience: PATIENCE, answerWithin: ANSWER_WITHIN });
    const kpis = ['abandon_rate', 'wait_mean', 'p_wait', 'service_level', 'utilization'] as const;
    // A waiting contact's type does not change its wait in one FIFO pool: each type sees the pool's figures.
    const checks = kpis.length + 2 * 2;
    for (const kpi of kpis) expectWithinInterval(exact[kpi], runs.map((r) => r.kpis[kpi]), checks, kpi);
    for (const type of [0, 1]) {
      expectWithinInterval(exact.abandon_rate, runs.map((r) => r.byType[type].abandon_rate), checks, `type ${type} abandon_rate`);
      expectWithinInterval(exact.wait_mean, runs.map((r) => r.byType[type].wait_mean), checks, `type ${type} wait_mean`);
    }
  });
});

/**
 * The N-design as a CTMC: group A (cA agents) serves x at priority 1 and y at
 * priority 2, group B (cB agents) serves y only. State: A agents busy on x
 * (ax) and on y (ay), B agents busy (b), contacts waiting of each type (qx,
 * qy), the queues truncated at `cap`. The routing rules of docs/model.md:
 * a new y goes to B before A (B lists it at a better level); a freed A agent
 * takes x first; a freed B agent takes y.
 */
function nDesign(p: { lx: number; ly: number; mx: number; my: number; theta: number; cA: number; cB: number; cap: number }) {
  const key = (ax: number, ay: number, b: number, qx: number, qy: number) => `${ax},${ay},${b},${qx},${qy}`;
  const states: number[][] = [];
  const index = new Map<string, number>();
  for (let ax = 0; ax <= p.cA; ax++)
    for (let ay = 0; ax + ay <= p.cA; ay++)
      for (let b = 0; b <= p.cB; b++)
        for (let qx = 0; qx <= p.cap; qx++)
          for (let qy = 0; qy <= p.cap; qy++) {
            const aFull = ax + ay === p.cA;
            // Nobody eligible is idle while a contact waits.
            if (qx > 0 && !aFull) continue;
            if (qy > 0 && !(aFull && b === p.cB)) continue;
            index.set(key(ax, ay, b, qx, qy), states.length);
            states.push([ax, ay, b, qx, qy]);
          }
  // Outgoing transitions per state: [target, rate].
  const out: [number, number][][] = states.map(([ax, ay, b, qx, qy]) => {
    const t: [number, number][] = [];
    const go = (rate: number, s: number[]) => {
      if (rate > 0) t.push([index.get(key(s[0], s[1], s[2], s[3], s[4]))!, rate]);
    };
    const aFull = ax + ay === p.cA;
    // Arrivals (lost at the truncation).
    if (!aFull) go(p.lx, [ax + 1, ay, b, qx, qy]);
    else if (qx < p.cap) go(p.lx, [ax, ay, b, qx + 1, qy]);
    if (b < p.cB) go(p.ly, [ax, ay, b + 1, qx, qy]);
    else if (!aFull) go(p.ly, [ax, ay + 1, b, qx, qy]);
    else if (qy < p.cap) go(p.ly, [ax, ay, b, qx, qy + 1]);
    // An A agent finishes an x: it takes the next x, else the next y, else idles.
    if (qx > 0) go(ax * p.mx, [ax, ay, b, qx - 1, qy]);
    else if (qy > 0) go(ax * p.mx, [ax - 1, ay + 1, b, qx, qy - 1]);
    else go(ax * p.mx, [ax - 1, ay, b, qx, qy]);
    // An A agent finishes a y: likewise.
    if (qx > 0) go(ay * p.my, [ax + 1, ay - 1, b, qx - 1, qy]);
    else if (qy > 0) go(ay * p.my, [ax, ay, b, qx, qy - 1]);
    else go(ay * p.my, [ax, ay - 1, b, qx, qy]);
    // A B agent finishes a y: it takes the next y, else idles.
    if (qy > 0) go(b * p.my, [ax, ay, b, qx, qy - 1]);
    else go(b * p.my, [ax, ay, b - 1, qx, qy]);
    // Abandonment.
    go(qx * p.theta, [ax, ay, b, qx - 1, qy]);
    go(qy * p.theta, [ax, ay, b, qx, qy - 1]);
    return t;
  });
  // Balance equations pi Q = 0 by Gauss-Seidel: pi_j = sum_i pi_i q_ij / q_j.
  const n = states.length;
  const into: [number, number][][] = states.map(() => []);
  const leave = new Float64Array(n);
  out.forEach((t, i) => {
    for (const [j, rate] of t) {
      into[j].push([i, rate]);
      leave[i] += rate;
    }
  });
  let pi = new Float64Array(n).fill(1 / n);
  for (let sweep = 0; sweep < 20_000; sweep++) {
    let change = 0;
    for (let j = 0; j < n; j++) {
      let inflow = 0;
      for (const [i, rate] of into[j]) inflow += pi[i] * rate;
      const next = inflow / leave[j];
      change = Math.max(change, Math.abs(next - pi[j]));
      pi[j] = next;
    }
    const total = pi.reduce((a, b) => a + b, 0);
    pi = pi.map((v) => v / total);
    if (change < 1e-13) break;
  }
  let eqx = 0;
  let eqy = 0;
  let waitX = 0;
  let waitY = 0;
  let busyA = 0;
  let busyB = 0;
  let tail = 0;
  states.forEach(([ax, ay, b, qx, qy], i) => {
    eqx += pi[i] * qx;
    eqy += pi[i] * qy;
    if (ax + ay === p.cA) waitX += pi[i];
    if (ax + ay === p.cA && b === p.cB) waitY += pi[i];
    busyA += pi[i] * (ax + ay);
    busyB += pi[i] * b;
    if (qx === p.cap || qy === p.cap) tail += pi[i];
  });
  // Poisson arrivals see time averages; Little's law per type over all offered contacts.
  return {
    tail,
    x: { p_wait: waitX, abandon_rate: (p.theta * eqx) / p.lx, wait_mean: eqx / p.lx },
    y: { p_wait: waitY, abandon_rate: (p.theta * eqy) / p.ly, wait_mean: eqy / p.ly },
    utilization: [busyA / p.cA, busyB / p.cB],
  };
}

describe('an N-design against its exact Markov chain', () => {
  const lx = 0.5;
  const ly = 0.6;
  const exact = nDesign({ lx, ly, mx: 1 / 4, my: 1 / 4, theta: 1 / PATIENCE, cA: 3, cB: 2, cap: 30 });

  it('the truncated chain loses nothing that matters', () => {
    expect(exact.tail).toBeLessThan(1e-9);
  });

  it('waits, abandonment and the probability of waiting per type, and each group\'s utilisation, agree', () => {
    const s = twoTypes({
      x: lx,
      y: ly,
      ahtX: 4,
      ahtY: 4,
      groups: [
        { name: 'a', headcount: 3, skills: { x: 1, y: 2 } },
        { name: 'b', headcount: 2, skills: ['y'] },
      ],
      horizon: 100_000,
      replications: 10,
    });
    const runs = replicate(s);
    const kpis = ['p_wait', 'abandon_rate', 'wait_mean'] as const;
    const checks = 2 * kpis.length + 2;
    for (const kpi of kpis) {
      expectWithinInterval(exact.x[kpi], runs.map((r) => r.byType[0][kpi]), checks, `x ${kpi}`);
      expectWithinInterval(exact.y[kpi], runs.map((r) => r.byType[1][kpi]), checks, `y ${kpi}`);
    }
    for (const g of [0, 1]) expectWithinInterval(exact.utilization[g], runs.map((r) => r.byGroup[g].utilization), checks, `group ${g} utilisation`);
  });

  it('an overflow delay no customer waits out turns the N-design into two separate queues', () => {
    const s = twoTypes({
      x: lx,
      y: ly,
      ahtX: 4,
      ahtY: 4,
      groups: [
        // Patience is exponential with mean 3 min: nobody waits 10,000 minutes.
        { name: 'a', headcount: 3, skills: { x: 1, y: { priority: 2, overflow_after: 10_000 } } },
        { name: 'b', headcount: 2, skills: ['y'] },
      ],
      horizon: 100_000,
      replications: 10,
    });
    const runs = replicate(s);
    const x = queueFigures({ arrivalsPerMinute: lx, aht: 4, agents: 3, patience: PATIENCE, answerWithin: ANSWER_WITHIN });
    const y = queueFigures({ arrivalsPerMinute: ly, aht: 4, agents: 2, patience: PATIENCE, answerWithin: ANSWER_WITHIN });
    expectWithinInterval(x.abandon_rate, runs.map((r) => r.byType[0].abandon_rate), 4, 'x abandon_rate');
    expectWithinInterval(y.abandon_rate, runs.map((r) => r.byType[1].abandon_rate), 4, 'y abandon_rate');
    expectWithinInterval(x.wait_mean, runs.map((r) => r.byType[0].wait_mean), 4, 'x wait_mean');
    expectWithinInterval(y.wait_mean, runs.map((r) => r.byType[1].wait_mean), 4, 'y wait_mean');
  });
});
