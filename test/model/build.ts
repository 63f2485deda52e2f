// Small scenarios for model tests, built from plain objects through the same
// resolver a YAML file goes through.

import { RandomStream } from '../../src/engine/random.js';
import { ArrivalProcess } from '../../src/model/arrivals.js';
import { formatMinutes } from '../../src/scenario/duration.js';
import { resolveScenario } from '../../src/scenario/load.js';
import type { Scenario, StrategyScenario } from '../../src/scenario/types.js';

/** A plain M/M/c(+M) centre: one ticket type, human routing. */
export function queueScenario(options: {
  perMinute: number;
  aht: number;
  agents: number;
  patience?: number;
  horizonMinutes: number;
  warmupMinutes?: number;
  replications?: number;
  seed?: number;
  answerWithin?: number;
}): StrategyScenario {
  return resolveScenario({
    name: 'queue',
    seed: options.seed ?? 7,
    horizon: options.horizonMinutes,
    warmup: options.warmupMinutes ?? 0,
    replications: options.replications ?? 10,
    service_level: { answer_within: formatMinutes(options.answerWithin ?? 1 / 3), target: 0.8 },
    demand: { contacts_per_day: options.perMinute * 1440 },
    ticket_types: [{ name: 'any', handle_time: { dist: 'exponential', mean: options.aht } }],
    customers: options.patience ? { patience: { dist: 'exponential', mean: options.patience } } : {},
    staff: { employees: { headcount: options.agents, hourly_cost: 30 } },
    strategies: { human: { routing: 'human' } },
  }).strategies[0];
}

/** A centre with every mechanism switched on, for conservation and determinism checks. */
export function busyScenario(overrides: Record<string, unknown> = {}): Scenario {
  return resolveScenario({
    name: 'busy',
    seed: 11,
    horizon: '3d',
    warmup: '6h',
    replications: 2,
    demand: {
      contacts_per_day: 3000,
      intraday: [0.3, 0.3, 0.3, 0.3, 0.4, 0.6, 0.8, 1, 1.2, 1.4, 1.5, 1.5, 1.5, 1.4, 1.4, 1.3, 1.3, 1.2, 1.1, 1, 0.9, 0.7, 0.5, 0.4],
      surges: [{ at: '30h', duration: '2h', multiplier: 2.5 }],
    },
    ticket_types: [
      { name: 'simple', share: 0.6, handle_time: '4m', ai_resolution: 0.8, ai_false_resolution: 0.1, fcr: 0.9 },
      { name: 'hard', share: 0.3, handle_time: { dist: 'lognormal', mean: '9m', cv: 1 }, ai_resolution: 0.3, fcr: 0.7 },
      { name: 'fraud', share: 0.1, handle_time: { dist: 'gamma', mean: '12m', cv: 0.5 }, ai_resolution: 0.2, sensitive: true },
    ],
    customers: {
      patience: { dist: 'exponential', mean: '3m' },
      retry: { probability: 0.6, delay: '10m' },
      repeat_delay: { dist: 'exponential', mean: '1h' },
      repeat_probability: 0.7,
      max_contacts: 4,
      lifetime_value: 200,
      churn: { base: 0.01, unresolved: 0.2, per_extra_contact: 0.02, per_wait_minute: 0.01, ai_failed_sensitive: 0.1 },
    },
    staff: {
      employees: {
        schedule: [4, 4, 4, 4, 5, 6, 9, 12, 15, 18, 20, 20, 20, 18, 18, 17, 17, 15, 14, 12, 11, 9, 6, 5],
        shrinkage: 0.2,
        hourly_cost: 35,
      },
    },
    ai: { cost_per_conversation: 0.5, platform_cost_per_day: 100, handoff: '20s', ask_for_human: 0.05, concurrency: 40 },
    strategies: {
      'all-human': { routing: 'human' },
      'all-ai': { routing: 'ai' },
      hybrid: { routing: 'ai-first', sensitive_to_human: true, handoff_priority: true },
      'hybrid-gig': {
        routing: 'ai-first',
        staff: {
          employees: { headcount: 3 },
          gig: {
            pool: 30,
            trigger: { wait: '1m' },
            accept_probability: 0.6,
            login_delay: { dist: 'exponential', mean: '4m' },
            pay: { mode: 'hourly', hourly_rate: 41, min_block: '30m' },
            idle_timeout: '10m',
            handle_time_multiplier: 1.2,
            resolution_multiplier: 0.9,
            max_active: 20,
          },
        },
      },
    },
    ...overrides,
  });
}

/**
 * One strategy of a small scenario written as a file would be, with defaults
 * filled in: `strategy` is its single strategy. Callers give what matters to
 * their mechanism; the rest is the resolver's defaults.
 */
export function strategyOf(doc: Record<string, unknown>, strategy: Record<string, unknown>): StrategyScenario {
  return resolveScenario({
    name: 'mechanism',
    seed: 3,
    replications: 1,
    ...doc,
    strategies: { only: strategy },
  }).strategies[0];
}

/** The first contacts' arrival times of replication `r`, as the centre draws them (same stream). */
export function firstArrivals(s: StrategyScenario, r = 0): number[] {
  const process = new ArrivalProcess(s.demand);
  const rng = new RandomStream(s.seed, r, 'arrivals');
  const times: number[] = [];
  for (let t = process.next(0, rng.exponential(1), s.horizon); t < s.horizon; t = process.next(t, rng.exponential(1), s.horizon)) {
    times.push(t);
  }
  return times;
}

/**
 * The strategy of `doc(horizon)` with its horizon cut halfway between the
 * `n`-th and the next first arrival, so that exactly `n` contacts arrive: a
 * flat demand's arrival times do not depend on the horizon, so they are read
 * off a run to `probe` minutes (which must hold n + 1 of them).
 */
export function strategyWithArrivals(
  doc: (horizon: number) => Record<string, unknown>,
  n: number,
  strategy: Record<string, unknown>,
  probe = 600,
): StrategyScenario {
  const a = firstArrivals(strategyOf(doc(probe), strategy));
  return strategyOf(doc((a[n - 1]! + a[n]!) / 2), strategy);
}
