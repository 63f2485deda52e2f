import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile, resolveScenario } from '../../src/scenario/load.js';
import type { Customers, Staff, StrategyScenario } from '../../src/scenario/types.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures');
const flat = (n: number, value = 1) => Array.from({ length: n }, () => value);

/** Every default, as documented in docs/scenario.md: the mechanisms they control are off. */
const DEFAULT_CUSTOMERS: Customers = {
  patience: null,
  retry: { probability: 0, delay: { dist: 'exponential', mean: 10 } },
  repeat_delay: { dist: 'exponential', mean: 60 },
  repeat_probability: 1,
  max_contacts: 3,
  lifetime_value: 0,
  churn: { base: 0, unresolved: 0, per_extra_contact: 0, per_wait_minute: 0, ai_failed_sensitive: 0 },
  csat: {
    resolved_by_human: 4.5,
    resolved_by_ai: 4.5,
    unresolved: 1.5,
    per_wait_minute: 0.1,
    per_extra_contact: 0.5,
    ai_failed_sensitive: 0.5,
  },
};

const defaultStaff = (headcount: number): Staff => ({
  groups: [{ name: 'employees', schedule: flat(24, headcount), shrinkage: 0, hourly_cost: 0, handle_time_multiplier: 1, skills: null }],
  gig: {
    pool: 0,
    trigger_wait: 1,
    trigger_queue: null,
    accept_probability: 1,
    login_delay: { dist: 'deterministic', value: 0 },
    pay: { mode: 'hourly', hourly_rate: 0, min_block: 0, per_ticket: 0 },
    idle_timeout: 10,
    handle_time_multiplier: 1,
    resolution_multiplier: 1,
    max_active: 0,
    skills: null,
  },
});

