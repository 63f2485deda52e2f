// Gig workers holding several chats (docs/model.md, "The gig pool", chat
// concurrency) against answers derived without the simulator: a pool whose
// workers are all called at the first contact and never log off is c chat
// agents, so it must reach the exact steady state of src/analytic/chat-queue.ts;
// and one worker's shift worked by hand (who takes which chat, when each
// ends, pay and log-off).

import { describe, expect, it } from 'vitest';
import { chatQueueFigures } from '../../src/analytic/chat-queue.js';
import { sampler } from '../../src/engine/distributions.js';
import { EventQueue } from '../../src/engine/event-queue.js';
import { RandomStream } from '../../src/engine/random.js';
import { simulateReplication } from '../../src/model/contact-centre.js';
import { GigPool } from '../../src/model/gig-pool.js';
import { resolveScenario } from '../../src/scenario/load.js';
import type { Gig, StrategyScenario } from '../../src/scenario/types.js';
import { expectWithinInterval } from '../support/confidence.js';

const AHT = 5;
const PATIENCE = 3;
const WARMUP = 200;

/**
 * Nobody on shift; `workers` gig workers with `slots` chats each. The trigger
 * (an expected wait of 1 s) calls every worker at the first contact to
 * queue, they log in at once and never log off within the horizon: from then
 * on the pool is `workers` chat agents always on duty.
 */
function gigChatCentre(o: { workers: number; slots: number; stretch: number[]; perMinute: number; horizon: number; replications: number; seed: number }): StrategyScenario {
  return resolveScenario({
    name: 'gig-chat',
    seed: o.seed,
    horizon: o.horizon,
    warmup: WARMUP,
    replications: o.replications,
    service_level: { answer_within: '20s', target: 0.8 },
    demand: { contacts_per_day: o.perMinute * 1440 },
    ticket_types: [{ name: 'chat', handle_time: { dist: 'exponential', mean: AHT } }],
    customers: { patience: { dist: 'exponential', mean: PATIENCE }, retry: { probability: 0 } },
    staff: {
      employees: { headcount: 0 },
      gig: {
        pool: o.workers,
        max_active: o.workers,
        trigger: { wait: '1s' },
        login_delay: 0,
        idle_timeout: o.horizon * 2,
        pay: { mode: 'hourly', hourly_rate: 60 },
        concurrency: o.slots,
        stretch: o.stretch,
      },
    },
    strategies: { human: { routing: 'human' } },
  }).strategies[0];
}

describe('a gig pool always logged in is c chat agents: the exact chain', () => {
  for (const [c, k, stretch, lambda, seed] of [
    [2, 3, [1, 1.18, 1.2], 0.9, 21],
    [3, 2, [1, 1.5], 1.2, 22],
  ] as const) {
    it(`c=${c} workers, concurrency ${k}, stretch [${stretch.join(', ')}], ${lambda} a minute`, () => {
      const horizon = 100_000;
      const s = gigChatCentre({ workers: c, slots: k, stretch: [...stretch], perMinute: lambda, horizon, replications: 8, seed });
      const runs = Array.from({ length: s.replications }, (_, r) => simulateReplication(s, r).kpis);
      // Every worker is logged in for the whole measured window, every replication.
      for (const r of runs) expect(r.gig_hours).toBeCloseTo((c * (horizon - WARMUP)) / 60, 6);
      const exact = chatQueueFigures({ arrivalsPerMinute: lambda, aht: AHT, agents: c, slots: k, stretch, patience: PATIENCE });
      const checks = {
        p_wait: exact.p_wait,
        abandon_rate: exact.abandon_rate,
        wait_mean: exact.wait_mean,
        time_in_service: exact.time_in_service,
        gig_slot_occupancy: exact.slot_occupancy,
        gig_share: 1,
      } as const;
      const names = Object.keys(checks) as (keyof typeof checks)[];
      for (const f of names.filter((f) => f !== 'gig_share')) expectWithinInterval(checks[f], runs.map((r) => r[f]), names.length, f);
      // Busy time is time holding at least one chat: the chain's share of agents holding one.
      expectWithinInterval(exact.utilization, runs.map((r) => r.gig_busy_hours / r.gig_hours), names.length, 'busy / paid');
      for (const r of runs) expect(r.gig_share).toBe(1);
      expect(exact.time_in_service).toBeGreaterThan(AHT);
    });
  }
});

const LOGGED_IN = 1;
const IDLE_OVER = 2;
const CHAT_DONE = 3;

