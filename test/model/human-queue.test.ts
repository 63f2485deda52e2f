// The human queue's lines (src/model/human-queue.ts): each line first in,
// first out; a contact that leaves out of turn (abandons, or is taken by an
// overflow group) is skipped and no longer counted; a head looked at stays
// the head until it is taken or leaves. Expected orders and counts are
// worked by hand from the pushes.

import { describe, expect, it } from 'vitest';
import { HumanQueue } from '../../src/model/human-queue.js';

function queueOf(lines: number, episodes = 16): HumanQueue {
  const q = new HumanQueue(lines);
  q.grow(episodes);
  return q;
}

/** Takes everything left in `line`, in order. */
function drain(q: HumanQueue, line: number): number[] {
  const out: number[] = [];
  for (let e = q.take(line); e >= 0; e = q.take(line)) out.push(e);
  return out;
}

describe('HumanQueue', () => {
  it('each line gives its contacts back in the order they joined, and counts them per line and in all', () => {
    const q = queueOf(2);
    q.push(0, 5, 1);
    q.push(1, 2, 2);
    q.push(0, 3, 3);
    q.push(1, 7, 4);
    q.push(0, 1, 5);
    expect(q.waiting).toBe(5);
    expect([...q.lineWaiting]).toEqual([3, 2]);
    expect(q.take(1)).toBe(2);
    expect(q.waiting).toBe(4);
    expect([...q.lineWaiting]).toEqual([3, 1]);
    expect(drain(q, 0)).toEqual([5, 3, 1]);
    expect(drain(q, 1)).toEqual([7]);
    expect(q.waiting).toBe(0);
    expect([...q.lineWaiting]).toEqual([0, 0]);
    expect(q.take(0)).toBe(-1);
    expect(q.peek(1)).toBe(-1);
  });

  it('remembers when each contact joined', () => {
    const q = queueOf(1);
    q.push(0, 4, 12.5);
    q.push(0, 9, 20);
    expect(q.joinedAt(4)).toBe(12.5);
    expect(q.joinedAt(9)).toBe(20);
  });

  it('peek shows the head without taking it; take then moves to the next', () => {
    const q = queueOf(1);
    q.push(0, 8, 0);
    q.push(0, 6, 1);
    expect(q.peek(0)).toBe(8);
    expect(q.peek(0)).toBe(8);
    expect(q.waiting).toBe(2);
    expect(q.lineWaiting[0]).toBe(2);
    expect(q.take(0)).toBe(8);
    expect(q.peek(0)).toBe(6);
    expect(q.take(0)).toBe(6);
    expect(q.peek(0)).toBe(-1);
  });

  it('a contact that leaves out of turn is skipped and no longer counted', () => {
    const q = queueOf(2);
    q.push(0, 1, 0);
    q.push(0, 2, 1);
    q.push(0, 3, 2);
    q.push(1, 4, 3);
    q.remove(2);
    expect(q.waiting).toBe(3);
    expect([...q.lineWaiting]).toEqual([2, 1]);
    q.remove(1); // the head leaves
    expect([...q.lineWaiting]).toEqual([1, 1]);
    expect(q.peek(0)).toBe(3);
    expect(drain(q, 0)).toEqual([3]);
    expect(q.waiting).toBe(1);
    expect(drain(q, 1)).toEqual([4]);
  });

  it('a head already looked at that leaves is no longer the head', () => {
    const q = queueOf(1);
    q.push(0, 1, 0);
    q.push(0, 2, 1);
    expect(q.peek(0)).toBe(1);
    q.remove(1);
    expect(q.peek(0)).toBe(2);
    expect(q.waiting).toBe(1);
    expect(drain(q, 0)).toEqual([2]);
  });

  it('a contact that left and came back waits behind those who joined meanwhile, once', () => {
    const q = queueOf(1);
    q.push(0, 1, 0);
    q.push(0, 2, 1);
    expect(q.peek(0)).toBe(1); // 1 is looked at, then abandons and retries
    q.remove(1);
    q.push(0, 1, 5);
    q.push(0, 3, 6);
    expect(q.waiting).toBe(3);
    expect(q.joinedAt(1)).toBe(5);
    expect(drain(q, 0)).toEqual([2, 1, 3]);
    expect(q.waiting).toBe(0);
  });

  it('a contact answered and back later joins again at the back (its old entry is gone)', () => {
    const q = queueOf(2);
    q.push(0, 1, 0);
    q.push(0, 2, 0);
    expect(q.take(0)).toBe(1);
    q.push(1, 1, 3); // its next contact, in the other line
    q.push(0, 3, 4);
    expect(drain(q, 0)).toEqual([2, 3]);
    expect(drain(q, 1)).toEqual([1]);
  });

  it('keeps every waiting contact, its line and join time when the episode table grows', () => {
    const q = queueOf(2, 4);
    q.push(0, 3, 1);
    q.push(1, 2, 2);
    q.push(0, 0, 3);
    q.remove(0);
    q.grow(64);
    q.push(0, 40, 9);
    expect(q.joinedAt(3)).toBe(1);
    expect(q.joinedAt(2)).toBe(2);
    q.remove(2); // its line is remembered across the growth: line 1 empties
    expect([...q.lineWaiting]).toEqual([2, 0]);
    expect(drain(q, 0)).toEqual([3, 40]);
    expect(q.take(1)).toBe(-1);
    expect(q.waiting).toBe(0);
  });
});
