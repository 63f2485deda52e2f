// `overflow_after` (docs/model.md, "Agent groups and skills-based routing"),
// followed contact by contact on a timeline worked out by hand: one
// specialist who lists the type at priority 1, one generalist who lists it at
// priority 2 with an overflow delay, four first contacts of 20 minutes each.
// The arrival times are drawn from the centre's own arrival stream (seed
// 234, 48 a day: 17.96, 37.49, 39.64 and 65.00 minutes); each expectation
// below is written from the trace, as a formula of those times.

import { beforeEach, describe, expect, it } from 'vitest';
import { simulateReplication } from '../../src/model/contact-centre.js';
import { firstArrivals, strategyOf } from './build.js';

const HORIZON = 100;
const HANDLE = 20;

/** The specialist first; the generalist eligible after `overflowAfter` minutes of waiting. */
function centre(overflowAfter: number, answerWithin = '1m') {
  return strategyOf(
    {
      seed: 234,
      horizon: HORIZON,
      service_level: { answer_within: answerWithin, target: 0.8 },
      demand: { contacts_per_day: 48 },
      ticket_types: [{ name: 'any', handle_time: `${HANDLE}m`, fcr: 1 }],
      customers: { patience: '10h', retry: { probability: 0 }, repeat_probability: 0 },
      staff: {
        groups: [
          { name: 'specialists', headcount: 1, hourly_cost: 60, skills: ['any'] },
          { name: 'generalists', headcount: 1, hourly_cost: 30, skills: { any: { priority: 2, overflow_after: overflowAfter } } },
        ],
      },
    },
    { routing: 'human' },
  );
}

const SPECIALISTS = 0;
const GENERALISTS = 1;

