// `overflow_after` with two delays for one type (docs/model.md, "Agent groups
// and skills-based routing"): a contact that waits out the first delay while
// the group it opens is busy stays in line and is offered again at the
// second. A timeline worked by hand with the arrivals of overflow.test.ts
// (seed 234, 48 a day: t1 17.96, t2 37.49, t3 39.64, t4 65.00 minutes), here
// with 30-minute contacts and three single-agent groups: the specialist
// (priority 1), group A after 1 minute of waiting, group B after 5.
//
//   t1: the specialist answers, busy to t1 + 30 = 47.96.
//   t2: the specialist is busy; at t2 + 1 = 38.49 A is eligible and idle:
//       A answers (wait 1), busy to t2 + 31 = 68.49.
//   t3: both busy; at t3 + 1 A is still busy, so the contact waits on; at
//       t3 + 5 = 44.64 B is eligible and idle: B answers (wait 5), busy to 74.64.
//   t4: the specialist is idle again (since 47.96) and answers at once, busy to 95.
//
// Waits 0, 1, 5, 0; the specialist answers 2 (busy 60 minutes), A and B one each (30).

import { beforeEach, describe, expect, it } from 'vitest';
import { simulateReplication } from '../../src/model/contact-centre.js';
import { firstArrivals, strategyOf } from './build.js';

const HORIZON = 100;
const HANDLE = 30;
const [SPECIALIST, A, B] = [0, 1, 2];

function centre(handle = HANDLE) {
  return strategyOf(
    {
      seed: 234,
      horizon: HORIZON,
      service_level: { answer_within: '2m', target: 0.8 },
      demand: { contacts_per_day: 48 },
      ticket_types: [{ name: 'any', handle_time: `${handle}m`, fcr: 1 }],
      customers: { patience: '10h', retry: { probability: 0 }, repeat_probability: 0 },
      staff: {
        groups: [
          { name: 'specialists', headcount: 1, hourly_cost: 60, skills: ['any'] },
          { name: 'a', headcount: 1, hourly_cost: 30, skills: { any: { priority: 2, overflow_after: 1 } } },
          { name: 'b', headcount: 1, hourly_cost: 30, skills: { any: { priority: 3, overflow_after: 5 } } },
        ],
      },
    },
    { routing: 'human' },
  );
}

describe('a contact offered to a second overflow group after the first was busy', () => {
  let times: number[];
  let run: ReturnType<typeof simulateReplication>;
  // Simulated inside each test (beforeEach): a mutation run sees only what runs inside tests.
  beforeEach(() => {
    times = firstArrivals(centre());
    run = simulateReplication(centre(), 0);
  });

  it('the seed gives the timeline the trace assumes', () => {
    const [t1, t2, t3, t4, ...rest] = times;
    expect(rest).toEqual([]);
    expect(t2).toBeLessThan(t1 + HANDLE - 1); // the specialist is still busy when t2 has waited 1 minute
    expect(t3 + 5).toBeLessThan(Math.min(t1 + HANDLE, t2 + 1 + HANDLE)); // nobody frees up before t3 has waited 5
    expect(t4).toBeGreaterThan(t1 + HANDLE); // the specialist is free for t4
    expect(t4 + HANDLE).toBeLessThan(HORIZON);
  });

  it('each group answers the contacts the trace gives it, and is busy for them', () => {
    expect(run.observations.answered).toBe(4);
    expect(run.byGroup[SPECIALIST].employee_share).toBe(2 / 4);
    expect(run.byGroup[A].employee_share).toBe(1 / 4);
    expect(run.byGroup[B].employee_share).toBe(1 / 4);
    expect(run.byGroup[SPECIALIST].utilization).toBeCloseTo((2 * HANDLE) / HORIZON, 12);
    expect(run.byGroup[A].utilization).toBeCloseTo(HANDLE / HORIZON, 12);
    expect(run.byGroup[B].utilization).toBeCloseTo(HANDLE / HORIZON, 12);
  });

  it('the waits are 0, exactly the first delay, exactly the second, and 0; nobody abandons', () => {
    expect(run.kpis.asa).toBeCloseTo((1 + 5) / 4, 12);
    expect(run.kpis.p_wait).toBe(2 / 4);
    expect(run.kpis.service_level).toBe(3 / 4); // within 2 minutes: all but the one that waited 5
    expect(run.kpis.abandon_rate).toBe(0);
    expect(run.kpis.resolved_rate).toBe(1);
    expect(run.kpis.resolution_time).toBeCloseTo(HANDLE + (1 + 5) / 4, 9);
  });
});

// The same arrivals with 60-minute contacts: t1, t2 and t3 are answered as
// above (the specialist at t1, A at t2 + 1, B at t3 + 5), and all three are
// still busy when t4 has waited 1 minute (A busy) and 5 (B busy): t4 stays
// in line after its last delay, and the specialist, free first (t1 + 60),
// answers it then, after a wait of t1 + 60 − t4.
describe('a contact that waits out its last overflow delay with every group busy', () => {
  const LONG = 60;
  let times: number[];
  let run: ReturnType<typeof simulateReplication>;
  beforeEach(() => {
    times = firstArrivals(centre(LONG));
    run = simulateReplication(centre(LONG), 0);
  });

  it('the seed gives the timeline the trace assumes', () => {
    const [t1, t2, t3, t4] = times;
    expect(times.length).toBe(4);
    expect(t1 + LONG).toBeGreaterThan(t4 + 5); // the specialist, A and B all busy at t4 + 5
    expect(t1 + LONG).toBeLessThan(Math.min(t2 + 1 + LONG, t3 + 5 + LONG)); // the specialist frees up first
    expect(t1 + LONG).toBeLessThan(HORIZON);
  });

  it('it waits on and the specialist answers it when free: waits 0, 1, 5 and t1 + 60 − t4', () => {
    const [t1, , , t4] = times;
    expect(run.observations.answered).toBe(4);
    expect(run.byGroup[SPECIALIST].employee_share).toBe(2 / 4);
    expect(run.byGroup[A].employee_share).toBe(1 / 4);
    expect(run.byGroup[B].employee_share).toBe(1 / 4);
    expect(run.kpis.asa).toBeCloseTo((1 + 5 + t1 + LONG - t4) / 4, 12);
    expect(run.kpis.abandon_rate).toBe(0);
  });
});
