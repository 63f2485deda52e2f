// The JSON contract of DESIGN.md, plus routing, measured_days, service_level,
// warnings (records: code, strategy, figures), unstable queues and, for auto-staffed strategies, the staffing chosen. KPIs appear
// in catalogue order (or only those of --kpi, in its order). A non-finite number anywhere is an internal bug and
// throws instead of turning into null.
//
// The verdict (verdict.ts) comes before the strategies: `verdict.recommended`
// and `verdict.baseline` name strategies, and the figures it quotes follow
// (docs/verdict.md lists them). Each strategy adds its year's costs, its
// people on the payroll and, but for the baseline, its figures against it
// (economics.ts).

import { HOURLY_KPI_NAMES, type HourEstimate } from '../metrics/hourly.js';
import type { Estimate } from '../metrics/kpis.js';
import { KPI_NAMES } from '../metrics/kpis.js';
import type { Difference } from '../metrics/replications.js';
import type { RunReport, StrategyResult } from '../experiment/result.js';
import { againstBaseline, baselineOf, difference as differenceOf, perYear, yearFigures, YEAR_KPIS } from './economics.js';
import { decide, verdict } from './verdict.js';
import type { RenderOptions } from './index.js';

function finite(value: number, where: string): number {
  if (!Number.isFinite(value)) throw new Error(`internal error: ${where} is ${value}, not a finite number`);
  return value;
}

function bound(value: number | null, where: string): number | null {
  return value === null ? null : finite(value, where);
}

/** A warning record with every number checked finite. */
function finiteRecord<T extends object>(record: T, where: string): T {
  for (const [key, value] of Object.entries(record)) if (typeof value === 'number') finite(value, `${where} ${key}`);
  return { ...record };
}

function estimateJson(e: Estimate, where: string) {
  return { mean: finite(e.mean, `${where} mean`), ci95: [bound(e.ci95[0], `${where} ci95 low`), bound(e.ci95[1], `${where} ci95 high`)] };
}

function differenceJson(d: Difference, where: string) {
  return { ...estimateJson(d, where), distinguishable: d.distinguishable, replications_to_separate: d.replications_to_separate };
}

/** by_hour: 24 entries, hour 0 first, each figure of metrics/hourly.ts as {mean, ci95}. */
function hoursJson(hours: readonly HourEstimate[], strategy: string) {
  return hours.map((h) => ({
    hour: h.hour,
    ...Object.fromEntries(HOURLY_KPI_NAMES.map((k) => [k, estimateJson(h[k], `strategy ${strategy}, by_hour ${h.hour} ${k}`)])),
  }));
}

function yearJson(report: RunReport, s: StrategyResult) {
  const year = yearFigures(report, s);
  return Object.fromEntries(YEAR_KPIS.map((k) => [k, estimateJson(year[k], `strategy ${s.name}, ${k} a year`)]));
}

function againstJson(report: RunReport, s: StrategyResult, baseline: StrategyResult) {
  const a = againstBaseline(report, s, baseline);
  const where = `strategy ${s.name} against ${baseline.name}`;
  return {
    saving_per_week: differenceJson(a.saving_per_week, `${where}, saving a week`),
    saving_per_year: differenceJson(a.saving_per_year, `${where}, saving a year`),
    payback_weeks: a.payback_weeks === null ? null : estimateJson(a.payback_weeks, `${where}, payback`),
    payroll_change: finite(a.payroll_change, `${where}, payroll change`),
  };
}