describe('overflow to a second group after a wait', () => {
  const [t1, t2, t3, t4, ...rest] = firstArrivals(centre(10));

  it('the seed gives the timeline the traces assume', () => {
    expect(rest).toEqual([]);
    expect(t2).toBeLessThan(t1 + HANDLE); // the second arrives while the specialist is busy ...
    expect(t1 + HANDLE - t2).toBeLessThan(1); // ... who is free again within a minute
    expect(t3 - t2).toBeLessThan(HANDLE); // the third arrives while the specialist has the second
    expect(t3 + 10).toBeLessThan(t1 + 2 * HANDLE); // and would wait past 10 minutes for them
    expect(t4).toBeGreaterThan(t1 + 2 * HANDLE); // the fourth finds the specialist free again
    expect(t4 - t3).toBeLessThan(HANDLE + 10); // ... while the generalist still has the third
    expect(t4 + HANDLE).toBeLessThan(HORIZON);
  });

  describe('overflow_after 10m', () => {
    // t1 = 17.96: both idle; the specialist (priority 1) answers, busy to t1 + 20 = 37.96.
    // t2 = 37.49: the specialist is busy, the generalist idle but not eligible before t2 + 10;
    //     the contact waits. At t1 + 20 the specialist is free and takes it (wait t1 + 20 − t2
    //     = 0.47, under 10: the generalist never gets it); busy to t1 + 40 = 57.96.
    // t3 = 39.64: the specialist is busy; waits. At t3 + 10 = 49.64 the generalist becomes
    //     eligible and is idle: it answers (wait exactly 10), busy to t3 + 30 = 69.64.
    // t4 = 65.00: the specialist is idle (since 57.96) and answers at once, busy to t4 + 20 = 85.
    // Waits: 0, t1 + 20 − t2, 10, 0. Specialist answers 3 (busy 60 min), generalist 1 (busy 20).
    // Simulated in beforeEach: a mutation run sees only what runs inside tests.
    let run: ReturnType<typeof simulateReplication>;
    beforeEach(() => {
      run = simulateReplication(centre(10), 0);
    });

    it('answers every contact, three by the specialist and one by the generalist', () => {
      expect(run.observations.answered).toBe(4);
      expect(run.byGroup[SPECIALISTS].employee_share).toBe(3 / 4);
      expect(run.byGroup[GENERALISTS].employee_share).toBe(1 / 4);
    });

    it('each agent is busy for the contacts the trace gives it', () => {
      expect(run.byGroup[SPECIALISTS].utilization).toBeCloseTo((3 * HANDLE) / HORIZON, 12);
      expect(run.byGroup[GENERALISTS].utilization).toBeCloseTo(HANDLE / HORIZON, 12);
    });

    it('the waits are 0, t1 + 20 − t2, exactly the overflow delay, and 0', () => {
      expect(run.kpis.asa).toBeCloseTo((t1 + HANDLE - t2 + 10) / 4, 9);
      expect(run.kpis.p_wait).toBe(2 / 4);
      // Within 9 minutes: all but the one that overflowed; within 11: all.
      expect(simulateReplication(centre(10, '9m'), 0).kpis.service_level).toBe(3 / 4);
      expect(simulateReplication(centre(10, '11m'), 0).kpis.service_level).toBe(1);
    });
  });

  describe('an overflow delay nobody waits out (60m)', () => {
    // t1: the specialist answers, busy to t1 + 20 = 37.96.
    // t2: waits; the specialist takes it at t1 + 20 (wait t1 + 20 − t2), busy to t1 + 40 = 57.96.
    // t3: waits; the specialist takes it at t1 + 40 (wait t1 + 40 − t3 = 18.32), busy to t1 + 60 = 77.96.
    // t4: waits; the specialist takes it at t1 + 60 (wait t1 + 60 − t4 = 12.96), busy to t1 + 80 = 97.96.
    // No wait reaches 60: the generalist, idle throughout, answers nobody.
    // Simulated in beforeEach: a mutation run sees only what runs inside tests.
    let run: ReturnType<typeof simulateReplication>;
    beforeEach(() => {
      run = simulateReplication(centre(60), 0);
    });

    it('the specialist answers everything, one after another', () => {
      expect(run.observations.answered).toBe(4);
      expect(run.byGroup[SPECIALISTS].employee_share).toBe(1);
      expect(run.byGroup[GENERALISTS].employee_share).toBe(0);
      expect(run.byGroup[GENERALISTS].utilization).toBe(0);
      expect(run.byGroup[SPECIALISTS].utilization).toBeCloseTo((4 * HANDLE) / HORIZON, 12);
      expect(run.kpis.asa).toBeCloseTo((t1 + HANDLE - t2 + (t1 + 2 * HANDLE - t3) + (t1 + 3 * HANDLE - t4)) / 4, 9);
      expect(run.kpis.p_wait).toBe(3 / 4);
    });
  });

  describe('no overflow delay (0): the generalist is eligible at once', () => {
    // t1: the specialist answers, busy to t1 + 20 = 37.96.
    // t2 = 37.49: the specialist is busy, the generalist idle and eligible: it answers at once,
    //     busy to t2 + 20 = 57.49.
    // t3 = 39.64: the specialist is free again (since 37.96): it answers, busy to t3 + 20 = 59.64.
    // t4 = 65.00: both idle; the specialist (priority 1) answers.
    // Nobody waits.
    // Simulated in beforeEach: a mutation run sees only what runs inside tests.
    let run: ReturnType<typeof simulateReplication>;
    beforeEach(() => {
      run = simulateReplication(centre(0), 0);
    });

    it('nobody waits, and the generalist takes only the contact that found the specialist busy', () => {
      expect(run.observations.answered).toBe(4);
      expect(run.kpis.asa).toBe(0);
      expect(run.kpis.p_wait).toBe(0);
      expect(run.byGroup[SPECIALISTS].employee_share).toBe(3 / 4);
      expect(run.byGroup[GENERALISTS].employee_share).toBe(1 / 4);
    });
  });
});
