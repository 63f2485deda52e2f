// The AI's line (ai.concurrency) and the split of the human queue's wait by
// where contacts came from, against closed forms: Erlang C for the AI line
// (an M/M/c queue: Poisson arrivals, exponential conversations, nobody
// leaving), and Cobham's non-preemptive priority formula for handed-off
// contacts served before direct ones.

import { describe, expect, it } from 'vitest';
import { erlangC, erlangCWaitMean } from '../../src/analytic/index.js';
import { simulateReplication } from '../../src/model/contact-centre.js';
import { resolveScenario } from '../../src/scenario/load.js';
import type { StrategyScenario } from '../../src/scenario/types.js';
import { expectWithinInterval } from '../support/confidence.js';

const REPLICATIONS = 10;
/** Closed-form checks in this file, for the family-wise interval. */
const CHECKS = 5;

function replicate(s: StrategyScenario) {
  return Array.from({ length: REPLICATIONS }, (_, r) => simulateReplication(s, r).kpis);
}

describe('the AI line with ai.concurrency', () => {
  // 4 contacts a minute, AI conversations of 2 minutes on average: 8 Erlangs for 10 slots.
  const scenario = resolveScenario({
    name: 'ai-line',
    seed: 21,
    horizon: '4d',
    warmup: '6h',
    replications: REPLICATIONS,
    demand: { contacts_per_day: 4 * 1440 },
    ticket_types: [{ name: 'any', handle_time: '5m', ai_resolution: 1, ai_handle_time: { dist: 'exponential', mean: '2m' } }],
    customers: { csat: { resolved_by_ai: 4, per_wait_minute: 0.5 } },
    staff: { employees: { headcount: 0, hourly_cost: 30 } },
    ai: { concurrency: 10 },
    strategies: { 'all-ai': { routing: 'ai' }, unlimited: { routing: 'ai', ai: { concurrency: null } } },
  });
  const capped = replicate(scenario.strategies[0]);

  it('ai_wait_mean is the Erlang C mean wait', () => {
    expectWithinInterval(erlangCWaitMean(8, 10, 2), capped.map((k) => k.ai_wait_mean), CHECKS, 'ai_wait_mean');
  });

  it('is 0 when concurrency is unlimited', () => {
    for (const k of replicate(scenario.strategies[1])) expect(k.ai_wait_mean).toBe(0);
  });

  // Every episode is one contact resolved by the AI, so its CSAT is
  // 4 − 0.5 × its wait for the AI (never clamped: waits stay far below 6
  // minutes). Mean CSAT and mean AI wait then differ only by the few
  // contacts started but not ended at the horizon (about 10 of ~20,000), so
  // 4 − CSAT is 0.5 × ai_wait_mean within 1%.
  it("counts in the episode's wait that satisfaction sees", () => {
    for (const k of capped) expect(Math.abs((4 - k.csat) / (0.5 * k.ai_wait_mean) - 1)).toBeLessThan(0.01);
  });
});

describe('the human wait split into hand-offs and direct contacts', () => {
  // 3 contacts a minute, half sensitive (straight to humans), half handed
  // off by an AI that resolves nothing after exponential conversations with
  // unlimited concurrency (so hand-offs arrive as a Poisson stream); 4 agents,
  // exponential 1-minute handle times for both, nobody abandons.
  const scenario = resolveScenario({
    name: 'priority',
    seed: 33,
    horizon: '5d',
    warmup: '6h',
    replications: REPLICATIONS,
    demand: { contacts_per_day: 3 * 1440 },
    ticket_types: [
      { name: 'sensitive', share: 0.5, sensitive: true, handle_time: { dist: 'exponential', mean: '1m' } },
      { name: 'general', share: 0.5, ai_resolution: 0, handle_time: { dist: 'exponential', mean: '1m' } },
    ],
    staff: { employees: { headcount: 4, hourly_cost: 30 } },
    strategies: {
      priority: { routing: 'ai-first', sensitive_to_human: true, handoff_priority: true },
      fifo: { routing: 'ai-first', sensitive_to_human: true },
    },
  });

  // Cobham (M/M/c, equal service rates, non-preemptive): with W0 = C(c, a) / (c μ)
  // and σ_k the load of classes 1..k over c μ, class k waits W0 / ((1 − σ_{k−1})(1 − σ_k)).
  const w0 = erlangC(3, 4) / 4;
  const sigma1 = 1.5 / 4;
  const sigma2 = 3 / 4;

  it("hand-offs served first wait Cobham's W0 / (1 − σ1)", () => {
    const k = replicate(scenario.strategies[0]);
    expectWithinInterval(w0 / (1 - sigma1), k.map((x) => x.handoff_wait_mean), CHECKS, 'handoff_wait_mean');
    expectWithinInterval(w0 / ((1 - sigma1) * (1 - sigma2)), k.map((x) => x.direct_wait_mean), CHECKS, 'direct_wait_mean');
  });

  it('in one FIFO line both wait what the whole queue waits', () => {
    for (const k of replicate(scenario.strategies[1])) {
      // The two means, weighted by their finished waits, make wait_mean; here the classes are equal in expectation.
      expect(Math.abs(k.handoff_wait_mean - k.direct_wait_mean)).toBeLessThan(0.25 * k.wait_mean);
    }
  });
});
