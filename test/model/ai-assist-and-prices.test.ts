// AI assistance for human agents (ai.assist, under a strategy's ai_assist)
// and the AI's per-resolution price (ai.cost_per_resolution): an assisted
// pool with mean handle time h·m is the Erlang A queue with that mean, its
// resolution is fcr × fcr_multiplier, and both prices are counts times the
// price exactly, applied after simulation (a price change re-prices the same
// physical record: docs/model.md "Prices are applied after the simulation").

import { describe, expect, it } from 'vitest';
import { erlangA } from '../../src/analytic/index.js';
import { simulateReplication } from '../../src/model/contact-centre.js';
import { skillTable } from '../../src/model/human-load.js';
import { isPriceKey, priceKpis, pricesOf } from '../../src/model/pricing.js';
import { resolveScenario } from '../../src/scenario/load.js';
import { expectBinomial, expectWithinInterval } from '../support/confidence.js';
import { strategyOf } from './build.js';

/** Statistical checks in this file; each uses its share of a 5% family-wise error. */
const CHECKS = 4;
const REPLICATIONS = 10;

describe('ai.assist: an assisted pool is the queue with the assisted handle time', () => {
  // 2 contacts a minute, exponential 5-minute handle times, 9 agents,
  // exponential patience of 3 minutes; assistance cuts handle time to 0.8 × 5 = 4 minutes.
  const scenario = resolveScenario({
    name: 'assisted',
    seed: 17,
    horizon: '3d',
    warmup: '6h',
    replications: REPLICATIONS,
    demand: { contacts_per_day: 2 * 1440 },
    ticket_types: [{ name: 'any', handle_time: { dist: 'exponential', mean: '5m' } }],
    customers: { patience: { dist: 'exponential', mean: '3m' } },
    staff: { employees: { headcount: 9, hourly_cost: 30 } },
    ai: { assist: { handle_time_multiplier: 0.8, cost_per_contact: 0.07 } },
    strategies: { assisted: { routing: 'human', ai_assist: true }, unassisted: { routing: 'human' } },
  });
  const [assisted, unassisted] = scenario.strategies;
  const runs = Array.from({ length: REPLICATIONS }, (_, r) => simulateReplication(assisted, r));
  const exact = erlangA({ arrivalsPerMinute: 2, aht: 4, agents: 9, patience: 3, answerWithin: 1 });

  it('abandonment and the mean wait are Erlang A with mean handle time 4', () => {
    expectWithinInterval(exact.pAbandon, runs.map((r) => r.kpis.abandon_rate), CHECKS, 'abandon_rate');
    expectWithinInterval(exact.waitMean, runs.map((r) => r.kpis.wait_mean), CHECKS, 'wait_mean');
  });

  it('costs ai.assist.cost_per_contact per contact a human answered, exactly, and nothing unassisted', () => {
    for (const { kpis, physical } of runs) {
      // routing human: no AI conversations, no platform.
      expect(kpis.cost_ai).toBe(physical.answered * 0.07);
    }
    expect(simulateReplication(unassisted, 0).kpis.cost_ai).toBe(0);
  });

  it('gives unassisted strategies their factors unchanged', () => {
    expect(skillTable(unassisted).map((e) => e.handleFactor)).toEqual([1, 1]);
    expect(skillTable(assisted).map((e) => e.handleFactor)).toEqual([0.8, 0.8]);
  });
});

describe('ai.assist.fcr_multiplier', () => {
  it('an assisted person resolves with fcr × fcr_multiplier', () => {
    // fcr 0.5 × 1.5 = 0.75; no repeats: each episode is one contact, resolved with 0.75.
    const s = strategyOf(
      {
        horizon: '2d',
        demand: { contacts_per_day: 3000 },
        ticket_types: [{ name: 'any', handle_time: '2m', fcr: 0.5 }],
        customers: { repeat_probability: 0 },
        staff: { employees: { headcount: 200, hourly_cost: 30 } },
        ai: { assist: { fcr_multiplier: 1.5 } },
      },
      { routing: 'human', ai_assist: true },
    );
    const { physical } = simulateReplication(s, 0);
    expectBinomial(physical.episodesResolved, physical.episodesEnded, 0.75, CHECKS, 'resolved with assistance');
  });
});

describe('ai.cost_per_resolution', () => {
  // An AI that closes 70% of contacts, 10% of those falsely (the platform bills them too).
  const s = strategyOf(
    {
      horizon: '1d',
      demand: { contacts_per_day: 4000 },
      ticket_types: [{ name: 'any', handle_time: '3m', ai_resolution: 0.7, ai_false_resolution: 0.1 }],
      ai: { cost_per_resolution: 0.99, cost_per_conversation: 0.1 },
    },
    { routing: 'ai' },
  );
  const { kpis, physical } = simulateReplication(s, 0);

  it('bills every contact the AI closed, at the price, beside the price per conversation', () => {
    expect(physical.aiContained).toBeGreaterThan(0);
    expect(kpis.cost_ai).toBe(physical.aiConversations * 0.1 + physical.aiContained * 0.99);
  });

  it('is a price: changing it re-prices the same simulation', () => {
    expect(isPriceKey('ai.cost_per_resolution')).toBe(true);
    expect(isPriceKey('strategies.hybrid.ai.assist.cost_per_contact')).toBe(true);
    expect(isPriceKey('ai.abandon_probability')).toBe(false);
    expect(isPriceKey('ai.assist.handle_time_multiplier')).toBe(false);
    const dearer = strategyOf(
      {
        horizon: '1d',
        demand: { contacts_per_day: 4000 },
        ticket_types: [{ name: 'any', handle_time: '3m', ai_resolution: 0.7, ai_false_resolution: 0.1 }],
        ai: { cost_per_resolution: 1.5, cost_per_conversation: 0.1 },
      },
      { routing: 'ai' },
    );
    expect(priceKpis(physical, pricesOf(dearer))).toEqual(simulateReplication(dearer, 0).kpis);
  });
});
