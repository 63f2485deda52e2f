// The hour-of-day catalogue and its estimates (src/metrics/hourly.ts)
// against docs/model.md: its by_hour table gives the figures in order, and
// each hour's figure is the replications' mean with the same 95% Student-t
// interval as a KPI, cut to its unit's range (t(0.975, 1) = 12.7062 from
// the t table: two replications 3 and 22 give 12.5 ± 120.7, so [0, 133.2]).

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HOURLY_KPIS, HOURLY_KPI_NAMES, HOURS_A_DAY, estimateHours, type HourlyValues } from '../../src/metrics/hourly.js';

const MODEL_MD = readFileSync(new URL('../../docs/model.md', import.meta.url), 'utf8');

/** A day of hours where every figure is `f(hour)`. */
const day = (f: (hour: number) => number): HourlyValues[] =>
  Array.from({ length: 24 }, (_, h) => Object.fromEntries(HOURLY_KPI_NAMES.map((n) => [n, f(h)])) as HourlyValues);

describe('the by_hour figures', () => {
  it("are docs/model.md's, in its order, each with a label, a unit and a description", () => {
    const lines = MODEL_MD.split('\n');
    const start = lines.findIndex((l) => l.startsWith('| figure | meaning in hour of day *h* |'));
    const names: string[] = [];
    for (let i = start + 2; lines[i]?.startsWith('|'); i++) names.push(/^\| `([a-z_]+)` \|/.exec(lines[i])![1]);
    expect(HOURLY_KPI_NAMES).toEqual(names);
    expect(HOURLY_KPIS.map((k) => k.name)).toEqual(names);
    expect(HOURS_A_DAY).toBe(24);
    for (const k of HOURLY_KPIS) {
      expect(k.label.trim().length, k.name).toBeGreaterThan(2);
      expect(k.description.trim().length, k.name).toBeGreaterThan(10);
    }
  });

  it('have the units of what they count: contacts and agents counts, rates and utilisation shares, waits minutes', () => {
    expect(Object.fromEntries(HOURLY_KPIS.map((k) => [k.name, k.unit]))).toEqual({
      offered: 'count',
      abandoned: 'count',
      abandon_rate: 'share',
      service_level: 'share',
      wait_mean: 'minutes',
      asa: 'minutes',
      agents_on_shift: 'count',
      utilization: 'share',
    });
    expect(Object.fromEntries(HOURLY_KPIS.map((k) => [k.name, k.better]))).toEqual({
      offered: null,
      abandoned: null,
      abandon_rate: 'lower',
      service_level: 'higher',
      wait_mean: 'lower',
      asa: 'lower',
      agents_on_shift: null,
      utilization: null,
    });
  });
});

describe('estimateHours', () => {
  it('gives the 24 hours in order, each figure the mean of its hour over the replications', () => {
    const out = estimateHours([day((h) => h), day((h) => h + 2), day((h) => h + 4)]);
    expect(out.map((e) => e.hour)).toEqual(Array.from({ length: 24 }, (_, h) => h));
    // Values h, h + 2, h + 4: mean h + 2, s = 2, half-width t(0.975, 2) · 2 / √3 = 4.302653 · 1.154701 = 4.968275.
    const half = 4.302652729749462 * (2 / Math.sqrt(3));
    for (const e of out) {
      expect(e.offered.mean).toBeCloseTo(e.hour + 2, 12);
      expect(e.wait_mean.ci95[0]).toBeCloseTo(Math.max(0, e.hour + 2 - half), 9);
      expect(e.wait_mean.ci95[1]).toBeCloseTo(e.hour + 2 + half, 9);
    }
  });

  it("cuts each interval to its figure's unit: counts at 0, shares to [0, 1]", () => {
    const out = estimateHours([day(() => 3), day(() => 22)]);
    const hour = out[5];
    // 12.5 ± 12.7062 · 13.435 / √2 = 12.5 ± 120.7.
    expect(hour.offered.mean).toBe(12.5);
    expect(hour.offered.ci95[0]).toBe(0);
    expect(hour.offered.ci95[1]).toBeCloseTo(12.5 + (12.706204736174694 * 19) / 2, 9);
    const shares = estimateHours([day(() => 0.2), day(() => 0.9)])[7];
    expect(shares.abandon_rate.ci95).toEqual([0, 1]);
    expect(shares.utilization.ci95).toEqual([0, 1]);
    expect(shares.service_level.mean).toBeCloseTo(0.55, 12);
    // Minutes are not shares: the upper bound is not cut at 1.
    expect(shares.asa.ci95[1]).toBeGreaterThan(1);
  });

  it('names the hour and the figure of a value that is not a number', () => {
    const bad = day(() => 1);
    bad[5] = { ...bad[5], wait_mean: Number.NaN };
    expect(() => estimateHours([day(() => 1), bad])).toThrow(/^by_hour 5 wait_mean: estimate: value 1 is NaN/);
  });
});
