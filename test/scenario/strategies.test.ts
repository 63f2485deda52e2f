import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../../src/scenario/errors.js';
import { parseScenarioText, resolveScenario } from '../../src/scenario/load.js';
import type { Scenario, StrategyScenario } from '../../src/scenario/types.js';

function base(strategies: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'patches',
    horizon: '2d',
    demand: { contacts_per_day: 1000, intraday: Array.from({ length: 24 }, (_, h) => (h < 8 ? 0.5 : 1.5)) },
    ticket_types: [
      { name: 'orders', share: 0.6, handle_time: { dist: 'lognormal', mean: '5m', cv: 0.7 }, ai_resolution: 0.8 },
      { name: 'billing', share: 0.4, handle_time: '8m', ai_resolution: 0.4, fcr: 0.8 },
    ],
    customers: { patience: { dist: 'exponential', mean: '4m' }, churn: { base: 0.01, unresolved: 0.1 } },
    staff: {
      employees: { headcount: 20, shrinkage: 0.3, hourly_cost: 30 },
      gig: { pool: 5, trigger: { wait: '2m' }, pay: { hourly_rate: 25, min_block: '30m' } },
    },
    ...extra,
    strategies,
  };
}

const strategy = (scenario: Scenario, name: string): StrategyScenario => {
  const found = scenario.strategies.find((s) => s.name === name);
  if (!found) throw new Error(`no strategy ${name}`);
  return found;
};

function resolveError(raw: unknown): ScenarioError {
  try {
    resolveScenario(raw);
  } catch (error) {
    if (error instanceof ScenarioError) return error;
    throw error;
  }
  throw new Error('accepted');
}

