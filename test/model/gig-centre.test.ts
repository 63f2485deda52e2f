// The gig pool inside the centre, followed contact by contact on a timeline
// worked out by hand: one employee, one gig worker, three first contacts.
// The arrival times are drawn from the centre's own arrival stream (seed 119:
// 39.52, 41.08 and 71.74 minutes); each expectation below is written from the
// trace, as a formula of those times.

import { beforeEach, describe, expect, it } from 'vitest';
import { simulateReplication } from '../../src/model/contact-centre.js';
import { expectBinomial } from '../support/confidence.js';
import { firstArrivals, strategyOf } from './build.js';

const HORIZON = 90;

function centre(gig: Record<string, unknown>, customers: Record<string, unknown> = {}) {
  return strategyOf(
    {
      seed: 119,
      horizon: HORIZON,
      demand: { contacts_per_day: 72 },
      ticket_types: [{ name: 'any', handle_time: '10m', fcr: 1 }],
      customers: { repeat_probability: 0, ...customers },
    },
    {
      routing: 'human',
      staff: {
        employees: { headcount: 1, hourly_cost: 30 },
        gig: {
          pool: 1,
          max_active: 1,
          trigger: { queue: 1 },
          accept_probability: 1,
          login_delay: '5m',
          handle_time_multiplier: 0.5,
          pay: { mode: 'hourly', hourly_rate: 60, min_block: 0 },
          idle_timeout: '40m',
          ...gig,
        },
      },
    },
  );
}

describe('one employee and one gig worker', () => {
  const s = centre({});
  const [t1, t2, t3, ...rest] = firstArrivals(s);

  it('the seed gives the timeline the trace assumes', () => {
    expect(rest).toEqual([]);
    expect(t2 - t1).toBeLessThan(5); // the second contact queues, and the gig worker logs in before the employee is free
    expect(t3).toBeGreaterThan(t2 + 10); // the gig worker is idle again when the third arrives
    expect(t3 + 10).toBeLessThan(HORIZON);
  });

  // t1: the employee answers (busy to t1 + 10).
  // t2: the queue reaches trigger.queue = 1: the gig worker is called, accepts, logs in at t2 + 5
  //     and takes the waiting contact, for 10 x 0.5 = 5 minutes (to t2 + 10); then idle, with
  //     40 minutes before logging off (t2 + 50, after the horizon).
  // t3: employee and gig worker both idle: the employee, paid anyway, answers.
  // Simulated in beforeEach, once per test, so that a mutation run (docs/testing.md,
  // "Mutation score") sees the run inside the test: code run while a file is
  // collected runs before Stryker switches the mutant on.
  let kpis: ReturnType<typeof simulateReplication>['kpis'];
  let o: ReturnType<typeof simulateReplication>['observations'];
  beforeEach(() => ({ kpis, observations: o } = simulateReplication(s, 0)));

  it('employees answer first when both are idle', () => {
    expect(o.answered).toBe(3);
    expect(o.answeredByGig).toBe(1);
    expect(kpis.gig_share).toBeCloseTo(1 / 3, 12);
  });

  it('the called worker logs in after login_delay, and the waiting contact waits exactly that', () => {
    expect(kpis.wait_mean).toBeCloseTo(5 / 3, 9);
    expect(kpis.p_wait).toBeCloseTo(1 / 3, 12);
    expect(kpis.gig_decline_rate).toBe(0);
  });

  it("a gig worker's handle time is the type's times handle_time_multiplier", () => {
    expect(kpis.gig_busy_hours * 60).toBeCloseTo(5, 9);
    expect(kpis.utilization).toBeCloseTo(20 / HORIZON, 9);
  });

  it('hourly pay runs from login to the horizon while the worker stays logged in', () => {
    const paid = HORIZON - (t2 + 5);
    expect(kpis.gig_hours * 60).toBeCloseTo(paid, 9);
    expect(kpis.cost_operating).toBeCloseTo(1.5 * 30 + paid, 9); // employee: 1.5 h at 30; gig: 60 an hour
    expect(kpis.gig_earnings_per_busy_hour).toBeCloseTo(paid / (5 / 60), 6);
  });

  it('the wait reaches satisfaction: only the second episode waited', () => {
    const waited = simulateReplication(centre({}, { csat: { resolved_by_human: 4.5, per_wait_minute: 0.1, per_extra_contact: 0 } }), 0).kpis;
    expect(waited.csat).toBeCloseTo(4.5 - (0.1 * 5) / 3, 9);
  });

  it('an idle worker logs off after idle_timeout: paid exactly busy + idle time', () => {
    // Done at t2 + 10, logs off at t2 + 20, before t3: the employee takes t3 either way.
    const k = simulateReplication(centre({ idle_timeout: '10m' }), 0).kpis;
    expect(k.gig_hours * 60).toBeCloseTo(15, 9);
    expect(k.gig_share).toBeCloseTo(1 / 3, 12);
  });

  it('but not before the paid block is over', () => {
    // min_block 30: logged in at t2 + 5, logs off at t2 + 35.
    const k = simulateReplication(centre({ idle_timeout: '10m', pay: { mode: 'hourly', hourly_rate: 60, min_block: '30m' } }), 0).kpis;
    expect(k.gig_hours * 60).toBeCloseTo(30, 9);
  });

  it('per-ticket pay: the rate per contact finished, paid hours the hours logged in', () => {
    const k = simulateReplication(centre({ idle_timeout: '10m', pay: { mode: 'per_ticket', rate: 4 } }), 0).kpis;
    expect(k.gig_earnings_per_busy_hour).toBeCloseTo(4 / (5 / 60), 9);
    expect(k.gig_hours * 60).toBeCloseTo(15, 9);
    expect(k.cost_operating).toBeCloseTo(1.5 * 30 + 4, 9);
  });

  it('a worker who declines never logs in: the employee answers everything', () => {
    const k = simulateReplication(centre({ accept_probability: 0 }), 0).kpis;
    expect(k.gig_share).toBe(0);
    expect(k.gig_decline_rate).toBe(1);
    expect(k.gig_hours).toBe(0);
    // The second contact waits for the employee: from t2 to t1 + 10.
    expect(k.wait_mean).toBeCloseTo((t1 + 10 - t2) / 3, 9);
  });
});

