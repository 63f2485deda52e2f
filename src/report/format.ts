// Number formatting for humans, shared by the table, markdown and verdict.
// Output is locale-independent (en-US separators) so reports are
// reproducible byte for byte.
//
// Conventions:
// - share: percentage with 1 decimal ("5.2%"); differences of shares are
//   percentage points ("2.1 pts");
// - minutes: "42 s" under a minute ("4.2 s" under 10 s), "3:07" under an
//   hour, "1:02:07" under two days, then "3.2 d";
// - money: "$1.23" under $100, "$12,345" under a million, then "$1.23M",
//   "$1.23B";
// - count and hours: thousands separators, 1 decimal only for small
//   fractional values;
// - score (CSAT): 2 decimals.
// A half-width is printed with the precision (and money scale) of its mean,
// and carries a unit only where it could be misread without one: shares
// ("5.2% ± 0.3%", points not relative) and waits ("3:07 ± 12 s"). Money and
// hours give the unit once: "$2.94M ± 0.05M", "$8.84 ± 0.04", "3,412 h ± 240".

import type { Estimate, KpiUnit } from '../metrics/kpis.js';

/** U+2212, the typographic minus sign used for signed changes. */
export const MINUS = '\u2212';

const intFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const oneDecimalFormat = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const twoDecimalFormat = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** toFixed that never prints "-0" or "-0.0". */
function fixed(x: number, decimals: number): string {
  const s = x.toFixed(decimals);
  return Number(s) === 0 ? (0).toFixed(decimals) : s;
}

function grouped(x: number, decimals: 0 | 1 | 2): string {
  const f = decimals === 0 ? intFormat : decimals === 1 ? oneDecimalFormat : twoDecimalFormat;
  const s = f.format(x);
  return /^-0(\.0+)?$/.test(s) ? s.slice(1) : s;
}

/** Half the width of a 95% interval; null when the interval has no bounds (one replication). */
export function halfWidth(e: Estimate): number | null {
  const [lo, hi] = e.ci95;
  return lo === null || hi === null ? null : (hi - lo) / 2;
}

/** 0.0523 → "5.2%". */
export function formatShare(x: number, decimals = 1): string {
  return `${fixed(x * 100, decimals)}%`;
}

/** A target share without useless decimals: 0.8 → "80%", 0.825 → "82.5%". */
export function formatTargetShare(x: number): string {
  return `${Number((x * 100).toFixed(2))}%`;
}

/** A difference of shares in percentage points, unsigned: 0.021 → "2.1 pts". */
export function formatPoints(diff: number): string {
  return `${fixed(Math.abs(diff) * 100, 1)} pts`;
}

/** A relative change with its sign: −0.58 → "−58%", 0.12 → "+12%". */
export function formatChange(ratio: number): string {
  const pct = Math.round(ratio * 100);
  if (pct === 0) return '±0%';
  return pct < 0 ? `${MINUS}${-pct}%` : `+${pct}%`;
}

/** A wait in minutes: "0 s", "4.2 s", "42 s", "3:07", "1:02:07", "3.2 d". */
export function formatMinutes(minutes: number): string {
  const sign = minutes < 0 ? '-' : '';
  const seconds = Math.abs(minutes) * 60;
  if (seconds < 9.95) return `${sign}${fixed(seconds, 1).replace(/\.0$/, '')} s`;
  const whole = Math.round(seconds);
  if (whole < 60) return `${sign}${whole} s`;
  if (whole < 48 * 3600) {
    const h = Math.floor(whole / 3600);
    const m = Math.floor((whole % 3600) / 60);
    const s = String(whole % 60).padStart(2, '0');
    return h > 0 ? `${sign}${h}:${String(m).padStart(2, '0')}:${s}` : `${sign}${m}:${s}`;
  }
  return `${sign}${grouped(seconds / 86400, 1)} d`;
}

/** A duration for prose (targets): 1 → "60 s", 0.5 → "30 s", 5 → "5 min", 2.5 → "2:30". */
export function formatDuration(minutes: number): string {
  const seconds = Math.round(minutes * 600) / 10;
  if (seconds < 120) return `${seconds} s`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return formatMinutes(minutes);
}

type MoneyScale = 'cents' | 'units' | 'M' | 'B';

function moneyScale(reference: number): MoneyScale {
  const abs = Math.abs(reference);
  if (abs >= 999_995_000) return 'B';
  if (abs >= 999_999.5) return 'M';
  if (abs >= 99.995) return 'units';
  return 'cents';
}

/**
 * Money; `reference` (default: the value itself) picks the scale, so a
 * half-width follows its mean. `symbol: false` leaves out the "$".
 */
export function formatMoney(x: number, reference = x, symbol = true): string {
  const scale = moneyScale(reference);
  const sign = x < 0 && Math.abs(x) >= 0.005 ? '-' : '';
  const cur = symbol ? '$' : '';
  const abs = Math.abs(x);
  switch (scale) {
    case 'B':
      return `${sign}${cur}${grouped(abs / 1e9, 2)}B`;
    case 'M':
      return `${sign}${cur}${grouped(abs / 1e6, 2)}M`;
    case 'units':
      return `${sign}${cur}${grouped(abs, 0)}`;
    case 'cents':
      return `${sign}${cur}${grouped(abs, 2)}`;
  }
}

/** A count (or any additive quantity): "260,123"; "2.5" for small fractional means. */
export function formatCount(x: number, reference = x): string {
  const small = Math.abs(reference) < 9.95 && !Number.isInteger(reference);
  return grouped(x, small ? 1 : 0);
}

/** A value of a KPI of the given unit, with its unit. */
export function formatValue(unit: KpiUnit, x: number): string {
  switch (unit) {
    case 'count':
      return formatCount(x);
    case 'share':
      return formatShare(x);
    case 'minutes':
      return formatMinutes(x);
    case 'score':
    case 'ratio':
      return fixed(x, 2);
    case 'money':
      return formatMoney(x);
    case 'hours':
      return `${formatCount(x)} h`;
    case 'money_per_hour':
      return `${formatMoney(x)}/h`;
  }
}

/** A half-width, at the precision and scale of its mean; a unit only for shares and waits. */
export function formatHalfWidth(unit: KpiUnit, halfWidth: number, mean: number): string {
  switch (unit) {
    case 'count':
    case 'hours':
      return formatCount(halfWidth, mean);
    case 'share':
      return formatShare(halfWidth);
    case 'minutes':
      return formatMinutes(halfWidth);
    case 'score':
    case 'ratio':
      return fixed(halfWidth, 2);
    case 'money':
    case 'money_per_hour':
      return formatMoney(halfWidth, mean, false);
  }
}

/** The mean and, when there is an interval, its half-width, formatted for the unit. */
export function formatEstimateParts(unit: KpiUnit, e: Estimate): { mean: string; halfWidth: string | null } {
  const hw = halfWidth(e);
  return {
    mean: formatValue(unit, e.mean),
    halfWidth: hw === null ? null : formatHalfWidth(unit, hw, e.mean),
  };
}

/** "mean ± half-width", or just the mean with one replication. */
export function formatEstimate(unit: KpiUnit, e: Estimate): string {
  const { mean, halfWidth: hw } = formatEstimateParts(unit, e);
  return hw === null ? mean : `${mean} ± ${hw}`;
}
