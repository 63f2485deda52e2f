// ChatSlots (src/model/chat-slots.ts), limited processor sharing, against
// answers derived without it: traces worked by hand, and a long run of
// takes, completions and changes of duty checked step by step against the
// rule of docs/model.md ("Concurrency") worked the long way here. The
// reference keeps each contact's remaining work (not a work clock per
// server), picks a server by scanning every server (not a heap), and finds
// each completion by stepping from one to the next: a different computation
// of the same rule.
//
// Everything is built inside its test: a mutation run (docs/testing.md,
// "Mutation score") sees only what runs inside tests.

import { describe, expect, it } from 'vitest';
import { EventQueue } from '../../src/engine/event-queue.js';
import { ChatSlots } from '../../src/model/chat-slots.js';
import type { Concurrency } from '../../src/scenario/types.js';

const DONE = 7;
const FIRST = 100;

function build(servers: number, concurrency: Concurrency, windowStart = 0, windowEnd = Infinity) {
  const events = new EventQueue(16);
  const slots = new ChatSlots(servers, concurrency, windowStart, windowEnd, events, DONE, FIRST);
  /** Pops the next completion, checks its kind and data range, completes it: [time, server, contact, answered at, fcr]. */
  const completeNext = (): number[] => {
    expect(events.pop()).toBe(true);
    expect(events.kind).toBe(DONE);
    const a = events.data - FIRST;
    expect(a).toBeGreaterThanOrEqual(0);
    expect(a).toBeLessThan(servers);
    const e = slots.complete(a, events.time);
    return [events.time, a, e, slots.doneAnsweredAt, slots.doneFcr];
  };
  return { events, slots, completeNext };
}

