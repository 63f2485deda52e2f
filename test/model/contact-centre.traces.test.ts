// The contact centre's event loop (src/model/contact-centre.ts) on runs whose
// every duration is fixed, so that each contact's path is known from its
// arrival time alone (firstArrivals: the same stream the centre draws): the
// AI's line under ai.concurrency, hand-offs with and without a delay, the
// AI's outcomes (contained, asked for a person, falsely resolved, left,
// unresolved with nobody behind it), the sensitive penalty, patience and
// retries, the warm-up, and one agent's FIFO queue. The expected figures
// are counted here from the arrival times with the rules of docs/model.md
// (a FIFO line of identical servers, Lindley's recursion, contacts crossing
// the horizon left open), not read from the code.
//
// Every scenario is built and simulated inside its test: a mutation run
// (docs/testing.md, "Mutation score") sees only what runs inside tests.

import { describe, expect, it } from 'vitest';
import { simulateReplication } from '../../src/model/contact-centre.js';
import { firstArrivals, strategyOf } from './build.js';

const H = 600; // minutes
const count = (xs: readonly number[], p: (a: number) => boolean) => xs.filter(p).length;
const CSAT = { resolved_by_human: 4.5, resolved_by_ai: 4, unresolved: 2.5, per_wait_minute: 0.05, per_extra_contact: 0.25, ai_failed_sensitive: 0.5 };
const CHURN = { base: 0.01, unresolved: 0.2, per_extra_contact: 0.03, per_wait_minute: 0.002, ai_failed_sensitive: 0.1 };
const NO_FOLLOW_UP = { repeat_probability: 0, csat: CSAT, churn: CHURN };

/** Starts of a FIFO line of `servers` identical servers with fixed service `d`: each contact takes the earliest free server. */
function fifoStarts(arrivals: readonly number[], servers: number, d: number): number[] {
  const free = new Array<number>(servers).fill(0);
  return arrivals.map((a) => {
    let k = 0;
    for (let j = 1; j < servers; j++) if (free[j] < free[k]) k = j;
    const start = Math.max(a, free[k]);
    free[k] = start + d;
    return start;
  });
}

describe("the AI's line under ai.concurrency (fixed 3-minute conversations, all resolved)", () => {
  const D = 3;
  for (const slots of [1, 2]) {
    it(`${slots} slot(s): who waits, for how long, and who is still in line or in conversation at the horizon`, () => {
      // About one contact every 3.6 minutes (1 slot: load 0.83; 2 slots: 6 per 3.6 minutes at peak bursts).
      const perDay = slots === 1 ? 400 : 900;
      const s = strategyOf(
        {
          seed: 21,
          horizon: H,
          demand: { contacts_per_day: perDay },
          ticket_types: [{ name: 'any', handle_time: '5m', ai_resolution: 1, ai_handle_time: `${D}m` }],
          customers: NO_FOLLOW_UP,
          ai: { concurrency: slots },
          staff: { employees: { headcount: 1 } },
        },
        { routing: 'ai' },
      );
      const arrivals = firstArrivals(s);
      const starts = fifoStarts(arrivals, slots, D);
      const started = starts.filter((t) => t < H);
      const waitSum = arrivals.reduce((sum, a, i) => (starts[i] < H ? sum + starts[i] - a : sum), 0);
      const resolved = starts.filter((t) => t + D < H).length;
      const resolutionSum = arrivals.reduce((sum, a, i) => (starts[i] + D < H ? sum + starts[i] + D - a : sum), 0);
      expect(waitSum).toBeGreaterThan(20 * D); // the line matters in this run

      const run = simulateReplication(s, 0);
      const p = run.physical;
      expect(p.contacts).toBe(arrivals.length);
      expect(p.aiConversations).toBe(started.length);
      expect(p.aiWaitSum).toBeCloseTo(waitSum, 9);
      expect(run.kpis.ai_wait_mean).toBeCloseTo(waitSum / started.length, 12);
      expect(p.aiContained).toBe(resolved);
      expect(p.resolvedByAi).toBe(resolved);
      expect(p.resolutionTimeAiSum).toBeCloseTo(resolutionSum, 9);
      expect(p.offered).toBe(0);
      expect(run.census.aiWaiting).toBe(count(starts, (t) => t >= H));
      expect(run.census.inAi).toBe(count(starts, (t) => t < H && t + D >= H));
      expect(run.census.aiWaiting + run.census.inAi).toBe(arrivals.length - resolved);
    });
  }

  it("a wait in the AI's line counts in the episode's wait for satisfaction and churn", () => {
    const s = strategyOf(
      {
        seed: 21,
        horizon: H,
        demand: { contacts_per_day: 400 },
        ticket_types: [{ name: 'any', handle_time: '5m', ai_resolution: 1, ai_handle_time: `${D}m` }],
        customers: NO_FOLLOW_UP,
        ai: { concurrency: 1 },
        staff: { employees: { headcount: 1 } },
      },
      { routing: 'ai' },
    );
    const arrivals = firstArrivals(s);
    const starts = fifoStarts(arrivals, 1, D);
    let csat = 0;
    let churn = 0;
    let ended = 0;
    arrivals.forEach((a, i) => {
      if (starts[i] + D >= H) return;
      const wait = starts[i] - a;
      ended++;
      csat += Math.min(5, Math.max(1, CSAT.resolved_by_ai - CSAT.per_wait_minute * wait));
      churn += Math.min(1, Math.max(0, CHURN.base + CHURN.per_wait_minute * wait));
    });
    const run = simulateReplication(s, 0);
    expect(run.physical.episodesEnded).toBe(ended);
    expect(run.physical.csatSum).toBeCloseTo(csat, 9);
    expect(run.physical.churnExpected).toBeCloseTo(churn, 9);
  });
});

