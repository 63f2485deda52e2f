import { describe, expect, it } from 'vitest';
import { erlangA, erlangB, erlangC, queueFigures } from '../../src/analytic/index.js';
import { expectShown } from './helpers.js';

// The published examples and the reference workload of docs/sources.md.
const cch = { arrivalsPerMinute: 100 / 30, aht: 3, answerWithin: 20 / 60 };

describe('published worked examples', () => {
  it('reproduces Call Centre Helper "Erlang C formula made simple" (c = 14)', () => {
    const f = queueFigures({ ...cch, agents: 14 });
    expect(f.offered_load).toBeCloseTo(10, 12);
    expectShown(f.p_wait, '0.1741');
    expectShown(f.service_level * 100, '88.8');
    expectShown(f.asa * 60, '7.8'); // seconds
    expectShown((1 - f.p_wait) * 100, '82.6'); // answered at once
    expectShown(f.utilization * 100, '71.4');
    expect(f.abandon_rate).toBe(0);
  });

  it('reproduces the pyworkforce Erlang C test (c = 15)', () => {
    const f = queueFigures({ ...cch, agents: 15 });
    expectShown(f.service_level, '0.941');
    expectShown(f.utilization, '0.667');
    expectShown(f.p_wait, '0.102');
  });

  it('reproduces the pyworkforce Erlang A test (c = 14, patience 5 min)', () => {
    const f = queueFigures({ ...cch, agents: 14, patience: 5 });
    expectShown(f.p_wait, '0.14526');
    expectShown(f.abandon_rate, '0.013984');
    expectShown(f.utilization, '0.704297');
    expectShown(f.wait_mean, '0.069919');
    expectShown(f.service_level, '0.916792');
    // mean wait of answered is below the mean wait over all offered here
    expect(f.asa).toBeGreaterThan(0);
  });

  it('reproduces the Call Centre Helper forum example (50 calls / 30 min, AHT 4, c = 9)', () => {
    const f = queueFigures({ arrivalsPerMinute: 50 / 30, aht: 4, agents: 9, answerWithin: 20 / 60 });
    expectShown(f.service_level * 100, '74.2');
  });

  it('reproduces Erlang B table entries', () => {
    expectShown(erlangB(10, 14), '0.0568');
    expectShown(erlangB(2, 5), '0.0367');
  });

  it('reproduces the exact Erlang A values of the speed-yardstick workload (10/min, AHT 5, c = 52, patience 3)', () => {
    const f = queueFigures({ arrivalsPerMinute: 10, aht: 5, agents: 52, patience: 3, answerWithin: 20 / 60 });
    expectShown(f.abandon_rate, '0.045188');
    expectShown(f.wait_mean, '0.135563');
    expectShown(f.p_wait, '0.360270');
    expectShown(f.utilization, '0.918089');
  });

  it('keeps erlangC and erlangA consistent with queueFigures', () => {
    expect(erlangC(10, 14)).toBe(queueFigures({ ...cch, agents: 14 }).p_wait);
    const a = erlangA({ ...cch, agents: 14, patience: 5 });
    expect(a.serviceLevel).toBe(queueFigures({ ...cch, agents: 14, patience: 5 }).service_level);
  });
});
