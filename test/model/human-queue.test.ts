// The human queue's lines on hand-worked sequences (src/model/human-queue.ts):
// each line first in, first out; a contact that leaves out of turn (abandons,
// or an overflow group takes it) is never handed out, and counts no more; an
// episode that joins again (a retry) is handed out once, with its new time.

import { describe, expect, it } from 'vitest';
import { HumanQueue } from '../../src/model/human-queue.js';

const EMPTY = -1;

function queue(lines: number, episodes = 16): HumanQueue {
  const q = new HumanQueue(lines);
  q.grow(episodes);
  return q;
}

describe('HumanQueue', () => {
  it('keeps each line first in, first out, with the counts per line and in all', () => {
    // Line 0: episodes 3 (t = 1) and 5 (t = 3); line 1: episode 4 (t = 2).
    const q = queue(2);
    q.push(0, 3, 1);
    q.push(1, 4, 2);
    q.push(0, 5, 3);
    expect([q.waiting, ...q.lineWaiting]).toEqual([3, 2, 1]);
    expect([q.joinedAt(3), q.joinedAt(4), q.joinedAt(5)]).toEqual([1, 2, 3]);
    // Looking at a head leaves it in place.
    expect(q.peek(0)).toBe(3);
    expect(q.peek(0)).toBe(3);
    expect(q.waiting).toBe(3);
    expect(q.take(0)).toBe(3);
    expect([q.waiting, ...q.lineWaiting]).toEqual([2, 1, 1]);
    expect(q.take(0)).toBe(5);
    expect(q.take(0)).toBe(EMPTY);
    expect(q.peek(1)).toBe(4);
    expect(q.take(1)).toBe(4);
    expect([q.waiting, ...q.lineWaiting]).toEqual([0, 0, 0]);
  });

  it('skips a contact that left out of turn, behind the head or at it', () => {
    // Line 0: 1, 2, 3. Episode 2 abandons while 1 is the head; then 1, peeked, abandons too.
    const q = queue(1);
    q.push(0, 1, 0);
    q.push(0, 2, 1);
    q.push(0, 3, 2);
    expect(q.peek(0)).toBe(1);
    q.remove(2);
    expect([q.waiting, q.lineWaiting[0]]).toEqual([2, 2]);
    q.remove(1);
    expect([q.waiting, q.lineWaiting[0]]).toEqual([1, 1]);
    // Both stale entries are passed over: 3 is next, and last.
    expect(q.peek(0)).toBe(3);
    expect(q.take(0)).toBe(3);
    expect(q.peek(0)).toBe(EMPTY);
    expect(q.waiting).toBe(0);
  });

  it('hands out an episode that left and joined again once, at its new place and time', () => {
    // Episode 7 joins at t = 10, abandons, and retries at t = 20, behind episode 8 (t = 15).
    const q = queue(1);
    q.push(0, 7, 10);
    q.push(0, 8, 15);
    q.remove(7);
    q.push(0, 7, 20);
    expect(q.joinedAt(7)).toBe(20);
    expect([q.waiting, q.lineWaiting[0]]).toEqual([2, 2]);
    expect(q.take(0)).toBe(8);
    expect(q.take(0)).toBe(7);
    expect(q.take(0)).toBe(EMPTY);
    expect(q.waiting).toBe(0);
  });

  it('lets an episode taken from one line wait in another later', () => {
    // A hand-off: episode 2 is answered from line 0, then waits again in line 1.
    const q = queue(2);
    q.push(0, 2, 1);
    expect(q.take(0)).toBe(2);
    q.push(1, 2, 5);
    expect(q.peek(0)).toBe(EMPTY);
    expect(q.take(1)).toBe(2);
    expect(q.joinedAt(2)).toBe(5);
  });

  it('keeps what waits when the episode table grows', () => {
    const q = queue(1, 2);
    q.push(0, 0, 1);
    q.push(0, 1, 2);
    q.grow(64);
    q.push(0, 40, 3);
    expect(q.joinedAt(0)).toBe(1);
    expect([q.take(0), q.take(0), q.take(0), q.take(0)]).toEqual([0, 1, 40, EMPTY]);
  });
});