describe('hand-offs: a 2-minute AI conversation the AI does not resolve, then a person for 5 minutes', () => {
  // Plenty of agents: nobody waits for a person. fcr 1: every answered contact resolves.
  const scenario = (handoff: string, type: Record<string, unknown> = {}, strategy: Record<string, unknown> = {}) =>
    strategyOf(
      {
        seed: 5,
        horizon: H,
        demand: { contacts_per_day: 1000 },
        ticket_types: [{ name: 'any', handle_time: '5m', ai_resolution: 0, ai_handle_time: '2m', fcr: 1, ...type }],
        customers: NO_FOLLOW_UP,
        ai: { handoff },
        staff: { employees: { headcount: 50 } },
      },
      { routing: 'ai-first', ...strategy },
    );

  for (const [handoff, delay] of [
    ['1m', 1],
    ['0s', 0],
  ] as const) {
    it(`a hand-off of ${handoff}: escalated at 2, offered at ${2 + delay}, resolved at ${7 + delay} minutes; the horizon catches each stage`, () => {
      const s = scenario(handoff);
      const a = firstArrivals(s);
      const run = simulateReplication(s, 0);
      const p = run.physical;
      const offered = count(a, (t) => t + 2 + delay < H);
      const resolved = count(a, (t) => t + 7 + delay < H);
      expect(p.aiConversations).toBe(a.length);
      expect(p.aiEscalated).toBe(count(a, (t) => t + 2 < H));
      expect(p.aiContained).toBe(0);
      expect(p.offered).toBe(offered);
      expect(p.answered).toBe(offered);
      expect(p.handoffWaits).toBe(offered); // every finished wait is a handed-off contact's, each of 0
      expect(p.handoffWaitSum).toBe(0);
      expect(p.waited).toBe(0);
      expect(p.resolvedByHuman).toBe(resolved);
      expect(p.resolvedByAi).toBe(0);
      expect(p.resolutionTimeHumanSum).toBeCloseTo(resolved * (7 + delay), 9);
      expect(p.served).toBe(resolved);
      expect(p.serviceMinutes).toBeCloseTo(5 * resolved, 9);
      expect(run.census).toEqual({
        aiWaiting: 0,
        inAi: count(a, (t) => t + 2 >= H),
        inHandoff: count(a, (t) => t + 2 < H && t + 2 + delay >= H),
        queued: 0,
        inService: count(a, (t) => t + 2 + delay < H && t + 7 + delay >= H),
      });
      expect(run.kpis.csat).toBeCloseTo(CSAT.resolved_by_human, 12);
    });
  }

  it('a sensitive type the AI failed: the penalty in satisfaction and churn of every ended episode', () => {
    const s = scenario('0s', { sensitive: true });
    const a = firstArrivals(s);
    const run = simulateReplication(s, 0);
    expect(run.physical.episodesEnded).toBe(count(a, (t) => t + 7 < H));
    expect(run.kpis.csat).toBeCloseTo(CSAT.resolved_by_human - CSAT.ai_failed_sensitive, 12);
    expect(run.kpis.churn_rate).toBeCloseTo(CHURN.base + CHURN.ai_failed_sensitive, 12);
  });

  it('sensitive_to_human: a sensitive type skips the AI, so no penalty and 5 minutes to resolution', () => {
    const s = scenario('0s', { sensitive: true }, { sensitive_to_human: true });
    const a = firstArrivals(s);
    const run = simulateReplication(s, 0);
    expect(run.physical.aiConversations).toBe(0);
    expect(run.physical.handoffWaits).toBe(0);
    expect(run.physical.resolvedByHuman).toBe(count(a, (t) => t + 5 < H));
    expect(run.kpis.resolution_time).toBeCloseTo(5, 12);
    expect(run.kpis.csat).toBeCloseTo(CSAT.resolved_by_human, 12);
    expect(run.kpis.churn_rate).toBeCloseTo(CHURN.base, 12);
  });

  it('ask_for_human 1: every contact the AI resolved is handed off instead, none contained', () => {
    const s = strategyOf(
      {
        seed: 5,
        horizon: H,
        demand: { contacts_per_day: 1000 },
        ticket_types: [{ name: 'any', handle_time: '5m', ai_resolution: 1, ai_handle_time: '2m', fcr: 1 }],
        customers: NO_FOLLOW_UP,
        ai: { handoff: '0s', ask_for_human: 1 },
        staff: { employees: { headcount: 50 } },
      },
      { routing: 'ai-first' },
    );
    const a = firstArrivals(s);
    const run = simulateReplication(s, 0);
    expect(run.physical.aiContained).toBe(0);
    expect(run.physical.aiEscalated).toBe(count(a, (t) => t + 2 < H));
    expect(run.physical.resolvedByHuman).toBe(count(a, (t) => t + 7 < H));
    expect(run.physical.resolvedByAi).toBe(0);
  });
});

