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

// next() inverts the cumulative rate: the arrival after t for a unit-exponential
// draw e is the first time at which the rate's integral from t reaches e. With
// the draw given rather than random, the answer is exact, integrated by hand
// over the segments (hours and surge edges) the rate is constant on.
describe('ArrivalProcess.next: the integral of the rate inverted exactly', () => {
  const base = { contacts_per_day: 1440, intraday: flat(24), weekly: flat(7), surges: [] }; // 1 a minute

  it('a flat rate: t + e / rate', () => {
    const p = new ArrivalProcess({ ...base, intraday: new Array(24).fill(2) });
    expect(p.next(10, 4, 1e9)).toBe(12);
    expect(new ArrivalProcess({ ...base, contacts_per_day: 0 }).next(10, 4, 1e9)).toBe(Infinity);
  });

  it('across hours: the draw spent hour by hour, the rest in the hour it ends in', () => {
    // Hour 0 at 0.5 a minute (30 in the hour), hour 1 at 2 (120), the rest at 1.
    const intraday = flat(24).map((v, h) => (h === 0 ? 0.5 : h === 1 ? 2 : v));
    const p = new ArrivalProcess({ ...base, intraday });
    expect(p.rate(59.5)).toBe(0.5);
    expect(p.rate(60)).toBe(2);
    expect(p.next(0, 10, 1e9)).toBe(20); // 10 / 0.5
    expect(p.next(20, 40, 1e9)).toBe(70); // 40 minutes left in hour 0 take 20, then 20 / 2
    expect(p.next(30, 200, 1e9)).toBe(185); // 15, then 120, then 60 in hour 2, 5 into hour 3
    // Back to an earlier time than the last call: the segment is looked up again.
    expect(p.next(0, 40, 1e9)).toBe(65);
    expect(p.next(50, 5, 1e9)).toBe(60); // the draw ends exactly at the hour
  });

  it('nothing before the limit is Infinity', () => {
    const intraday = flat(24).map((v, h) => (h === 0 ? 0.5 : h === 1 ? 2 : v));
    const p = new ArrivalProcess({ ...base, intraday });
    expect(p.next(30, 200, 100)).toBe(Infinity); // would be 185
    const closed = new ArrivalProcess({ ...base, intraday: flat(24).map((v, h) => (h < 2 ? 0 : v)) });
    expect(closed.next(0, 0.5, 120)).toBe(Infinity);
    expect(closed.next(0, 0.5, 1e9)).toBe(120.5);
  });

  it('days: the weekly factor from minute 1440 on, and the week repeats', () => {
    const p = new ArrivalProcess({ ...base, weekly: [1, 3, 1, 1, 1, 1, 1] });
    expect(p.rate(1439)).toBe(1);
    expect(p.rate(1440)).toBe(3);
    expect(p.rate(7 * 1440 + 1440 + 30)).toBe(3);
    expect(p.rate(7 * 1440 + 30)).toBe(1);
    expect(p.next(1430, 25, 1e9)).toBe(1445); // 10 at 1, then 15 at 3
  });

  it('overlapping surges multiply while both last, each edge ends a segment', () => {
    // ×3 over [90, 110) and ×2 over [100, 130): 1, 3, 6, 2, 1 a minute.
    const p = new ArrivalProcess({
      ...base,
      surges: [
        { at: 90, duration: 20, multiplier: 3 },
        { at: 100, duration: 30, multiplier: 2 },
      ],
    });
    expect([89.5, 90, 99.5, 100, 109.5, 110, 129.5, 130].map((t) => p.rate(t))).toEqual([1, 3, 3, 6, 6, 2, 2, 1]);
    // From 80: 10 at 1, 30 at 3, 60 at 6, 20 at 2 to the hour, 20 at 2 to 130, then 5 at 1.
    expect(p.next(80, 10 + 30 + 60 + 20 + 20 + 5, 1e9)).toBe(135);
    // Ending inside the double surge: 10 at 1, 30 at 3, then 12 / 6.
    expect(p.next(80, 52, 1e9)).toBe(102);
    // Starting inside a surge segment, ending inside the next.
    expect(p.next(95, 15 + 3, 1e9)).toBe(100.5);
  });
});
