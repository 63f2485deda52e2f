// Statistics across independent replications: the Student t distribution and
// the 95% confidence interval of a KPI's mean.
//
// tQuantile is exact to ~1e-10 for df ≤ 1000 (root of the t CDF, computed
// from the regularised incomplete beta function) and uses the Cornish–Fisher
// expansion (Abramowitz & Stegun 26.7.5) above, whose truncation error there
// is far below 1e-9.

import { mean as sampleMean, sampleStandardDeviation } from 'simple-statistics';
import { KPIS, kpiRange, type Estimate, type KpiInfo, type KpiName, type KpiRange, type KpiValues } from './kpis.js';

/** Degrees of freedom above which the Cornish–Fisher expansion replaces root finding. */
const CORNISH_FISHER_DF = 1000;

/** Student t inverse CDF: the t with P(T ≤ t) = p for T ~ t(df). p in (0, 1), df > 0 (need not be an integer). */
export function tQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`tQuantile: p must be in (0, 1), got ${p}`);
  if (!(df > 0)) throw new RangeError(`tQuantile: df must be > 0, got ${df}`);
  if (p === 0.5) return 0;
  if (p < 0.5) return -tQuantile(1 - p, df);
  if (df === 1) return Math.tan(Math.PI * (p - 0.5));
  if (df === 2) return (2 * p - 1) / Math.sqrt(2 * p * (1 - p));
  const z = normalQuantile(p);
  const guess = cornishFisher(z, df);
  if (df > CORNISH_FISHER_DF) return guess;
  return solveUpperTail(1 - p, df, guess);
}

/** Student t CDF: P(T ≤ t) for T ~ t(df). */
export function tCdf(t: number, df: number): number {
  if (!(df > 0)) throw new RangeError(`tCdf: df must be > 0, got ${df}`);
  if (Number.isNaN(t)) throw new RangeError('tCdf: t is NaN');
  return t >= 0 ? 1 - upperTail(t, df) : upperTail(-t, df);
}

/**
 * The mean of per-replication values and its 95% Student-t confidence
 * interval mean ± t(0.975, n−1)·s/√n, cut to `range` (what the quantity can
 * be: a count is never below 0, a share never above 1; the values themselves
 * lie in it, so the mean does too). One value: null bounds. All values
 * equal: [mean, mean] exactly. Empty or non-finite input throws a RangeError.
 */
export function estimate(values: readonly number[], range: KpiRange = [-Infinity, Infinity]): Estimate {
  const n = values.length;
  if (n === 0) throw new RangeError('estimate: no values');
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(values[i])) {
      throw new RangeError(`estimate: value ${i} is ${values[i]}, not a finite number`);
    }
  }
  const first = values[0];
  if (n === 1) return { mean: first, ci95: [null, null] };
  if (values.every((v) => v === first)) return { mean: first, ci95: [first, first] };
  const m = sampleMean(values as number[]);
  const half = (tQuantile(0.975, n - 1) * sampleStandardDeviation(values as number[])) / Math.sqrt(n);
  const lo = m - half;
  const hi = m + half;
  if (!Number.isFinite(m) || !Number.isFinite(lo) || !Number.isFinite(hi)) {
    throw new RangeError('estimate: values too large for a finite mean and interval');
  }
  return { mean: m, ci95: [Math.min(Math.max(lo, range[0]), range[1]), Math.max(Math.min(hi, range[1]), range[0])] };
}

/** The estimate of every KPI from one KpiValues per replication, each interval inside the KPI's range. */
export function estimateKpis(replications: readonly KpiValues[]): Record<KpiName, Estimate> {
  const out = {} as Record<KpiName, Estimate>;
  for (const info of KPIS) {
    const name = info.name;
    try {
      out[name] = estimate(replications.map((r) => r[name]), kpiRange(info));
    } catch (err) {
      throw new RangeError(`KPI ${name}: ${(err as Error).message}`);
    }
  }
  return out;
}

