// Rules of the contact centre (src/model/contact-centre.ts) that the
// mutation run of docs/testing.md ("Mutation score") found untested, each on
// a run small enough to work out by hand: what a one-type run reports by
// type, an exponential patience kept as its uniform until the contact joins
// the queue, a gig worker holding two chats logging in to a queue of more
// than two, an overflow answer stopping the patience timer, the gig trigger
// less the workers logging in and its count of chat agents (an agent holding
// k chats with stretch s_k is k / s_k one-contact servers: human-load.ts,
// serverEquivalent; gig-trigger.ts's rule: a call when waiting × h ≥ servers
// × trigger.wait, for floor(waiting × h / trigger.wait) + 1 − servers
// workers), chat agents at shift end and after the warm-up, the measured
// days and the AI platform's cost, the census after a warm-up, a second
// group coming on shift, abandonment and resolution time by type, and
// abandonment counted as a handed-off wait only for a contact the AI handed off,
// and the trigger counting a logged-in gig worker holding k chats as k / s_k.
//
// Every scenario is built and simulated inside its test: a mutation run sees
// only what runs inside tests.

import { describe, expect, it } from 'vitest';
import { RandomStream } from '../../src/engine/random.js';
import { simulateReplication } from '../../src/model/contact-centre.js';
import { firstArrivals, strategyOf, strategyWithArrivals } from './build.js';

describe('by type with one ticket type', () => {
  it('one entry, the run\'s own figures', () => {
    const s = strategyOf(
      {
        horizon: 600,
        demand: { contacts_per_day: 500 },
        ticket_types: [{ name: 'only', handle_time: '4m', fcr: 1 }],
        customers: { repeat_probability: 0 },
        staff: { employees: { headcount: 3 } },
      },
      { routing: 'human' },
    );
    const run = simulateReplication(s, 0);
    expect(run.byType.length).toBe(1);
    const [t] = run.byType;
    expect(t.contacts).toBe(run.kpis.contacts);
    expect(t.contacts).toBe(firstArrivals(s).length);
    expect(t.episodes).toBe(run.kpis.episodes);
    expect(t.resolved_rate).toBe(run.kpis.resolved_rate);
    expect(t.resolution_time).toBe(run.kpis.resolution_time);
  });
});

describe("the gig trigger counts a chat agent as k / s_k one-contact servers", () => {
  // A one-contact agent and a chat agent holding 2 (stretch [1, 1]: 2
  // servers), 3 servers in all; every contact lasts 10,000 minutes, so the
  // first three hold them for the whole run and the fourth, the last before
  // the horizon, waits alone: waiting × h = 10,000 against 3 × trigger.wait.
  const run = (triggerWait: string) => {
    const doc = (horizon: number) => ({
      seed: 43,
      horizon,
      demand: { contacts_per_day: 300 },
      ticket_types: [{ name: 'any', handle_time: '10000m', fcr: 1 }],
      customers: { repeat_probability: 0 },
      staff: {
        groups: [
          { name: 'phone', headcount: 1, hourly_cost: 30, skills: ['any'] },
          { name: 'chat', headcount: 1, hourly_cost: 30, concurrency: 2, stretch: [1, 1], skills: ['any'] },
        ],
        gig: { pool: 10, max_active: 10, trigger: { wait: triggerWait }, login_delay: 0, idle_timeout: '2d', pay: { mode: 'hourly', hourly_rate: 30 } },
      },
    });
    const s = strategyWithArrivals(doc, 4, { routing: 'human' });
    expect(firstArrivals(s).length).toBe(4);
    return simulateReplication(s, 0);
  };

  it('trigger.wait 4000m: 10,000 < 3 × 4,000, nobody is called and the fourth contact waits', () => {
    const r = run('4000m');
    expect(r.physical.gigCalls).toBe(0);
    expect(r.census.queued).toBe(1);
    expect(r.census.inService).toBe(3);
  });

  it('trigger.wait 3000m: 10,000 ≥ 3 × 3,000, floor(10,000 / 3,000) + 1 − 3 = 1 worker called, who answers at once', () => {
    const r = run('3000m');
    expect(r.physical.gigCalls).toBe(1);
    expect(r.census.queued).toBe(0);
    expect(r.census.inService).toBe(4);
    expect(r.physical.answeredByPool[2]).toBe(1);
    expect(r.physical.waitSumAnswered).toBe(0);
  });
});

