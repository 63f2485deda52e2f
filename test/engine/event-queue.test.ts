import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EventQueue } from '../../src/engine/event-queue.js';

/** Pops everything, returning [time, kind, data] triples. */
function drain(q: EventQueue): [number, number, number][] {
  const out: [number, number, number][] = [];
  while (q.pop()) out.push([q.time, q.kind, q.data]);
  return out;
}

describe('EventQueue', () => {
  it('an empty queue pops nothing and peeks Infinity', () => {
    const q = new EventQueue();
    expect(q.size).toBe(0);
    expect(q.pop()).toBe(false);
    expect(q.peekTime()).toBe(Infinity);
  });

  it('events pop in order of time, exposing time, kind and data', () => {
    const q = new EventQueue();
    q.schedule(5, 1, 50);
    q.schedule(1, 2, -10);
    q.schedule(3, 3, 30);
    q.schedule(2.5, 255, 2147483647);
    expect(q.peekTime()).toBe(1);
    expect(drain(q)).toEqual([
      [1, 2, -10],
      [2.5, 255, 2147483647],
      [3, 3, 30],
      [5, 1, 50],
    ]);
    expect(q.time).toBe(5);
  });

  it('events at the same time pop in insertion order', () => {
    const q = new EventQueue(2);
    for (let i = 0; i < 100; i++) q.schedule(i % 2 === 0 ? 7 : 3, 0, i);
    const order = drain(q).map(([, , data]) => data);
    const odd = Array.from({ length: 50 }, (_, i) => 2 * i + 1);
    const even = Array.from({ length: 50 }, (_, i) => 2 * i);
    expect(order).toEqual([...odd, ...even]);
  });

  it('the clock is the time of the last popped event', () => {
    const q = new EventQueue();
    q.schedule(4, 0, 0);
    expect(q.time).toBe(0);
    q.pop();
    expect(q.time).toBe(4);
    q.schedule(q.time, 1, 1); // now is allowed
    q.pop();
    expect(q.time).toBe(4);
  });

  it('a cancelled event never pops, and cancel succeeds only once', () => {
    const q = new EventQueue();
    q.schedule(1, 0, 1);
    const h = q.scheduleCancellable(2, 0, 2);
    q.schedule(3, 0, 3);
    expect(q.size).toBe(3);
    expect(q.cancel(h)).toBe(true);
    expect(q.size).toBe(2);
    expect(q.cancel(h)).toBe(false);
    expect(q.size).toBe(2);
    expect(drain(q).map(([, , d]) => d)).toEqual([1, 3]);
  });

  it('cancelling an event that already fired returns false', () => {
    const q = new EventQueue();
    const h = q.scheduleCancellable(1, 0, 1);
    q.schedule(2, 0, 2);
    expect(q.pop()).toBe(true);
    expect(q.cancel(h)).toBe(false);
    expect(q.size).toBe(1);
  });

  it('a stale handle cannot cancel a new event that reused its slot', () => {
    const q = new EventQueue(1); // one slot: every event reuses it
    const old = q.scheduleCancellable(1, 0, 1);
    expect(q.pop()).toBe(true);
    const fresh = q.scheduleCancellable(2, 0, 2);
    expect(fresh).not.toBe(old);
    expect(q.cancel(old)).toBe(false);
    expect(q.size).toBe(1);
    expect(q.pop()).toBe(true);
    expect(q.data).toBe(2);

    // Same after a cancellation: the cancelled entry's slot is recycled once discarded.
    const c = q.scheduleCancellable(3, 0, 3);
    expect(q.cancel(c)).toBe(true);
    expect(q.pop()).toBe(false);
    const next = q.scheduleCancellable(4, 0, 4);
    expect(q.cancel(c)).toBe(false);
    expect(q.cancel(next)).toBe(true);
  });

  it('cancel ignores values that are not handles', () => {
    const q = new EventQueue(4);
    q.schedule(1, 0, 1);
    for (const h of [-1, 0.5, NaN, Infinity, 2 ** 53, 3, 2 ** 40 + 2]) expect(q.cancel(h)).toBe(false);
    expect(q.size).toBe(1);
  });

  it('peekTime skips cancelled events', () => {
    const q = new EventQueue();
    const a = q.scheduleCancellable(1, 0, 1);
    q.schedule(2, 0, 2);
    q.cancel(a);
    expect(q.peekTime()).toBe(2);
    q.pop();
    expect(q.peekTime()).toBe(Infinity);
  });

  it('grows beyond its initial capacity and keeps order', () => {
    const q = new EventQueue(1);
    const times: number[] = [];
    let x = 12345;
    for (let i = 0; i < 10_000; i++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      const t = x % 1000;
      times.push(t);
      q.schedule(t, i % 256, i);
    }
    expect(q.size).toBe(10_000);
    expect(q.capacity).toBeGreaterThanOrEqual(10_000);
    const popped = drain(q);
    expect(popped.map(([t]) => t)).toEqual([...times].sort((a, b) => a - b));
    // Within one time, insertion order (data is the insertion index).
    for (let i = 1; i < popped.length; i++) {
      if (popped[i][0] === popped[i - 1][0]) expect(popped[i][2]).toBeGreaterThan(popped[i - 1][2]);
    }
  });

  it('cancelled events that never reach the top do not make the queue grow', () => {
    const q = new EventQueue(16);
    for (let i = 0; i < 8; i++) q.schedule(1 + i, 0, i);
    // A timer far in the future scheduled and cancelled over and over, as a
    // patience timer cancelled when service starts.
    for (let i = 0; i < 100_000; i++) q.cancel(q.scheduleCancellable(1e9 + i, 1, i));
    expect(q.size).toBe(8);
    expect(q.capacity).toBe(32); // 16 entries in each heap, as built
    expect(drain(q).map(([, , d]) => d)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('rejects events before the clock and malformed kind or data', () => {
    const q = new EventQueue();
    q.schedule(10, 0, 0);
    q.pop();
    expect(() => q.schedule(9.999, 0, 0)).toThrow(RangeError);
    expect(() => q.schedule(NaN, 0, 0)).toThrow(RangeError);
    expect(() => q.schedule(11, 256, 0)).toThrow(RangeError);
    expect(() => q.schedule(11, -1, 0)).toThrow(RangeError);
    expect(() => q.schedule(11, 1.5, 0)).toThrow(RangeError);
    expect(() => q.schedule(11, 0, 2 ** 31)).toThrow(RangeError);
    expect(() => q.schedule(11, 0, 0.5)).toThrow(RangeError);
    expect(q.size).toBe(0);
  });

  it('clear empties the queue, resets the clock and invalidates earlier handles', () => {
    const q = new EventQueue(2);
    const h = q.scheduleCancellable(5, 0, 1);
    q.schedule(6, 0, 2);
    q.pop();
    q.clear();
    expect(q.size).toBe(0);
    expect(q.time).toBe(0);
    expect(q.pop()).toBe(false);
    q.schedule(1, 0, 3);
    q.schedule(2, 0, 4);
    expect(q.cancel(h)).toBe(false);
    expect(drain(q).map(([, , d]) => d)).toEqual([3, 4]);
  });

  // farAfter: with Infinity the calendar is off; 1 and 3 put most plain
  // events in it across many buckets; 0.1 also sends many past the ring's
  // 64 buckets, to the heap.
  it.each([Infinity, 1, 3, 0.1])('agrees with a sorted-array reference on random schedule/cancel/pop sequences (farAfter %s)', (farAfter) => {
    type Op =
      | { op: 'schedule'; dt: number; kind: number; data: number; cancellable: boolean }
      | { op: 'cancel'; which: number }
      | { op: 'reschedule'; which: number; dt: number }
      | { op: 'pop' }
      | { op: 'popBefore'; dl: number }
      | { op: 'peek' }
      | { op: 'clear' };
    const opArb: fc.Arbitrary<Op> = fc.oneof(
      {
        weight: 6,
        arbitrary: fc.record({
          op: fc.constant('schedule' as const),
          // Small integers make many ties; doubles cover the general case.
          dt: fc.oneof(fc.integer({ min: 0, max: 4 }), fc.double({ min: 0, max: 10, noNaN: true })),
          kind: fc.integer({ min: 0, max: 255 }),
          data: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
          cancellable: fc.boolean(),
        }),
      },
      { weight: 3, arbitrary: fc.record({ op: fc.constant('cancel' as const), which: fc.nat() }) },
      {
        weight: 3,
        arbitrary: fc.record({
          op: fc.constant('reschedule' as const),
          which: fc.nat(),
          dt: fc.oneof(fc.integer({ min: 0, max: 4 }), fc.double({ min: 0, max: 10, noNaN: true })),
        }),
      },
      { weight: 4, arbitrary: fc.constant({ op: 'pop' as const }) },
      {
        weight: 2,
        arbitrary: fc.record({ op: fc.constant('popBefore' as const), dl: fc.oneof(fc.integer({ min: 0, max: 4 }), fc.double({ min: 0, max: 6, noNaN: true })) }),
      },
      { weight: 1, arbitrary: fc.constant({ op: 'peek' as const }) },
      { weight: 1, arbitrary: fc.constant({ op: 'clear' as const }) },
    );

    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.array(opArb, { maxLength: 300, size: 'medium' }), (capacity, ops) => {
        const q = new EventQueue(capacity, farAfter);
        // Reference: live events in an array, sorted by (time, seq) at each pop.
        let ref: { time: number; seq: number; kind: number; data: number }[] = [];
        let refTime = 0;
        let seq = 0;
        const handles: { real: number; seq: number }[] = [];

        for (const o of ops) {
          if (o.op === 'schedule') {
            const time = refTime + o.dt;
            ref.push({ time, seq, kind: o.kind, data: o.data });
            // Both heaps share one insertion order; only cancellable events have handles.
            if (o.cancellable) handles.push({ real: q.scheduleCancellable(time, o.kind, o.data), seq });
            else q.schedule(time, o.kind, o.data);
            seq++;
          } else if (o.op === 'cancel') {
            if (handles.length === 0) continue;
            const h = handles[o.which % handles.length];
            const i = ref.findIndex((e) => e.seq === h.seq);
            if (i >= 0) ref.splice(i, 1);
            expect(q.cancel(h.real)).toBe(i >= 0);
          } else if (o.op === 'reschedule') {
            // As a cancel and a new cancellable event with the same kind and data, next in insertion order.
            if (handles.length === 0) continue;
            const h = handles[o.which % handles.length];
            const i = ref.findIndex((e) => e.seq === h.seq);
            const moved = q.reschedule(h.real, refTime + o.dt);
            if (i < 0) expect(moved).toBe(-1);
            else {
              const [e] = ref.splice(i, 1);
              ref.push({ time: refTime + o.dt, seq, kind: e.kind, data: e.data });
              expect(moved).toBeGreaterThanOrEqual(0);
              expect(q.cancel(h.real)).toBe(false);
              h.real = moved;
              h.seq = seq++;
            }
          } else if (o.op === 'pop') {
            ref.sort((a, b) => a.time - b.time || a.seq - b.seq);
            const e = ref.shift();
            expect(q.pop()).toBe(e !== undefined);
            if (e) {
              refTime = e.time;
              expect([q.time, q.kind, q.data]).toEqual([e.time, e.kind, e.data]);
            }
          } else if (o.op === 'popBefore') {
            // Only an event due strictly before the limit pops; the clock stays otherwise.
            ref.sort((a, b) => a.time - b.time || a.seq - b.seq);
            const due = ref.length > 0 && ref[0].time < refTime + o.dl;
            expect(q.popBefore(refTime + o.dl)).toBe(due);
            if (due) {
              const e = ref.shift()!;
              refTime = e.time;
              expect([q.time, q.kind, q.data]).toEqual([e.time, e.kind, e.data]);
            }
          } else if (o.op === 'peek') {
            const min = ref.reduce((m, e) => Math.min(m, e.time), Infinity);
            expect(q.peekTime()).toBe(min);
          } else {
            q.clear();
            ref = [];
            refTime = 0;
          }
          expect(q.size).toBe(ref.length);
          expect(q.time).toBe(refTime);
        }
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});

describe('the calendar of far events (farAfter)', () => {
  it('keeps the order of time and insertion, counts no marker, and peeks through it', () => {
    // Width 10: 5 is near (heap); 25 and 31 are in buckets 2 and 3, the
    // second 25 after the first; 1000 is past the ring's 64 buckets (heap);
    // a 20 goes in bucket 2 too, where the marker sits at time 20.
    const q = new EventQueue(4, 10);
    q.schedule(25, 1, 1);
    q.schedule(5, 2, 2);
    q.schedule(31, 3, 3);
    q.schedule(25, 4, 4);
    q.schedule(1000, 5, 5);
    q.schedule(20, 6, 6);
    expect(q.size).toBe(6);
    expect(q.peekTime()).toBe(5);
    expect(q.pop()).toBe(true);
    expect([q.time, q.data]).toEqual([5, 2]);
    expect(q.peekTime()).toBe(20);
    expect(drain(q).map(([time, , data]) => [time, data])).toEqual([
      [20, 6],
      [25, 1],
      [25, 4],
      [31, 3],
      [1000, 5],
    ]);
    expect(q.size).toBe(0);
  });

  it('an event handed over at the start of its bucket pops before a later-scheduled one at the same time', () => {
    // Width 10. At clock 0, 15 and 20 go to buckets 1 and 2 (marker at 10).
    // At clock 15 (bucket 1 handed over, marker at 20) a second 20 is 5
    // ahead: into the heap. The marker pops first at 20 and hands the first
    // 20 over, which then pops first, as scheduled first.
    const q = new EventQueue(4, 10);
    q.schedule(20, 1, 1);
    q.schedule(15, 0, 0);
    expect(q.pop()).toBe(true);
    expect([q.time, q.data]).toEqual([15, 0]);
    q.schedule(20, 2, 2);
    expect(drain(q).map(([, , data]) => data)).toEqual([1, 2]);
  });

  it('popBefore stops at the limit with the marker next, and clear() forgets the calendar', () => {
    const q = new EventQueue(4, 10);
    q.schedule(50, 0, 1);
    expect(q.popBefore(50)).toBe(false);
    expect(q.size).toBe(1);
    expect(q.popBefore(51)).toBe(true);
    expect([q.time, q.data]).toEqual([50, 1]);
    q.schedule(90, 0, 2);
    q.clear();
    expect(q.size).toBe(0);
    expect(q.pop()).toBe(false);
    q.schedule(30, 0, 3);
    expect(drain(q)).toEqual([[30, 0, 3]]);
  });

  it('refuses a width that is not positive', () => {
    for (const w of [0, -1, NaN]) expect(() => new EventQueue(4, w)).toThrow(/farAfter must be positive/);
  });
});

describe('reschedule', () => {
  it('moves a timer later or earlier, and it pops at its new time', () => {
    const q = new EventQueue(4);
    const a = q.scheduleCancellable(2, 1, 10);
    const b = q.scheduleCancellable(5, 2, 20);
    q.schedule(3, 3, 30);
    expect(q.reschedule(a, 6)).toBeGreaterThanOrEqual(0);
    expect(q.reschedule(b, 1)).toBeGreaterThanOrEqual(0);
    expect(drain(q)).toEqual([
      [1, 2, 20],
      [3, 3, 30],
      [6, 1, 10],
    ]);
  });

  it('a timer moved before its parent rises: the heap 5, 6, 7 with 7 moved to 1', () => {
    // Timer heap by position: [5, 6, 7]; the 7 sits at a leaf under the 5.
    const q = new EventQueue(4);
    q.scheduleCancellable(5, 0, 5);
    q.scheduleCancellable(6, 0, 6);
    const seven = q.scheduleCancellable(7, 0, 7);
    q.reschedule(seven, 1);
    expect(drain(q).map(([, , data]) => data)).toEqual([7, 5, 6]);
  });

  it('takes the next place in insertion order, as a cancel and a new event would', () => {
    const q = new EventQueue(4);
    const moving = q.scheduleCancellable(9, 1, 1);
    q.schedule(4, 2, 2); // scheduled before the move: pops first at the same time
    q.scheduleCancellable(4, 3, 3);
    q.reschedule(moving, 4);
    q.schedule(4, 4, 4); // scheduled after the move: pops after it
    expect(drain(q).map(([, , data]) => data)).toEqual([2, 3, 1, 4]);
  });

  it('returns the new handle; the old one stops matching', () => {
    const q = new EventQueue(4);
    const old = q.scheduleCancellable(5, 0, 7);
    const moved = q.reschedule(old, 6);
    expect(moved).not.toBe(old);
    expect(q.cancel(old)).toBe(false);
    expect(q.reschedule(old, 8)).toBe(-1);
    expect(q.size).toBe(1);
    expect(q.cancel(moved)).toBe(true);
    expect(q.size).toBe(0);
  });

  it('does nothing for an event that fired or was cancelled, or a value that is no handle', () => {
    const q = new EventQueue(4);
    const fired = q.scheduleCancellable(1, 0, 1);
    const cancelled = q.scheduleCancellable(2, 0, 2);
    q.cancel(cancelled);
    q.scheduleCancellable(3, 0, 3);
    expect(q.pop()).toBe(true);
    for (const h of [fired, cancelled, -1, 0.5, NaN, Infinity, 2 ** 53]) expect(q.reschedule(h, 10)).toBe(-1);
    expect(drain(q)).toEqual([[3, 0, 3]]);
  });

  it('refuses a time before the clock and leaves the event where it was', () => {
    const q = new EventQueue(4);
    q.schedule(5, 0, 0);
    const h = q.scheduleCancellable(8, 1, 1);
    q.pop();
    expect(() => q.reschedule(h, 4)).toThrow(/before the clock/);
    expect(() => q.reschedule(h, NaN)).toThrow(RangeError);
    expect(drain(q)).toEqual([[8, 1, 1]]);
  });
});

describe('the two heaps', () => {
  it('plain and cancellable events at one time pop in insertion order across both heaps', () => {
    const q = new EventQueue(2);
    // data = insertion index; even indices plain, odd cancellable, all at time 5 but two at 4.
    for (let i = 0; i < 20; i++) {
      const t = i === 7 || i === 12 ? 4 : 5;
      if (i % 2 === 0) q.schedule(t, 1, i);
      else q.scheduleCancellable(t, 2, i);
    }
    const popped = drain(q);
    expect(popped.map(([, , d]) => d)).toEqual([7, 12, 0, 1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 13, 14, 15, 16, 17, 18, 19]);
    // The kind travels with each event (packed with its sequence number in the plain heap).
    for (const [, kind, d] of popped) expect(kind).toBe(d % 2 === 0 ? 1 : 2);
  });

  it('cancelling a timer in the middle of the timer heap keeps the rest in order', () => {
    const q = new EventQueue(1);
    // Times 10, 9, ..., 1 as timers; cancel every third; the survivors pop ascending.
    const handles = Array.from({ length: 10 }, (_, i) => q.scheduleCancellable(10 - i, 0, 10 - i));
    for (let i = 0; i < 10; i += 3) expect(q.cancel(handles[i])).toBe(true);
    expect(q.size).toBe(6);
    expect(drain(q).map(([t]) => t)).toEqual([2, 3, 5, 6, 8, 9]);
  });

  it('the packed kind survives sequence numbers far beyond 2^32', () => {
    const q = new EventQueue(4);
    // 2^32 + a few events are too many to schedule in a test; the sequence
    // counter is private, so it is set directly to check the packing's arithmetic.
    (q as unknown as { nextSeq: number }).nextSeq = 2 ** 44;
    q.schedule(1, 255, -7);
    q.scheduleCancellable(1, 3, 8);
    expect(drain(q)).toEqual([
      [1, 255, -7],
      [1, 3, 8],
    ]);
  });

  it('an event at time Infinity still pops', () => {
    const q = new EventQueue();
    q.scheduleCancellable(Infinity, 4, 1);
    q.schedule(Infinity, 5, 2);
    expect(q.popBefore(Infinity)).toBe(false);
    expect(drain(q)).toEqual([
      [Infinity, 4, 1],
      [Infinity, 5, 2],
    ]);
  });
});

describe('popBefore', () => {
  it('pops only events due strictly before the limit, skipping cancelled ones', () => {
    const q = new EventQueue(4);
    const cancelled = q.scheduleCancellable(1, 0, 10);
    q.schedule(2, 0, 20);
    q.schedule(3, 0, 30);
    q.cancel(cancelled);
    expect(q.popBefore(2)).toBe(false); // the event at 2 is not before 2
    expect(q.popBefore(2.5)).toBe(true);
    expect([q.time, q.data]).toEqual([2, 20]);
    expect(q.size).toBe(1);
    expect(q.popBefore(Infinity)).toBe(true);
    expect(q.data).toBe(30);
    expect(q.popBefore(Infinity)).toBe(false);
  });
});
