import { describe, expect, it } from 'vitest';
import { estimate, estimateSome, independentDifference, pairedDifference, replicationsToSeparate, tCdf, tQuantile } from '../../src/metrics/replications.js';

// Reference values: mpmath at 40 digits, P(T > t) = ½·I_{df/(df+t²)}(df/2, ½)
// (mpmath.betainc, regularized) and its root by findroot: an implementation
// independent of this file's Lanczos, Lentz and Acklam approximations.
describe('tQuantile above 1000 degrees of freedom (Cornish–Fisher from the normal quantile)', () => {
  // 1e-8: Acklam's normal quantile is good to 1.2e-9 relative, ~4e-9 at z = 3.7;
  // the expansion's third term at df = 1001, p = 0.9999 is ~1.1e-7.
  it.each([
    [0.9999, 1001, 3.7328377373968383],
    [0.9995, 2000, 3.2953981367297396],
    [0.99, 5000, 2.3270939177333477],
    // The central region of the normal quantile (p below 1 − 0.02425), not its tail's formula.
    [0.9, 2000, 1.2819750006831372],
    [0.6, 5000, 0.2533605839692317],
  ])('t(%f, df=%f) matches mpmath to 1e-8', (p, df, expected) => {
    expect(Math.abs(tQuantile(p, df) - expected)).toBeLessThan(1e-8);
    expect(Math.abs(tQuantile(1 - p, df) + expected)).toBeLessThan(1e-8);
  });
});

describe('tCdf below one degree of freedom (ln Γ of arguments under ½ by reflection)', () => {
  it.each([
    [1, 0.7, 0.7248066637400143],
    [3, 0.4, 0.7871287998076792],
    [0.5, 0.25, 0.5919000106579937],
  ])('P(T ≤ %f), df=%f, matches mpmath to 1e-10', (t, df, expected) => {
    expect(Math.abs(tCdf(t, df) - expected)).toBeLessThan(1e-10);
    expect(Math.abs(tCdf(-t, df) - (1 - expected))).toBeLessThan(1e-10);
  });
});

describe('refusals name what was wrong', () => {
  it('p and df of tQuantile, df and t of tCdf', () => {
    expect(() => tQuantile(0, 5)).toThrow('tQuantile: p must be in (0, 1), got 0');
    expect(() => tQuantile(-0.5, 5)).toThrow('got -0.5');
    expect(() => tQuantile(0.975, 0)).toThrow('tQuantile: df must be > 0, got 0');
    expect(() => tCdf(1, 0)).toThrow('tCdf: df must be > 0, got 0');
    expect(() => tCdf(1, -2)).toThrow(RangeError);
    expect(() => tCdf(Number.NaN, 3)).toThrow('tCdf: t is NaN');
  });

  it('estimate: no values; values whose spread overflows a double', () => {
    expect(() => estimate([])).toThrow('estimate: no values');
    // Mean 0, but (1e308)² overflows: the standard deviation and both bounds are infinite.
    expect(() => estimate([1e308, -1e308])).toThrow('estimate: values too large for a finite mean and interval');
  });

  it('pairedDifference: runs of different lengths', () => {
    expect(() => pairedDifference([1, 2], [1])).toThrow('pairedDifference: 2 values against 1');
  });
});

describe('estimateSome (by_type, by_group)', () => {
  // [3, 22] and [0.02, 0.3], as in replications.test.ts: mean ± 12.706205 · |a − b| / 2.
  const t1 = 12.706204736174694;

  it('estimates just the KPIs named, each cut to its own range', () => {
    const out = estimateSome(
      [
        { contacts: 3, abandon_rate: 0.02 },
        { contacts: 22, abandon_rate: 0.3 },
      ],
      ['contacts', 'abandon_rate'],
    );
    expect(Object.keys(out)).toEqual(['contacts', 'abandon_rate']);
    expect(out.contacts.mean).toBe(12.5);
    expect(out.contacts.ci95[0]).toBe(0);
    expect(out.contacts.ci95[1]).toBeCloseTo(12.5 + (t1 * 19) / 2, 9);
    expect(out.abandon_rate.mean).toBeCloseTo(0.16, 12);
    expect(out.abandon_rate.ci95).toEqual([0, 1]);
  });

  it('names the KPI whose values fail', () => {
    expect(() => estimateSome([{ csat: 4 }, { csat: Number.NaN }], ['csat'])).toThrow(
      'KPI csat: estimate: value 1 is NaN, not a finite number',
    );
  });
});