describe('an exponential patience with nobody to answer (an agent only from hour 23, after the horizon)', () => {
  it("each first contact waits its own draw, −mean × ln u of the patience stream's next uniform, then leaves", () => {
    const H = 600;
    const MEAN = 3;
    const s = strategyOf(
      {
        seed: 17,
        horizon: H,
        demand: { contacts_per_day: 500 },
        ticket_types: [{ name: 'any', handle_time: '5m' }],
        customers: { patience: { dist: 'exponential', mean: `${MEAN}m` }, retry: { probability: 0 }, repeat_probability: 0 },
        staff: { employees: { schedule: [...new Array<number>(23).fill(0), 1] } },
      },
      { routing: 'human' },
    );
    const a = firstArrivals(s);
    // One uniform per first contact, in arrival order, from the stream named for patience (common random numbers).
    const rng = new RandomStream(s.seed, 0, 'patience');
    const patience = a.map(() => -MEAN * Math.log(rng.uniform()));
    const left = a.filter((t, i) => t + patience[i] < H).length;
    const waitSum = a.reduce((sum, t, i) => (t + patience[i] < H ? sum + patience[i] : sum), 0);
    expect(left).toBeGreaterThan(100);
    const run = simulateReplication(s, 0);
    expect(run.physical.abandoned).toBe(left);
    expect(run.physical.waitSumAbandoned).toBeCloseTo(waitSum, 9);
    expect(run.census.queued).toBe(a.length - left);
  });
});

describe('a gig worker holding two chats logs in to a queue of more than two', () => {
  it('it takes the first two waiting contacts (first come, first served), the rest wait', () => {
    // Nobody on shift; one worker, called at the first contact, logs in 10 minutes later; a contact a minute.
    // Contacts last 10,000 minutes: the two it takes hold it to the horizon, 10.5 minutes after the first arrival.
    const doc = (horizon: number) => ({
      seed: 48,
      horizon,
      demand: { contacts_per_day: 1440 },
      ticket_types: [{ name: 'any', handle_time: '10000m', fcr: 1 }],
      customers: { repeat_probability: 0 },
      staff: {
        employees: { headcount: 0 },
        gig: { pool: 1, trigger: { wait: '1s' }, login_delay: '10m', idle_timeout: '2d', pay: { mode: 'hourly', hourly_rate: 30 }, concurrency: 2, stretch: [1, 1] },
      },
    });
    const first = firstArrivals(strategyOf(doc(600), { routing: 'human' }));
    const s = strategyOf(doc(first[0] + 10.5), { routing: 'human' });
    const a = firstArrivals(s);
    expect(a.length).toBeGreaterThan(3);
    expect(a[1]).toBeLessThan(a[0] + 10);
    const run = simulateReplication(s, 0);
    expect(run.physical.gigCalls).toBe(1);
    expect(run.physical.answeredByPool).toEqual([0, 2]);
    expect(run.census.inService).toBe(2);
    expect(run.census.queued).toBe(a.length - 2);
    expect(run.physical.waitSumAnswered).toBeCloseTo(2 * (a[0] + 10) - a[0] - a[1], 9);
  });
});