describe('traces worked by hand', () => {
  it('three servers, two slots: the fewest held first, then the oldest assignment, never-assigned servers by index', () => {
    const { slots } = build(3, { slots: 2, stretch: [1, 1], fcr: [1, 1] });
    // Nobody accepts yet: nothing is free.
    expect(slots.free).toBe(0);
    // Server 2 comes on first, then 0, then 1: never assigned, the lower index goes first whatever the order of accept().
    expect(slots.accept(2)).toBe(2);
    expect(slots.accept(0)).toBe(2);
    expect(slots.accept(1)).toBe(2);
    expect(slots.free).toBe(3);
    const takers: number[] = [];
    for (let e = 0; e < 6; e++) {
      takers.push(slots.next);
      expect(slots.take(e, e, 1000)).toBe(takers[e]);
    }
    // 0, 1, 2 take one each (all empty, by index); then each holds one and the
    // oldest assignment is server 0's, then 1's, then 2's.
    expect(takers).toEqual([0, 1, 2, 0, 1, 2]);
    expect(slots.free).toBe(0);
    expect(slots.contactsHeld).toBe(6);
    expect(Array.from(slots.held)).toEqual([2, 2, 2]);
  });

  it('a server holding fewer contacts goes first even when its last assignment is the most recent', () => {
    const { slots, completeNext } = build(2, { slots: 3, stretch: [1, 1, 1], fcr: [1, 1, 1] });
    slots.accept(0);
    slots.accept(1);
    slots.take(1, 0, 10); // server 0, ends at 10
    slots.take(2, 0, 1); // server 1, ends at 1
    slots.take(3, 0, 10); // server 0 (both hold one, server 0's assignment is older), ends at 10
    // At 1, server 1's contact ends: it holds none, and its assignment (the second) is newer than
    // server 0's first, but server 0 holds two.
    expect(completeNext()).toEqual([1, 1, 2, 0, 1]);
    expect(slots.next).toBe(1);
    slots.take(4, 2, 1); // server 1 again, ends at 3
    // Server 0 holds two, server 1 one: server 1 again, though just assigned.
    expect(slots.next).toBe(1);
    slots.take(5, 2.5, 100); // server 1 holds two, its first ends at 3.5
    // Both hold two; server 0's last assignment (the third) is older than server 1's (the fifth).
    expect(slots.next).toBe(0);
  });

  it('slowed while shared: three contacts on one server, stretch [1, 1.5, 2], the earliest finish level first', () => {
    const { slots, completeNext, events } = build(1, { slots: 3, stretch: [1, 1.5, 2], fcr: [1, 0.9, 0.7] });
    expect(slots.accept(0)).toBe(3);
    slots.take(10, 0, 6); // A: alone 0-1 at speed 1 (1 done, 5 left)
    slots.take(11, 1, 1); // B at 1: two held, speed 1/1.5
    slots.take(12, 2, 2); // C at 2: B got 1/1.5 (1/3 left), A 4 + 1/3 left; three held, speed 1/2
    expect(slots.free).toBe(0);
    // B's 1/3 at speed 1/2: ends at 2 + 2/3. A has 4 left, C 1 + 2/3, two held (speed 1/1.5):
    // C ends 1.5 × 5/3 = 2.5 later, at 5 + 1/6; A then has 4 − 5/3 = 7/3 left, alone: ends at 7.5.
    const done = [completeNext(), completeNext(), completeNext()];
    expect(events.size).toBe(0);
    const expected = [
      [2 + 2 / 3, 0, 11, 1, 0.9],
      [5 + 1 / 6, 0, 12, 2, 0.7],
      [7.5, 0, 10, 0, 1],
    ];
    done.forEach((row, i) => {
      expect(row[0]).toBeCloseTo(expected[i][0], 12);
      expect(row.slice(1)).toEqual(expected[i].slice(1));
    });
    // Held: 1 (0-1) + 2 (1-2) + 3 × 2/3 + 2 × 2.5 + 1 × 7/3 = 1 + 2 + 2 + 5 + 7/3.
    slots.accrueHeld(10);
    expect(slots.heldMinutes).toBeCloseTo(10 + 7 / 3, 12);
    expect(slots.contactsHeld).toBe(0);
    // Empty again: its free slots are all offered.
    expect(slots.free).toBe(1);
  });

  it('two contacts with the same finish level end at the same time, and the server is free again', () => {
    const { slots, completeNext } = build(1, { slots: 2, stretch: [1, 1.5], fcr: [1, 1] });
    slots.accept(0);
    slots.take(1, 0, 3);
    slots.take(2, 0, 3);
    // Both at speed 1/1.5: 4.5 minutes each.
    const done = [completeNext(), completeNext()];
    expect(done.map((r) => r[0])).toEqual([4.5, 4.5]);
    expect(done.map((r) => r[2]).sort()).toEqual([1, 2]);
    expect(slots.free).toBe(1);
    expect(slots.next).toBe(0);
  });

  it('a server that stops accepting keeps its contacts and is not offered; accepting again offers its free slots only', () => {
    const { slots, completeNext, events } = build(2, { slots: 2, stretch: [1, 1], fcr: [1, 1] });
    slots.accept(0);
    slots.accept(1);
    slots.take(1, 0, 5); // server 0
    slots.refuse(0);
    expect(slots.free).toBe(1);
    expect(slots.next).toBe(1);
    slots.take(2, 1, 5); // server 1
    slots.take(3, 1, 5); // server 1: full
    expect(slots.free).toBe(0);
    // Refusing a full server (not offered) and a refused one again changes nothing.
    slots.refuse(1);
    slots.refuse(0);
    expect(slots.free).toBe(0);
    // Server 0 ends its contact at 5 and is not offered while refused.
    expect(completeNext()).toEqual([5, 0, 1, 0, 1]);
    expect(slots.free).toBe(0);
    expect(slots.accept(0)).toBe(2);
    expect(slots.free).toBe(1);
    // Server 1 (refused) ends both at 6 and stays off.
    expect(completeNext()[1]).toBe(1);
    expect(completeNext()[1]).toBe(1);
    expect(events.size).toBe(0);
    expect(slots.free).toBe(1);
    expect(slots.next).toBe(0);
    // Accepting a server that holds one of two offers one slot.
    slots.take(4, 7, 5);
    slots.refuse(0);
    expect(slots.accept(0)).toBe(1);
    slots.take(5, 7, 5);
    expect(slots.accept(0)).toBe(0);
    expect(slots.free).toBe(0);
  });

  it('held minutes count only inside the measured window [10, 20)', () => {
    const { slots, completeNext } = build(2, { slots: 2, stretch: [1, 1], fcr: [1, 1] }, 10, 20);
    slots.accept(0);
    slots.accept(1);
    slots.take(1, 5, 10); // 5-15
    slots.take(2, 8, 20); // 8-28
    slots.take(3, 12, 4); // 12-16
    completeNext();
    completeNext();
    slots.accrueHeld(22);
    // Inside [10, 20): 5 + 10 + 4.
    expect(slots.heldMinutes).toBeCloseTo(19, 12);
    completeNext();
    slots.accrueHeld(40);
    expect(slots.heldMinutes).toBeCloseTo(19, 12);
  });
});

