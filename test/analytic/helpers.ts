import { expect } from 'vitest';

/** Asserts that `value` rounds to `published` at the number of decimals shown in `published`. */
export function expectShown(value: number, published: string): void {
  const decimals = published.includes('.') ? published.split('.')[1]!.length : 0;
  expect(value.toFixed(decimals)).toBe(published);
}

/** Seeded uniform (0,1) generator (mulberry32), for Monte Carlo cross-checks. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4294967296;
  };
}