describe('an overflow answer stops the patience timer', () => {
  it("overflow.test.ts's timeline with a 15-minute patience: the third contact, answered by the generalist after exactly 10 minutes, does not abandon at 15", () => {
    // As in overflow.test.ts: seed 234, 48 a day, four 20-minute contacts; the specialist at priority 1,
    // the generalist at priority 2 after 10 minutes. The second waits under a minute for the specialist,
    // the third exactly 10 for the generalist; nobody waits 15.
    const s = strategyOf(
      {
        seed: 234,
        horizon: 100,
        demand: { contacts_per_day: 48 },
        ticket_types: [{ name: 'any', handle_time: '20m', fcr: 1 }],
        customers: { patience: '15m', retry: { probability: 0 }, repeat_probability: 0 },
        staff: {
          groups: [
            { name: 'specialists', headcount: 1, hourly_cost: 60, skills: ['any'] },
            { name: 'generalists', headcount: 1, hourly_cost: 30, skills: { any: { priority: 2, overflow_after: '10m' } } },
          ],
        },
      },
      { routing: 'human' },
    );
    const [t1, t2, t3, t4, ...rest] = firstArrivals(s);
    expect(rest).toEqual([]);
    expect(t3 + 15).toBeLessThan(100);
    const p = simulateReplication(s, 0).physical;
    expect(p.abandoned).toBe(0);
    expect(p.answered).toBe(4);
    expect(p.answeredByPool).toEqual([3, 1, 0]);
    expect(p.waitSumAnswered).toBeCloseTo(t1 + 20 - t2 + 10, 9);
    expect(t4).toBeGreaterThan(t3);
  });
});

describe('the gig trigger less the workers already logging in', () => {
  it('trigger.queue 1, a 5-minute login: the second contact to wait calls one more worker, not two', () => {
    // Nobody on shift; one-contact workers. The first contact to wait calls waiting − 1 + 1 = 1 worker;
    // the second, arriving before that one has logged in, wants 2, less the 1 logging in: 1 more.
    // The horizon falls just after the second arrival, before any login.
    const doc = (horizon: number) => ({
      seed: 53,
      horizon,
      demand: { contacts_per_day: 1440 },
      ticket_types: [{ name: 'any', handle_time: '10000m', fcr: 1 }],
      customers: { repeat_probability: 0 },
      staff: {
        employees: { headcount: 0 },
        gig: { pool: 10, max_active: 10, trigger: { queue: 1 }, login_delay: '5m', idle_timeout: '2d', pay: { mode: 'hourly', hourly_rate: 30 } },
      },
    });
    const a = firstArrivals(strategyOf(doc(600), { routing: 'human' }));
    expect(a[1]).toBeLessThan(a[0] + 5);
    const s = strategyOf(doc(Math.min(a[1] + 0.01, (a[1] + a[2]) / 2)), { routing: 'human' });
    expect(firstArrivals(s).length).toBe(2);
    const r = simulateReplication(s, 0);
    expect(r.physical.gigCalls).toBe(2);
    expect(r.census.queued).toBe(2);
  });
});