/** A small deterministic generator for the long run's choices (not the model's random streams). */
function lcg(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x / 2 ** 32;
  };
}

interface Held {
  e: number;
  left: number;
  answered: number;
  fcr: number;
}

/** The rule worked the long way: remaining work per contact, a scan for the server, completions stepped one by one. */
class Reference {
  readonly held: Held[][];
  readonly accepting: boolean[];
  /** The take count at each server's last assignment; -1 before any (older than every assignment, ties by index). */
  readonly lastTake: number[];
  takes = 0;
  now = 0;
  heldMinutes = 0;

  constructor(
    readonly servers: number,
    readonly c: Concurrency,
    readonly windowStart: number,
    readonly windowEnd: number,
  ) {
    this.held = Array.from({ length: servers }, () => []);
    this.accepting = new Array<boolean>(servers).fill(false);
    this.lastTake = new Array<number>(servers).fill(-1);
  }

  choose(): number {
    let best = -1;
    for (let a = 0; a < this.servers; a++) {
      if (!this.accepting[a] || this.held[a].length >= this.c.slots) continue;
      if (best < 0) best = a;
      else if (this.held[a].length < this.held[best].length) best = a;
      else if (this.held[a].length === this.held[best].length && this.lastTake[a] < this.lastTake[best]) best = a;
    }
    return best;
  }

  free(): number {
    return this.held.filter((h, a) => this.accepting[a] && h.length < this.c.slots).length;
  }

  /** Runs every completion up to and including t; returns them as [time, server, contact, answered at, fcr]. */
  runTo(t: number): number[][] {
    const out: number[][] = [];
    for (;;) {
      let at = Infinity;
      let who = -1;
      for (let a = 0; a < this.servers; a++) {
        const h = this.held[a];
        if (h.length === 0) continue;
        const least = Math.min(...h.map((x) => x.left));
        const when = this.now + least * this.c.stretch[h.length - 1];
        if (when < at) {
          at = when;
          who = a;
        }
      }
      if (who < 0 || at > t) break;
      this.step(at);
      const h = this.held[who];
      let i = 0;
      for (let j = 1; j < h.length; j++) if (h[j].left < h[i].left) i = j;
      const [x] = h.splice(i, 1);
      out.push([at, who, x.e, x.answered, x.fcr]);
    }
    this.step(t);
    return out;
  }

  take(e: number, work: number): number {
    const a = this.choose();
    const h = this.held[a];
    h.push({ e, left: work, answered: this.now, fcr: this.c.fcr[h.length] });
    this.lastTake[a] = this.takes++;
    return a;
  }