describe('a minimal file resolves to all defaults', () => {
  const { scenario } = loadScenarioFile(join(fixtures, 'minimal.yaml'));

  it('fills every top-level default', () => {
    expect(scenario).toMatchObject({
      name: 'minimal',
      description: '',
      seed: 1,
      horizon: 2 * 1440,
      warmup: 0,
      replications: 10,
      service_level: { answer_within: 1, target: 0.8 },
      demand: { contacts_per_day: 1440, intraday: flat(24), weekly: flat(7), surges: [] },
      ai: {
        cost_per_conversation: 0,
        platform_cost_per_day: 0,
        handoff: { dist: 'deterministic', value: 0 },
        ask_for_human: 0,
        concurrency: null,
        cost_per_resolution: 0,
        abandon_probability: 0,
        assist: { handle_time_multiplier: 1, fcr_multiplier: 1, cost_per_contact: 0 },
      },
      transition: { baseline_payroll_headcount: 0, severance_per_head: 0, hiring_per_head: 0, training_per_head: 0 },
    });
    expect(scenario.customers).toEqual(DEFAULT_CUSTOMERS);
    expect(scenario.staff).toEqual(defaultStaff(6));
  });

  it('gives a single ticket type the whole share and switches its AI and repeat mechanisms off', () => {
    expect(scenario.ticket_types).toEqual([
      {
        name: 'general',
        share: 1,
        handle_time: { dist: 'exponential', mean: 5 },
        ai_resolution: 0,
        ai_handle_time: { dist: 'exponential', mean: 2 },
        ai_false_resolution: 0,
        ai_abandon_probability: null,
        fcr: 1,
        sensitive: false,
      },
    ]);
  });

  it('is a plain M/M/c queue: one human strategy seeing the base unchanged', () => {
    expect(scenario.strategies).toHaveLength(1);
    const [strategy] = scenario.strategies;
    const expected: StrategyScenario = {
      name: 'all-human',
      description: '',
      routing: 'human',
      sensitive_to_human: false,
      handoff_priority: false,
      ai_assist: false,
      seed: scenario.seed,
      horizon: scenario.horizon,
      warmup: scenario.warmup,
      replications: scenario.replications,
      service_level: scenario.service_level,
      demand: scenario.demand,
      ticket_types: scenario.ticket_types,
      customers: scenario.customers,
      staff: scenario.staff,
      ai: scenario.ai,
      transition: scenario.transition,
    };
    expect(strategy).toEqual(expected);
  });

  it('treats staff as optional: no staff means nobody, which an ai strategy accepts', () => {
    const resolved = resolveScenario({
      name: 'bot only',
      horizon: '1d',
      demand: { contacts_per_day: 100 },
      ticket_types: [{ name: 'any', handle_time: '4m', ai_resolution: 0.5 }],
      strategies: { bot: { routing: 'ai' } },
    });
    expect(resolved.staff).toEqual(defaultStaff(0));
    expect(resolved.ticket_types[0].handle_time).toEqual({ dist: 'deterministic', value: 4 });
  });

  it('normalises intraday and weekly profiles to mean 1 and keeps their shape', () => {
    const resolved = resolveScenario({
      name: 'shaped',
      horizon: '7d',
      demand: {
        contacts_per_day: 100,
        intraday: [...flat(12, 1), ...flat(12, 3)],
        weekly: [2, 2, 2, 2, 2, 1, 1],
      },
      ticket_types: [{ name: 'any', handle_time: '4m' }],
      staff: { employees: { headcount: 1 } },
      strategies: { h: { routing: 'human' } },
    });
    expect(resolved.demand.intraday.slice(0, 12)).toEqual(flat(12, 0.5));
    expect(resolved.demand.intraday.slice(12)).toEqual(flat(12, 1.5));
    const weekly = resolved.demand.weekly;
    expect(weekly.reduce((a, b) => a + b, 0)).toBeCloseTo(7, 12);
    expect(weekly[0] / weekly[6]).toBeCloseTo(2, 12);
  });

  it('writes distributions in canonical form, in minutes, with normalised empirical weights', () => {
    const resolved = resolveScenario({
      name: 'dists',
      horizon: '1d',
      demand: { contacts_per_day: 100 },
      ticket_types: [
        { name: 'a', share: 0.2, handle_time: { dist: 'lognormal', mean: '90s', cv: 0.5 } },
        { name: 'b', share: 0.2, handle_time: { dist: 'gamma', mean: '1h', cv: 0 } },
        { name: 'c', share: 0.2, handle_time: { dist: 'uniform', min: '30s', max: '2m' } },
        { name: 'd', share: 0.2, handle_time: { dist: 'empirical', values: ['1m', 2, '3m'] } },
        { name: 'e', share: 0.2, handle_time: { dist: 'empirical', values: ['1m', '5m'], weights: [3, 1] } },
      ],
      customers: { patience: '3m' },
      staff: { employees: { headcount: 1 } },
      strategies: { h: { routing: 'human' } },
    });
    expect(resolved.ticket_types.map((t) => t.handle_time)).toEqual([
      { dist: 'lognormal', mean: 1.5, cv: 0.5 },
      { dist: 'gamma', mean: 60, cv: 0 },
      { dist: 'uniform', min: 0.5, max: 2 },
      { dist: 'empirical', values: [1, 2, 3], weights: [1 / 3, 1 / 3, 1 / 3] },
      { dist: 'empirical', values: [1, 5], weights: [0.75, 0.25] },
    ]);
    expect(resolved.customers.patience).toEqual({ dist: 'deterministic', value: 3 });
  });

  it('resolves gig pay, trigger and max_active', () => {
    const base = {
      name: 'gig',
      horizon: '1d',
      demand: { contacts_per_day: 100 },
      ticket_types: [{ name: 'any', handle_time: '4m' }],
      strategies: { h: { routing: 'human' } },
    };
    const perTicket = resolveScenario({
      ...base,
      staff: { gig: { pool: 10, max_active: 25, trigger: { queue: 4 }, pay: { mode: 'per_ticket', rate: 2 } } },
    }).staff.gig;
    expect(perTicket).toMatchObject({
      pool: 10,
      max_active: 10,
      trigger_wait: null,
      trigger_queue: 4,
      pay: { mode: 'per_ticket', hourly_rate: 0, min_block: 0, per_ticket: 2 },
    });
    const hourly = resolveScenario({
      ...base,
      staff: { gig: { pool: 10, max_active: 4, pay: { hourly_rate: 20, min_block: '30m' } } },
    }).staff.gig;
    expect(hourly).toMatchObject({
      max_active: 4,
      trigger_wait: 1,
      trigger_queue: null,
      pay: { mode: 'hourly', hourly_rate: 20, min_block: 30, per_ticket: 0 },
    });
  });
});