describe('differences: which are told apart, and how many replications would do it', () => {
  it('a positive difference whose interval excludes 0 is distinguishable', () => {
    // a − b = 1, 1, 1.5: the mirror of replications.test.ts's paired case, half-width 0.717109.
    const d = pairedDifference([101, 201, 301.5], [100, 200, 300]);
    expect(d.ci95[0]).toBeCloseTo(7 / 6 - 0.717109, 5);
    expect(d.distinguishable).toBe(true);
  });

  it('identical runs: an interval [0, 0] does not exclude 0, and no number of replications would', () => {
    const d = pairedDifference([1, 2, 4], [1, 2, 4]);
    expect(d).toEqual({ mean: 0, ci95: [0, 0], distinguishable: false, replications_to_separate: null });
  });

  it('replicationsToSeparate at the smallest answers, 2 and 3', () => {
    // n = 2: t(0.975, 1)/√2 = 8.984654 · sd; n = 3: t(0.975, 2)/√3 = 4.302653/1.732051 = 2.484138 · sd.
    expect(replicationsToSeparate(10, 1)).toBe(2);
    expect(replicationsToSeparate(8.9, 1)).toBe(3);
    expect(replicationsToSeparate(3.1, 1)).toBe(3);
    expect(replicationsToSeparate(-3.1, 1)).toBe(3);
    expect(replicationsToSeparate(2.4, 1)).toBe(4); // n = 4: t(0.975, 3)/2 = 1.591223
  });

  it('independentDifference: the spread implied by the half-widths sets the replications needed', () => {
    // a: 10 ± 2, b: 9 ± 1.5, n = 5: half √(2² + 1.5²) = 2.5; sd = 2.5 · √5 / t(0.975, 4) = 5.590170 / 2.776445 = 2.013427.
    // t(0.975, n−1) · sd / √n < 1: n = 18: 2.109816 · 2.013427 / 4.242641 = 1.001254 (no); n = 19: 2.100922 · 2.013427 / 4.358899 = 0.970441.
    const d = independentDifference({ mean: 10, ci95: [8, 12] }, { mean: 9, ci95: [7.5, 10.5] }, 5);
    expect(d.mean).toBe(1);
    expect(d.ci95[0]).toBeCloseTo(-1.5, 12);
    expect(d.ci95[1]).toBeCloseTo(3.5, 12);
    expect(d.distinguishable).toBe(false);
    expect(d.replications_to_separate).toBe(19);
  });

  it('independentDifference from two replications each has an interval', () => {
    // Half √(3² + 4²) = 5, sd = 5 · √2 / 12.706205 = 0.556505; t(0.975, n−1) · sd / √n < 1 first at
    // n = 4: 1.591223 · 0.556505 = 0.885524 (n = 3: 2.484138 · 0.556505 = 1.382437).
    const d = independentDifference({ mean: 4, ci95: [1, 7] }, { mean: 3, ci95: [-1, 7] }, 2);
    expect(d.ci95[0]).toBeCloseTo(-4, 12);
    expect(d.ci95[1]).toBeCloseTo(6, 12);
    expect(d.distinguishable).toBe(false);
    expect(d.replications_to_separate).toBe(4);
  });

  it('independentDifference has no interval when either estimate has none, or for n below 2', () => {
    const a = { mean: 4, ci95: [1, 7] as [number, number] };
    const one = { mean: 3, ci95: [null, null] as [null, null] };
    const none = { mean: 1, ci95: [null, null], distinguishable: null, replications_to_separate: null };
    expect(independentDifference(a, one, 3)).toEqual(none);
    expect(independentDifference(one, a, 3)).toEqual({ ...none, mean: -1 });
    expect(independentDifference(a, { mean: 3, ci95: [-1, 7] }, 1)).toEqual(none);
  });
});