describe('gig resolution', () => {
  it("a gig worker resolves with the type's fcr times resolution_multiplier, capped at 1", () => {
    // No employees, gig workers only, logging in at once; fcr 0.8 x 0.5 = 0.4.
    const doc = {
      horizon: '2d',
      demand: { contacts_per_day: 5_000 },
      ticket_types: [{ name: 'any', handle_time: '1m', fcr: 0.8 }],
      customers: { repeat_probability: 0 },
    };
    const gig = (resolution: number) =>
      strategyOf(doc, {
        routing: 'human',
        staff: {
          employees: { headcount: 0, hourly_cost: 30 },
          gig: { pool: 100, max_active: 100, trigger: { queue: 1 }, login_delay: 0, resolution_multiplier: resolution, idle_timeout: '1h' },
        },
      });
    const half = simulateReplication(gig(0.5), 0).observations;
    expect(half.answeredByGig).toBe(half.answered);
    expectBinomial(half.episodesResolved, half.episodesEnded, 0.4, 1, 'resolved by gig workers');
    const capped = simulateReplication(gig(2), 0).observations;
    expect(capped.episodesResolved).toBe(capped.episodesEnded);
  });
});

describe('the wait trigger', () => {
  // At t2 one contact waits, behind one agent: expected wait 1 x 10 / 1 = 10
  // minutes. At or over trigger.wait, staffsim calls enough workers to bring
  // it strictly under: more than 10 / wait agents, floor(10 / wait) + 1, less
  // the one agent there. Each logs in at t2 + 5 and (idle_timeout 1 h) stays
  // logged in past the horizon.
  const called = (wait: string) => {
    const s = centre({ trigger: { wait }, pool: 6, max_active: 6, idle_timeout: '1h' });
    const [, t2] = firstArrivals(s);
    const k = simulateReplication(s, 0).kpis;
    return (k.gig_hours * 60) / (HORIZON - (t2 + 5));
  };
  it('calls as many workers as bring the expected wait strictly under trigger.wait', () => {
    expect(called('4m')).toBeCloseTo(2, 9); // floor(10 / 4) + 1 - 1
    expect(called('2m')).toBeCloseTo(5, 9); // floor(10 / 2) + 1 - 1
    expect(called('10m')).toBeCloseTo(1, 9); // the estimate equals the trigger: one more agent
  });
  it('calls nobody while the expected wait is under trigger.wait', () => {
    expect(called('11m')).toBe(0);
  });
});