function spec(overrides: Partial<Gig> = {}): Gig {
  return {
    pool: 1,
    trigger_wait: 1,
    trigger_queue: null,
    accept_probability: 1,
    login_delay: { dist: 'deterministic', value: 2 },
    pay: { mode: 'hourly', hourly_rate: 60, min_block: 30, per_ticket: 0 },
    idle_timeout: 10,
    handle_time_multiplier: 1,
    resolution_multiplier: 1,
    max_active: 1,
    skills: null,
    concurrency: { slots: 2, stretch: [1, 1.5], fcr: [1, 0.9] },
    ...overrides,
  };
}

/**
 * One worker, concurrency 2, stretch [1, 1.5], login delay 2, paid block
 * 30, idle timeout 10. Contacts (work): A (6) at 2, B (3) at 3, C (1) at 25.
 * Returns what happened, driving the pool as the contact centre does.
 */
function shift(pay: Gig['pay'], idle_timeout = 10) {
  const events = new EventQueue(16);
  const p = new GigPool(spec({ pay, idle_timeout }), events, { loggedIn: LOGGED_IN, idleOver: IDLE_OVER, chatDone: CHAT_DONE }, new RandomStream(1, 0, 'gig'), sampler({ dist: 'deterministic', value: 2 }), 0, 1000);
  const arrivals: Array<[number, number, number]> = [[2, 0, 6], [3, 1, 3], [25, 2, 1]];
  const done: Array<[number, number, number, number]> = [];
  const log: string[] = [];
  expect(p.call(0, 1)).toBe(1);
  const step = (until: number) => {
    while (events.peekTime() <= until && events.pop()) {
      const t = events.time;
      if (events.kind === LOGGED_IN) {
        p.loggedIn(events.data, t);
        log.push(`${t} logged in`);
      } else if (events.kind === CHAT_DONE) {
        const e = p.complete(events.data, t);
        done.push([t, e, p.doneAnsweredAt, p.doneFcr]);
        if (p.holding(events.data) === 0) p.becomeIdle(events.data, t);
      } else {
        p.idleOver(events.data, t);
        log.push(`${t} logged off`);
      }
    }
  };
  for (const [t, e, work] of arrivals) {
    step(t);
    expect(p.idle, `a free slot at ${t}`).toBe(1);
    expect(p.takeIdle()).toBe(0);
    p.take(e, t, work);
  }
  step(Infinity);
  p.close(1000);
  return { p, done, log };
}

describe('one gig worker holding two chats, worked by hand', () => {
  it('takes both chats, works them slowed while shared, logs off once it held nothing for the idle timeout after the block', () => {
    const { p, done, log } = shift({ mode: 'hourly', hourly_rate: 60, min_block: 30, per_ticket: 0 });
    // Logs in at 2 and takes A at once. B at 3: A has 5 of its 6 left; both
    // now run at 1 / 1.5. B's 3 take 4.5 minutes: B ends at 7.5, A by then
    // has 2 left, alone again: A ends at 9.5. Holding nothing from 9.5, the
    // idle timer is max(9.5 + 10, 2 + 30) = 32; C at 25 (work 1) stops it,
    // C ends at 26, and the worker logs off at max(26 + 10, 32) = 36.
    expect(log).toEqual(['2 logged in', '36 logged off']);
    const expected = [
      [7.5, 1, 3, 0.9], // B, taken as the second chat held: fcr × 0.9
      [9.5, 0, 2, 1],
      [26, 2, 25, 1],
    ];
    expect(done.length).toBe(3);
    done.forEach((row, i) => {
      expect(row[0]).toBeCloseTo(expected[i][0], 12);
      expect(row.slice(1)).toEqual(expected[i].slice(1));
    });
    expect(p.handled).toBe(3);
    // Paid from login to log-off: 34 minutes, in hours.
    expect(p.paidMinutes).toBeCloseTo(34, 12);
    expect(p.paidUnits).toBeCloseTo(34 / 60, 12);
    // Busy (holding at least one chat): 2-9.5 and 25-26.
    expect(p.busyMinutes).toBeCloseTo(8.5, 12);
    // Chat-minutes held: A 7.5, B 4.5, C 1.
    expect(p.heldMinutes).toBeCloseTo(13, 12);
    expect(p.active).toBe(0);
  });

  it('paid per ticket: one unit per chat finished; the idle timer runs only while it holds nothing', () => {
    // No paid block, idle timeout 30: idle from 9.5, timer at 39.5; C at 25
    // stops it; idle again from 26: logs off at 56.
    const { p, log } = shift({ mode: 'per_ticket', hourly_rate: 0, min_block: 0, per_ticket: 1 }, 30);
    expect(log).toEqual(['2 logged in', '56 logged off']);
    expect(p.paidUnits).toBe(3);
    expect(p.paidMinutes).toBeCloseTo(54, 12);
    expect(p.busyMinutes).toBeCloseTo(8.5, 12);
  });
});
