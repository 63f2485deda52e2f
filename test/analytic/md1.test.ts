import { describe, expect, it } from 'vitest';
import { md1Figures } from '../../src/analytic/md1.js';
import { expectWithinInterval } from '../support/confidence.js';
import { mulberry32 } from './helpers.js';

describe('M/D/1', () => {
  it('gives the Pollaczek–Khinchine mean wait and P(wait) = load', () => {
    // rho 0.5, D 1: W = rho D / (2 (1 - rho)) = 0.5.
    const f = md1Figures({ arrivalsPerMinute: 0.5, aht: 1, answerWithin: 0 });
    expect(f.wait_mean).toBeCloseTo(0.5, 15);
    expect(f.asa).toBe(f.wait_mean);
    expect(f.p_wait).toBe(0.5);
    expect(f.utilization).toBe(0.5);
    expect(f.abandon_rate).toBe(0);
    // P(W <= 0) is the chance of finding the server idle.
    expect(f.service_level).toBeCloseTo(0.5, 15);
  });

  it('halves the M/M/1 mean wait at the same load', () => {
    for (const rho of [0.3, 0.7, 0.95]) {
      const md1 = md1Figures({ arrivalsPerMinute: rho / 4, aht: 4, answerWithin: 1 });
      expect(md1.wait_mean).toBeCloseTo((rho * 4) / (1 - rho) / 2, 12);
    }
  });

  it('agrees with the waiting-time distribution of a Lindley recursion', () => {
    // W_{n+1} = max(0, W_n + D - A_{n+1}): an exact sample path of the FIFO
    // queue's waits, independent of the simulator. Successive waits are
    // correlated, so the interval comes from 20 batch means of 100k customers
    // each (batches far longer than the relaxation time of the queue, about 100 customers here).
    const random = mulberry32(42);
    const lambda = 0.8;
    const d = 1;
    const thresholds = [0.3, 1.7, 4.2, 9.5];
    const batches = 20;
    const perBatch = 100_000;
    const shares: number[][] = thresholds.map(() => []);
    let w = 0;
    for (let i = 0; i < 10_000; i++) w = Math.max(0, w + d + Math.log(random()) / lambda);
    for (let b = 0; b < batches; b++) {
      const within = thresholds.map(() => 0);
      for (let i = 0; i < perBatch; i++) {
        for (let j = 0; j < thresholds.length; j++) if (w <= thresholds[j]) within[j]++;
        w = Math.max(0, w + d + Math.log(random()) / lambda);
      }
      within.forEach((count, j) => shares[j].push(count / perBatch));
    }
    thresholds.forEach((t, j) => {
      const exact = md1Figures({ arrivalsPerMinute: lambda, aht: d, answerWithin: t }).service_level;
      expectWithinInterval(exact, shares[j], thresholds.length, `P(W <= ${t})`);
    });
  });

  it('refuses an unstable queue and thresholds beyond the exact range', () => {
    expect(() => md1Figures({ arrivalsPerMinute: 1, aht: 1, answerWithin: 0 })).toThrow(RangeError);
    expect(() => md1Figures({ arrivalsPerMinute: 0.5, aht: 1, answerWithin: 20 })).toThrow(RangeError);
  });
});