describe('chat agents at shift end with contacts waiting', () => {
  it('two agents of 2 slots to one at 60 minutes, 30-minute contacts a minute apart: the leaving agent takes nobody from the queue', () => {
    // Saturated from the fifth contact on, so a slot freed is refilled at once from the queue and keeps its agent:
    // contacts 1-4 go to agent 0, 1, 0, 1 (fewest held, then the oldest assignment); at 60 both are full and
    // agent 0, the lowest index on, stops taking contacts: its slots take none after 60, agent 1's go on.
    const H = 150;
    const D = 30;
    const s = strategyOf(
      {
        seed: 59,
        horizon: H,
        demand: { contacts_per_day: 1440 },
        ticket_types: [{ name: 'any', handle_time: `${D}m`, fcr: 1 }],
        customers: { repeat_probability: 0 },
        staff: { employees: { schedule: [2, ...new Array<number>(23).fill(1)], concurrency: 2, stretch: [1, 1] } },
      },
      { routing: 'human' },
    );
    const a = firstArrivals(s);
    expect(a[4]).toBeLessThan(a[0] + D);
    const slots = [0, 1, 0, 1].map((agent) => ({ agent, freeAt: 0 }));
    const starts = a.map((t, i) => {
      const open = i < 4 ? [slots[i]] : slots.filter((x) => x.agent === 1 || x.freeAt < 60);
      const slot = open.reduce((best, x) => (x.freeAt < best.freeAt ? x : best));
      const start = Math.max(t, slot.freeAt);
      slot.freeAt = start + D;
      return start;
    });
    expect(starts.filter((t) => t > 60 && t < H).length).toBeGreaterThan(2);
    const answered = starts.filter((t) => t < H).length;
    const ended = starts.filter((t) => t + D < H).length;
    const waitSum = a.reduce((sum, t, i) => (starts[i] < H ? sum + starts[i] - t : sum), 0);
    const run = simulateReplication(s, 0);
    expect(run.physical.answered).toBe(answered);
    expect(run.physical.waitSumAnswered).toBeCloseTo(waitSum, 9);
    expect(run.physical.served).toBe(ended);
    expect(run.census.queued).toBe(a.length - answered);
    expect(run.census.inService).toBe(answered - ended);
  });

  it('after a 200-minute warm-up, a chat agent\'s service ends count only for contacts that arrived after it', () => {
    // Ten agents of 2 slots, a 4-minute contact every ~3 minutes: nobody waits, each ends 4 minutes after it arrives.
    const H = 600;
    const s = strategyOf(
      {
        seed: 61,
        horizon: H,
        warmup: 200,
        demand: { contacts_per_day: 500 },
        ticket_types: [{ name: 'any', handle_time: '4m', fcr: 1 }],
        customers: { repeat_probability: 0 },
        staff: { employees: { headcount: 10, concurrency: 2, stretch: [1, 1] } },
      },
      { routing: 'human' },
    );
    const a = firstArrivals(s);
    const counted = a.filter((t) => t >= 200 && t + 4 < H).length;
    expect(a.filter((t) => t < 200).length).toBeGreaterThan(30); // served before the warm-up ends: not counted
    const p = simulateReplication(s, 0).physical;
    expect(p.waited).toBe(0);
    expect(p.served).toBe(counted);
    expect(p.serviceMinutes).toBeCloseTo(4 * counted, 9);
  });
});

describe('what a run books over its measured window', () => {
  const centre = (routing: string) =>
    strategyOf(
      {
        horizon: '2d',
        warmup: '1d',
        demand: { contacts_per_day: 200 },
        ticket_types: [{ name: 'any', handle_time: '4m', ai_resolution: 1, ai_handle_time: '1m' }],
        customers: { repeat_probability: 0 },
        ai: { cost_per_conversation: 0, platform_cost_per_day: 100 },
        staff: { employees: { headcount: 2, hourly_cost: 0 } },
      },
      { routing },
    );

  it('the AI platform costs its daily price per measured day (horizon 2 days less 1 of warm-up: 100), and nothing under routing: human', () => {
    expect(simulateReplication(centre('ai-first'), 0).kpis.cost_ai).toBeCloseTo(100, 9);
    expect(simulateReplication(centre('human'), 0).kpis.cost_ai).toBe(0);
  });

  it('the census counts only contacts that arrived after the warm-up: 200-minute contacts, warm-up 500, horizon 600', () => {
    const s = strategyOf(
      {
        horizon: 600,
        warmup: 500,
        demand: { contacts_per_day: 300 },
        ticket_types: [{ name: 'any', handle_time: '200m', fcr: 1 }],
        customers: { repeat_probability: 0 },
        staff: { employees: { headcount: 500 } },
      },
      { routing: 'human' },
    );
    const a = firstArrivals(s);
    // Everyone is answered at once; every contact from 400 on is still in service at 600.
    expect(a.filter((t) => t >= 400 && t < 500).length).toBeGreaterThan(5);
    expect(simulateReplication(s, 0).census).toEqual({ aiWaiting: 0, inAi: 0, inHandoff: 0, queued: 0, inService: a.filter((t) => t >= 500).length });
  });
});