describe("the AI's other outcomes, each episode coming back after 10 minutes up to 3 contacts", () => {
  // Contact k (0, 1, 2) of an episode arriving at a starts at a + 12k and ends at a + 12k + 2.
  const followUps = { repeat_probability: 1, repeat_delay: '10m', max_contacts: 3, csat: CSAT, churn: CHURN };
  const scenario = (type: Record<string, unknown>, routing: string, ai: Record<string, unknown> = {}) =>
    strategyOf(
      {
        seed: 8,
        horizon: H,
        demand: { contacts_per_day: 1000 },
        ticket_types: [{ name: 'any', handle_time: '5m', ai_handle_time: '2m', ...type }],
        customers: followUps,
        ai,
        staff: { employees: { headcount: 50 } },
      },
      { routing },
    );
  const contactsOf = (a: readonly number[]) => a.reduce((n, t) => n + count([0, 1, 2], (k) => t + 12 * k < H), 0);
  const endsOf = (a: readonly number[]) => a.reduce((n, t) => n + count([0, 1, 2], (k) => t + 12 * k + 2 < H), 0);
  const unresolvedThrice = { csat: CSAT.unresolved - 2 * CSAT.per_extra_contact, churn: CHURN.base + CHURN.unresolved + 2 * CHURN.per_extra_contact };

  it('a false resolution: contained, and the customer comes back; after the third the episode ends unresolved', () => {
    const s = scenario({ ai_resolution: 1, ai_false_resolution: 1 }, 'ai');
    const a = firstArrivals(s);
    const run = simulateReplication(s, 0);
    const p = run.physical;
    expect(p.contacts).toBe(contactsOf(a));
    expect(p.aiContained).toBe(endsOf(a));
    expect(p.resolvedByAi).toBe(0);
    expect(p.episodesEnded).toBe(count(a, (t) => t + 26 < H));
    expect(p.episodesResolved).toBe(0);
    expect(run.kpis.csat).toBeCloseTo(unresolvedThrice.csat, 12);
    expect(run.kpis.churn_rate).toBeCloseTo(unresolvedThrice.churn, 12);
  });

  it('routing ai, the AI resolving nothing: nobody is behind it, nothing is escalated or offered', () => {
    const s = scenario({ ai_resolution: 0 }, 'ai');
    const a = firstArrivals(s);
    const run = simulateReplication(s, 0);
    const p = run.physical;
    expect(p.contacts).toBe(contactsOf(a));
    expect(p.aiConversations).toBe(contactsOf(a));
    expect(p.aiEscalated).toBe(0);
    expect(p.aiContained).toBe(0);
    expect(p.aiAbandoned).toBe(0);
    expect(p.offered).toBe(0);
    expect(p.episodesEnded).toBe(count(a, (t) => t + 26 < H));
    expect(run.kpis.csat).toBeCloseTo(unresolvedThrice.csat, 12);
  });

  it('ai.abandon_probability 1: every customer the AI did not resolve leaves it, and comes back', () => {
    const s = scenario({ ai_resolution: 0 }, 'ai-first', { abandon_probability: 1 });
    const a = firstArrivals(s);
    const run = simulateReplication(s, 0);
    const p = run.physical;
    expect(p.contacts).toBe(contactsOf(a));
    expect(p.aiAbandoned).toBe(endsOf(a));
    expect(p.aiEscalated).toBe(0);
    expect(p.offered).toBe(0);
    expect(p.episodesEnded).toBe(count(a, (t) => t + 26 < H));
    expect(run.kpis.ai_abandon_rate).toBeCloseTo(endsOf(a) / contactsOf(a), 12);
  });
});

