// The gig pool's bookkeeping on small timelines worked out by hand.

import { describe, expect, it } from 'vitest';
import { sampler } from '../../src/engine/distributions.js';
import { EventQueue } from '../../src/engine/event-queue.js';
import { RandomStream } from '../../src/engine/random.js';
import { GigPool } from '../../src/model/gig-pool.js';
import type { Gig } from '../../src/scenario/types.js';

const LOGGED_IN = 1;
const IDLE_OVER = 2;
const CHAT_DONE = 3;

function gig(overrides: Partial<Gig> = {}): Gig {
  return {
    pool: 3,
    trigger_wait: 1,
    trigger_queue: null,
    accept_probability: 1,
    login_delay: { dist: 'deterministic', value: 5 },
    pay: { mode: 'hourly', hourly_rate: 60, min_block: 0, per_ticket: 0 },
    idle_timeout: 10,
    handle_time_multiplier: 1,
    resolution_multiplier: 1,
    max_active: 3,
    skills: null,
    ...overrides,
  };
}

function pool(spec: Gig, windowEnd = 10_000) {
  const events = new EventQueue(16);
  const p = new GigPool(spec, events, { loggedIn: LOGGED_IN, idleOver: IDLE_OVER, chatDone: CHAT_DONE }, new RandomStream(1, 0, 'gig'), sampler(spec.login_delay), 0, windowEnd);
  /** Runs the pool's own events (logins go idle: no contacts waiting) until `until`. */
  const runUntil = (until: number) => {
    while (events.peekTime() <= until && events.pop()) {
      if (events.kind === LOGGED_IN) {
        p.loggedIn(events.data, events.time);
        p.becomeIdle(events.data, events.time);
      } else {
        p.idleOver(events.data, events.time);
      }
    }
  };
  return { p, events, runUntil };
}