describe("the second group's agents coming on shift answer the contacts already waiting", () => {
  it('a first group serving another type only; the second, nobody in hour 0 and one agent from hour 1: hour 0\'s contacts wait to 60', () => {
    const H = 120;
    const D = 1;
    const s = strategyOf(
      {
        seed: 67,
        horizon: H,
        demand: { contacts_per_day: 200 },
        ticket_types: [
          { name: 'any', share: 1, handle_time: `${D}m`, fcr: 1 },
          { name: 'other', share: 0, handle_time: `${D}m`, fcr: 1 },
        ],
        customers: { repeat_probability: 0 },
        staff: {
          groups: [
            { name: 'others', headcount: 1, hourly_cost: 30, skills: ['other'] },
            { name: 'late', schedule: [0, ...new Array<number>(23).fill(1)], hourly_cost: 30, skills: ['any'] },
          ],
        },
      },
      { routing: 'human' },
    );
    const a = firstArrivals(s);
    // One agent from 60, first come, first served, 1-minute contacts.
    let free = 60;
    const starts = a.map((t) => {
      const start = Math.max(t, free);
      free = start + D;
      return start;
    });
    expect(a.filter((t) => t < 60).length).toBeGreaterThan(3);
    const answered = starts.filter((t) => t < H).length;
    const waitSum = a.reduce((sum, t, i) => (starts[i] < H ? sum + starts[i] - t : sum), 0);
    const p = simulateReplication(s, 0).physical;
    expect(p.answeredByPool).toEqual([0, answered, 0]);
    expect(p.waitSumAnswered).toBeCloseTo(waitSum, 9);
  });
});

describe('by type: abandonment and resolution time recorded under each type', () => {
  it('type a resolved by a person 3 minutes after it arrives; type b waits its 2-minute patience for nobody and leaves', () => {
    const s = strategyOf(
      {
        seed: 71,
        horizon: 600,
        demand: { contacts_per_day: 600 },
        ticket_types: [
          { name: 'a', share: 0.5, handle_time: '3m', fcr: 1 },
          { name: 'b', share: 0.5, handle_time: '3m', fcr: 1 },
        ],
        customers: { patience: '2m', retry: { probability: 0 }, repeat_probability: 0 },
        staff: {
          groups: [
            { name: 'for-a', headcount: 50, hourly_cost: 30, skills: ['a'] },
            { name: 'for-b', schedule: [...new Array<number>(23).fill(0), 1], hourly_cost: 30, skills: ['b'] },
          ],
        },
      },
      { routing: 'human' },
    );
    const [a, b] = simulateReplication(s, 0).byType;
    expect(Math.min(a.contacts, b.contacts)).toBeGreaterThan(100);
    expect(a.abandon_rate).toBe(0);
    expect(b.abandon_rate).toBe(1);
    expect(a.resolution_time).toBeCloseTo(3, 9);
    expect(a.resolved_rate).toBe(1);
    // Answered at once: on time, every one; type b never.
    expect(a.service_level).toBe(1);
    expect(b.service_level).toBe(0);
    expect(b.resolved_rate).toBe(0);
  });
});

describe('abandonment after a warm-up', () => {
  it('nobody to answer, a 2-minute patience, warm-up 300: only contacts that arrived after it count as abandoning', () => {
    const H = 600;
    const s = strategyOf(
      {
        seed: 73,
        horizon: H,
        warmup: 300,
        demand: { contacts_per_day: 500 },
        ticket_types: [{ name: 'any', handle_time: '5m' }],
        customers: { patience: '2m', retry: { probability: 0 }, repeat_probability: 0 },
        staff: { employees: { schedule: [...new Array<number>(23).fill(0), 1] } },
      },
      { routing: 'human' },
    );
    const a = firstArrivals(s);
    const left = a.filter((t) => t >= 300 && t + 2 < H).length;
    expect(a.filter((t) => t < 300).length).toBeGreaterThan(50);
    const p = simulateReplication(s, 0).physical;
    expect(p.abandoned).toBe(left);
    expect(p.waitSumAbandoned).toBeCloseTo(2 * left, 9);
  });
});