describe('patience and retries with nobody to answer (an agent only from hour 23, after the horizon): each contact waits exactly its 2-minute patience', () => {
  const P = 2;
  const R = 5;
  const scenario = (retry: number, maxContacts: number) =>
    strategyOf(
      {
        seed: 13,
        horizon: H,
        demand: { contacts_per_day: 500 },
        ticket_types: [{ name: 'any', handle_time: '5m' }],
        customers: { patience: `${P}m`, retry: { probability: retry, delay: `${R}m` }, max_contacts: maxContacts, repeat_probability: 0, csat: CSAT, churn: CHURN },
        staff: { employees: { schedule: [...new Array<number>(23).fill(0), 1] } },
      },
      { routing: 'human' },
    );

  it('abandon at 2, retry at 7, abandon again at 9, then give up: counts, waits, queue length and census', () => {
    const s = scenario(1, 2);
    const a = firstArrivals(s);
    const run = simulateReplication(s, 0);
    const p = run.physical;
    const offered = a.length + count(a, (t) => t + P + R < H);
    const abandoned = count(a, (t) => t + P < H) + count(a, (t) => t + 2 * P + R < H);
    const ended = count(a, (t) => t + 2 * P + R < H);
    // Minutes waited inside [0, H) by every contact, over H: the time-average number waiting.
    const waiting = a.reduce((sum, t) => sum + (Math.min(t + P, H) - t) + (t + P + R < H ? Math.min(t + 2 * P + R, H) - (t + P + R) : 0), 0);
    expect(p.contacts).toBe(offered);
    expect(p.offered).toBe(offered);
    expect(p.answered).toBe(0);
    expect(p.abandoned).toBe(abandoned);
    expect(p.waited).toBe(abandoned);
    expect(p.waitSumAbandoned).toBeCloseTo(P * abandoned, 9);
    expect(p.episodesEnded).toBe(ended);
    expect(run.kpis.csat).toBeCloseTo(CSAT.unresolved - CSAT.per_wait_minute * 2 * P - CSAT.per_extra_contact, 12);
    expect(run.kpis.churn_rate).toBeCloseTo(CHURN.base + CHURN.unresolved + CHURN.per_extra_contact + CHURN.per_wait_minute * 2 * P, 12);
    expect(run.queueLength).toBeCloseTo(waiting / H, 9);
    expect(run.census).toEqual({ aiWaiting: 0, inAi: 0, inHandoff: 0, queued: offered - abandoned, inService: 0 });
  });

  for (const [retry, maxContacts, why] of [
    [1, 1, 'max_contacts 1 leaves no retry'],
    [0, 2, 'retry probability 0'],
  ] as const) {
    it(`${why}: every episode ends at its first abandonment`, () => {
      const s = scenario(retry, maxContacts);
      const a = firstArrivals(s);
      const run = simulateReplication(s, 0);
      expect(run.physical.contacts).toBe(a.length);
      expect(run.physical.abandoned).toBe(count(a, (t) => t + P < H));
      expect(run.physical.episodesEnded).toBe(count(a, (t) => t + P < H));
      expect(run.kpis.csat).toBeCloseTo(CSAT.unresolved - CSAT.per_wait_minute * P, 12);
    });
  }
});