  private step(t: number): void {
    const dt = t - this.now;
    const total = this.held.reduce((n, h) => n + h.length, 0);
    const lo = Math.max(this.now, this.windowStart);
    const hi = Math.min(t, this.windowEnd);
    if (hi > lo) this.heldMinutes += total * (hi - lo);
    for (const h of this.held) for (const x of h) x.left -= dt / this.c.stretch[h.length - 1];
    this.now = t;
  }
}

describe('a long run against the rule worked the long way', () => {
  for (const [servers, c, seed] of [
    [7, { slots: 3, stretch: [1, 1.25, 1.6], fcr: [1, 0.9, 0.8] }, 1],
    [4, { slots: 2, stretch: [1, 1.4], fcr: [1, 0.85] }, 2],
    [9, { slots: 4, stretch: [1, 1.1, 1.3, 1.7], fcr: [1, 0.95, 0.9, 0.8] }, 3],
  ] as const) {
    it(`${servers} servers, ${c.slots} slots: every take, completion, held count and change of duty`, () => {
      const conc = { slots: c.slots, stretch: [...c.stretch], fcr: [...c.fcr] };
      const windowStart = 30;
      const windowEnd = 400;
      const { events, slots } = build(servers, conc, windowStart, windowEnd);
      const ref = new Reference(servers, conc, windowStart, windowEnd);
      const rand = lcg(seed);
      let t = 0;
      let taken = 0;
      let completions = 0;
      for (let step = 0; step < 600; step++) {
        t += rand() * 1.2;
        // Completions up to t, in the reference and in the event queue.
        const expected = ref.runTo(t);
        for (const row of expected) {
          expect(events.peekTime()).toBeLessThanOrEqual(t);
          expect(events.pop()).toBe(true);
          expect(events.kind).toBe(DONE);
          const a = events.data - FIRST;
          const e = slots.complete(a, events.time);
          expect(events.time).toBeCloseTo(row[0], 9);
          expect([a, e, slots.doneAnsweredAt, slots.doneFcr]).toEqual(row.slice(1));
          completions++;
        }
        expect(events.peekTime()).toBeGreaterThan(t);
        // Now and then a server changes duty.
        const u = rand();
        if (u < 0.1) {
          // accept() is for a server not accepting (ChatAgents calls it as an agent comes on duty).
          const a = Math.floor(rand() * servers);
          if (ref.accepting[a]) continue;
          const freeSlots = slots.accept(a);
          ref.accepting[a] = true;
          expect(freeSlots).toBe(c.slots - ref.held[a].length);
        } else if (u < 0.16) {
          const a = Math.floor(rand() * servers);
          slots.refuse(a);
          ref.accepting[a] = false;
        }
        expect(slots.free).toBe(ref.free());
        expect(Array.from(slots.held)).toEqual(ref.held.map((h) => h.length));
        expect(slots.contactsHeld).toBe(ref.held.reduce((n, h) => n + h.length, 0));
        if (slots.free > 0) {
          const work = 0.5 + rand() * 6;
          const a = ref.choose();
          expect(slots.next).toBe(a);
          expect(slots.take(step, t, work)).toBe(ref.take(step, work));
          taken++;
        }
      }
      // The rest run out with nothing new: the same ends, and the held minutes inside the window.
      const rest = ref.runTo(Infinity);
      for (const row of rest) {
        expect(events.pop()).toBe(true);
        const a = events.data - FIRST;
        const e = slots.complete(a, events.time);
        expect(events.time).toBeCloseTo(row[0], 9);
        expect([a, e, slots.doneAnsweredAt, slots.doneFcr]).toEqual(row.slice(1));
      }
      expect(events.size).toBe(0);
      slots.accrueHeld(1e9);
      expect(slots.heldMinutes).toBeCloseTo(ref.heldMinutes, 6);
      expect(taken).toBeGreaterThan(300);
      expect(completions).toBeGreaterThan(250);
    });
  }
});
