// The comparison every human-facing format shows: KPIs as rows grouped by
// customers / cost / workers, strategies as columns, each cell a formatted
// estimate, the best strategy per row marked. Table and markdown render this
// model; they decide only how it looks.

import { KPI_NAMES, KPIS, type Estimate, type KpiGroup, type KpiName, type KpiUnit } from '../metrics/kpis.js';
import type { RunReport, StrategyResult } from '../experiment/result.js';
import { againstBaseline, baselineOf, perYear } from './economics.js';
import { formatCount, formatEstimate, formatEstimateParts, formatDuration, formatTargetShare } from './format.js';
import { kpiInfos } from './kpi-selection.js';

export const GROUP_TITLES: Record<KpiGroup, string> = {
  customers: 'Customers',
  cost: 'Cost',
  workers: 'Workers',
};

/** A catalogue entry, with its name typed as a KpiName. */
export type Kpi = (typeof KPIS)[number];

const GROUP_ORDER: readonly KpiGroup[] = ['customers', 'cost', 'workers'];

export interface ComparisonCell {
  /** False when the KPI means nothing for this strategy (shown as "n/a", never best). */
  applicable: boolean;
  best: boolean;
  mean: string;
  /** Null with one replication (no interval). */
  halfWidth: string | null;
}

export interface ComparisonRow {
  label: string;
  /** The KPI shown; absent on the rows derived from KPIs (the year, payback, payroll: economics.ts). */
  kpi?: Kpi;
  cells: ComparisonCell[];
}

export interface ComparisonGroup {
  group: KpiGroup;
  title: string;
  rows: ComparisonRow[];
}

/** Nothing was offered to the human queue: the strategy has no queue. */
export function hasNoQueue(strategy: Pick<StrategyResult, 'metrics'>): boolean {
  return strategy.metrics.offered_to_humans.mean === 0;
}

/**
 * Whether a KPI means anything for a strategy: human-queue KPIs need
 * contacts offered to humans, gig-worker KPIs need paid gig hours, and
 * figures of the episodes the AI resolved need an AI that closed some.
 */
export function applies(kpi: Kpi, strategy: Pick<StrategyResult, 'metrics'>): boolean {
  if (kpi.queue && hasNoQueue(strategy)) return false;
  if ('gig' in kpi && kpi.gig && strategy.metrics.gig_hours.mean === 0) return false;
  if ('ai' in kpi && kpi.ai && strategy.metrics.ai_containment.mean === 0) return false;
  return true;
}

/**
 * Indices of the strategies best on a KPI: by its `better` direction, among
 * strategies it applies to, ties as displayed all marked. None when `better`
 * is null, fewer than two strategies are eligible, or all eligible ones show
 * the same value.
 */
function bestIndices(better: Kpi['better'], values: readonly (number | null)[], shown: readonly string[]): Set<number> {
  const best = new Set<number>();
  if (better === null) return best;
  const eligible = values.map((_, i) => i).filter((i) => values[i] !== null);
  if (eligible.length < 2) return best;
  const sign = better === 'higher' ? 1 : -1;
  let top = eligible[0];
  for (const i of eligible) {
    if (sign * values[i]! > sign * values[top]!) top = i;
  }
  for (const i of eligible) if (shown[i] === shown[top]) best.add(i);
  if (best.size === eligible.length) best.clear();
  return best;
}

/** A row of estimates (null: not applicable), the best marked by `better`. */
function estimateRow(label: string, unit: KpiUnit, better: Kpi['better'], estimates: readonly (Estimate | null)[]): ComparisonRow {
  const parts = estimates.map((e) => (e === null ? { mean: '', halfWidth: null } : formatEstimateParts(unit, e)));
  const best = bestIndices(better, estimates.map((e) => e?.mean ?? null), parts.map((p) => p.mean));
  return {
    label,
    cells: estimates.map((e, i) => ({ applicable: e !== null, best: best.has(i), mean: parts[i].mean, halfWidth: parts[i].halfWidth })),
  };
}

/** A row of text cells, nothing marked best. */
function textRow(label: string, texts: readonly (string | null)[]): ComparisonRow {
  return { label, cells: texts.map((t) => ({ applicable: t !== null, best: false, mean: t ?? '', halfWidth: null })) };
}

function kpiRow(kpi: Kpi, strategies: readonly StrategyResult[]): ComparisonRow {
  const row = estimateRow(kpi.label, kpi.unit, kpi.better, strategies.map((s) => (applies(kpi, s) ? requireMetric(s, kpi.name) : null)));
  // An inapplicable KPI still shows its value in the data formats; here it is "n/a", never best.
  return { ...row, kpi };
}

