// Chat concurrency (docs/model.md, "Concurrency") against answers derived
// without the simulator: with no slow-down, k slots per agent are c·k
// independent servers (Erlang A); with a slow-down, the exact steady state of
// a Markov chain built here over each agent's count of contacts held; a
// trace worked by hand; and agents leaving at shift end with contacts in hand.

import { describe, expect, it } from 'vitest';
import { chatQueueFigures } from '../../src/analytic/chat-queue.js';
import { queueFigures } from '../../src/analytic/queue-figures.js';
import { EventQueue } from '../../src/engine/event-queue.js';
import { ChatAgents } from '../../src/model/chat-agents.js';
import { simulateReplication } from '../../src/model/contact-centre.js';
import { resolveScenario } from '../../src/scenario/load.js';
import type { AgentGroup, Concurrency, StrategyScenario } from '../../src/scenario/types.js';
import { expectWithinInterval } from '../support/confidence.js';

const AHT = 5;
const PATIENCE = 3;

function chatCentre(o: { agents: number; slots: number; stretch?: number[]; perMinute: number; horizon: number; replications: number; seed: number }): StrategyScenario {
  return resolveScenario({
    name: 'chat',
    seed: o.seed,
    horizon: o.horizon,
    warmup: 200,
    replications: o.replications,
    service_level: { answer_within: '20s', target: 0.8 },
    demand: { contacts_per_day: o.perMinute * 1440 },
    ticket_types: [{ name: 'chat', handle_time: { dist: 'exponential', mean: AHT } }],
    customers: { patience: { dist: 'exponential', mean: PATIENCE }, retry: { probability: 0 } },
    staff: { employees: { headcount: o.agents, concurrency: o.slots, ...(o.stretch ? { stretch: o.stretch } : {}) } },
    strategies: { human: { routing: 'human' } },
  }).strategies[0];
}

function replicate(s: StrategyScenario) {
  return Array.from({ length: s.replications }, (_, r) => simulateReplication(s, r).kpis);
}

/**
 * The chain over ordered agents: state (n_1, ..., n_c, q), each agent's
 * contacts held and the queue, truncated at `maxQueue`. An arrival goes to the
 * lowest-numbered agent among those holding the fewest with a free slot
 * (agents are exchangeable, so which one does not change the figures); a
 * completion by agent i (rate n_i / (AHT × s_{n_i})) frees a slot the queue's
 * head takes; the queue abandons at q / patience. Solved by power iteration
 * of the uniformised chain.
 */
function orderedChain(c: number, k: number, stretch: number[], lambda: number, maxQueue: number) {
  const mu = 1 / AHT;
  const theta = 1 / PATIENCE;
  type State = { n: number[]; q: number };
  const states: State[] = [];
  const ids = new Map<string, number>();
  const id = (s: State) => {
    const key = `${s.n.join(',')}|${s.q}`;
    let i = ids.get(key);
    if (i === undefined) {
      i = states.length;
      ids.set(key, i);
      states.push(s);
    }
    return i;
  };
  id({ n: new Array(c).fill(0), q: 0 });
  const moves: Array<[number, number, number]> = [];
  for (let i = 0; i < states.length; i++) {
    const { n, q } = states[i];
    let target = -1;
    for (let a = 0; a < c; a++) if (n[a] < k && (target < 0 || n[a] < n[target])) target = a;
    if (target >= 0) {
      const m = [...n];
      m[target]++;
      moves.push([i, id({ n: m, q }), lambda]);
    } else if (q < maxQueue) {
      moves.push([i, id({ n, q: q + 1 }), lambda]);
    }
    for (let a = 0; a < c; a++) {
      if (n[a] === 0) continue;
      const rate = (n[a] * mu) / stretch[n[a] - 1];
      if (q > 0) moves.push([i, id({ n, q: q - 1 }), rate]);
      else {
        const m = [...n];
        m[a]--;
        moves.push([i, id({ n: m, q }), rate]);
      }
    }
    if (q > 0) moves.push([i, id({ n, q: q - 1 }), q * theta]);
  }
  const out = new Float64Array(states.length);
  for (const [from, , rate] of moves) out[from] += rate;
  const uniform = Math.max(...out) * 1.05;
  let p = new Float64Array(states.length).fill(1 / states.length);
  for (let step = 0; step < 200_000; step++) {
    const next = new Float64Array(states.length);
    for (let i = 0; i < p.length; i++) next[i] = p[i] * (1 - out[i] / uniform);
    for (const [from, to, rate] of moves) next[to] += (p[from] * rate) / uniform;
    let change = 0;
    for (let i = 0; i < p.length; i++) change = Math.max(change, Math.abs(next[i] - p[i]));
    p = next;
    if (change < 1e-15) break;
  }
  let pWait = 0;
  let queue = 0;
  let held = 0;
  let busy = 0;
  states.forEach((s, i) => {
    if (s.n.every((x) => x === k)) pWait += p[i];
    queue += s.q * p[i];
    held += s.n.reduce((a, b) => a + b, 0) * p[i];
    busy += s.n.filter((x) => x > 0).length * p[i];
  });
  const abandon = (queue * theta) / lambda;
  return {
    p_wait: pWait,
    abandon_rate: abandon,
    wait_mean: queue / lambda,
    time_in_service: held / (lambda * (1 - abandon)),
    slot_occupancy: held / (c * k),
    utilization: busy / c,
  };
}

