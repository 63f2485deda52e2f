// staff.groups in the file format (docs/scenario.md, "Agent groups"): the
// forms of skills, the employees shorthand, and groups addressed by name in
// strategy patches and --set. The refusals are fixtures in test/fixtures/bad/.

import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../src/scenario/load.js';

const FILE = `
name: groups
horizon: 1d
replications: 2
demand: { contacts_per_day: 1000 }
ticket_types:
  - { name: order_status, share: 0.5, handle_time: 4m }
  - { name: billing, share: 0.3, handle_time: 6m }
  - { name: disputes, share: 0.2, handle_time: 10m }
staff:
  groups:
    - name: generalists
      headcount: 12
      hourly_cost: 34
      shrinkage: 0.3
      skills: [order_status, billing]
    - name: specialists
      schedule: [${new Array(24).fill(5).join(', ')}]
      hourly_cost: 48
      handle_time_multiplier: 0.9
      skills: { disputes: 1, billing: { priority: 2, handle_time_multiplier: 1.3, fcr_multiplier: 0.9, overflow_after: 30s } }
  gig: { pool: 10, skills: [order_status] }
strategies:
  human: { routing: human }
  more: { routing: human, staff: { groups: { specialists: { headcount: 8 } } } }
`;

const load = (set: string[] = []) => parseScenarioText(FILE, null, { set }).scenario;

describe('agent groups in the file', () => {
  it('resolve each form of skills to priority levels and factors', () => {
    const [generalists, specialists] = load().strategies[0].staff.groups;
    expect(generalists).toEqual({
      name: 'generalists',
      schedule: new Array(24).fill(12),
      shrinkage: 0.3,
      hourly_cost: 34,
      handle_time_multiplier: 1,
      skills: [
        { type: 'order_status', priority: 1, handle_time_multiplier: 1, fcr_multiplier: 1, overflow_after: 0 },
        { type: 'billing', priority: 1, handle_time_multiplier: 1, fcr_multiplier: 1, overflow_after: 0 },
      ],
    });
    expect(specialists.handle_time_multiplier).toBe(0.9);
    expect(specialists.skills).toEqual([
      { type: 'disputes', priority: 1, handle_time_multiplier: 1, fcr_multiplier: 1, overflow_after: 0 },
      { type: 'billing', priority: 2, handle_time_multiplier: 1.3, fcr_multiplier: 0.9, overflow_after: 0.5 },
    ]);
    expect(load().strategies[0].staff.gig.skills).toEqual(['order_status']);
  });

  it('staff.employees is one group named employees with every skill', () => {
    const text = FILE.replace(/staff:[\s\S]*?strategies:/, 'staff:\n  employees: { headcount: 7, hourly_cost: 30 }\nstrategies:').replace(/  more:.*\n/, '');
    const { staff } = parseScenarioText(text, null).scenario.strategies[0];
    expect(staff.groups).toEqual([{ name: 'employees', schedule: new Array(24).fill(7), shrinkage: 0, hourly_cost: 30, handle_time_multiplier: 1, skills: null }]);
    expect(staff.gig.skills).toBeNull();
  });

  it('a strategy patches a group by name, leaving the others as the base has them', () => {
    const [human, more] = load().strategies;
    expect(more.staff.groups[1].schedule).toEqual(new Array(24).fill(8));
    // headcount replaces the base's schedule; the rest of the group is the base's.
    expect(more.staff.groups[1].skills).toEqual(human.staff.groups[1].skills);
    expect(more.staff.groups[0]).toEqual(human.staff.groups[0]);
  });

  it('a group\'s shrinkage given as a percentage is refused with the fraction it likely means', () => {
    expect(() => load(['staff.groups.generalists.shrinkage=30'])).toThrow(/staff\.groups\.0\.shrinkage: must be .*, got 30 \(did you mean 0\.3\?\)/);
  });

  it('--set addresses groups by name, in the base and in a strategy', () => {
    const s = load(['staff.groups.generalists.headcount=14', 'strategies.more.staff.groups.specialists.headcount=20']);
    expect(s.strategies[0].staff.groups[0].schedule).toEqual(new Array(24).fill(14));
    expect(s.strategies[1].staff.groups[0].schedule).toEqual(new Array(24).fill(14));
    expect(s.strategies[1].staff.groups[1].schedule).toEqual(new Array(24).fill(20));
    expect(s.strategies[0].staff.groups[1].schedule).toEqual(new Array(24).fill(5));
  });
});