describe('one agent, fixed 4-minute contacts, customers who wait at most 3 minutes: first come, first served', () => {
  it("who is answered, who abandons, each wait, the queue's length and the census, counted contact by contact", () => {
    const D = 4;
    const P = 3;
    const WITHIN = 1;
    const s = strategyOf(
      {
        seed: 17,
        horizon: H,
        service_level: { answer_within: `${WITHIN}m`, target: 0.8 },
        demand: { contacts_per_day: 330 },
        ticket_types: [{ name: 'any', handle_time: `${D}m`, fcr: 1 }],
        customers: { patience: `${P}m`, repeat_probability: 0, csat: CSAT, churn: CHURN },
        staff: { employees: { headcount: 1 } },
      },
      { routing: 'human' },
    );
    const a = firstArrivals(s);
    // In arrival order: a contact the agent reaches within its patience is answered then;
    // one it does not reach leaves after P minutes without taking the agent.
    let free = 0;
    let answered = 0;
    let within = 0;
    let waited = 0;
    let waitAnswered = 0;
    let abandoned = 0;
    let resolved = 0;
    let resolutionSum = 0;
    let waiting = 0;
    let queued = 0;
    let inService = 0;
    for (const t of a) {
      const start = Math.max(t, free);
      if (start - t < P) {
        if (start >= H) {
          queued++;
          waiting += H - t;
          continue;
        }
        answered++;
        waitAnswered += start - t;
        waiting += start - t;
        if (start > t) waited++;
        if (start - t <= WITHIN) within++;
        free = start + D;
        if (free < H) {
          resolved++;
          resolutionSum += free - t;
        } else inService++;
      } else if (t + P < H) {
        abandoned++;
        waited++;
        waiting += P;
      } else {
        queued++;
        waiting += H - t;
      }
    }
    expect(abandoned).toBeGreaterThan(5);
    expect(waited - abandoned).toBeGreaterThan(5);

    const run = simulateReplication(s, 0);
    const p = run.physical;
    expect(p.offered).toBe(a.length);
    expect(p.answered).toBe(answered);
    expect(p.abandoned).toBe(abandoned);
    expect(p.waited).toBe(waited);
    expect(p.answeredWithinTarget).toBe(within);
    expect(p.waitSumAnswered).toBeCloseTo(waitAnswered, 9);
    expect(p.waitSumAbandoned).toBeCloseTo(P * abandoned, 9);
    expect(p.resolvedByHuman).toBe(resolved);
    expect(p.resolutionTimeHumanSum).toBeCloseTo(resolutionSum, 9);
    expect(p.served).toBe(resolved);
    expect(run.queueLength).toBeCloseTo(waiting / H, 9);
    expect(run.census).toEqual({ aiWaiting: 0, inAi: 0, inHandoff: 0, queued, inService });
    expect(run.gigPayByWorker).toEqual([]); // no gig pool: nobody paid
  });
});

describe('the warm-up: contacts count when they arrive after it, episodes when their first contact does', () => {
  it('each episode comes back once, 100 minutes after a 1-minute contact; 200 minutes of warm-up', () => {
    const W = 200;
    const s = strategyOf(
      {
        seed: 19,
        horizon: H,
        warmup: W,
        demand: { contacts_per_day: 1440 },
        ticket_types: [{ name: 'any', handle_time: '1m', fcr: 0 }],
        customers: { repeat_probability: 1, repeat_delay: '100m', max_contacts: 2, csat: CSAT, churn: CHURN },
        staff: { employees: { headcount: 60 } },
      },
      { routing: 'human' },
    );
    const a = firstArrivals(s);
    const run = simulateReplication(s, 0);
    const p = run.physical;
    const contacts = count(a, (t) => t >= W) + count(a, (t) => t + 101 >= W && t + 101 < H);
    expect(count(a, (t) => t < W && t + 101 >= W)).toBeGreaterThan(50); // repeats of uncounted episodes that count
    expect(p.episodes).toBe(count(a, (t) => t >= W));
    expect(p.contacts).toBe(contacts);
    expect(p.offered).toBe(contacts);
    expect(p.answered).toBe(contacts);
    expect(p.episodesEnded).toBe(count(a, (t) => t >= W && t + 102 < H));
    expect(run.kpis.csat).toBeCloseTo(CSAT.unresolved - CSAT.per_extra_contact, 12);
  });
});