const FIGURES = ['p_wait', 'abandon_rate', 'wait_mean', 'time_in_service', 'slot_occupancy', 'utilization'] as const;

describe('the exact chain', () => {
  it('the occupancy-multiset solution (src/analytic/chat-queue.ts) equals the ordered-agent chain built here', () => {
    for (const [c, k, stretch, lambda] of [
      [2, 2, [1, 1.3], 0.5],
      [2, 3, [1, 1.18, 1.2], 0.9],
      [3, 2, [1, 1.5], 1.2],
    ] as const) {
      const exact = orderedChain(c, k, [...stretch], lambda, 80);
      const multiset = chatQueueFigures({ arrivalsPerMinute: lambda, aht: AHT, agents: c, slots: k, stretch, patience: PATIENCE });
      for (const f of FIGURES) expect(multiset[f], `c=${c} k=${k} ${f}`).toBeCloseTo(exact[f], 9);
    }
  });

  it('with no slow-down is Erlang A with c·k servers', () => {
    const chat = chatQueueFigures({ arrivalsPerMinute: 1.1, aht: AHT, agents: 3, slots: 2, stretch: [1, 1], patience: PATIENCE });
    const erlang = queueFigures({ arrivalsPerMinute: 1.1, aht: AHT, agents: 6, patience: PATIENCE, answerWithin: 1 / 3 });
    expect(chat.p_wait).toBeCloseTo(erlang.p_wait, 10);
    expect(chat.abandon_rate).toBeCloseTo(erlang.abandon_rate, 10);
    expect(chat.wait_mean).toBeCloseTo(erlang.wait_mean, 10);
    expect(chat.slot_occupancy).toBeCloseTo(erlang.utilization, 10);
    expect(chat.time_in_service).toBeCloseTo(AHT, 10);
  });
});

describe('simulated against exact answers', () => {
  it('concurrency k with no slow-down is M/M/(c·k)+M (Erlang A)', () => {
    const s = chatCentre({ agents: 3, slots: 2, perMinute: 1.1, horizon: 100_000, replications: 10, seed: 11 });
    const runs = replicate(s);
    const exact = queueFigures({ arrivalsPerMinute: 1.1, aht: AHT, agents: 6, patience: PATIENCE, answerWithin: 1 / 3 });
    const checks = { p_wait: exact.p_wait, abandon_rate: exact.abandon_rate, wait_mean: exact.wait_mean, asa: exact.asa, service_level: exact.service_level, slot_occupancy: exact.utilization, time_in_service: AHT };
    for (const [kpi, value] of Object.entries(checks)) {
      expectWithinInterval(value, runs.map((r) => r[kpi as keyof typeof checks]), Object.keys(checks).length, kpi);
    }
  });

  for (const [c, k, stretch, lambda, seed] of [
    [2, 2, [1, 1.3], 0.55, 5],
    [2, 3, [1, 1.18, 1.2], 0.9, 6],
  ] as const) {
    it(`c=${c} agents, concurrency ${k}, stretch [${stretch.join(', ')}]: the exact chain's figures`, () => {
      const s = chatCentre({ agents: c, slots: k, stretch: [...stretch], perMinute: lambda, horizon: 100_000, replications: 10, seed });
      const runs = replicate(s);
      const exact = orderedChain(c, k, [...stretch], lambda, 80);
      for (const f of FIGURES) expectWithinInterval(exact[f], runs.map((r) => r[f]), FIGURES.length, f);
      // With a slow-down, a contact is held longer than its work.
      expect(exact.time_in_service).toBeGreaterThan(AHT);
    });
  }
});

