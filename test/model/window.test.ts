// overlap(): the length of [a, b) inside the measured window [start, end).

import { describe, expect, it } from 'vitest';
import { overlap } from '../../src/model/window.js';

describe('overlap with the measured window [10, 20)', () => {
  it.each([
    ['inside', 12, 15, 3],
    ['over the start', 5, 15, 5],
    ['over the end', 15, 25, 5],
    ['over both edges', 0, 30, 10],
    ['before', 0, 8, 0],
    ['after', 22, 30, 0],
    ['touching the start', 5, 10, 0],
    ['touching the end', 20, 25, 0],
    ['empty', 12, 12, 0],
    ['reversed', 15, 12, 0],
  ] as const)('%s: [%d, %d) → %d', (_what, a, b, expected) => {
    expect(overlap(a, b, 10, 20)).toBe(expected);
  });
});