describe("a group's skill multipliers and chat agents, on one agent's FIFO queue of fixed contacts", () => {
  const base = (staff: Record<string, unknown>, type: Record<string, unknown> = {}) =>
    strategyOf(
      {
        seed: 23,
        horizon: H,
        demand: { contacts_per_day: 500 },
        ticket_types: [{ name: 'any', handle_time: '4m', fcr: 1, ...type }],
        customers: { repeat_probability: 0, csat: CSAT, churn: CHURN },
        staff,
      },
      { routing: 'human' },
    );
  /** What a FIFO line of `servers` with service `d` gives each first contact: waits, resolutions, the census. */
  const expected = (a: readonly number[], servers: number, d: number) => {
    const starts = fifoStarts(a, servers, d);
    const answered = starts.filter((t) => t < H).length;
    const resolved = starts.filter((t) => t + d < H).length;
    const waitSum = a.reduce((sum, t, i) => (starts[i] < H ? sum + starts[i] - t : sum), 0);
    return { starts, answered, resolved, waitSum, queued: a.length - answered, inService: answered - resolved };
  };

  it('handle_time_multiplier 1.5 and fcr_multiplier 2 of the skill: 6-minute contacts, every one resolved at fcr 0.5', () => {
    const s = base(
      { groups: [{ name: 'team', headcount: 1, hourly_cost: 30, skills: { any: { priority: 1, handle_time_multiplier: 1.5, fcr_multiplier: 2 } } }] },
      { fcr: 0.5 },
    );
    const a = firstArrivals(s);
    const e = expected(a, 1, 6);
    expect(e.waitSum).toBeGreaterThan(100);
    const run = simulateReplication(s, 0);
    const p = run.physical;
    expect(p.answered).toBe(e.answered);
    expect(p.waitSumAnswered).toBeCloseTo(e.waitSum, 9);
    expect(p.resolvedByHuman).toBe(e.resolved);
    expect(p.episodesEnded).toBe(e.resolved);
    expect(p.serviceMinutes).toBeCloseTo(6 * e.resolved, 9);
    expect(run.census.queued).toBe(e.queued);
    expect(run.census.inService).toBe(e.inService);
    expect(run.kpis.resolved_rate).toBe(1);
  });

  it('one chat agent holding 2 contacts with no slow-down (stretch [1, 1]) is two servers: same waits, same ends', () => {
    const s = base({ employees: { headcount: 1, concurrency: 2, stretch: [1, 1] } }, {});
    const a = firstArrivals(s);
    const e = expected(a, 2, 4);
    expect(e.waitSum).toBeGreaterThan(20);
    const run = simulateReplication(s, 0);
    const p = run.physical;
    expect(p.answered).toBe(e.answered);
    expect(p.waitSumAnswered).toBeCloseTo(e.waitSum, 9);
    expect(p.resolvedByHuman).toBe(e.resolved);
    expect(p.resolutionTimeHumanSum).toBeCloseTo(a.reduce((sum, t, i) => (e.starts[i] + 4 < H ? sum + e.starts[i] + 4 - t : sum), 0), 9);
    expect(p.served).toBe(e.resolved);
    expect(p.serviceMinutes).toBeCloseTo(4 * e.resolved, 9);
    expect(run.census.queued).toBe(e.queued);
    expect(run.census.inService).toBe(e.inService);
    // Contact-minutes held inside [0, H) over two slots for the whole horizon.
    const held = a.reduce((sum, _t, i) => (e.starts[i] < H ? sum + Math.min(e.starts[i] + 4, H) - e.starts[i] : sum), 0);
    expect(run.kpis.slot_occupancy).toBeCloseTo(held / (2 * H), 9);
  });
});

describe('the census at the horizon: where the contacts that arrived in the window still are', () => {
  it('20 minutes each in the AI, the hand-off and service: the last 60 minutes of arrivals, by stage', () => {
    const s = strategyOf(
      {
        seed: 29,
        horizon: H,
        demand: { contacts_per_day: 1000 },
        ticket_types: [{ name: 'any', handle_time: '20m', ai_resolution: 0, ai_handle_time: '20m', fcr: 1 }],
        customers: NO_FOLLOW_UP,
        ai: { handoff: '20m' },
        staff: { employees: { headcount: 100 } },
      },
      { routing: 'ai-first' },
    );
    const a = firstArrivals(s);
    const census = { aiWaiting: 0, inAi: count(a, (t) => t + 20 >= H), inHandoff: count(a, (t) => t + 20 < H && t + 40 >= H), queued: 0, inService: count(a, (t) => t + 40 < H && t + 60 >= H) };
    expect(Math.min(census.inAi, census.inHandoff, census.inService)).toBeGreaterThan(5);
    expect(simulateReplication(s, 0).census).toEqual(census);
  });

  it("a saturated AI line (5 slots of 20 minutes, a contact every 1.4 minutes): 5 in conversation, the rest waiting", () => {
    const s = strategyOf(
      {
        seed: 29,
        horizon: H,
        demand: { contacts_per_day: 1000 },
        ticket_types: [{ name: 'any', handle_time: '5m', ai_resolution: 1, ai_handle_time: '20m' }],
        customers: NO_FOLLOW_UP,
        ai: { concurrency: 5 },
        staff: { employees: { headcount: 1 } },
      },
      { routing: 'ai' },
    );
    const a = firstArrivals(s);
    const starts = fifoStarts(a, 5, 20);
    const waiting = count(starts, (t) => t >= H);
    expect(waiting).toBeGreaterThan(100);
    expect(simulateReplication(s, 0).census).toEqual({ aiWaiting: waiting, inAi: 5, inHandoff: 0, queued: 0, inService: 0 });
  });
});

