// IdFifo: first in, first out, with the tag of each entry, across the ring's
// wrap-around and its growth.

import { describe, expect, it } from 'vitest';
import { IdFifo } from '../../src/engine/id-fifo.js';

describe('IdFifo', () => {
  it('gives ids back in the order pushed, each with its tag; -1 when empty', () => {
    const line = new IdFifo(4);
    expect(line.shift()).toBe(-1);
    line.push(7, 70);
    line.push(3, 30);
    expect(line.length).toBe(2);
    expect(line.shift()).toBe(7);
    expect(line.frontTag).toBe(70);
    expect(line.shift()).toBe(3);
    expect(line.frontTag).toBe(30);
    expect(line.length).toBe(0);
    expect(line.shift()).toBe(-1);
  });

  it('keeps the order when it wraps around the ring and when it grows while wrapped', () => {
    const line = new IdFifo(4);
    const expected: number[] = [];
    // Push and shift so the head walks round the ring, then fill past capacity.
    for (let i = 0; i < 3; i++) line.push(i, i + 100);
    expect(line.shift()).toBe(0);
    expect(line.shift()).toBe(1);
    for (let i = 3; i < 20; i++) line.push(i, i + 100); // wraps, then grows twice with head > 0
    for (let i = 2; i < 20; i++) expected.push(i);
    const got: number[] = [];
    const tags: number[] = [];
    while (line.length > 0) {
      got.push(line.shift());
      tags.push(line.frontTag);
    }
    expect(got).toEqual(expected);
    expect(tags).toEqual(expected.map((i) => i + 100));
  });

  it('clear empties it, and it works on afterwards', () => {
    const line = new IdFifo();
    line.push(1, 1);
    line.push(2, 2);
    line.clear();
    expect(line.length).toBe(0);
    expect(line.shift()).toBe(-1);
    line.push(5, 9);
    expect(line.shift()).toBe(5);
  });

  it('a capacity below 4 still works', () => {
    const line = new IdFifo(0);
    for (let i = 0; i < 10; i++) line.push(i, 0);
    expect(Array.from({ length: 10 }, () => line.shift())).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('the front wraps to the ring\'s start when emptied exactly at its end', () => {
    const q = new IdFifo(4);
    for (let id = 0; id < 4; id++) q.push(id, 10 + id);
    for (let id = 0; id < 4; id++) expect(q.shift()).toBe(id);
    q.push(7, 17); // at slot 0: the front must be there too
    expect(q.shift()).toBe(7);
    expect(q.frontTag).toBe(17);
    expect(q.shift()).toBe(-1);
  });
});
