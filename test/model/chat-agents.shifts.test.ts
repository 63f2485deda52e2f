// ChatAgents (src/model/chat-agents.ts) through changes of level, worked by
// hand from the rules of docs/model.md ("Concurrency"): who comes on shift
// (the lowest index first, then the last to have left), who leaves at shift
// end (agents holding nothing at once, then those holding the fewest, then
// the full ones, each finishing what it holds), and the time booked: staffed,
// busy (holding at least one contact), held, inside the measured window and
// hour by hour. The trace of the processor-sharing rule itself is in
// chat-slots.test.ts and chat-agents.test.ts.
//
// Everything is built inside its test: a mutation run (docs/testing.md,
// "Mutation score") sees only what runs inside tests.

import { describe, expect, it } from 'vitest';
import { EventQueue } from '../../src/engine/event-queue.js';
import { ChatAgents } from '../../src/model/chat-agents.js';
import { HourlyObservations } from '../../src/model/hourly-observations.js';
import type { AgentGroup, Concurrency } from '../../src/scenario/types.js';

const DONE = 4;
const FIRST = 50;

function chatGroup(schedule: number[], concurrency: Concurrency): AgentGroup & { concurrency: Concurrency } {
  return { name: 'chat', schedule, shrinkage: 0, hourly_cost: 0, handle_time_multiplier: 1, skills: null, concurrency };
}

function build(capacity: number, concurrency: Concurrency, windowStart = 0, windowEnd = 1000, hourly: HourlyObservations | null = null) {
  const events = new EventQueue(16);
  const chat = new ChatAgents(chatGroup(new Array(24).fill(capacity), concurrency), windowStart, windowEnd, hourly, events, DONE, FIRST);
  /** Pops the next completion and completes it: [time, agent, contact]. */
  const completeNext = (): number[] => {
    expect(events.pop()).toBe(true);
    expect(events.kind).toBe(DONE);
    const a = events.data - FIRST;
    return [events.time, a, chat.complete(a, events.time)];
  };
  return { events, chat, completeNext };
}

const TWO = { slots: 2, stretch: [1, 1], fcr: [1, 1] };

describe('who comes on shift', () => {
  it('the busiest hour sizes the group; the first agent on is agent 0, its events carry firstAgent + 0', () => {
    const events = new EventQueue(16);
    const chat = new ChatAgents(chatGroup([1, 3, 2, ...new Array(21).fill(0)], { slots: 2, stretch: [1, 1.6], fcr: [1, 1] }), 0, 1000, null, events, DONE, FIRST);
    expect(chat.agentCount).toBe(3);
    expect(chat.slots).toBe(2);
    // Two contacts at once at 1.6 times the time each: 2 / 1.6 one-contact servers.
    expect(chat.serverEquivalent).toBeCloseTo(1.25, 12);
    expect(chat.idle).toBe(0);
    expect(chat.setLevel(0, 1)).toBe(2);
    expect(chat.present).toBe(1);
    expect(chat.idle).toBe(1);
    chat.take(9, 0, 5);
    expect(events.pop()).toBe(true);
    expect([events.time, events.kind, events.data]).toEqual([5, DONE, FIRST + 0]);
    expect(chat.complete(0, 5)).toBe(9);
  });

  it('agents off shift come back the last to have left first', () => {
    const { chat, completeNext } = build(3, TWO);
    expect(chat.setLevel(0, 3)).toBe(6);
    // Nobody holds anything: they leave in the order of the offer (agent 0, 1, 2), so agent 2 left last.
    expect(chat.setLevel(10, 0)).toBe(0);
    expect(chat.present).toBe(0);
    expect(chat.leaving).toBe(0);
    expect(chat.idle).toBe(0);
    expect(chat.setLevel(20, 1)).toBe(2);
    chat.take(1, 20, 1);
    expect(completeNext()).toEqual([21, 2, 1]);
    expect(chat.setLevel(30, 2)).toBe(2);
    chat.take(2, 30, 1); // agent 1 (never assigned; agent 2's assignment is recent)
    expect(completeNext()).toEqual([31, 1, 2]);
    chat.close(100);
    // Staffed: 3 agents 0-10, 1 agent 20-100, another 30-100.
    expect(chat.staffedMinutes).toBeCloseTo(30 + 80 + 70, 12);
  });
});