describe('by type: the AI outcomes of each of two types counted on its own contacts', () => {
  it('type a: the AI resolves everything; type b: every customer leaves the AI and does not come back', () => {
    const s = strategyOf(
      {
        seed: 31,
        horizon: H,
        demand: { contacts_per_day: 1000 },
        ticket_types: [
          { name: 'a', share: 0.5, handle_time: '5m', ai_resolution: 1, ai_handle_time: '2m' },
          { name: 'b', share: 0.5, handle_time: '5m', ai_resolution: 0, ai_handle_time: '2m', ai_abandon_probability: 1 },
        ],
        customers: NO_FOLLOW_UP,
        staff: { employees: { headcount: 10 } },
      },
      { routing: 'ai-first' },
    );
    const run = simulateReplication(s, 0);
    const [a, b] = run.byType;
    expect(a.contacts + b.contacts).toBe(run.kpis.contacts);
    expect(Math.min(a.contacts, b.contacts)).toBeGreaterThan(100);
    expect(a.ai_abandon_rate).toBe(0);
    expect(a.escalation_rate).toBe(0);
    expect(b.ai_abandon_rate).toBe(1);
    expect(b.ai_containment).toBe(0);
    expect(b.resolved_rate).toBe(0);
    expect(b.offered_to_humans).toBe(0);
    expect(a.resolved_rate).toBe(1);
    expect(a.ai_containment).toBeCloseTo(run.physical.aiContained / a.contacts, 12);
    expect(run.kpis.ai_abandon_rate).toBeCloseTo(run.physical.aiAbandoned / run.physical.aiConversations, 12);
  });
});

describe('a chat group behind a group of one-contact agents', () => {
  it("the chat agents' ends are found past the first group: the second group's chat agent, 2 slots, is two FIFO servers", () => {
    const s = strategyOf(
      {
        seed: 23,
        horizon: H,
        demand: { contacts_per_day: 500 },
        ticket_types: [
          { name: 'chat', share: 1, handle_time: '4m', fcr: 1 },
          { name: 'phone', share: 0, handle_time: '4m', fcr: 1 },
        ],
        customers: { repeat_probability: 0, csat: CSAT, churn: CHURN },
        staff: {
          groups: [
            { name: 'phone', headcount: 1, hourly_cost: 30, skills: ['phone'] },
            { name: 'chat', headcount: 1, hourly_cost: 30, concurrency: 2, stretch: [1, 1], skills: ['chat'] },
          ],
        },
      },
      { routing: 'human' },
    );
    const a = firstArrivals(s);
    const starts = fifoStarts(a, 2, 4);
    const resolved = count(starts, (t) => t + 4 < H);
    const waitSum = a.reduce((sum, t, i) => (starts[i] < H ? sum + starts[i] - t : sum), 0);
    expect(waitSum).toBeGreaterThan(20);
    const run = simulateReplication(s, 0);
    expect(run.physical.answeredByPool).toEqual([0, count(starts, (t) => t < H), 0]);
    expect(run.physical.waitSumAnswered).toBeCloseTo(waitSum, 9);
    expect(run.physical.resolvedByHuman).toBe(resolved);
    expect(run.physical.served).toBe(resolved);
  });
});

describe('two chat groups, one per type, with room for everyone', () => {
  it("each contact ends 4 minutes after it arrives, served by its own type's group", () => {
    const s = strategyOf(
      {
        seed: 37,
        horizon: H,
        demand: { contacts_per_day: 600 },
        ticket_types: [
          { name: 'x', share: 0.5, handle_time: '4m', fcr: 1 },
          { name: 'y', share: 0.5, handle_time: '4m', fcr: 1 },
        ],
        customers: { repeat_probability: 0, csat: CSAT, churn: CHURN },
        staff: {
          groups: [
            { name: 'gx', headcount: 3, hourly_cost: 30, concurrency: 2, stretch: [1, 1], skills: ['x'] },
            { name: 'gy', headcount: 3, hourly_cost: 30, concurrency: 2, stretch: [1, 1], skills: ['y'] },
          ],
        },
      },
      { routing: 'human' },
    );
    const a = firstArrivals(s);
    const run = simulateReplication(s, 0);
    const [x, y] = run.byType;
    expect(Math.min(x.contacts, y.contacts)).toBeGreaterThan(100);
    expect(run.physical.answeredByPool).toEqual([x.contacts, y.contacts, 0]);
    expect(run.physical.waited).toBe(0);
    expect(run.physical.served).toBe(count(a, (t) => t + 4 < H));
    expect(run.physical.resolvedByHuman).toBe(count(a, (t) => t + 4 < H));
    expect(run.kpis.resolution_time).toBeCloseTo(4, 9);
    expect(run.kpis.time_in_service).toBeCloseTo(4, 9);
  });
});

