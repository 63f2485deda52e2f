// The figures an executive asks for beside the measured window's totals:
// the same costs over a year, the weeks a strategy takes to repay its one-off
// transition cost out of its savings against the baseline, and the jobs it
// changes (people on the payroll against the baseline's). Every format reads
// them from here.
//
// - A year is 365 days at the measured window's daily rate (the window's
//   totals × 365 / measured days; intervals scale alike).
// - Savings are in total economic cost (operating cost plus churn loss)
//   against the baseline as the run staffed it, per week (7 days); their
//   interval is that of the paired difference across replications.
// - Payback = the strategy's one-off transition cost (from today's payroll,
//   transition.baseline_payroll_headcount) / its weekly saving. No saving (a
//   mean of 0 or less): it never pays back (null). Nothing to repay: 0
//   weeks. The interval is the transition cost over the saving's interval;
//   its upper bound is null when the saving's interval reaches 0 (it may
//   never pay back).

import type { Estimate, KpiName } from '../metrics/kpis.js';
import { independentDifference, pairedDifference, type Difference } from '../metrics/replications.js';
import type { RunReport, StrategyResult } from '../experiment/result.js';

export const DAYS_PER_YEAR = 365;
const DAYS_PER_WEEK = 7;

/** The window costs turned into a year's. */
export const YEAR_KPIS = ['cost_operating', 'cost_churn', 'cost_total'] as const satisfies readonly KpiName[];
export type YearKpi = (typeof YEAR_KPIS)[number];

function scaled(e: Estimate, factor: number): Estimate {
  return {
    mean: e.mean * factor,
    ci95: [e.ci95[0] === null ? null : e.ci95[0] * factor, e.ci95[1] === null ? null : e.ci95[1] * factor],
  };
}

/** An estimate over the measured window, per year. */
export function perYear(e: Estimate, measuredDays: number): Estimate {
  return scaled(e, DAYS_PER_YEAR / measuredDays);
}

/** Operating cost, churn loss and total economic cost per year. */
export function yearFigures(report: RunReport, s: StrategyResult): Record<YearKpi, Estimate> {
  const out = {} as Record<YearKpi, Estimate>;
  for (const kpi of YEAR_KPIS) out[kpi] = perYear(s.metrics[kpi], report.measured_days);
  return out;
}

/**
 * a − b on a KPI: from the per-replication values when both strategies have
 * them (paired: common random numbers), else from their intervals as if
 * independent (wider).
 */
export function difference(report: RunReport, a: StrategyResult, b: StrategyResult, kpi: KpiName): Difference {
  const ra = a.per_replication;
  const rb = b.per_replication;
  if (ra && rb && ra.length === rb.length) return pairedDifference(ra.map((r) => r[kpi]), rb.map((r) => r[kpi]));
  return independentDifference(a.metrics[kpi], b.metrics[kpi], report.replications);
}

export interface AgainstBaseline {
  /** Baseline's total economic cost minus the strategy's, per week. */
  saving_per_week: Difference;
  /** The same per year. */
  saving_per_year: Difference;
  /** Weeks of savings that repay the one-off transition cost; null when it never saves. */
  payback_weeks: Estimate | null;
  /** People on the payroll, the strategy's minus the baseline's. */
  payroll_change: number;
}

function scaledDifference(d: Difference, factor: number): Difference {
  return { ...d, ...scaled(d, factor) };
}

export function againstBaseline(report: RunReport, s: StrategyResult, baseline: StrategyResult): AgainstBaseline {
  const window = difference(report, baseline, s, 'cost_total');
  const perWeek = scaledDifference(window, DAYS_PER_WEEK / report.measured_days);
  return {
    saving_per_week: perWeek,
    saving_per_year: scaledDifference(window, DAYS_PER_YEAR / report.measured_days),
    payback_weeks: payback(s.metrics.cost_transition.mean, perWeek),
    payroll_change: s.payroll_headcount - baseline.payroll_headcount,
  };
}

function payback(oneOff: number, saving: Difference): Estimate | null {
  if (saving.mean <= 0) return null;
  if (oneOff === 0) return { mean: 0, ci95: [0, 0] };
  const [lo, hi] = saving.ci95;
  return {
    mean: oneOff / saving.mean,
    ci95: [hi === null ? null : oneOff / hi, lo === null || lo <= 0 ? null : oneOff / lo],
  };
}

/** The baseline of a report (by name); null when it ran no strategy of that name. */
export function baselineOf(report: RunReport): StrategyResult | null {
  return report.strategies.find((s) => s.name === report.baseline) ?? null;
}

/** The copy of the baseline staffed to just meet the target, when the run added one. */
export function atTargetOf(report: RunReport): StrategyResult | null {
  return report.strategies.find((s) => s.at_target_of === report.baseline) ?? null;
}
