import { describe, expect, it } from 'vitest';
import { TimeAverage } from '../../src/model/time-average.js';

describe('TimeAverage', () => {
  it('integrates a step level over the window only', () => {
    // Window [10, 30): level 2 on [0, 15), 5 on [15, 25), 1 on [25, 40).
    const a = new TimeAverage(10, 30);
    a.set(0, 2);
    a.set(15, 5);
    a.set(25, 1);
    // (2*5 + 5*10 + 1*5) / 20
    expect(a.close(40)).toBeCloseTo(65 / 20, 15);
  });

  it('is 0 for a level that never rises, and for an empty window', () => {
    const a = new TimeAverage(0, 100);
    a.set(10, 0);
    expect(a.close(100)).toBe(0);
    const empty = new TimeAverage(5, 5);
    empty.set(0, 3);
    expect(empty.close(10)).toBe(0);
  });
});