describe('the warm-up under ai-first: only contacts that arrived after it count, at every stage', () => {
  it('2 minutes with the AI, an instant hand-off, 1 minute with a person; 200 minutes of warm-up', () => {
    const W = 200;
    const s = strategyOf(
      {
        seed: 19,
        horizon: H,
        warmup: W,
        demand: { contacts_per_day: 1000 },
        ticket_types: [{ name: 'any', handle_time: '1m', ai_resolution: 0, ai_handle_time: '2m', fcr: 1 }],
        customers: NO_FOLLOW_UP,
        ai: { handoff: '0s' },
        staff: { employees: { headcount: 50 } },
      },
      { routing: 'ai-first' },
    );
    const a = firstArrivals(s);
    const after = a.filter((t) => t >= W);
    expect(a.length - after.length).toBeGreaterThan(100);
    const p = simulateReplication(s, 0).physical;
    expect(p.contacts).toBe(after.length);
    expect(p.aiConversations).toBe(after.length);
    expect(p.aiEscalated).toBe(count(after, (t) => t + 2 < H));
    expect(p.offered).toBe(count(after, (t) => t + 2 < H));
    expect(p.answered).toBe(count(after, (t) => t + 2 < H));
    expect(p.handoffWaits).toBe(count(after, (t) => t + 2 < H));
    expect(p.answeredByPool).toEqual([count(after, (t) => t + 2 < H), 0]);
    expect(p.served).toBe(count(after, (t) => t + 3 < H));
    expect(p.resolvedByHuman).toBe(count(after, (t) => t + 3 < H));
    expect(p.episodesEnded).toBe(count(after, (t) => t + 3 < H));
  });
});

describe('an agent coming on shift answers the contacts already waiting', () => {
  it('nobody in hour 0, one agent from hour 1: hour 0\'s contacts wait to 60 minutes, then first come, first served', () => {
    const D = 5;
    const s = strategyOf(
      {
        seed: 53,
        horizon: H,
        demand: { contacts_per_day: 150 },
        ticket_types: [{ name: 'any', handle_time: `${D}m`, fcr: 1 }],
        customers: { repeat_probability: 0, csat: CSAT, churn: CHURN },
        staff: { employees: { schedule: [0, ...new Array<number>(23).fill(1)] } },
      },
      { routing: 'human' },
    );
    const a = firstArrivals(s);
    let free = 60; // the agent arrives at 60
    const starts = a.map((t) => {
      const start = Math.max(t, free);
      free = start + D;
      return start;
    });
    expect(count(a, (t) => t < 60)).toBeGreaterThan(2);
    const answered = count(starts, (t) => t < H);
    const waitSum = a.reduce((sum, t, i) => (starts[i] < H ? sum + starts[i] - t : sum), 0);
    const run = simulateReplication(s, 0);
    expect(run.physical.answered).toBe(answered);
    expect(run.physical.waitSumAnswered).toBeCloseTo(waitSum, 9);
    expect(run.physical.resolvedByHuman).toBe(count(starts, (t) => t + D < H));
    expect(run.census.queued).toBe(a.length - answered);
  });
});

describe("the warm-up and the AI's own outcomes", () => {
  const W = 200;
  const scenario = (type: Record<string, unknown>, ai: Record<string, unknown> = {}) =>
    strategyOf(
      {
        seed: 19,
        horizon: H,
        warmup: W,
        demand: { contacts_per_day: 1000 },
        ticket_types: [{ name: 'any', handle_time: '1m', ai_handle_time: '2m', ...type }],
        customers: NO_FOLLOW_UP,
        ai,
        staff: { employees: { headcount: 50 } },
      },
      { routing: 'ai-first' },
    );

  it('containments count for contacts that arrived after the warm-up only', () => {
    const s = scenario({ ai_resolution: 1 });
    const after = firstArrivals(s).filter((t) => t >= W);
    const p = simulateReplication(s, 0).physical;
    expect(p.aiContained).toBe(count(after, (t) => t + 2 < H));
    expect(p.resolvedByAi).toBe(count(after, (t) => t + 2 < H));
  });

  it('customers leaving the AI count for contacts that arrived after the warm-up only', () => {
    const s = scenario({ ai_resolution: 0 }, { abandon_probability: 1 });
    const after = firstArrivals(s).filter((t) => t >= W);
    const p = simulateReplication(s, 0).physical;
    expect(p.aiAbandoned).toBe(count(after, (t) => t + 2 < H));
    expect(p.episodesEnded).toBe(count(after, (t) => t + 2 < H));
  });
});