/** A chat group of `agents` on shift every hour, for driving ChatAgents by hand. */
function group(agents: number, concurrency: Concurrency, schedule?: number[]): AgentGroup & { concurrency: Concurrency } {
  return { name: 'chat', schedule: schedule ?? new Array(24).fill(agents), shrinkage: 0, hourly_cost: 0, handle_time_multiplier: 1, skills: null, concurrency };
}

/** Pops every completion event, completing it, as the contact centre does; returns [time, agent, contact, answered at]. */
function drain(events: EventQueue, chat: ChatAgents): number[][] {
  const done: number[][] = [];
  while (events.pop()) {
    const e = chat.complete(events.data, events.time);
    done.push([events.time, events.data, e, chat.doneAnsweredAt]);
  }
  return done;
}

describe('a trace worked by hand', () => {
  it('two agents, two slots each, stretch [1, 2]: least loaded first, then the oldest assignment; work slowed while shared', () => {
    const events = new EventQueue();
    const chat = new ChatAgents(group(2, { slots: 2, stretch: [1, 2], fcr: [1, 0.9] }), 0, 100, null, events, 1, 0);
    chat.setLevel(0, 2);
    expect(chat.idle).toBe(2);
    // Contact 1 at 0 (work 3) to agent 0 (both empty: the lower number);
    // contact 2 at 0.5 (work 3) to agent 1 (it holds fewer);
    // contact 3 at 1 (work 1) to agent 0 (both hold one: agent 0's last assignment is older);
    // contact 4 at 1.5 (work 5) to agent 1.
    const takes: Array<[number, number, number]> = [[1, 0, 3], [2, 0.5, 3], [3, 1, 1], [4, 1.5, 5]];
    const done: number[][] = [];
    for (const [e, t, work] of takes) {
      while (events.peekTime() <= t && events.pop()) done.push([events.time, events.data, chat.complete(events.data, events.time), chat.doneAnsweredAt]);
      chat.take(e, t, work);
    }
    expect(chat.idle).toBe(0);
    expect(chat.contactsHeld).toBe(4);
    done.push(...drain(events, chat));
    // Agent 0: contact 1 alone 0-1 (1 of 3 done); with contact 3 at half speed,
    // contact 3's 1 takes 2 minutes (ends at 3) and contact 1 gets 1 more
    // (2 of 3); alone again, its last 1 ends at 4.
    // Agent 1: contact 2 alone 0.5-1.5 (1 of 3); shared, its 2 left take 4
    // minutes (ends at 5.5) while contact 4 gets 2 of 5; alone, 3 more: 8.5.
    const expected = [
      [3, 0, 3, 1],
      [4, 0, 1, 0],
      [5.5, 1, 2, 0.5],
      [8.5, 1, 4, 1.5],
    ];
    expect(done.length).toBe(4);
    done.forEach((row, i) => {
      expect(row[0]).toBeCloseTo(expected[i][0], 12);
      expect(row.slice(1)).toEqual(expected[i].slice(1));
    });
    chat.close(100);
    // Contact-minutes held: agent 0 1 + 2×2 + 1 = 6, agent 1 1 + 2×4 + 3 = 12.
    expect(chat.heldMinutes).toBeCloseTo(18, 12);
    // Busy (at least one contact): agent 0 from 0 to 4, agent 1 from 0.5 to 8.5.
    expect(chat.busyMinutes).toBeCloseTo(12, 12);
    expect(chat.staffedMinutes).toBeCloseTo(200, 12);
  });

  it('on a tie in contacts held, the agent whose last assignment is oldest takes the contact, whoever finished last', () => {
    const events = new EventQueue();
    const chat = new ChatAgents(group(2, { slots: 2, stretch: [1, 1], fcr: [1, 1] }), 0, 100, null, events, 1, 0);
    chat.setLevel(0, 2);
    chat.take(1, 0, 100); // agent 0
    chat.take(2, 1, 100); // agent 1
    chat.take(3, 2, 1); // agent 0 (both hold one; agent 0 last assigned at 0): ends at 3
    chat.take(4, 3, 1); // agent 1 (agent 0 now holds two): ends at 4
    const pop = () => (events.pop(), [events.time, events.data, chat.complete(events.data, events.time)]);
    expect(pop()).toEqual([3, 0, 3]);
    expect(pop()).toEqual([4, 1, 4]);
    // Both hold one again; agent 0 was last assigned at 2, agent 1 at 3: agent 0 takes contact 5.
    chat.take(5, 5, 1);
    expect(pop()).toEqual([6, 0, 5]);
  });

  it('the concurrency level a contact was taken at sets its resolution factor', () => {
    const events = new EventQueue();
    const chat = new ChatAgents(group(1, { slots: 2, stretch: [1, 1], fcr: [1, 0.9] }), 0, 100, null, events, 1, 0);
    chat.setLevel(0, 1);
    chat.take(7, 0, 10);
    chat.take(8, 1, 1);
    expect(chat.complete((events.pop(), events.data), events.time)).toBe(8);
    expect(chat.doneFcr).toBe(0.9);
    expect(chat.complete((events.pop(), events.data), events.time)).toBe(7);
    expect(chat.doneFcr).toBe(1);
  });
});