/** The estimate of the KPIs `names` from one set of their values per replication (by_type, by_group). */
export function estimateSome<K extends KpiName>(replications: readonly Record<K, number>[], names: readonly K[]): Record<K, Estimate> {
  const out = {} as Record<K, Estimate>;
  const info = new Map<string, KpiInfo>(KPIS.map((k) => [k.name, k]));
  for (const name of names) {
    try {
      out[name] = estimate(replications.map((r) => r[name]), kpiRange(info.get(name)!));
    } catch (err) {
      throw new RangeError(`KPI ${name}: ${(err as Error).message}`);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// Numerical helpers.

/** P(T > t) for t ≥ 0: ½·I_x(df/2, ½) with x = df/(df + t²). */
function upperTail(t: number, df: number): number {
  if (t === Infinity) return 0;
  const t2 = t * t;
  const x = df / (df + t2);
  const y = t2 / (df + t2);
  return 0.5 * incompleteBetaRegularized(df / 2, 0.5, x, y, -Math.log1p(t2 / df), Math.log(y));
}

/** Student t density. */
function tPdf(t: number, df: number): number {
  return Math.exp(
    logGamma((df + 1) / 2) - logGamma(df / 2) - 0.5 * Math.log(df * Math.PI) - ((df + 1) / 2) * Math.log1p((t * t) / df),
  );
}

/** Solves P(T > t) = tail for t > 0: Newton's method kept inside a bracket, bisection when it strays. */
function solveUpperTail(tail: number, df: number, guess: number): number {
  let lo = 0;
  let hi = Infinity;
  let t = Number.isFinite(guess) && guess > 0 ? guess : 1;
  for (let i = 0; i < 1000; i++) {
    const f = upperTail(t, df) - tail; // decreasing in t
    if (f === 0) return t;
    if (f > 0) lo = t;
    else hi = t;
    let next = t + f / tPdf(t, df);
    if (!(next > lo && next < hi)) next = hi === Infinity ? 2 * t : (lo + hi) / 2;
    if (Math.abs(next - t) <= 1e-15 * Math.max(1, t)) return next;
    t = next;
  }
  return t;
}

/** Abramowitz & Stegun 26.7.5: t quantile from the normal quantile z. */
function cornishFisher(z: number, df: number): number {
  const z2 = z * z;
  const g1 = (z * (z2 + 1)) / 4;
  const g2 = (z * ((5 * z2 + 16) * z2 + 3)) / 96;
  const g3 = (z * (((3 * z2 + 19) * z2 + 17) * z2 - 15)) / 384;
  const g4 = (z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945)) / 92160;
  return z + g1 / df + g2 / (df * df) + g3 / (df * df * df) + g4 / (df * df * df * df);
}

/** Standard normal inverse CDF (Acklam's rational approximation, relative error < 1.2e-9). */
function normalQuantile(p: number): number {
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const pLow = 0.02425;
  if (p < pLow) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  if (p > 1 - pLow) {
    const q = Math.sqrt(-2 * Math.log1p(-p));
    return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
    (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (Lanczos, g = 7). */
function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const xm1 = x - 1;
  let sum = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i] / (xm1 + i);
  const t = xm1 + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (xm1 + 0.5) * Math.log(t) - t + Math.log(sum);
}

/**
 * I_x(a, b), the regularised incomplete beta function. y = 1 − x, lnX = ln x
 * and lnY = ln y are passed in so callers can compute them without
 * cancellation.
 */
function incompleteBetaRegularized(a: number, b: number, x: number, y: number, lnX: number, lnY: number): number {
  if (x <= 0) return 0;
  if (y <= 0) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * lnX + b * lnY);
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(a, b, x)) / a;
  return 1 - (front * betaContinuedFraction(b, a, y)) / b;
}

/** Continued fraction of the incomplete beta function (modified Lentz). */
function betaContinuedFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 100000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-15) break;
  }
  return h;
}

// ---------------------------------------------------------------------------
// Differences between two strategies.

/** The difference of two strategies' means and its 95% interval; how many replications would tell them apart. */
export interface Difference extends Estimate {
  /** The interval excludes 0; null with one replication (no interval). */
  distinguishable: boolean | null;
  /**
   * Replications per strategy whose interval would exclude 0 if the
   * difference and its spread stay as measured; null when the means are
   * equal (no number would), or when already distinguishable.
   */
  replications_to_separate: number | null;
}

/** Most replications replicationsToSeparate looks for; beyond it the answer is this bound. */
export const MAX_REPLICATIONS_TO_SEPARATE = 100_000;

/**
 * The fewest n ≥ 2 with t(0.975, n−1)·sd/√n < |diff|: the replications at
 * which an interval of that spread around that difference excludes 0.
 * Null when diff is 0; MAX_REPLICATIONS_TO_SEPARATE when more are needed.
 */
export function replicationsToSeparate(diff: number, sd: number): number | null {
  if (diff === 0) return null;
  if (sd === 0) return 2;
  const separated = (n: number) => (tQuantile(0.975, n - 1) * sd) / Math.sqrt(n) < Math.abs(diff);
  if (!separated(MAX_REPLICATIONS_TO_SEPARATE)) return MAX_REPLICATIONS_TO_SEPARATE;
  let lo = 1; // not separated (no interval with one replication)
  let hi = MAX_REPLICATIONS_TO_SEPARATE; // separated
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (mid >= 2 && separated(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}

function difference(mean: number, halfWidth: number | null, sd: number | null): Difference {
  if (halfWidth === null || sd === null) return { mean, ci95: [null, null], distinguishable: null, replications_to_separate: null };
  const lo = mean - halfWidth;
  const hi = mean + halfWidth;
  const distinguishable = lo > 0 || hi < 0;
  return { mean, ci95: [lo, hi], distinguishable, replications_to_separate: distinguishable ? null : replicationsToSeparate(mean, sd) };
}

/**
 * a − b from paired replications: replication i of each ran on the same
 * random streams (common random numbers), so the interval is that of the
 * per-replication differences, usually far narrower than either level's.
 */
export function pairedDifference(a: readonly number[], b: readonly number[]): Difference {
  if (a.length !== b.length) throw new RangeError(`pairedDifference: ${a.length} values against ${b.length}`);
  const d = a.map((x, i) => x - b[i]);
  const e = estimate(d);
  if (e.ci95[0] === null || e.ci95[1] === null) return difference(e.mean, null, null);
  const sd = d.every((x) => x === d[0]) ? 0 : sampleStandardDeviation(d);
  return difference(e.mean, e.mean - e.ci95[0], sd);
}

/**
 * a − b from two estimates alone (no per-replication values, e.g. a report
 * read back from JSON): the half-widths combined as for independent samples,
 * √(h_a² + h_b²), which overstates the noise of runs on common random numbers.
 * `n` is the replications behind each estimate.
 */
export function independentDifference(a: Estimate, b: Estimate, n: number): Difference {
  const mean = a.mean - b.mean;
  const ha = a.ci95[0] === null ? null : a.mean - a.ci95[0];
  const hb = b.ci95[0] === null ? null : b.mean - b.ci95[0];
  if (ha === null || hb === null || n < 2) return difference(mean, null, null);
  const half = Math.hypot(ha, hb);
  return difference(mean, half, (half * Math.sqrt(n)) / tQuantile(0.975, n - 1));
}