describe('strategy patches', () => {
  it('keeps strategies in file order with their routing flags and description', () => {
    const scenario = resolveScenario(
      base({
        zeta: { routing: 'human' },
        alpha: { routing: 'ai-first', sensitive_to_human: true, handoff_priority: true, description: 'AI then people' },
        mid: { routing: 'ai' },
      }),
    );
    expect(scenario.strategies.map((s) => [s.name, s.routing])).toEqual([
      ['zeta', 'human'],
      ['alpha', 'ai-first'],
      ['mid', 'ai'],
    ]);
    expect(strategy(scenario, 'alpha')).toMatchObject({
      sensitive_to_human: true,
      handoff_priority: true,
      description: 'AI then people',
    });
    expect(strategy(scenario, 'zeta')).toMatchObject({ sensitive_to_human: false, handoff_priority: false, description: '' });
  });

  it('deep-merges mappings: a changed key leaves its siblings as in the base', () => {
    const scenario = resolveScenario(
      base({ cheaper: { routing: 'human', staff: { employees: { hourly_cost: 20 } }, customers: { churn: { base: 0.02 } } } }),
    );
    const s = strategy(scenario, 'cheaper');
    expect(s.staff.groups[0]).toMatchObject({ schedule: Array(24).fill(20), shrinkage: 0.3, hourly_cost: 20 });
    expect(s.customers.churn).toMatchObject({ base: 0.02, unresolved: 0.1 });
    expect(s.customers.patience).toEqual({ dist: 'exponential', mean: 4 });
    expect(s.staff.gig.pay).toEqual({ mode: 'hourly', hourly_rate: 25, min_block: 30, per_ticket: 0 });
    // The base itself is unchanged.
    expect(scenario.staff.groups[0].hourly_cost).toBe(30);
  });

  it('replaces lists and distributions whole', () => {
    const intraday = Array.from({ length: 24 }, () => 1);
    const scenario = resolveScenario(
      base({
        flat: {
          routing: 'human',
          demand: { intraday },
          customers: { patience: { dist: 'uniform', min: '1m', max: '3m' } },
        },
      }),
    );
    const s = strategy(scenario, 'flat');
    expect(s.demand.intraday).toEqual(intraday);
    expect(s.demand.contacts_per_day).toBe(1000);
    expect(s.customers.patience).toEqual({ dist: 'uniform', min: 1, max: 3 });
  });

  it('patches ticket types by name, keeping the other types and fields', () => {
    const scenario = resolveScenario(base({ better: { routing: 'ai-first', ticket_types: { billing: { ai_resolution: 0.9 } } } }));
    const types = strategy(scenario, 'better').ticket_types;
    expect(types.map((t) => t.name)).toEqual(['orders', 'billing']);
    expect(types[1]).toMatchObject({ name: 'billing', share: 0.4, ai_resolution: 0.9, fcr: 0.8 });
    expect(types[1].handle_time).toEqual({ dist: 'deterministic', value: 8 });
    expect(types[0]).toEqual(scenario.ticket_types[0]);
  });

  it('replaces the ticket types when the patch is a list', () => {
    const scenario = resolveScenario(base({ one: { routing: 'human', ticket_types: [{ name: 'all', handle_time: '6m' }] } }));
    expect(strategy(scenario, 'one').ticket_types).toEqual([
      expect.objectContaining({ name: 'all', share: 1, handle_time: { dist: 'deterministic', value: 6 } }),
    ]);
  });

  it('a headcount in a patch replaces the base schedule, and a schedule replaces the base headcount', () => {
    const schedule = Array.from({ length: 24 }, (_, h) => (h < 8 ? 2 : 10));
    const withSchedule = resolveScenario(
      base(
        { flat: { routing: 'human', staff: { employees: { headcount: 12 } } } },
        { staff: { employees: { schedule, shrinkage: 0.3 } } },
      ),
    );
    expect(strategy(withSchedule, 'flat').staff.groups[0]).toMatchObject({
      schedule: Array(24).fill(12),
      shrinkage: 0.3,
      hourly_cost: 0,
    });
    const withHeadcount = resolveScenario(base({ shaped: { routing: 'human', staff: { employees: { schedule } } } }));
    expect(strategy(withHeadcount, 'shaped').staff.groups[0].schedule).toEqual(schedule);
  });

  it('switching the gig trigger or pay mode in a patch drops the base alternative', () => {
    const scenario = resolveScenario(
      base({
        queue: { routing: 'human', staff: { gig: { trigger: { queue: 3 } } } },
        per_ticket: { routing: 'human', staff: { gig: { pay: { mode: 'per_ticket', rate: 1.5 } } } },
      }),
    );
    expect(strategy(scenario, 'queue').staff.gig).toMatchObject({ trigger_wait: null, trigger_queue: 3 });
    expect(strategy(scenario, 'per_ticket').staff.gig.pay).toEqual({
      mode: 'per_ticket',
      hourly_rate: 0,
      min_block: 0,
      per_ticket: 1.5,
    });
  });

  it('validates each strategy after merging and names the strategy path', () => {
    const error = resolveError(base({ lopsided: { routing: 'human', ticket_types: { billing: { share: 0.5 } } } }));
    expect(error.path).toBe('strategies.lopsided.ticket_types');
    expect(error.issues[0].message).toBe('the shares sum to 1.1, not 1');
  });

  it('reports errors from several strategies, each under its own path', () => {
    const error = resolveError(
      base({
        a: { routing: 'human', staff: { employees: { shrinkage: 1 } } },
        b: { routing: 'ai', ai: { concurrency: 0 } },
      }),
    );
    expect(error.issues.map((i) => i.path)).toEqual(['strategies.a.staff.employees.shrinkage', 'strategies.b.ai.concurrency']);
  });

  it('refuses keys a strategy cannot patch, with the keys it can', () => {
    const error = resolveError(base({ longer: { routing: 'human', horizon: '5d' } }));
    expect(error.path).toBe('strategies.longer.horizon');
    expect(error.hint).toContain('`routing`');
    expect(error.hint).toContain('`transition`');
  });

  it('needs a routing in every strategy', () => {
    const error = resolveError(base({ nameless: { description: 'no routing' } }));
    expect(error.path).toBe('strategies.nameless');
    expect(error.issues[0].message).toBe('missing required key `routing`');
    expect(error.hint).toContain('How contacts flow');
  });

  it('a human strategy without any human capacity is an error, but one with only a gig pool is not', () => {
    const none = resolveError(
      base({ nobody: { routing: 'human', staff: { employees: { headcount: 0 }, gig: { pool: 0 } } } }),
    );
    expect(none.path).toBe('strategies.nobody.routing');
    expect(none.message).toContain('needs human capacity');
    const gigOnly = resolveScenario(base({ gig: { routing: 'human', staff: { employees: { headcount: 0 } } } }));
    expect(strategy(gigOnly, 'gig').staff.gig.pool).toBe(5);
  });

  it('points at the line of the offending key inside a strategy', () => {
    const text = [
      'name: lines',
      'horizon: 1d',
      'demand: { contacts_per_day: 100 }',
      'ticket_types:',
      '  - { name: a, share: 0.5, handle_time: 5m }',
      '  - { name: b, share: 0.5, handle_time: 5m }',
      'staff: { employees: { headcount: 3 } }',
      'strategies:',
      '  all-human: { routing: human }',
      '  hybrid:',
      '    routing: ai-first',
      '    ticket_types:',
      '      b:',
      '        share: 0.7',
    ].join('\n');
    try {
      parseScenarioText(text, 'lines.yaml');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ScenarioError);
      const e = error as ScenarioError;
      expect(e.path).toBe('strategies.hybrid.ticket_types');
      expect([e.line, e.column]).toEqual([12, 5]);
    }
  });
});
