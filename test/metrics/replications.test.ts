import { describe, expect, it } from 'vitest';
import { KPI_NAMES, KPIS, kpiRange, type KpiName, type KpiValues } from '../../src/metrics/kpis.js';
import { estimate, estimateKpis, independentDifference, pairedDifference, replicationsToSeparate, tCdf, tQuantile } from '../../src/metrics/replications.js';

describe('tQuantile', () => {
  // Reference values: R qt() / scipy.stats.t.ppf.
  it.each([
    [0.975, 1, 12.706204736174694],
    [0.975, 2, 4.302652729749462],
    [0.975, 3, 3.1824463052837078],
    [0.975, 4, 2.7764451051977934],
    [0.975, 9, 2.262157162798205],
    [0.975, 29, 2.045229642132703],
    [0.975, 150, 1.9759053308966201],
    [0.975, 999, 1.9623414611334493],
    [0.975, 1001, 1.9623367052808798],
    [0.975, 1e6, 1.959966356814107],
    [0.995, 10, 3.16927267261695],
    [0.9, 5, 1.4758840488244815],
    [0.6, 7, 0.2631668613520229],
    [0.999, 3, 10.214531852407383],
    [0.9999, 2.5, 34.867969321116306],
  ])('t(%f, df=%f) matches the table value to 1e-6', (p, df, expected) => {
    expect(Math.abs(tQuantile(p, df) - expected)).toBeLessThan(1e-6);
  });

  it('matches the four-decimal textbook table', () => {
    expect(tQuantile(0.975, 1).toFixed(4)).toBe('12.7062');
    expect(tQuantile(0.975, 4).toFixed(4)).toBe('2.7764');
    expect(tQuantile(0.975, 9).toFixed(4)).toBe('2.2622');
    expect(tQuantile(0.975, 29).toFixed(4)).toBe('2.0452');
    expect(tQuantile(0.975, 1e6).toFixed(4)).toBe('1.9600');
  });

  it('is antisymmetric around p = 0.5, where it is 0', () => {
    expect(tQuantile(0.5, 7)).toBe(0);
    for (const df of [1, 2, 3, 9, 40, 5000]) {
      expect(tQuantile(0.025, df)).toBeCloseTo(-tQuantile(0.975, df), 12);
    }
  });

  it('inverts the t CDF across p and df', () => {
    for (const df of [0.7, 1, 2, 3, 5, 12, 60, 400, 1000]) {
      for (const p of [0.001, 0.05, 0.3, 0.51, 0.8, 0.975, 0.9995]) {
        expect(Math.abs(tCdf(tQuantile(p, df), df) - p), `df=${df} p=${p}`).toBeLessThan(1e-10);
      }
    }
  });

  it('the t CDF agrees with the closed form for df = 3', () => {
    const closed = (t: number) => 0.5 + (t / (Math.sqrt(3) * (1 + (t * t) / 3)) + Math.atan(t / Math.sqrt(3))) / Math.PI;
    for (const t of [-4, -1, 0, 0.5, 2, 10]) expect(tCdf(t, 3)).toBeCloseTo(closed(t), 12);
  });

  it('rejects p outside (0, 1) and non-positive df', () => {
    expect(() => tQuantile(0, 5)).toThrow(RangeError);
    expect(() => tQuantile(1, 5)).toThrow(RangeError);
    expect(() => tQuantile(Number.NaN, 5)).toThrow(RangeError);
    expect(() => tQuantile(0.975, 0)).toThrow(RangeError);
  });
});

describe('estimate', () => {
  it('one replication gives the value and null bounds', () => {
    expect(estimate([3.5])).toEqual({ mean: 3.5, ci95: [null, null] });
  });

  it('equal values give a zero-width interval at exactly that value', () => {
    expect(estimate([0.1, 0.1, 0.1])).toEqual({ mean: 0.1, ci95: [0.1, 0.1] });
    expect(estimate([0, 0])).toEqual({ mean: 0, ci95: [0, 0] });
  });

  it('matches a small sample computed by hand', () => {
    // [1, 2, 3, 4]: mean 2.5, s² = 5/3, s/√4 = 0.645497, t(0.975, 3) = 3.182446,
    // half-width 2.054260.
    const e = estimate([1, 2, 3, 4]);
    expect(e.mean).toBe(2.5);
    expect(e.ci95[0]).toBeCloseTo(0.44574, 5);
    expect(e.ci95[1]).toBeCloseTo(4.55426, 5);
  });

  it('matches a two-value sample computed by hand', () => {
    // [10, 12]: mean 11, s = √2, s/√2 = 1, t(0.975, 1) = 12.706205.
    const e = estimate([10, 12]);
    expect(e.mean).toBe(11);
    expect(e.ci95[0]).toBeCloseTo(11 - 12.706205, 5);
    expect(e.ci95[1]).toBeCloseTo(11 + 12.706205, 5);
  });

  it('throws on non-finite or missing values', () => {
    expect(() => estimate([1, Number.NaN])).toThrow(RangeError);
    expect(() => estimate([1, Infinity, 2])).toThrow(RangeError);
    expect(() => estimate([-Infinity])).toThrow(RangeError);
    expect(() => estimate([])).toThrow(RangeError);
  });

  it('estimateKpis estimates every KPI and names the KPI that failed', () => {
    const rep = (x: number) => Object.fromEntries(KPI_NAMES.map((k) => [k, x])) as KpiValues;
    const all = estimateKpis([rep(1), rep(3)]);
    expect(Object.keys(all)).toEqual([...KPI_NAMES]);
    expect(all.csat.mean).toBe(2);
    expect(() => estimateKpis([rep(1), { ...rep(2), csat: Number.NaN }])).toThrow(/csat/);
  });
});

