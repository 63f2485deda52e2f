// A schedule stepping down while agents are busy, followed on a timeline
// worked out by hand (docs/model.md, Employees): idle agents leave at the
// hour, busy ones finish the contact in hand and then leave, and an agent
// who is not leaving takes the next waiting contact.

import { beforeEach, describe, expect, it } from 'vitest';
import { simulateReplication } from '../../src/model/contact-centre.js';
import { firstArrivals, strategyOf } from './build.js';

describe('a schedule stepping down: 2 agents, then 1, then none', () => {
  const s = strategyOf(
    {
      seed: 5,
      horizon: '1d',
      demand: { contacts_per_day: 1440 }, // one a minute: a queue forms at once
      ticket_types: [{ name: 'any', handle_time: '90m', fcr: 1 }],
      customers: { repeat_probability: 0 },
      staff: { employees: { schedule: [2, 1, ...new Array(22).fill(0)], hourly_cost: 30 } },
    },
    { routing: 'human' },
  );
  const [t1, t2, t3] = firstArrivals(s);

  it('the seed gives the timeline the trace assumes', () => {
    expect(t2).toBeLessThan(30); // the second agent is free before the schedule falls to 0 at 120
    expect(t3).toBeLessThan(t2 + 90);
  });

  // t1, t2: both agents answer at once (busy to t1 + 90 and t2 + 90).
  // 60: the level falls to 1; both are busy, so one is marked to leave.
  // t1 + 90: that agent finishes and leaves, answering nobody.
  // t2 + 90 (< 120): the other finishes and, staying on, answers t3 (busy to t2 + 180).
  // 120: the level falls to 0: that agent finishes t3, then leaves at t2 + 180.
  // Simulated in beforeEach, once per test, so that a mutation run (docs/testing.md,
  // "Mutation score") sees the run inside the test: code run while a file is
  // collected runs before Stryker switches the mutant on.
  let kpis: ReturnType<typeof simulateReplication>['kpis'];
  let o: ReturnType<typeof simulateReplication>['observations'];
  beforeEach(() => ({ kpis, observations: o } = simulateReplication(s, 0)));

  it('answers exactly the three contacts the trace gives', () => {
    expect(o.answered).toBe(3);
    expect(o.offered).toBe(firstArrivals(s).length);
    expect(kpis.asa).toBeCloseTo((t2 + 90 - t3) / 3, 9);
  });

  it('staffed time runs until each busy agent is done: 2 agents to t1 + 90, 1 to t2 + 180', () => {
    const staffed = 2 * (t1 + 90) + (t2 + 180 - (t1 + 90));
    expect(kpis.utilization).toBeCloseTo(270 / staffed, 9);
  });

  it('pays the scheduled hours, not the overrun', () => {
    expect(kpis.cost_operating).toBeCloseTo((2 + 1) * 30, 9);
  });
});
