import { describe, expect, it } from 'vitest';
import { erlangA, erlangB, erlangC, queueFigures, type QueueFigures } from '../../src/analytic/index.js';

const T = 20 / 60;
const fields = ['p_wait', 'abandon_rate', 'wait_mean', 'asa', 'service_level', 'utilization'] as const;

function expectFiniteShares(f: QueueFigures): void {
  for (const k of fields) expect(Number.isFinite(f[k]), k).toBe(true);
  for (const k of ['p_wait', 'abandon_rate', 'service_level', 'utilization'] as const) {
    expect(f[k], k).toBeGreaterThanOrEqual(0);
    expect(f[k], k).toBeLessThanOrEqual(1);
  }
  expect(f.wait_mean).toBeGreaterThanOrEqual(0);
  expect(f.asa).toBeGreaterThanOrEqual(0);
}

/** Erlang B by a log-space sum of a^n/n! (independent of the recursion). */
function erlangBLogSum(a: number, c: number): number {
  const logs: number[] = [0];
  for (let n = 1; n <= c; n++) logs.push(logs[n - 1]! + Math.log(a) - Math.log(n));
  const max = Math.max(...logs);
  const sum = logs.reduce((s, l) => s + Math.exp(l - max), 0);
  return Math.exp(logs[c]! - max) / sum;
}

describe('numerical stability', () => {
  it('computes Erlang B for thousands of lines without overflow, matching a log-space sum', () => {
    for (const [a, c] of [
      [4900, 5000],
      [6000, 5000],
      [100, 5000],
      [1, 1],
      [3000, 3000],
    ] as const) {
      const b = erlangB(a, c);
      expect(Number.isFinite(b)).toBe(true);
      // the reference accumulates ~c rounding errors in its log terms, hence 1e-10 relative
      expect(Math.abs(b - erlangBLogSum(a, c))).toBeLessThanOrEqual(1e-10 * b);
    }
    expect(erlangB(1, 5000)).toBe(0); // underflows gracefully
    expect(erlangB(5, 0)).toBe(1);
  });

  it('gives finite Erlang C figures for 5000 agents at load 4900, close to and ordered with 4999 and 5001 agents', () => {
    const at = (agents: number) => queueFigures({ arrivalsPerMinute: 980, aht: 5, agents, answerWithin: T });
    const [lo, mid, hi] = [at(4999), at(5000), at(5001)];
    for (const f of [lo, mid, hi]) expectFiniteShares(f);
    expect(mid.p_wait).toBeGreaterThan(0.05);
    expect(lo.p_wait).toBeGreaterThan(mid.p_wait);
    expect(mid.p_wait).toBeGreaterThan(hi.p_wait);
    expect(lo.service_level).toBeLessThan(mid.service_level);
    expect(Math.abs(lo.p_wait - mid.p_wait) / mid.p_wait).toBeLessThan(0.05);
    expect(Math.abs(hi.wait_mean - mid.wait_mean) / mid.wait_mean).toBeLessThan(0.05);
    expect(mid.p_wait).toBeCloseTo(erlangC(4900, 5000), 15);
  });

  it('gives finite Erlang A figures for load 6000 on 5000 agents, close to neighbours and to the fluid limit', () => {
    const at = (agents: number) =>
      queueFigures({ arrivalsPerMinute: 1200, aht: 5, agents, patience: 3, answerWithin: T });
    const [lo, mid, hi] = [at(4999), at(5000), at(5001)];
    for (const f of [lo, mid, hi]) expectFiniteShares(f);
    expect(mid.offered_load).toBe(6000);
    // overloaded: the excess 1 - c/a abandons, agents are all busy, everyone waits
    expect(mid.abandon_rate).toBeCloseTo(1 - 5000 / 6000, 3);
    expect(mid.utilization).toBeCloseTo(1, 6);
    expect(mid.p_wait).toBeCloseTo(1, 9);
    expect(lo.abandon_rate).toBeGreaterThan(mid.abandon_rate);
    expect(mid.abandon_rate).toBeGreaterThan(hi.abandon_rate);
    expect(lo.service_level).toBeLessThan(mid.service_level);
    expect(mid.service_level).toBeLessThan(hi.service_level);
    expect(Math.abs(lo.abandon_rate - mid.abandon_rate) / mid.abandon_rate).toBeLessThan(0.01);
  });

  it('handles 5000 agents far above the load (Erlang A) as a queue nobody waits in', () => {
    const f = queueFigures({ arrivalsPerMinute: 1, aht: 1, agents: 5000, patience: 3, answerWithin: T });
    expect(f).toMatchObject({ p_wait: 0, abandon_rate: 0, wait_mean: 0, service_level: 1 });
    expect(f.utilization).toBeCloseTo(1 / 5000, 15);
  });

  it('handles a single agent under extreme overload with abandonment', () => {
    const f = queueFigures({ arrivalsPerMinute: 1000, aht: 1, agents: 1, patience: 3, answerWithin: T });
    expectFiniteShares(f);
    expect(f.abandon_rate).toBeCloseTo(0.999, 6);
  });

  it('is exact for M/M/1 (Erlang C with one agent): P(wait) = rho, mean wait = rho / (mu - lambda)', () => {
    for (const [lambda, aht] of [
      [0.5, 1],
      [0.9, 1],
      [1 / 6, 4],
    ] as const) {
      const mu = 1 / aht;
      const rho = lambda / mu;
      const f = queueFigures({ arrivalsPerMinute: lambda, aht, agents: 1, answerWithin: 0.5 });
      expect(f.p_wait).toBeCloseTo(rho, 14);
      expect(f.wait_mean).toBeCloseTo(rho / (mu - lambda), 12);
      expect(f.service_level).toBeCloseTo(1 - rho * Math.exp(-(mu - lambda) * 0.5), 14);
      expect(f.utilization).toBeCloseTo(rho, 14);
    }
  });

  it('computes Erlang A with one agent in agreement with the birth-death chain summed directly', () => {
    // M/M/1+M: p_n proportional to prod lambda / (mu + (k-1) theta) for k = 1..n
    const lambda = 0.8;
    const mu = 1;
    const theta = 0.25;
    const w = [1];
    for (let n = 1; n < 400; n++) w.push((w[n - 1]! * lambda) / (mu + (n - 1) * theta));
    const z = w.reduce((s, x) => s + x, 0);
    const eq = w.reduce((s, x, n) => s + Math.max(n - 1, 0) * x, 0) / z;
    const r = erlangA({ arrivalsPerMinute: lambda, aht: 1 / mu, agents: 1, patience: 1 / theta, answerWithin: 1 });
    expect(r.pWait).toBeCloseTo(1 - 1 / z, 14);
    expect(r.meanQueueLength).toBeCloseTo(eq, 13);
  });

  // Its speed is npm run bench's to measure, not a unit test's (no test depends on wall-clock speed).
  it('computes finite figures for 3000 agents, with and without abandonment', () => {
    const base = { arrivalsPerMinute: 590, aht: 5, agents: 3000, answerWithin: T };
    for (const patience of [undefined, 3, 0.5, 1e7]) expectFiniteShares(queueFigures({ ...base, patience }));
  });

  it('throws a RangeError instead of running away when the Erlang A queue would hold billions', () => {
    expect(() =>
      erlangA({ arrivalsPerMinute: 1200, aht: 5, agents: 5000, patience: 1e7, answerWithin: T }),
    ).toThrow(RangeError);
  });
});

