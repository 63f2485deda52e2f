// The comparison every human-facing format shows: KPIs as rows grouped by
// customers / cost / workers, strategies as columns, each cell a formatted
// estimate, the best strategy per row marked. Table and markdown render this
// model; they decide only how it looks.

import { KPI_NAMES, KPIS, type Estimate, type KpiGroup, type KpiName } from '../metrics/kpis.js';
import type { RunReport, StrategyResult } from '../experiment/result.js';
import { formatEstimate, formatEstimateParts, formatDuration, formatTargetShare } from './format.js';
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
  kpi: Kpi;
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
 * contacts offered to humans, and gig-worker KPIs need paid gig hours.
 */
export function applies(kpi: Kpi, strategy: Pick<StrategyResult, 'metrics'>): boolean {
  if (kpi.queue && hasNoQueue(strategy)) return false;
  if ('gig' in kpi && kpi.gig && strategy.metrics.gig_hours.mean === 0) return false;
  return true;
}

/**
 * Indices of the strategies best on a KPI: by its `better` direction, among
 * strategies it applies to, ties as displayed all marked. None when `better`
 * is null, fewer than two strategies are eligible, or all eligible ones show
 * the same value.
 */
function bestIndices(kpi: Kpi, strategies: readonly StrategyResult[], shown: readonly string[]): Set<number> {
  const best = new Set<number>();
  if (kpi.better === null) return best;
  const eligible = strategies.map((_, i) => i).filter((i) => applies(kpi, strategies[i]));
  if (eligible.length < 2) return best;
  const sign = kpi.better === 'higher' ? 1 : -1;
  let top = eligible[0];
  for (const i of eligible) {
    if (sign * strategies[i].metrics[kpi.name].mean > sign * strategies[top].metrics[kpi.name].mean) top = i;
  }
  for (const i of eligible) if (shown[i] === shown[top]) best.add(i);
  if (best.size === eligible.length) best.clear();
  return best;
}

/** The comparison of `kpis` (default all), grouped; a group with none of them is left out. */
export function comparison(report: RunReport, kpis: readonly KpiName[] = KPI_NAMES): ComparisonGroup[] {
  const { strategies } = report;
  const shown = kpiInfos(kpis);
  const groups = GROUP_ORDER.map((group) => ({
    group,
    title: GROUP_TITLES[group],
    rows: shown.filter((k) => k.group === group).map((kpi): ComparisonRow => {
      const parts = strategies.map((s) => formatEstimateParts(kpi.unit, requireMetric(s, kpi.name)));
      const best = bestIndices(kpi, strategies, parts.map((p) => p.mean));
      return {
        kpi,
        cells: strategies.map((s, i) => ({
          applicable: applies(kpi, s),
          best: best.has(i),
          mean: parts[i].mean,
          halfWidth: parts[i].halfWidth,
        })),
      };
    }),
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
    parts.push('n/a: nothing offered to humans (queue KPIs) or no gig hours');
  }
  return `${parts.join('; ')}.`;
}
