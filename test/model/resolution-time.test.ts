// resolution_time: per resolved episode, the minutes from its first contact's
// arrival to its resolution (docs/model.md, "The customer's time"), against
// traces whose every duration is fixed (so each episode's time is known
// exactly) and against closed forms: an exponential service with nobody
// waiting (mean and p90 of an exponential), and the answered customers of an
// M/M/c+M queue (Erlang A's wait of the answered plus the service).

import { describe, expect, it } from 'vitest';
import { erlangA } from '../../src/analytic/index.js';
import { simulateReplication } from '../../src/model/contact-centre.js';
import { SKETCH_RELATIVE_ERROR } from '../../src/metrics/histogram.js';
import { resolveScenario } from '../../src/scenario/load.js';
import { expectSum, expectWithinInterval } from '../support/confidence.js';
import { strategyOf } from './build.js';

/** Statistical checks in this file; each uses its share of a 5% family-wise error. */
const CHECKS = 5;

// Far more agents than the load needs: nobody waits for a person.
const plenty = { headcount: 200, hourly_cost: 30 };

describe('resolution_time on traces with fixed durations', () => {
  it('an AI resolution: the AI conversation alone', () => {
    // Every episode: one AI conversation of 2 minutes, resolved. Unlimited AI slots: no wait.
    const s = strategyOf(
      {
        horizon: '1d',
        demand: { contacts_per_day: 2000 },
        ticket_types: [{ name: 'any', handle_time: '5m', ai_resolution: 1, ai_handle_time: '2m' }],
      },
      { routing: 'ai' },
    );
    const { kpis, physical } = simulateReplication(s, 0);
    expect(physical.resolvedByAi).toBeGreaterThan(1900);
    expect(physical.resolvedByHuman).toBe(0);
    expect(kpis.resolution_time).toBeCloseTo(2, 9);
    expect(kpis.resolution_time_ai).toBeCloseTo(2, 9);
    expect(kpis.resolution_time_human).toBe(0);
    // All equal: the sketch's answer is clamped to the exact minimum and maximum.
    expect(kpis.resolution_time_p90).toBeCloseTo(2, 9);
  });

  it('a hand-off, then a human: AI conversation, hand-off and service', () => {
    // 1.5 minutes with an AI that resolves nothing, a 30-second hand-off, 4 minutes with a person who resolves it.
    const s = strategyOf(
      {
        horizon: '1d',
        demand: { contacts_per_day: 2000 },
        ticket_types: [{ name: 'any', handle_time: '4m', ai_resolution: 0, ai_handle_time: '90s' }],
        ai: { handoff: '30s' },
        staff: { employees: plenty },
      },
      { routing: 'ai-first' },
    );
    const { kpis, physical } = simulateReplication(s, 0);
    expect(physical.resolvedByAi).toBe(0);
    expect(physical.resolvedByHuman).toBe(physical.episodesResolved);
    expect(kpis.wait_mean).toBe(0);
    expect(kpis.resolution_time).toBeCloseTo(1.5 + 0.5 + 4, 9);
    expect(kpis.resolution_time_human).toBeCloseTo(6, 9);
    expect(kpis.resolution_time_ai).toBe(0);
    expect(kpis.resolution_time_p90).toBeCloseTo(6, 9);
  });

  it('a repeat after time away: every contact and the time between them', () => {
    // A person resolves with probability 1/2 in 3 minutes; an unresolved
    // customer always comes back 10 minutes later, up to 3 contacts. An
    // episode resolved at contact k took 3k + 10(k - 1) minutes: 3, 16 or 29,
    // with probabilities (1/2, 1/4, 1/8) / (7/8) among resolved episodes.
    const s = strategyOf(
      {
        horizon: '3d',
        demand: { contacts_per_day: 5000 },
        ticket_types: [{ name: 'any', handle_time: '3m', fcr: 0.5 }],
        customers: { repeat_probability: 1, repeat_delay: '10m', max_contacts: 3 },
        staff: { employees: plenty },
      },
      { routing: 'human' },
    );
    const { kpis, physical, observations } = simulateReplication(s, 0);
    const values = [3, 16, 29];
    const probabilities = [4 / 7, 2 / 7, 1 / 7];
    const mean = values.reduce((sum, v, i) => sum + v * probabilities[i], 0);
    const variance = values.reduce((sum, v, i) => sum + (v - mean) ** 2 * probabilities[i], 0);
    // The exact smallest and largest values the trace allows.
    expect(observations.resolutionTimes().min).toBeCloseTo(3, 9);
    expect(observations.resolutionTimes().max).toBeCloseTo(29, 9);
    // 90% of resolved episodes lie within 16 minutes only with 6/7 < 0.9: the p90 is the 29 of three contacts.
    expect(Math.abs(kpis.resolution_time_p90 / 29 - 1)).toBeLessThanOrEqual(SKETCH_RELATIVE_ERROR);
    // Episodes whose later contacts fall past the horizon are censored: at most 29 minutes of a 3-day run, a bias far inside the interval.
    expectSum(kpis.resolution_time_human * physical.resolvedByHuman, physical.resolvedByHuman, mean, variance, CHECKS, 'resolution time with repeats');
  });
});