describe('who leaves at shift end', () => {
  it('four agents down to one, then none: the idle one at once, the two holding one next, the full one last', () => {
    const { chat, completeNext, events } = build(4, TWO);
    expect(chat.setLevel(0, 4)).toBe(8);
    chat.take(1, 0, 100); // agent 0
    chat.take(2, 0, 100); // agent 1
    chat.take(3, 0, 100); // agent 2
    chat.take(4, 0, 100); // agent 3, the only one holding none
    expect(chat.busy).toBe(4);
    chat.take(5, 0, 100); // all hold one: agent 0 (oldest assignment), now full
    expect(chat.idle).toBe(3);
    expect(chat.contactsHeld).toBe(5);
    // Down to two at 10: nobody holds none; the two holding one with the oldest assignments (agents 1, 2) stop.
    expect(chat.setLevel(10, 2)).toBe(0);
    expect(chat.present).toBe(4);
    expect(chat.leaving).toBe(2);
    expect(chat.idle).toBe(1); // agent 3
    // Down to none at 20: agent 3 (holding one) stops; agent 0, full, stops too.
    expect(chat.setLevel(20, 0)).toBe(0);
    expect(chat.leaving).toBe(4);
    expect(chat.idle).toBe(0);
    // Every contact ends at 100 (no slow-down); each agent leaves as its last ends.
    const done = [completeNext(), completeNext(), completeNext(), completeNext(), completeNext()];
    expect(done.map((r) => r[0])).toEqual([100, 100, 100, 100, 100]);
    expect(done.map((r) => r[2]).sort()).toEqual([1, 2, 3, 4, 5]);
    expect(events.size).toBe(0);
    expect(chat.present).toBe(0);
    expect(chat.leaving).toBe(0);
    expect(chat.busy).toBe(0);
    chat.close(1000);
    expect(chat.staffedMinutes).toBeCloseTo(400, 12);
    expect(chat.busyMinutes).toBeCloseTo(400, 12);
    expect(chat.heldMinutes).toBeCloseTo(500, 12);
  });

  it('an agent holding nothing leaves at once; one holding a contact leaves when it ends', () => {
    const { chat, completeNext } = build(3, TWO);
    chat.setLevel(0, 3);
    chat.take(1, 0, 30); // agent 0
    chat.take(2, 0, 50); // agent 1
    // Down to one at 10: agent 2 (holding none) leaves now; agent 0 (holding one, the oldest assignment) stops taking contacts.
    expect(chat.setLevel(10, 1)).toBe(0);
    expect(chat.present).toBe(2);
    expect(chat.leaving).toBe(1);
    expect(chat.idle).toBe(1);
    // The next contact goes to agent 1, the one staying.
    chat.take(3, 12, 1);
    expect(completeNext()).toEqual([13, 1, 3]);
    // Agent 0's contact ends at 30: it leaves then.
    expect(completeNext()).toEqual([30, 0, 1]);
    expect(chat.present).toBe(1);
    expect(chat.leaving).toBe(0);
    expect(completeNext()).toEqual([50, 1, 2]);
    expect(chat.present).toBe(1);
    chat.close(100);
    // Staffed: agent 2 0-10, agent 0 0-30, agent 1 0-100.
    expect(chat.staffedMinutes).toBeCloseTo(10 + 30 + 100, 12);
    // Busy: agent 0 0-30, agent 1 0-50.
    expect(chat.busyMinutes).toBeCloseTo(80, 12);
  });

  it('a rise takes back leaving agents, the lowest index first, then agents off shift; it returns the slots it offers', () => {
    const { chat, completeNext } = build(4, TWO);
    chat.setLevel(0, 4);
    chat.take(1, 0, 100); // agent 0
    chat.take(2, 0, 100); // agent 1
    chat.take(3, 0, 100); // agent 2; agent 3 holds none
    // To none at 10: agent 3 leaves now; agents 0, 1, 2 finish first.
    chat.setLevel(10, 0);
    expect(chat.present).toBe(3);
    expect(chat.leaving).toBe(3);
    // Back to two at 20: agents 0 and 1 stay on, one free slot each.
    expect(chat.setLevel(20, 2)).toBe(2);
    expect(chat.leaving).toBe(1);
    expect(chat.present).toBe(3);
    expect(chat.idle).toBe(2);
    // To four at 30: agent 2 stays on (one slot), agent 3 comes back (two).
    expect(chat.setLevel(30, 4)).toBe(3);
    expect(chat.leaving).toBe(0);
    expect(chat.present).toBe(4);
    expect(chat.idle).toBe(4);
    // Agent 3, holding none, takes the next contact.
    chat.take(4, 40, 1);
    expect(completeNext()).toEqual([41, 3, 4]);
    chat.close(200);
    // Staffed: agents 0-2 0-200 (never off), agent 3 0-10 and 30-200.
    expect(chat.staffedMinutes).toBeCloseTo(600 + 10 + 170, 12);
  });

  it('a rise takes back the leaving agent, not one still on with a lower index', () => {
    const { chat, completeNext } = build(2, TWO);
    expect(chat.setLevel(0, 1)).toBe(2); // agent 0
    chat.take(1, 0, 100);
    chat.take(2, 0, 110); // agent 0 is full
    expect(chat.idle).toBe(0);
    expect(chat.setLevel(5, 2)).toBe(2); // agent 1 comes on
    chat.take(3, 5, 100); // agent 1, the only free slots
    // Down to one at 10: nobody holds none; agent 1, the only one with a free slot, stops taking contacts.
    expect(chat.setLevel(10, 1)).toBe(0);
    expect(chat.leaving).toBe(1);
    expect(chat.idle).toBe(0);
    // Back to two at 20: agent 1 stays on (agent 0, on shift all along, is skipped), its one free slot offered.
    expect(chat.setLevel(20, 2)).toBe(1);
    expect(chat.leaving).toBe(0);
    expect(chat.present).toBe(2);
    expect(chat.idle).toBe(1);
    chat.take(4, 30, 1);
    expect(completeNext()).toEqual([31, 1, 4]);
    expect(completeNext()).toEqual([100, 0, 1]);
    expect(completeNext()).toEqual([105, 1, 3]);
    expect(completeNext()).toEqual([110, 0, 2]);
    expect(chat.present).toBe(2);
  });
});

