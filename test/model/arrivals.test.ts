import { describe, expect, it } from 'vitest';
import { RandomStream } from '../../src/engine/random.js';
import { ArrivalProcess } from '../../src/model/arrivals.js';
import type { Demand } from '../../src/scenario/types.js';

const flat = (n: number) => new Array(n).fill(1);

function countByHour(demand: Demand, days: number): number[] {
  const process = new ArrivalProcess(demand);
  const rng = new RandomStream(3, 0, 'arrivals');
  const counts = new Array(24 * days).fill(0);
  const limit = days * 1440;
  for (let t = process.next(0, rng.exponential(1), limit); t < limit; t = process.next(t, rng.exponential(1), limit)) {
    counts[Math.floor(t / 60)]++;
  }
  return counts;
}

/** Poisson counts: the total of n hours with mean m lies within 4 standard deviations (sqrt m). */
function expectPoisson(observed: number, expected: number) {
  expect(Math.abs(observed - expected)).toBeLessThan(4 * Math.sqrt(expected));
}

describe('arrivals', () => {
  it('a flat profile delivers the daily volume', () => {
    const counts = countByHour({ contacts_per_day: 2400, intraday: flat(24), weekly: flat(7), surges: [] }, 10);
    expectPoisson(counts.reduce((a, b) => a + b, 0), 24_000);
  });

  it('the hourly profile shapes arrivals hour by hour', () => {
    const intraday = Array.from({ length: 24 }, (_, h) => (h < 12 ? 0.5 : 1.5));
    const counts = countByHour({ contacts_per_day: 2400, intraday, weekly: flat(7), surges: [] }, 14);
    const morning = counts.filter((_, i) => i % 24 < 12).reduce((a, b) => a + b, 0);
    const afternoon = counts.filter((_, i) => i % 24 >= 12).reduce((a, b) => a + b, 0);
    expectPoisson(morning, 14 * 12 * 50);
    expectPoisson(afternoon, 14 * 12 * 150);
  });

  it('a closed hour gets no arrivals and the weekly profile scales days', () => {
    const intraday = flat(24).map((v, h) => (h === 3 ? 0 : v));
    const weekly = [2, 1, 1, 1, 1, 1, 0];
    const counts = countByHour({ contacts_per_day: 1000, intraday, weekly, surges: [] }, 7);
    expect(counts.filter((_, i) => i % 24 === 3).every((c) => c === 0)).toBe(true);
    const perDay = Array.from({ length: 7 }, (_, d) => counts.slice(d * 24, d * 24 + 24).reduce((a, b) => a + b, 0));
    expect(perDay[6]).toBe(0);
    // Day 0 has twice the weight of the others; rate per open hour is 1000/24 * 24/23 * weight.
    expectPoisson(perDay[0], 2000);
    expectPoisson(perDay[1], 1000);
  });

  it('a surge multiplies the rate only while it lasts', () => {
    const counts = countByHour(
      { contacts_per_day: 1440, intraday: flat(24), weekly: flat(7), surges: [{ at: 600, duration: 120, multiplier: 10 }] },
      1,
    );
    expectPoisson(counts[10] + counts[11], 1200);
    expectPoisson(counts.reduce((a, b) => a + b, 0) - counts[10] - counts[11], 1320);
  });
});