/** "4.9 wk", "0 wk", "never" (its interval is in the verdict, JSON and CSV). */
function paybackText(w: Estimate | null): string {
  if (w === null) return 'never';
  return `${w.mean < 10 ? w.mean.toFixed(1) : formatCount(Math.round(w.mean))} wk`;
}

/** The rows derived from KPIs (economics.ts), by the KPI row they follow. */
function derivedRows(report: RunReport): Map<string, ComparisonRow[]> {
  const { strategies, measured_days: days } = report;
  const baseline = baselineOf(report);
  const against = strategies.map((s) => (baseline && s !== baseline ? againstBaseline(report, s, baseline) : null));
  const rows = new Map<string, ComparisonRow[]>();
  rows.set('cost_total', [
    estimateRow('Operating cost a year', 'money', 'lower', strategies.map((s) => perYear(s.metrics.cost_operating, days))),
    estimateRow('Churn loss a year', 'money', 'lower', strategies.map((s) => perYear(s.metrics.cost_churn, days))),
    estimateRow('Total economic cost a year', 'money', 'lower', strategies.map((s) => perYear(s.metrics.cost_total, days))),
  ]);
  if (baseline) {
    rows.set('cost_transition', [
      textRow('Payback (weeks)', against.map((a) => (a === null ? null : paybackText(a.payback_weeks)))),
    ]);
  }
  rows.set('utilization', [
    textRow('People on payroll', strategies.map((s) => formatCount(s.payroll_headcount))),
    ...(baseline
      ? [textRow('Payroll change', against.map((a) => (a === null ? null : `${a.payroll_change > 0 ? '+' : ''}${formatCount(a.payroll_change)}`)))]
      : []),
  ]);
  return rows;
}

/** The comparison of `kpis` (default all), grouped, each KPI followed by the rows derived from it; a group with none of them is left out. */
export function comparison(report: RunReport, kpis?: readonly KpiName[]): ComparisonGroup[] {
  const { strategies } = report;
  const shown = kpiInfos(kpis ?? KPI_NAMES);
  // With KPIs chosen (--kpi), only those rows: the derived ones are in the verdict.
  const derived = kpis === undefined ? derivedRows(report) : new Map<string, ComparisonRow[]>();
  const groups = GROUP_ORDER.map((group) => ({
    group,
    title: GROUP_TITLES[group],
    rows: shown.filter((k) => k.group === group).flatMap((kpi) => [kpiRow(kpi, strategies), ...(derived.get(kpi.name) ?? [])]),
  }));
  return groups.filter((g) => g.rows.length > 0);
}

/**
 * One KPI of one strategy as the comparison prints it: "mean ± half-width"
 * (the mean alone with one replication), or "n/a" where it does not apply.
 * For outputs that print a KPI per cell without marking the best (sweeps).
 */
export function kpiCellText(kpi: Kpi, strategy: Pick<StrategyResult, 'metrics'>): string {
  return applies(kpi, strategy) ? formatEstimate(kpi.unit, requireMetric(strategy, kpi.name)) : 'n/a';
}

function requireMetric(strategy: Pick<StrategyResult, 'metrics'> & { name?: string }, name: KpiName): Estimate {
  const e: Estimate | undefined = strategy.metrics[name];
  if (e === undefined) throw new Error(`internal error: strategy ${strategy.name ?? '(unnamed)'} has no KPI ${name}`);
  return e;
}

/** "80% answered within 60 s". */
export function targetPhrase(report: RunReport): string {
  const { target, answer_within } = report.service_level;
  return `${formatTargetShare(target)} answered within ${formatDuration(answer_within)}`;
}

/** One line saying what was run. */
export function summaryLine(report: RunReport): string {
  const reps = report.replications === 1 ? '1 replication' : `${report.replications} replications`;
  const days = `${Number(report.measured_days.toFixed(2))} measured day${report.measured_days === 1 ? '' : 's'}`;
  return `Scenario "${report.scenario.name}": ${reps}, seed ${report.seed}, ${days}; service level target ${targetPhrase(report)}.`;
}

/** What the ± and the marks mean; `bestMeaning` says how the best is marked ("* best"). */
export function legendLine(report: RunReport, bestMeaning: string, groups: readonly ComparisonGroup[]): string {
  const parts: string[] = [];
  parts.push(
    report.replications > 1
      ? `± is the 95% confidence interval half-width over ${report.replications} replications`
      : 'one replication: no confidence intervals',
  );
  parts.push(bestMeaning);
  if (groups.some((g) => g.rows.some((r) => r.cells.some((c) => !c.applicable)))) {
    parts.push('n/a: nothing offered to humans (queue KPIs), no gig hours, or the baseline against itself');
  }
  return `${parts.join('; ')}.`;
}
