// RandomStream and cumulativeWeights (src/engine/random.ts): each refusal
// names what is wrong, at the edge of its check.

import { describe, expect, it } from 'vitest';
import { RandomStream, cumulativeWeights } from '../../src/engine/random.js';

describe('refusals of the random streams', () => {
  it('a stream needs a finite seed and replication', () => {
    expect(() => new RandomStream(Number.NaN, 0, 'x')).toThrow('RandomStream: seed and replication must be finite numbers, got NaN and 0');
    expect(() => new RandomStream(1, Infinity, 'x')).toThrow('RandomStream: seed and replication must be finite numbers, got 1 and Infinity');
  });

  it('cumulativeWeights needs weights, each finite and >= 0, with a positive sum', () => {
    expect(() => cumulativeWeights([])).toThrow('cumulativeWeights: no weights');
    expect(() => cumulativeWeights([1, -1])).toThrow('cumulativeWeights: weights must be finite and >= 0, got -1');
    expect(() => cumulativeWeights([1, Infinity])).toThrow('cumulativeWeights: weights must be finite and >= 0, got Infinity');
    expect(() => cumulativeWeights([0, 0])).toThrow('cumulativeWeights: weights must have a positive, finite sum');
    expect(Array.from(cumulativeWeights([1, 0, 3]))).toEqual([0.25, 0.25, 1]);
  });
});