describe('time booked inside the window', () => {
  it('busy from the first contact held to the last one ending, held per contact, open periods closed at the end; by hour too', () => {
    const hourly = new HourlyObservations(1, 0, 120);
    const { chat, completeNext } = build(1, { slots: 2, stretch: [1, 2], fcr: [1, 0.8] }, 10, 100, hourly);
    chat.setLevel(0, 1);
    chat.take(1, 5, 10);
    expect(chat.busy).toBe(1);
    chat.take(2, 8, 1);
    expect(chat.busy).toBe(1);
    // Contact 1 alone 5-8 (3 of 10 done); shared at half speed, contact 2's 1 takes 2 minutes (ends at 10)
    // and contact 1 gets 1 (6 left); alone again, it ends at 16.
    expect(completeNext()).toEqual([10, 0, 2]);
    expect(chat.doneAnsweredAt).toBe(8);
    expect(chat.doneFcr).toBe(0.8);
    expect(chat.busy).toBe(1);
    expect(completeNext()).toEqual([16, 0, 1]);
    expect(chat.doneAnsweredAt).toBe(5);
    expect(chat.doneFcr).toBe(1);
    expect(chat.busy).toBe(0);
    chat.take(3, 50, 100); // still held at the end (120)
    chat.close(120);
    // Inside [10, 100): busy 10-16 and 50-100; held the same (8-10, two held, is before the window).
    expect(chat.busyMinutes).toBeCloseTo(56, 12);
    expect(chat.heldMinutes).toBeCloseTo(56, 12);
    expect(chat.staffedMinutes).toBeCloseTo(90, 12);
    // By hour (the hourly window [0, 120)): busy 5-16 and 50-60 in hour 0, 60-120 in hour 1; one agent on all along.
    const v = hourly.values();
    expect(v[0].utilization).toBeCloseTo(21 / 60, 12);
    expect(v[1].utilization).toBeCloseTo(1, 12);
    expect(v[0].agents_on_shift).toBeCloseTo(1, 12);
  });
});