describe('resolution_time against closed forms', () => {
  it('nobody waits: the exponential service time, mean and p90', () => {
    // Exponential handle times of mean 5 and plenty of agents: resolution time ~ Exp(1/5),
    // mean 5, p90 5 ln 10 (the sketch answers within its relative error).
    const s = strategyOf(
      {
        horizon: '3d',
        demand: { contacts_per_day: 5000 },
        ticket_types: [{ name: 'any', handle_time: { dist: 'exponential', mean: '5m' } }],
        staff: { employees: plenty },
      },
      { routing: 'human' },
    );
    const { kpis, physical } = simulateReplication(s, 0);
    expect(kpis.wait_mean).toBe(0);
    expectSum(kpis.resolution_time * physical.episodesResolved, physical.episodesResolved, 5, 25, CHECKS, 'exponential service');
    // The sample p90 of n values has standard deviation about sqrt(0.9 · 0.1 / n) / f(p90), f the
    // density there (0.1 / 5 for this exponential): 0.12 minutes with n ≈ 15,000. The sketch's
    // relative error plus 4 of those deviations bounds it.
    const n = physical.episodesResolved;
    const density = 0.1 / 5; // exponential density at its 90th percentile
    const spread = Math.sqrt((0.9 * 0.1) / n) / density;
    expect(Math.abs(kpis.resolution_time_p90 - 5 * Math.LN10)).toBeLessThanOrEqual(SKETCH_RELATIVE_ERROR * 5 * Math.LN10 + 4 * spread);
  });

  it('M/M/c+M, nobody retrying: answered customers wait (Erlang A) and are served', () => {
    // 2 a minute, exponential 4-minute handle times, 9 agents, exponential patience of 3 minutes.
    // Every episode is one contact: resolved when answered (fcr 1), unresolved when abandoned.
    const scenario = resolveScenario({
      name: 'mmc+m',
      seed: 5,
      horizon: '3d',
      warmup: '6h',
      replications: 10,
      demand: { contacts_per_day: 2 * 1440 },
      ticket_types: [{ name: 'any', handle_time: { dist: 'exponential', mean: '4m' } }],
      customers: { patience: { dist: 'exponential', mean: '3m' } },
      staff: { employees: { headcount: 9, hourly_cost: 30 } },
      strategies: { human: { routing: 'human' } },
    });
    const runs = Array.from({ length: 10 }, (_, r) => simulateReplication(scenario.strategies[0], r).kpis);
    const exact = erlangA({ arrivalsPerMinute: 2, aht: 4, agents: 9, patience: 3, answerWithin: 1 });
    expectWithinInterval(exact.asa + 4, runs.map((k) => k.resolution_time_human), CHECKS, 'Erlang A asa + aht');
  });
});