function verdictJson(report: RunReport) {
  const d = decide(report);
  const pick = d.recommended;
  const where = 'verdict';
  return {
    text: verdict(report),
    recommended: pick?.name ?? null,
    basis: d.basis,
    baseline: report.baseline,
    at_target: d.atTarget?.name ?? null,
    qualifying: d.qualifying.map((s) => s.name),
    excluded_no_queue: d.dominated.map(({ strategy, by }) => ({ strategy: strategy.name, cheaper_and_no_worse_for_customers: by.name })),
    excluded_unstable: d.unstable.map((s) => s.name),
    ...(pick
      ? {
          cost_total: estimateJson(pick.metrics.cost_total, `${where} cost_total`),
          cost_total_per_year: estimateJson(perYear(pick.metrics.cost_total, report.measured_days), `${where} cost_total a year`),
          cost_transition: finite(pick.metrics.cost_transition.mean, `${where} cost_transition`),
          payroll_headcount: finite(pick.payroll_headcount, `${where} payroll`),
          against_baseline: d.baseline && d.baseline !== pick ? againstJson(report, pick, d.baseline) : null,
          against_at_target:
            d.atTarget && d.atTarget !== pick ? { cost_total_difference: differenceJson(differenceOf(report, pick, d.atTarget, 'cost_total'), `${where} against ${d.atTarget.name}`) } : null,
          cheaper_tie: d.cheaperTie ? { strategy: d.cheaperTie.strategy.name, cost_total_difference: differenceJson(d.cheaperTie.difference, `${where} tie`) } : null,
          runner_up: d.runnerUp ? { strategy: d.runnerUp.strategy.name, cost_total_difference: differenceJson(d.runnerUp.difference, `${where} runner-up`) } : null,
          over_occupancy_cap: d.overCap ? { occupancy: d.overCap.occupancy, cap: d.overCap.cap, chat_slots: d.overCap.chatSlots } : null,
        }
      : {}),
    ...(report.sensitivity ? { sensitivity: report.sensitivity.map((c) => ({ ...c })) } : {}),
  };
}

export function renderJson(report: RunReport, options: Pick<RenderOptions, 'kpis'> = {}): string {
  const baseline = baselineOf(report);
  const out = {
    staffsim: report.staffsim,
    scenario: { name: report.scenario.name, sha256: report.scenario.sha256 },
    seed: finite(report.seed, 'seed'),
    replications: finite(report.replications, 'replications'),
    measured_days: finite(report.measured_days, 'measured_days'),
    service_level: {
      answer_within: finite(report.service_level.answer_within, 'service_level.answer_within'),
      target: finite(report.service_level.target, 'service_level.target'),
      max_occupancy: report.service_level.max_occupancy === null ? null : finite(report.service_level.max_occupancy, 'service_level.max_occupancy'),
    },
    verdict: verdictJson(report),
    strategies: report.strategies.map((s) => ({
      name: s.name,
      routing: s.routing,
      ...(s.at_target_of !== undefined ? { at_target_of: s.at_target_of } : {}),
      metrics: Object.fromEntries(
        (options.kpis ?? KPI_NAMES).map((kpi) => {
          const e = s.metrics[kpi];
          const where = `strategy ${s.name}, KPI ${kpi}`;
          if (e === undefined) throw new Error(`internal error: ${where} is missing`);
          return [
            kpi,
            { mean: finite(e.mean, `${where} mean`), ci95: [bound(e.ci95[0], `${where} ci95 low`), bound(e.ci95[1], `${where} ci95 high`)] },
          ];
        }),
      ),
      ...(s.by_hour ? { by_hour: hoursJson(s.by_hour, s.name) } : {}),
      ...(s.by_type ? { by_type: breakdownJson(s.by_type, `strategy ${s.name} by_type`) } : {}),
      ...(s.by_group ? { by_group: breakdownJson(s.by_group, `strategy ${s.name} by_group`) } : {}),
      year: yearJson(report, s),
      mean_on_shift: finite(s.mean_on_shift, `strategy ${s.name} mean_on_shift`),
      payroll_headcount: finite(s.payroll_headcount, `strategy ${s.name} payroll_headcount`),
      against_baseline: baseline && s !== baseline ? againstJson(report, s, baseline) : null,
      // Auto-staffed strategies say what they chose (experiment/auto-staffing.ts).
      ...(s.staffing ? { staffing: s.staffing } : {}),
      // Queues predicted not to settle (experiment/warnings.ts).
      ...(s.unstable ? { unstable: [...s.unstable] } : {}),
    })),
    // Records, not sentences (report/warnings.ts words them); every figure finite.
    warnings: report.warnings.map((w) => finiteRecord(w, `warning ${w.code}`)),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** by_type or by_group: per name, its metrics as the strategy's are written (every figure finite). */
function breakdownJson(parts: Record<string, { metrics: Record<string, Estimate> }>, where: string) {
  return Object.fromEntries(
    Object.entries(parts).map(([name, part]) => [
      name,
      {
        metrics: Object.fromEntries(
          Object.entries(part.metrics).map(([kpi, e]) => {
            const at = `${where} ${name}, KPI ${kpi}`;
            return [kpi, { mean: finite(e.mean, `${at} mean`), ci95: [bound(e.ci95[0], `${at} ci95 low`), bound(e.ci95[1], `${at} ci95 high`)] }];
          }),
        ),
      },
    ]),
  );
}
