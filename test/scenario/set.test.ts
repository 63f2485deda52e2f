import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../../src/scenario/errors.js';
import { parseScenarioText, type LoadedScenario } from '../../src/scenario/load.js';

const file = join(import.meta.dirname, '..', 'fixtures', 'minimal.yaml');
const text = readFileSync(file, 'utf8');

const TWO_TYPES = `name: two
horizon: 2d
demand: { contacts_per_day: 1000 }
ticket_types:
  - { name: orders, share: 0.6, handle_time: 5m, ai_resolution: 0.8 }
  - { name: billing, share: 0.4, handle_time: 8m, ai_resolution: 0.3 }
staff: { employees: { headcount: 10 } }
strategies:
  all-human: { routing: human }
  hybrid: { routing: ai-first, staff: { employees: { headcount: 5 } } }
`;

const load = (set: string[], source = text): LoadedScenario => parseScenarioText(source, file, { set });

function setError(set: string[], source = text): ScenarioError {
  try {
    load(set, source);
  } catch (error) {
    if (error instanceof ScenarioError) return error;
    throw error;
  }
  throw new Error(`accepted ${set.join(' ')}`);
}

describe('--set overrides', () => {
  it('changes a key the file has', () => {
    const { scenario } = load(['horizon=3d', 'staff.employees.headcount=9']);
    expect(scenario.horizon).toBe(3 * 1440);
    expect(scenario.staff.groups[0].schedule).toEqual(Array(24).fill(9));
    expect(scenario.strategies[0].staff.groups[0].schedule).toEqual(Array(24).fill(9));
  });

  it('sets a valid key the file does not have, creating the mappings on the way', () => {
    const { scenario } = load(['customers.churn.unresolved=0.2', 'customers.patience={dist: exponential, mean: 3m}']);
    expect(scenario.customers.churn.unresolved).toBe(0.2);
    expect(scenario.customers.patience).toEqual({ dist: 'exponential', mean: 3 });
  });

  it('reads values as YAML: durations, numbers, booleans, lists and flow mappings', () => {
    const { scenario } = load([
      'warmup=90s',
      'ticket_types.0.fcr=0.75',
      'ticket_types.0.sensitive=true',
      'demand.weekly=[2, 1, 1, 1, 1, 1, 1]',
      'ai.concurrency=',
    ]);
    expect(scenario.warmup).toBe(1.5);
    expect(scenario.ticket_types[0]).toMatchObject({ fcr: 0.75, sensitive: true });
    expect(scenario.demand.weekly[0]).toBeCloseTo(1.75, 12);
    expect(scenario.ai.concurrency).toBeNull();
  });

  it('indexes lists with numeric segments, and appends at the list length', () => {
    const { scenario } = load(
      ['ticket_types.1.ai_resolution=0.5', 'ticket_types.2={name: refunds, share: 0.1, handle_time: 6m}', 'ticket_types.0.share=0.5'],
      TWO_TYPES,
    );
    expect(scenario.ticket_types.map((t) => [t.name, t.share])).toEqual([
      ['orders', 0.5],
      ['billing', 0.4],
      ['refunds', 0.1],
    ]);
    expect(scenario.ticket_types[1].ai_resolution).toBe(0.5);
  });

  it('reaches into strategies, including ticket types by name or by index', () => {
    const { scenario } = load(
      [
        'strategies.hybrid.staff.employees.headcount=30',
        'strategies.hybrid.ticket_types.billing.ai_resolution=0.9',
        'strategies.hybrid.ticket_types.0.fcr=0.7',
      ],
      TWO_TYPES,
    );
    const hybrid = scenario.strategies[1];
    expect(hybrid.staff.groups[0].schedule).toEqual(Array(24).fill(30));
    expect(hybrid.ticket_types.map((t) => [t.name, t.ai_resolution, t.fcr])).toEqual([
      ['orders', 0.8, 0.7],
      ['billing', 0.9, 1],
    ]);
    expect(scenario.strategies[0].ticket_types[1].ai_resolution).toBe(0.3);
  });

  it('replaces the alternative key the file gives, as a strategy patch does (headcount for a schedule)', () => {
    const schedule = `[${Array(24).fill(4).join(', ')}]`;
    const withSchedules = TWO_TYPES.replace('headcount: 10', `schedule: ${schedule}`).replace('headcount: 5', `schedule: ${schedule}`);
    const { scenario } = load(['staff.employees.headcount=7', 'strategies.hybrid.staff.employees.headcount=3'], withSchedules);
    expect(scenario.strategies.map((s) => s.staff.groups[0].schedule)).toEqual([Array(24).fill(7), Array(24).fill(3)]);
    // And back: a schedule replaces a headcount.
    const back = load(['staff.employees.schedule=[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24]'], TWO_TYPES);
    expect(back.scenario.staff.groups[0].schedule[23]).toBe(24);
  });

  it('can add a strategy', () => {
    const { scenario } = load(['strategies.bot.routing=ai']);
    expect(scenario.strategies.map((s) => [s.name, s.routing])).toEqual([
      ['all-human', 'human'],
      ['bot', 'ai'],
    ]);
  });

  it('refuses a path that is not a key of the schema, naming the --set and the nearest key', () => {
    const error = setError(['staff.employees.headcont=3']);
    expect(error.source).toBe('staff.employees.headcont=3');
    expect(error.file).toBe(file);
    expect(error.format()).toContain('--set staff.employees.headcont=3: `headcont` is not a key of `staff.employees`');
    expect(error.hint).toContain('did you mean `headcount`?');

    expect(setError(['demand.contacts_per_dya=5']).hint).toContain('did you mean `contacts_per_day`?');
    expect(setError(['horizon.days=3']).format()).toContain('`horizon` is `2d`, not a mapping');
    expect(setError(['warmup.days=3']).format()).toContain('`warmup` is a value, not a mapping');
    // A list of named items is addressed by name (test/scenario/groups.test.ts); an unknown name is refused.
    expect(setError(['ticket_types.genral.fcr=0.5']).format()).toContain('`ticket_types` has no item named `genral` (did you mean `general`?');
    expect(setError(['ticket_types.5.fcr=0.5']).format()).toContain('index 5 is out of range');
    expect(setError(['strategies.all-human.horizon=3d']).hint).toContain('`routing`');
  });

  it('refuses a malformed --set', () => {
    const noEquals = setError(['horizon']);
    expect(noEquals.format()).toContain('`--set horizon` has no `=`');
    expect(setError(['=3']).format()).toContain('has an empty key');
    expect(setError(['staff..headcount=3']).format()).toContain('has an empty key');
  });

  it('names the --set when its value is invalid', () => {
    const error = setError(['demand.contacts_per_day=lots']);
    expect(error.source).toBe('demand.contacts_per_day=lots');
    expect(error.line).toBeNull();
    expect(error.format()).toBe(
      `${file}: --set demand.contacts_per_day=lots: demand.contacts_per_day: expected a number > 0, got text \`lots\``,
    );
    expect(setError(['ticket_types.0.ai_resolution=1.5']).format()).toContain('must be a probability between 0 and 1, got 1.5');
    expect(setError(['strategies.all-human.staff.employees.headcount=-1']).source).toBe(
      'strategies.all-human.staff.employees.headcount=-1',
    );
    expect(setError(['demand.weekly=[1, 2']).format()).toContain('cannot read the value `[1, 2`');
  });

  it('refuses to replace a plain value by a mapping implicitly', () => {
    expect(setError(['ticket_types.0.handle_time.mean=3m'], TWO_TYPES).format()).toContain(
      '`ticket_types.0.handle_time` is `5m`, not a mapping',
    );
  });

  it('never lets a --set path reach an object prototype', () => {
    expect(setError(['__proto__.polluted=1']).format()).toContain('`__proto__` is not a key of the scenario');
    expect(setError(['demand.constructor.prototype.polluted=1']).format()).toContain('`constructor` is not a key');
    expect(setError(['customers.patience={__proto__: {polluted: 1}}']).format()).toContain('unknown key `__proto__`');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('changes the scenario hash only when the effective scenario changes', () => {
    const plain = load([]).sha256;
    expect(load(['seed=1']).sha256).toBe(plain); // 1 is the default
    expect(load(['horizon=48h']).sha256).toBe(plain); // 2d, written differently
    expect(load(['seed=2']).sha256).not.toBe(plain);
  });
});
