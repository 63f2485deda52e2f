// Gig workers holding several chats inside the contact centre
// (src/model/contact-centre.ts's gig chat path: answering, a chat's end, the
// next waiting contact, going idle and logging off) on a run whose every
// duration is fixed, so each contact's path follows from its arrival time
// alone (firstArrivals: the same stream the centre draws). One worker, two
// chats, no slow-down, called when a contact waits, logging in at once: it
// is two FIFO servers whenever a contact is there, and it logs off 10
// minutes after it last held a chat. Waits, ends, pay, busy and held time
// are counted here from the arrival times with those rules (docs/model.md,
// "The gig pool" and "Concurrency"), not read from the code.
//
// Every scenario is built and simulated inside its test: a mutation run
// (docs/testing.md, "Mutation score") sees only what runs inside tests.

import { describe, expect, it } from 'vitest';
import { simulateReplication } from '../../src/model/contact-centre.js';
import { firstArrivals, strategyOf } from './build.js';

const H = 600;
const D = 4;
const IDLE = 10;

/** Starts of a FIFO line of two identical servers with fixed service D. */
function twoServerStarts(arrivals: readonly number[]): number[] {
  const free = [0, 0];
  return arrivals.map((a) => {
    const k = free[1] < free[0] ? 1 : 0;
    const start = Math.max(a, free[k]);
    free[k] = start + D;
    return start;
  });
}

function scenario(fcrByConcurrency: number[], fcr: number, warmup = 0) {
  return strategyOf(
    {
      seed: 41,
      horizon: H,
      warmup,
      // Busy hours and quiet ones: contacts wait in the first, the worker logs off in the second.
      demand: { contacts_per_day: 200, intraday: [3, 0.15, 3, 0.15, 3, 0.15, 3, 0.15, 3, 0.15, ...new Array(14).fill(1)] },
      ticket_types: [{ name: 'chat', handle_time: `${D}m`, fcr }],
      customers: { repeat_probability: 0 },
      staff: {
        employees: { headcount: 0 },
        gig: {
          pool: 1,
          trigger: { wait: '1s' },
          login_delay: 0,
          idle_timeout: `${IDLE}m`,
          pay: { mode: 'hourly', hourly_rate: 60 },
          concurrency: 2,
          stretch: [1, 1],
          fcr_by_concurrency: fcrByConcurrency,
        },
      },
    },
    { routing: 'human' },
  );
}

/** What the rules give, contact by contact, for the arrival times a. */
function expected(a: readonly number[]) {
  const starts = twoServerStarts(a);
  const answered = starts.filter((t) => t < H).length;
  const ended = starts.filter((t) => t + D < H).length;
  const waitSum = a.reduce((sum, t, i) => (starts[i] < H ? sum + starts[i] - t : sum), 0);
  const held = starts.reduce((sum, t) => (t < H ? sum + Math.min(t + D, H) - t : sum), 0);
  // Held as the second chat: another contact started before it and still in hand when it starts.
  const second = starts.filter((t, i) => starts.some((u, j) => j !== i && (u < t || (u === t && j < i)) && u + D > t));
  const secondEnded = second.filter((t) => t + D < H).length;
  // Busy periods (holding at least one chat): the union of the service intervals.
  const periods: Array<[number, number]> = [];
  for (const t of starts) {
    const last = periods[periods.length - 1];
    if (last && t <= last[1]) last[1] = Math.max(last[1], t + D);
    else periods.push([t, t + D]);
  }
  const inside = periods.filter(([s]) => s < H);
  const busy = inside.reduce((sum, [s, e]) => sum + Math.min(e, H) - s, 0);
  // Logged in from a period's start; logged off IDLE after its end unless the next period starts first.
  let paid = 0;
  let logins = 0;
  let loginAt = -1;
  inside.forEach(([s, e], i) => {
    if (loginAt < 0) {
      loginAt = s;
      logins++;
    }
    const next = inside[i + 1];
    if (next && next[0] <= e + IDLE) return;
    paid += Math.min(e + IDLE, H) - loginAt;
    loginAt = -1;
  });
  return { starts, answered, ended, waitSum, held, busy, paid, logins, second: second.length, secondEnded };
}

describe('one gig worker holding two chats in the centre, fixed 4-minute chats, logging off after 10 idle minutes', () => {
  it('who waits and how long, when each chat ends, logins, pay, busy and held time', () => {
    const s = scenario([1, 1], 1);
    const a = firstArrivals(s);
    const e = expected(a);
    expect(e.waitSum).toBeGreaterThan(10); // contacts do wait for a slot
    expect(e.logins).toBeGreaterThan(3); // and the worker logs off and is called back
    const run = simulateReplication(s, 0);
    const p = run.physical;
    expect(p.offered).toBe(a.length);
    expect(p.answeredByPool).toEqual([0, e.answered]);
    expect(p.answered).toBe(e.answered);
    expect(p.waitSumAnswered).toBeCloseTo(e.waitSum, 9);
    expect(p.served).toBe(e.ended);
    expect(p.serviceMinutes).toBeCloseTo(D * e.ended, 9);
    expect(p.resolvedByHuman).toBe(e.ended);
    expect(p.episodesEnded).toBe(e.ended);
    expect(p.resolutionTimeHumanSum).toBeCloseTo(a.reduce((sum, t, i) => (e.starts[i] + D < H ? sum + e.starts[i] + D - t : sum), 0), 9);
    expect(run.census.queued).toBe(a.length - e.answered);
    expect(run.census.inService).toBe(e.answered - e.ended);
    expect(p.gigCalls).toBe(e.logins);
    expect(p.gigPaidHours).toBeCloseTo(e.paid / 60, 9);
    expect(p.gigBusyHours).toBeCloseTo(e.busy / 60, 9);
    expect(p.gigHeldMinutes).toBeCloseTo(e.held, 9);
    expect(p.gigSlotMinutes).toBeCloseTo(2 * e.paid, 9);
    expect(run.kpis.gig_share).toBe(1);
  });

  it('after a 200-minute warm-up, a gig chat\'s service end counts only for a contact that arrived after it', () => {
    // The warm-up changes what is counted, not what happens: the same starts as without it.
    const W = 200;
    const s = scenario([1, 1], 1, W);
    const a = firstArrivals(s);
    const e = expected(a);
    const counted = a.filter((t, i) => t >= W && e.starts[i] + D < H).length;
    expect(e.ended - counted).toBeGreaterThan(10); // chats of contacts from before the warm-up end, uncounted
    const p = simulateReplication(s, 0).physical;
    expect(p.served).toBe(counted);
    expect(p.serviceMinutes).toBeCloseTo(D * counted, 9);
  });

  it('fcr_by_concurrency [1, 1e-9]: a chat taken alone resolves, one taken as the second does not', () => {
    // 1e-9 per chat taken second: with about a hundred of them, any one resolving has a chance below 1e-6.
    const s = scenario([1, 1e-9], 1);
    const a = firstArrivals(s);
    const e = expected(a);
    const alone = e.ended - e.secondEnded;
    expect(alone).toBeGreaterThan(20);
    expect(e.secondEnded).toBeGreaterThan(40);
    const p = simulateReplication(s, 0).physical;
    expect(p.served).toBe(e.ended);
    expect(p.resolvedByHuman).toBe(alone);
    expect(p.episodesEnded).toBe(e.ended);
  });
});