describe('abandonment of a handed-off contact', () => {
  // Nobody to answer before hour 23 and a 1-minute patience: every contact
  // offered to a person abandons 1 minute after joining the queue.
  const H = 600;
  const scenario = (routing: string) =>
    strategyOf(
      {
        seed: 79,
        horizon: H,
        demand: { contacts_per_day: 500 },
        ticket_types: [{ name: 'any', handle_time: '5m', ai_resolution: 0, ai_handle_time: '2m' }],
        customers: { patience: '1m', retry: { probability: 0 }, repeat_probability: 0 },
        ai: { handoff: '0s' },
        staff: { employees: { schedule: [...new Array<number>(23).fill(0), 1] } },
      },
      { routing },
    );

  it('ai-first, the AI resolving nothing: every abandonment is a handed-off wait of 1 minute', () => {
    const s = scenario('ai-first');
    const a = firstArrivals(s);
    // In the AI for 2 minutes, handed off at once, abandons 1 minute later.
    const left = a.filter((t) => t + 3 < H).length;
    expect(left).toBeGreaterThan(150);
    const p = simulateReplication(s, 0).physical;
    expect(p.abandoned).toBe(left);
    expect(p.handoffWaits).toBe(left);
    expect(p.handoffWaitSum).toBeCloseTo(left, 9);
  });

  it('routing human: the same abandonments, none of them handed off', () => {
    const s = scenario('human');
    const a = firstArrivals(s);
    const left = a.filter((t) => t + 1 < H).length;
    expect(left).toBeGreaterThan(150);
    const p = simulateReplication(s, 0).physical;
    expect(p.abandoned).toBe(left);
    expect(p.handoffWaits).toBe(0);
    expect(p.handoffWaitSum).toBe(0);
  });
});

describe('the gig trigger counts a logged-in gig worker holding 2 chats as 2 one-contact servers', () => {
  // Gig workers only, each holding 2 chats (stretch [1, 1]: 2 servers per
  // worker), logging in at once; every contact lasts 10,000 minutes. The
  // first contact waits alone: 10,000 ≥ 0 × trigger.wait, (floor(10,000 /
  // trigger.wait) + 1 − 0) / 2 ≤ 1 worker called (rounded up), who takes it
  // and, at once, the second. The third, the last before the horizon, waits
  // alone against that worker's 2 servers: 10,000 against 2 × trigger.wait.
  const run = (triggerWait: string) => {
    const doc = (horizon: number) => ({
      seed: 47,
      horizon,
      demand: { contacts_per_day: 300 },
      ticket_types: [{ name: 'any', handle_time: '10000m', fcr: 1 }],
      customers: { repeat_probability: 0 },
      staff: {
        employees: { headcount: 0 },
        gig: {
          pool: 10,
          max_active: 10,
          trigger: { wait: triggerWait },
          login_delay: 0,
          idle_timeout: '2d',
          pay: { mode: 'hourly', hourly_rate: 30 },
          concurrency: 2,
          stretch: [1, 1],
        },
      },
    });
    const s = strategyWithArrivals(doc, 3, { routing: 'human' });
    expect(firstArrivals(s).length).toBe(3);
    return simulateReplication(s, 0);
  };

  it('trigger.wait 6000m: 10,000 < 2 × 6,000, no second call and the third contact waits', () => {
    const r = run('6000m');
    expect(r.physical.gigCalls).toBe(1);
    expect(r.census.queued).toBe(1);
    expect(r.census.inService).toBe(2);
  });

  it('trigger.wait 4000m: 10,000 ≥ 2 × 4,000, (floor(10,000 / 4,000) + 1 − 2) / 2 = ½: a second worker called, who answers at once', () => {
    const r = run('4000m');
    expect(r.physical.gigCalls).toBe(2);
    expect(r.census.queued).toBe(0);
    expect(r.census.inService).toBe(3);
  });
});
