import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/experiment/run.js';
import { HOURLY_KPI_NAMES } from '../../src/metrics/hourly.js';
import { simulateReplication } from '../../src/model/contact-centre.js';
import { HourlyObservations } from '../../src/model/hourly-observations.js';
import { overlap } from '../../src/model/window.js';
import { resolveScenario } from '../../src/scenario/load.js';
import { busyScenario } from './build.js';

/** Books one agent busy over [from, to) as the pools do: with the part inside the window. */
function book(h: HourlyObservations, from: number, to: number, windowStart: number, windowEnd: number): void {
  h.busy(from, to, overlap(from, to, windowStart, windowEnd));
}

describe('hourly observations', () => {
  it('a contact counts in the hour it was offered, its answer and abandonment too', () => {
    const h = new HourlyObservations(1, 0, 2880);
    // Offered at 00:59 and answered at 01:02 (3 minutes late); offered at 01:10, answered at once;
    // offered at 25:30 (hour 1 of day 2), abandoned after 2 minutes.
    const first = h.offer(59);
    const second = h.offer(70);
    const third = h.offer(1530);
    expect([first, second, third]).toEqual([0, 1, 1]);
    h.answer(first, 3);
    h.answer(second, 0);
    h.abandon(third, 2);
    const v = h.values();
    expect(v[0]).toMatchObject({ offered: 1, abandoned: 0, service_level: 0, wait_mean: 3, asa: 3 });
    expect(v[1]).toMatchObject({ offered: 2, abandoned: 1, abandon_rate: 0.5, service_level: 0.5, wait_mean: 1, asa: 0 });
    expect(v[2]).toMatchObject({ offered: 0, service_level: 0, wait_mean: 0 });
  });

  it('time on shift is split at hour boundaries, whole days at once, clipped to the window', () => {
    // Two agents from 00:30 on day 0 to 01:30 on day 2, the window exactly that span:
    // every hour of day saw two agents whenever it was inside the window.
    const h = new HourlyObservations(1, 30, 2970);
    h.staffed(0, 2970, 2);
    // One agent busy 23:50-00:20 (across midnight): 10 minutes in hour 23, 20 in hour 0.
    book(h, 1430, 1460, 30, 2970);
    const v = h.values();
    for (const hour of v) expect(hour.agents_on_shift).toBe(2);
    // Hour 0 was in the window 30 + 60 + 60 minutes, two agents: 300 agent-minutes.
    expect(v[0].utilization).toBeCloseTo(20 / 300, 12);
    // Hour 23: 60 + 60 minutes, 240 agent-minutes.
    expect(v[23].utilization).toBeCloseTo(10 / 240, 12);
    expect(v[5].utilization).toBe(0);
  });

  it('a time counts in the hour Math.floor(t / 60) % 24 gives, at and beside every boundary of ten days', () => {
    // The hour is cached between events; the doubles either side of each boundary
    // (60 n less one unit in the last place, 60 n, plus one) must land where the formula puts them.
    const f64 = new Float64Array(1);
    const bits = new BigInt64Array(f64.buffer);
    const step = (x: number, by: bigint) => {
      f64[0] = x;
      bits[0] += by;
      return f64[0];
    };
    const h = new HourlyObservations(1, 0, 14400);
    const expected = new Array<number>(24).fill(0);
    for (let n = 1; n < 240; n++) {
      for (const t of [step(60 * n, -1n), 60 * n, step(60 * n, 1n), 60 * n + 59.999]) {
        h.offer(t);
        expected[Math.floor(t / 60) % 24]++;
      }
    }
    expect(h.values().map((v) => v.offered)).toEqual(expected);
  });

  it("busy time is each interval's minutes in each hour, however the intervals fall against the hours", () => {
    // Random intervals (most inside one hour, some across one or more boundaries, some
    // clipped by the window) against the overlap of each with each hour, summed directly.
    const windowStart = 90;
    const windowEnd = 3 * 1440 - 30;
    const h = new HourlyObservations(1, windowStart, windowEnd);
    h.staffed(0, 3 * 1440, 1000);
    const busy = new Array<number>(24).fill(0);
    let seed = 7;
    const uniform = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    let t = 0;
    for (let i = 0; i < 5000; i++) {
      t += uniform() * 0.8;
      const length = uniform() < 0.95 ? uniform() * 10 : uniform() * 300;
      book(h, t, t + length, windowStart, windowEnd);
      if (i % 7 === 0) h.offer(t + uniform() * 500);
      for (let hour = 0; hour < 3 * 24; hour++) {
        const from = Math.max(t, hour * 60, windowStart);
        const to = Math.min(t + length, hour * 60 + 60, windowEnd);
        if (to > from) busy[hour % 24] += to - from;
      }
    }
    const v = h.values();
    // The window misses hour 0 of day 0, half of hour 1 and half of hour 23 of day 2.
    const measured = (hour: number) => (hour === 0 ? 2 * 60 : hour === 1 || hour === 23 ? 2 * 60 + 30 : 3 * 60);
    const staffed = (hour: number) => v[hour].agents_on_shift * measured(hour);
    for (let hour = 0; hour < 24; hour++) expect(v[hour].utilization * staffed(hour)).toBeCloseTo(busy[hour], 9);
  });

  it('busy time adds the same doubles whether or not the hour it starts in is cached', () => {
    // The cached hour is the fast path: one addition of the clipped minutes. With no offer the
    // cache is never filled and every interval goes through spread(); the sums must agree to
    // the last bit, across warm-up, window end and hour boundaries.
    const windowStart = 97;
    const windowEnd = 2 * 1440 + 17;
    const cached = new HourlyObservations(1, windowStart, windowEnd);
    const uncached = new HourlyObservations(1, windowStart, windowEnd);
    for (const h of [cached, uncached]) h.staffed(0, 2 * 1440 + 60, 1000);
    let seed = 11;
    const uniform = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    let t = 0;
    let fast = 0;
    while (t < windowEnd + 30) {
      t += uniform() * 0.5;
      const length = uniform() < 0.9 ? uniform() * 8 : uniform() * 90;
      cached.offer(t);
      if (t + length <= Math.floor(t / 60) * 60 + 60) fast++; // inside the hour it starts in
      book(cached, t, t + length, windowStart, windowEnd);
      book(uncached, t, t + length, windowStart, windowEnd);
    }
    expect(fast).toBeGreaterThan(4000);
    const utilization = (h: HourlyObservations) => h.values().map((v) => v.utilization);
    expect(utilization(cached)).toEqual(utilization(uncached));
    expect(utilization(cached).every((u) => u > 0)).toBe(true);
  });

  it('busy time beyond time on shift is refused, a rounding excess clamped', () => {
    const rounding = new HourlyObservations(1, 0, 60);
    rounding.staffed(0, 60, 1);
    book(rounding, 0, 30, 0, 60);
    book(rounding, 30, 60 + 1e-12, 0, 60);
    expect(rounding.values()[0].utilization).toBe(1);
    const excess = new HourlyObservations(1, 0, 60);
    excess.staffed(0, 60, 1);
    book(excess, 0, 40, 0, 60);
    book(excess, 10, 40, 0, 60);
    expect(() => excess.values()).toThrow(/busy 70 minutes of 60 staffed: busy time exceeds staffed time/);
  });

  it('the hours of a replication add up to its own counts', () => {
    for (const strategy of busyScenario().strategies) {
      const r = simulateReplication(strategy, 0);
      const sum = (f: (v: (typeof r.byHour)[number]) => number) => r.byHour.reduce((a, v) => a + f(v), 0);
      expect(r.byHour).toHaveLength(24);
      expect(sum((v) => v.offered)).toBe(r.kpis.offered_to_humans);
      expect(sum((v) => v.abandoned)).toBe(r.observations.abandoned);
      expect(sum((v) => v.service_level * v.offered)).toBeCloseTo(r.kpis.service_level * r.kpis.offered_to_humans, 6);
      // Each hour's agents and busy share, weighted by its minutes in the window (3 days less the
      // 6 h warm-up: hours 0-5 twice, the others three times), give the run's utilisation.
      const measured = (hour: number) => (hour < 6 ? 2 : 3) * 60;
      const staffed = r.byHour.reduce((a, v, hour) => a + v.agents_on_shift * measured(hour), 0);
      const busy = r.byHour.reduce((a, v, hour) => a + v.utilization * v.agents_on_shift * measured(hour), 0);
      expect(busy / staffed).toBeCloseTo(r.kpis.utilization, 9);
    }
  });

  it('an hour nobody staffs: its contacts wait for the next hour, 30 minutes on average, and almost none is on time', () => {
    // One contact a minute, 1-minute handling, 100 agents but none from 03:00 to 04:00 and
    // nobody abandons: a contact offered at 03:00 + u waits 60 − u (u uniform on the hour;
    // the 100 agents of 04:00 take the ~60 waiting at once), so the hour's mean wait is 30
    // minutes and its service level the share arriving in its last 20 s, 1/180.
    const schedule = Array.from({ length: 24 }, (_, hour) => (hour === 3 ? 0 : 100));
    const scenario = resolveScenario({
      name: 'night-gap',
      seed: 5,
      horizon: '10d',
      warmup: '0',
      replications: 10,
      service_level: { answer_within: '20s', target: 0.8 },
      demand: { contacts_per_day: 1440, intraday: new Array(24).fill(1) },
      ticket_types: [{ name: 'any', handle_time: { dist: 'exponential', mean: '1m' } }],
      staff: { employees: { schedule, hourly_cost: 30 } },
      strategies: { human: { routing: 'human' } },
    });
    const [s] = runScenario(scenario, '0'.repeat(64)).strategies;
    const hours = s.by_hour!;
    const night = hours[3];
    const inside = (e: { ci95: [number | null, number | null] }, value: number) => {
      expect(e.ci95[0]!).toBeLessThanOrEqual(value);
      expect(e.ci95[1]!).toBeGreaterThanOrEqual(value);
    };
    inside(night.wait_mean, 30);
    inside(night.service_level, 1 / 180);
    expect(night.abandon_rate.mean).toBe(0);
    // Only agents finishing a contact begun before 03:00 are on shift in that hour (minutes of it).
    expect(night.agents_on_shift.mean).toBeLessThan(0.1);
    // Offered per hour: one a minute for ten days, 600 (Poisson: ± 2·√600/√10 across replications' mean).
    expect(Math.abs(night.offered.mean - 600)).toBeLessThan(2 * Math.sqrt(600));
    for (const hour of [0, 10, 20]) {
      expect(hours[hour].agents_on_shift.mean).toBeCloseTo(100, 0);
      expect(hours[hour].service_level.mean).toBe(1);
    }
    for (const hour of hours) for (const k of HOURLY_KPI_NAMES) expect(Number.isFinite(hour[k].mean)).toBe(true);
  });
});