describe('input checks', () => {
  it('throws a clear RangeError for an unstable Erlang C queue', () => {
    expect(() => queueFigures({ arrivalsPerMinute: 5, aht: 2, agents: 10, answerWithin: T })).toThrow(
      /unstable/,
    );
    expect(() => queueFigures({ arrivalsPerMinute: 6, aht: 2, agents: 10, patience: null, answerWithin: T })).toThrow(
      RangeError,
    );
    expect(() =>
      queueFigures({ arrivalsPerMinute: 6, aht: 2, agents: 10, patience: Infinity, answerWithin: T }),
    ).toThrow(RangeError);
  });

  it('answers the same overload when a patience is given', () => {
    const f = queueFigures({ arrivalsPerMinute: 6, aht: 2, agents: 10, patience: 2, answerWithin: T });
    expect(f.abandon_rate).toBeGreaterThan(0.1);
  });

  it('rejects invalid arguments with RangeError', () => {
    const ok = { arrivalsPerMinute: 1, aht: 1, agents: 3, answerWithin: T };
    expect(() => queueFigures({ ...ok, agents: 0 })).toThrow(RangeError);
    expect(() => queueFigures({ ...ok, agents: 2.5 })).toThrow(RangeError);
    expect(() => queueFigures({ ...ok, aht: 0 })).toThrow(RangeError);
    expect(() => queueFigures({ ...ok, arrivalsPerMinute: -1 })).toThrow(RangeError);
    expect(() => queueFigures({ ...ok, arrivalsPerMinute: NaN })).toThrow(RangeError);
    expect(() => queueFigures({ ...ok, answerWithin: -1 })).toThrow(RangeError);
    expect(() => queueFigures({ ...ok, patience: 0 })).toThrow(RangeError);
    expect(() => queueFigures({ ...ok, patience: -3 })).toThrow(RangeError);
    expect(() => erlangB(-1, 3)).toThrow(RangeError);
    expect(() => erlangC(1, 0)).toThrow(RangeError);
  });

  it('treats zero arrivals as an empty queue', () => {
    expect(queueFigures({ arrivalsPerMinute: 0, aht: 3, agents: 2, answerWithin: T })).toMatchObject({
      p_wait: 0, wait_mean: 0, service_level: 1, utilization: 0,
    });
    expect(queueFigures({ arrivalsPerMinute: 0, aht: 3, agents: 2, patience: 1, answerWithin: T })).toMatchObject({
      p_wait: 0, abandon_rate: 0, wait_mean: 0, service_level: 1, utilization: 0,
    });
    expect(erlangC(3, 2)).toBe(1);
  });
});
