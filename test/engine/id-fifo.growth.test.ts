// IdFifo (src/engine/id-fifo.ts) grown many times over: from its smallest
// capacity (4) to 1,000 entries, pushed and shifted in step so the ring
// wraps at every size, each id coming back once, in order, with its tag.

import { describe, expect, it } from 'vitest';
import { IdFifo } from '../../src/engine/id-fifo.js';

describe('IdFifo grown from 4 to 1,000 entries', () => {
  it('gives every id back once, in order, with its tag', () => {
    const line = new IdFifo(4);
    let next = 0;
    let expected = 0;
    // Push three, shift one, until a thousand are in: the ring is wrapped whenever it grows.
    while (line.length < 1000) {
      for (let k = 0; k < 3; k++, next++) line.push(next, next + 5000);
      expect(line.shift()).toBe(expected);
      expect(line.frontTag).toBe(expected + 5000);
      expected++;
    }
    while (line.length > 0) {
      expect(line.shift()).toBe(expected);
      expect(line.frontTag).toBe(expected + 5000);
      expected++;
    }
    expect(expected).toBe(next);
    expect(line.shift()).toBe(-1);
  });
});
