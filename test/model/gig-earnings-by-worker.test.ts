// The per-worker pay the plan reads (GigPool.payByWorker, in hours for
// hourly pay): over a window of whole days, priced at the hourly rate, it
// adds up to the gig workers' earnings the KPIs report, one entry per worker
// paid anything.

import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/index.js';
import { simulateReplication } from '../../src/model/contact-centre.js';

describe("each gig worker's earnings", () => {
  const loaded = loadScenario({
    name: 'gig-earnings',
    seed: 3,
    horizon: 2 * 1440 + 60, // two whole days after the warm-up
    warmup: '1h',
    demand: { contacts_per_day: 2000 },
    ticket_types: [{ name: 'general', handle_time: { dist: 'exponential', mean: '6m' } }],
    customers: { patience: { dist: 'exponential', mean: '5m' } },
    staff: {
      employees: { headcount: 5 },
      gig: { pool: 40, trigger: { wait: '30s' }, accept_probability: 0.7, login_delay: { dist: 'exponential', mean: '3m' }, pay: { mode: 'hourly', hourly_rate: 30, min_block: '30m' }, idle_timeout: '10m', max_active: 20 },
    },
    strategies: { 'with-gig': { routing: 'human' } },
  });

  it('add up to the gig earnings over the measured window, one entry per worker who earned', () => {
    // Simulated inside the test, where a mutation run (docs/testing.md, "Mutation score") sees it.
    const result = simulateReplication(loaded.scenario.strategies[0], 0);
    const earned = result.gigPayByWorker.map((hours) => hours * 30); // hourly_rate 30
    const total = result.kpis.gig_earnings_per_hour * result.kpis.gig_hours;
    expect(earned.length).toBeGreaterThan(1);
    expect(earned.length).toBeLessThanOrEqual(40);
    expect(earned.every((e) => e > 0)).toBe(true);
    expect(earned.reduce((a, b) => a + b, 0)).toBeCloseTo(total, 6);
  });
});