describe('shift end with contacts in hand', () => {
  it('an agent leaving takes no new contact, finishes every contact in hand, and is staffed until then', () => {
    const events = new EventQueue();
    const chat = new ChatAgents(group(2, { slots: 2, stretch: [1, 1], fcr: [1, 1] }), 0, 1000, null, events, 1, 0);
    chat.setLevel(0, 2);
    chat.take(1, 0, 100); // agent 0
    chat.take(2, 0, 100); // agent 1
    chat.take(3, 0, 100); // agent 0: both full
    // At 60 the level drops to 1: agent 1 (fewest contacts) stops taking contacts.
    expect(chat.setLevel(60, 1)).toBe(0);
    expect(chat.present).toBe(2);
    expect(chat.leaving).toBe(1);
    expect(chat.idle).toBe(0); // agent 1's free slot is not offered
    // At 80 the level drops to 0: agent 0, full, leaves too, once done.
    chat.setLevel(80, 0);
    expect(chat.leaving).toBe(2);
    const done = drain(events, chat);
    // No slow-down: every contact ends at 100; nothing is cut short.
    expect(done.map((row) => row[0])).toEqual([100, 100, 100]);
    expect(done.map((row) => row[2]).sort()).toEqual([1, 2, 3]);
    expect(chat.present).toBe(0);
    expect(chat.leaving).toBe(0);
    chat.close(1000);
    // Both agents were present from 0 to 100, though the schedule let them go at 60 and 80.
    expect(chat.staffedMinutes).toBeCloseTo(200, 12);
    expect(chat.heldMinutes).toBeCloseTo(300, 12);
  });

  it('a leaving agent stays on when the level rises again before it is done, and its free slots are offered again', () => {
    const events = new EventQueue();
    const chat = new ChatAgents(group(1, { slots: 3, stretch: [1, 1, 1], fcr: [1, 1, 1] }), 0, 1000, null, events, 1, 0);
    chat.setLevel(0, 1);
    chat.take(1, 0, 100);
    chat.setLevel(60, 0);
    expect(chat.idle).toBe(0);
    expect(chat.setLevel(70, 1)).toBe(2);
    expect(chat.leaving).toBe(0);
    expect(chat.idle).toBe(1);
    expect(chat.present).toBe(1);
  });

  it('in the whole model: agents whose shift ends finish their chats, and every contact is accounted for', () => {
    // Overloaded, nobody abandons: at 6h two of three agents go, each full.
    const s = resolveScenario({
      name: 'chat-shift',
      seed: 3,
      horizon: '12h',
      warmup: 0,
      replications: 1,
      demand: { contacts_per_day: 1440 },
      ticket_types: [{ name: 'chat', handle_time: { dist: 'exponential', mean: 20 } }],
      staff: { employees: { schedule: [...new Array(6).fill(3), ...new Array(18).fill(1)], concurrency: 3, stretch: [1, 1.2, 1.5] } },
      strategies: { human: { routing: 'human' } },
    }).strategies[0];
    const r = simulateReplication(s, 0);
    const o = r.observations;
    expect(r.census.queued).toBeGreaterThan(0);
    expect(o.served + r.census.inService + r.census.queued).toBe(o.offered);
    // Scheduled: 3 agents for 6 hours and 1 for 6; the two leaving stayed past 6h to finish.
    expect(r.physical.groupStaffedMinutes[0]).toBeGreaterThan(3 * 360 + 360);
    expect(r.physical.groupStaffedMinutes[0]).toBeLessThan(3 * 360 + 360 + 2 * 120);
  });
});
