// Strategy patches merged into the base file: mappings key by key, lists and
// distributions whole, alternatives dropping each other, ticket types by name.

import { describe, expect, it } from 'vitest';
import { applyStrategyPatch, mergeValue } from '../../src/scenario/merge.js';
import { BaseSchema, GigSchema, StaffSchema, TicketTypeSchema } from '../../src/scenario/schema.js';

describe('mergeValue', () => {
  it('merges mappings key by key and never mutates its inputs', () => {
    const base = { employees: { headcount: 10, hourly_cost: 30 }, gig: { pool: 5 } };
    const patch = { employees: { hourly_cost: 35 } };
    const merged = mergeValue(base, patch, StaffSchema);
    expect(merged).toEqual({ employees: { headcount: 10, hourly_cost: 35 }, gig: { pool: 5 } });
    expect(base.employees.hourly_cost).toBe(30);
  });

  it('replaces lists and distributions whole', () => {
    const base = { name: 'a', handle_time: { dist: 'lognormal', mean: '5m', cv: 1 } };
    expect(mergeValue(base, { handle_time: { dist: 'exponential', mean: '4m' } }, TicketTypeSchema)).toEqual({
      name: 'a',
      handle_time: { dist: 'exponential', mean: '4m' },
    });
    expect(mergeValue([1, 2, 3], [4], undefined)).toEqual([4]);
  });

  it('a patch setting one of alternative keys drops the others from the base', () => {
    const base = { employees: { schedule: new Array(24).fill(3), hourly_cost: 30 } };
    expect(mergeValue(base, { employees: { headcount: 8 } }, StaffSchema)).toEqual({ employees: { headcount: 8, hourly_cost: 30 } });
    const gig = { pool: 5, trigger: { wait: '1m' } };
    expect(mergeValue(gig, { trigger: { queue: 4 } }, GigSchema)).toEqual({ pool: 5, trigger: { queue: 4 } });
  });

  it('no patch keeps the base', () => {
    const base = { a: 1 };
    expect(mergeValue(base, undefined, StaffSchema)).toBe(base);
  });
});

describe('applyStrategyPatch', () => {
  const base = {
    name: 'x',
    ticket_types: [
      { name: 'billing', share: 0.5, ai_resolution: 0.6 },
      { name: 'fraud', share: 0.5, sensitive: true },
    ],
    staff: { employees: { headcount: 10, hourly_cost: 30 } },
  };

  it('patches ticket types by name, leaving the others', () => {
    const { merged, problems } = applyStrategyPatch(base, { ticket_types: { billing: { ai_resolution: 0.9 } } }, BaseSchema);
    expect(problems).toEqual([]);
    expect(merged.ticket_types).toEqual([
      { name: 'billing', share: 0.5, ai_resolution: 0.9 },
      { name: 'fraud', share: 0.5, sensitive: true },
    ]);
    expect(base.ticket_types[0].ai_resolution).toBe(0.6);
  });

  it('reports an unknown type name with a suggestion, at its path', () => {
    const { problems } = applyStrategyPatch(base, { ticket_types: { biling: { ai_resolution: 0.9 } } }, BaseSchema);
    expect(problems).toHaveLength(1);
    expect(problems[0].path).toEqual(['ticket_types', 'biling']);
    expect(problems[0].message).toContain('no ticket type named `biling`');
    expect(problems[0].hint).toContain('did you mean `billing`?');
  });

  it('a list of ticket types replaces the base list', () => {
    const { merged } = applyStrategyPatch(base, { ticket_types: [{ name: 'only', share: 1 }] }, BaseSchema);
    expect(merged.ticket_types).toEqual([{ name: 'only', share: 1 }]);
  });
});