describe('differences between strategies', () => {
  it('takes the interval of the per-replication differences when runs are paired', () => {
    // a − b = −1, −1, −1.5: mean −7/6, sd √(1/12) = 0.288675, half-width t(0.975, 2) · sd / √3 = 4.302653 · 0.166667 = 0.717109.
    const d = pairedDifference([100, 200, 300], [101, 201, 301.5]);
    expect(d.mean).toBeCloseTo(-7 / 6, 12);
    expect(d.ci95[0]).toBeCloseTo(-7 / 6 - 0.717109, 5);
    expect(d.ci95[1]).toBeCloseTo(-7 / 6 + 0.717109, 5);
    expect(d.distinguishable).toBe(true);
    expect(d.replications_to_separate).toBeNull();
  });

  it('is far wider from the levels alone: the same runs seen as independent cannot be told apart', () => {
    const n = 3;
    const d = independentDifference(estimate([100, 200, 300]), estimate([101, 201, 301.5]), n);
    // Half-widths 4.302653 · sd / √3: sd 100 gives 248.414, sd 100.2501 (b) gives 249.036; combined √(248.414² + 249.036²) = 351.750.
    expect(d.ci95[1]! - d.mean).toBeCloseTo(351.750, 2);
    expect(d.distinguishable).toBe(false);
  });

  it('finds the fewest replications at which a difference of that spread would be separated', () => {
    // |d| = 2/3, sd = 1.527525: n = 22 gives t(0.975, 21) · sd / √22 = 2.079614 · 0.325669 = 0.67726 > 2/3,
    // n = 23 gives 2.073873 · 0.318511 = 0.66055 < 2/3.
    expect(replicationsToSeparate(2 / 3, Math.sqrt(7 / 3))).toBe(23);
    expect(replicationsToSeparate(0, 1)).toBeNull();
    expect(replicationsToSeparate(1, 0)).toBe(2);
  });

  it('has no interval with one replication', () => {
    const d = pairedDifference([5], [3]);
    expect(d).toEqual({ mean: 2, ci95: [null, null], distinguishable: null, replications_to_separate: null });
  });
});

describe('confidence bounds stay inside what a KPI can be (issue 11, item 17)', () => {
  // Two replications: t(0.975, 1) = 12.71, so the interval is mean ± 12.71 · |a − b| / 2.
  const replications = (values: Partial<Record<KpiName, [number, number]>>): KpiValues[] =>
    [0, 1].map((r) => Object.fromEntries(KPI_NAMES.map((name) => [name, values[name]?.[r] ?? 0])) as KpiValues);
  const estimates = estimateKpis(replications({ contacts: [3, 22], abandon_rate: [0.02, 0.3], csat: [1.2, 4.9], service_level: [0.95, 0.99] }));

  it('a count is never below 0: 3 and 22 give [0, 133.2], not [-108.2, 133.2]', () => {
    const half = (12.706204736174694 * Math.abs(22 - 3)) / 2;
    expect(estimates.contacts.ci95[0]).toBe(0);
    expect(estimates.contacts.ci95[1]).toBeCloseTo(12.5 + half, 9);
  });

  it('a share stays in [0, 1] and a CSAT in [1, 5]', () => {
    expect(estimates.abandon_rate.ci95).toEqual([0, 1]);
    expect(estimates.csat.ci95).toEqual([1, 5]);
    expect(estimates.service_level.ci95[0]).toBeCloseTo(0.97 - (12.706204736174694 * 0.04) / 2, 9);
    expect(estimates.service_level.ci95[1]).toBe(1);
  });

  it('every KPI of the catalogue has a range holding its interval and its mean', () => {
    for (const info of KPIS) {
      const [low, high] = kpiRange(info);
      expect(low, info.name).toBeLessThan(high);
      const { mean, ci95 } = estimates[info.name];
      expect(ci95[0]!, info.name).toBeGreaterThanOrEqual(low);
      expect(ci95[1]!, info.name).toBeLessThanOrEqual(high);
      expect(mean).toBeGreaterThanOrEqual(ci95[0]!);
    }
  });
});