describe('gig pool', () => {
  it('a called worker who declines is counted and never logs in', () => {
    const { p, events } = pool(gig({ accept_probability: 0 }));
    expect(p.call(0, 2)).toBe(0);
    // Each of the three workers is asked once, and each declines.
    expect(p.calls).toBe(3);
    expect(p.declines).toBe(3);
    expect(p.loggingIn).toBe(0);
    expect(events.size).toBe(0);
  });

  it('a worker who logs in after the queue emptied is still paid the minimum block', () => {
    const { p, runUntil } = pool(gig({ pay: { mode: 'hourly', hourly_rate: 60, min_block: 30, per_ticket: 0 } }));
    expect(p.call(0, 1)).toBe(1);
    runUntil(1_000); // logs in at 5, finds nothing, stays until 5 + 30 = 35
    p.close(1_000);
    expect(p.active).toBe(0);
    expect(p.paidMinutes).toBe(30);
    expect(p.paidUnits).toBe(0.5); // hours, the pay model's unit: $30 at $60/h (pricing.ts)
    expect(p.busyMinutes).toBe(0);
  });

  it('an idle worker logs off after the idle timeout, paid for busy plus idle time', () => {
    const { p, events, runUntil } = pool(gig());
    p.call(0, 1);
    events.pop(); // login at 5
    p.loggedIn(events.data, events.time);
    p.startWork(0, 5, 15); // a contact from 5 to 20
    p.finishWork(0, 20);
    p.becomeIdle(0, 20);
    expect([p.active, p.idle]).toEqual([1, 1]);
    runUntil(1_000); // idle from 20, logs off at 30
    expect([p.active, p.idle]).toEqual([0, 0]);
    expect(p.takeIdle()).toBe(-1); // its idle-line entry went with it
    p.close(1_000);
    expect(p.paidMinutes).toBe(25);
    expect(p.busyMinutes).toBe(15);
    expect(p.paidMinutes - p.busyMinutes).toBe(10); // idle time
    expect(p.handled).toBe(1);
    expect(p.paidUnits * 60).toBeCloseTo(25, 12); // 25 paid minutes at $60/h
  });

  it("follows the shift drawn in docs/model.md minute by minute", () => {
    const { p, events } = pool(gig({ pay: { mode: 'hourly', hourly_rate: 60, min_block: 30, per_ticket: 0 } }));
    p.call(0, 1);
    events.pop();
    expect(events.time).toBe(5);
    p.loggedIn(0, 5);
    p.startWork(0, 5, 15);
    p.finishWork(0, 20);
    p.becomeIdle(0, 20);
    expect(p.takeIdle()).toBe(0); // a contact arrives at 24
    p.startWork(0, 24, 14);
    p.finishWork(0, 38);
    p.becomeIdle(0, 38);
    events.pop();
    expect(events.time).toBe(48); // 10 idle minutes; the 30-minute block ended at 35
    p.idleOver(0, 48);
    p.close(100);
    expect(p.paidMinutes).toBe(43);
    expect(p.busyMinutes).toBe(29);
  });

  it('work before the timeout keeps an idle worker logged in', () => {
    const { p, events } = pool(gig());
    p.call(0, 1);
    events.pop();
    p.loggedIn(0, 5);
    p.becomeIdle(0, 5); // would log off at 15
    expect(p.takeIdle()).toBe(0); // a contact at 12 takes it
    p.startWork(0, 12, 8);
    expect(events.peekTime()).toBe(Infinity); // the idle timer was cancelled
    expect(p.idle).toBe(0);
    expect(p.active).toBe(1);
  });

  it('never has more than max_active workers logged in or logging in', () => {
    const { p } = pool(gig({ pool: 5, max_active: 2 }));
    expect(p.call(0, 5)).toBe(2);
    expect(p.calls).toBe(2);
    expect(p.call(1, 5)).toBe(0);
    expect(p.loggingIn).toBe(2);
  });

  it('per-ticket pay is counted in tickets when a contact ends', () => {
    const { p, events } = pool(gig({ pay: { mode: 'per_ticket', hourly_rate: 0, min_block: 0, per_ticket: 4 } }));
    p.call(0, 1);
    events.pop();
    p.loggedIn(0, 5);
    p.startWork(0, 5, 10);
    p.finishWork(0, 15);
    p.startWork(0, 15, 10);
    p.finishWork(0, 25);
    p.becomeIdle(0, 25);
    p.close(30);
    expect(p.paidUnits).toBe(2); // tickets: $8 at $4 each (pricing.ts)
    expect(p.paidMinutes).toBe(25); // logged in from 5 to the close at 30
  });

  it("measures income volatility as the CV of a worker's daily earnings, idle days included", () => {
    // One worker: an hour (60 at $60/h) on day 0, nothing on day 1, an hour on day 2.
    const { p, events } = pool(gig({ pool: 1, max_active: 1, login_delay: { dist: 'deterministic', value: 0 } }), 3 * 1440);
    for (const day of [0, 2]) {
      p.call(day * 1440 + 100, 1);
      events.pop();
      p.loggedIn(0, events.time);
      p.startWork(0, events.time, 60);
      p.finishWork(0, events.time + 60);
      p.becomeIdle(0, events.time + 60);
      events.pop(); // the idle timer, 10 minutes later
      p.idleOver(0, events.time);
    }
    p.close(3 * 1440);
    // Paid 70 min each working day (60 busy + 10 idle): daily 70, 0, 70 at $1/min.
    expect(p.paidUnits * 60).toBeCloseTo(140, 9);
    const mean = 140 / 3;
    const sd = Math.sqrt(((70 - mean) ** 2 * 2 + mean ** 2) / 2);
    expect(p.earningsVolatility()).toBeCloseTo(sd / mean, 9);
  });

  it('splits a shift across midnight between its days, leaves a trailing part-day out of the daily figures, and averages over earners only', () => {
    // Window [360, 360 + 2 days + 600): two full days from the window's start, then a part-day.
    const start = 360;
    const end = start + 2 * 1440 + 600;
    const spec = gig({ pool: 2, max_active: 2, login_delay: { dist: 'deterministic', value: 0 } });
    const events = new EventQueue(16);
    const p = new GigPool(spec, events, { loggedIn: LOGGED_IN, idleOver: IDLE_OVER, chatDone: CHAT_DONE }, new RandomStream(1, 0, 'gig'), sampler(spec.login_delay), start, end);
    const shift = (login: number, work: number) => {
      p.call(login, 1);
      events.pop();
      const w = events.data;
      p.loggedIn(w, events.time);
      p.startWork(w, login, work);
      p.finishWork(w, login + work);
      p.becomeIdle(w, login + work);
      events.pop(); // the idle timer, 10 minutes later
      p.idleOver(w, events.time);
    };
    // 23:00 into day 0, 120 busy + 10 idle minutes: 60 paid on day 0, 70 on day 1 ($1 a minute).
    shift(start + 1380, 120);
    // On the trailing part-day the other worker (next in the call line) earns 70: earned, but on no full day.
    shift(start + 2 * 1440 + 60, 60);
    p.close(end);
    expect(p.paidUnits * 60).toBeCloseTo(200, 9);
    // The first worker's days: 60 and 70, mean 65, sample variance (5² + 5²) / 1 = 50. The
    // other earned nothing on a full day and does not count (one earner, not two).
    expect(p.earningsVolatility()).toBeCloseTo(Math.sqrt(50) / 65, 12);
    // Pay by worker (what the plan prices): the first worker's full days, 130 minutes in
    // hours; the other is left out, paid on no full day.
    const pay = p.payByWorker();
    expect(pay).toHaveLength(1);
    expect(pay[0]).toBeCloseTo(130 / 60, 12);
  });

  it('has no volatility with fewer than two full days, or nobody earning', () => {
    const short = pool(gig({ pool: 1, max_active: 1, login_delay: { dist: 'deterministic', value: 0 } }), 1.5 * 1440);
    short.p.call(100, 1);
    short.events.pop();
    short.p.loggedIn(0, short.events.time);
    short.p.close(1.5 * 1440);
    expect(short.p.paidUnits).toBeGreaterThan(0);
    expect(short.p.earningsVolatility()).toBe(0);
    const idle = pool(gig(), 3 * 1440);
    idle.p.close(3 * 1440);
    expect(idle.p.earningsVolatility()).toBe(0);
  });
});
