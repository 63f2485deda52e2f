// EventQueue (src/engine/event-queue.ts) at the edges its main tests leave:
// cancellable events alone (popBefore's limit, a first heap that has
// emptied), events at time Infinity in either order, a cancelled timer's
// place taken by an earlier or a later one (heap traces worked by hand:
// whatever the layout, the events must pop in time order), a slot reused
// many times, the messages of a refused event, and a bad capacity. Only the
// public interface is used: what is pending, what pops, in which order.

import { describe, expect, it } from 'vitest';
import { EventQueue } from '../../src/engine/event-queue.js';

function drain(q: EventQueue): Array<[number, number, number]> {
  const out: Array<[number, number, number]> = [];
  while (q.pop()) out.push([q.time, q.kind, q.data]);
  return out;
}

describe('popBefore with cancellable events only', () => {
  it('pops a timer due before the limit and leaves one due at or after it', () => {
    const q = new EventQueue(4);
    q.scheduleCancellable(5, 1, 50);
    q.scheduleCancellable(8, 1, 80);
    expect(q.popBefore(5)).toBe(false);
    expect(q.size).toBe(2);
    expect(q.popBefore(6)).toBe(true);
    expect([q.time, q.data]).toEqual([5, 50]);
    expect(q.popBefore(7)).toBe(false);
    expect(q.size).toBe(1);
    expect(q.popBefore(9)).toBe(true);
    expect(q.data).toBe(80);
  });

  it('after the plain events are all popped, a timer still pops before the limit', () => {
    const q = new EventQueue(4);
    q.schedule(1, 0, 10);
    q.scheduleCancellable(5, 0, 50);
    expect(q.popBefore(10)).toBe(true);
    expect(q.data).toBe(10);
    expect(q.popBefore(10)).toBe(true);
    expect([q.time, q.data]).toEqual([5, 50]);
    expect(q.size).toBe(0);
  });
});

describe('events at time Infinity', () => {
  it('pop after every finite event, in insertion order, a plain one first', () => {
    const q = new EventQueue(4);
    q.schedule(Infinity, 1, 1);
    q.scheduleCancellable(Infinity, 2, 2);
    q.schedule(3, 3, 3);
    expect(drain(q)).toEqual([
      [3, 3, 3],
      [Infinity, 1, 1],
      [Infinity, 2, 2],
    ]);
  });

  it('a plain one alone, and a timer alone after the plain heap emptied', () => {
    const q = new EventQueue(4);
    q.schedule(Infinity, 7, 70);
    expect(drain(q)).toEqual([[Infinity, 7, 70]]);
    const r = new EventQueue(4);
    r.schedule(1, 0, 10);
    expect(r.pop()).toBe(true);
    r.scheduleCancellable(Infinity, 8, 80);
    expect(drain(r)).toEqual([[Infinity, 8, 80]]);
  });
});

describe("a cancelled timer's place in the timer heap", () => {
  // Scheduled in this order, the timers sit in the heap (by hand, each sifted up from the next leaf)
  // as [1, 10, 2, 11, 12, 30, 4]: 4 is a leaf under 2, and 11 a leaf under 10.
  it('taken by the last timer when it is earlier than the place\'s parent: it moves up', () => {
    const q = new EventQueue(1);
    const handles = [1, 10, 2, 11, 12, 30, 4].map((t) => q.scheduleCancellable(t, 0, t));
    // Cancelling 11 puts 4 (the last) in its place under 10: 4 must move above 10.
    expect(q.cancel(handles[3])).toBe(true);
    expect(drain(q).map(([t]) => t)).toEqual([1, 2, 4, 10, 12, 30]);
  });

  // [1, 2, 10, 3, 4, 11, 12]: 12, the last, is a leaf under 10.
  it('taken by the last timer when it is later than the place\'s children: it moves down', () => {
    const q = new EventQueue(1);
    const handles = [1, 2, 10, 3, 4, 11, 12].map((t) => q.scheduleCancellable(t, 0, t));
    // Cancelling 2 puts 12 in its place above 3 and 4: 12 must move below them.
    expect(q.cancel(handles[1])).toBe(true);
    expect(drain(q).map(([t]) => t)).toEqual([1, 3, 4, 10, 11, 12]);
  });
});

describe('handles', () => {
  it('a handle matches its own event only, however many times its slot is reused', () => {
    const q = new EventQueue(1); // one slot: every timer below reuses it
    const old: number[] = [];
    for (let i = 0; i < 6; i++) {
      old.push(q.scheduleCancellable(i, 0, i));
      for (const h of old.slice(0, -1)) expect(q.cancel(h)).toBe(false);
      expect(q.pop()).toBe(true);
      expect(q.data).toBe(i);
    }
    const live = q.scheduleCancellable(10, 0, 10);
    for (const h of old) expect(q.cancel(h)).toBe(false);
    expect(q.size).toBe(1);
    expect(q.cancel(live)).toBe(true);
    expect(q.size).toBe(0);
  });
});

describe('refusals', () => {
  it('says what is wrong with a refused event', () => {
    const q = new EventQueue();
    q.schedule(10, 0, 0);
    q.pop();
    expect(() => q.schedule(9, 0, 0)).toThrow('EventQueue: event time 9 is before the clock 10');
    // At the clock's own time the time is fine: the message names the kind or the data.
    expect(() => q.schedule(10, 256, 0)).toThrow('EventQueue: kind must be an integer in [0, 255], got 256');
    expect(() => q.scheduleCancellable(10, 0, 0.5)).toThrow('EventQueue: data must be an int32, got 0.5');
    expect(q.size).toBe(0);
  });

  it('refuses a capacity that is not a positive integer', () => {
    for (const bad of [0, -4, 1.5, Number.NaN]) {
      expect(() => new EventQueue(bad)).toThrow(`EventQueue: initial capacity must be a positive integer, got ${bad}`);
    }
    expect(new EventQueue(1).capacity).toBe(2);
  });
});
