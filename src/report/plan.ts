// `staffsim plan` output: one renderer per format (table, json, csv,
// markdown), as `run` has. The table and markdown show each strategy's
// months in three blocks (customers, money, workforce), every cell "mean ±
// half-width" over the plan's paths, then each strategy against the
// baseline: present value, cumulative saving and the payback month.

import Table from 'cli-table3';
import type { Estimate } from '../metrics/kpis.js';
import { PLAN_FIGURES, PLAN_FIGURE_NAMES, type PlanFigure } from '../plan/figures.js';
import type { PlanReport, PlanStrategyResult } from '../plan/result.js';
import { csvField } from './csv.js';
import { formatDuration, formatEstimate, formatMoney } from './format.js';
import { escapeMarkdown } from './markdown.js';

export const PLAN_BLOCKS: ReadonlyArray<{ title: string; figures: readonly PlanFigure[] }> = [
  { title: 'Customers', figures: ['customers', 'contacts', 'resolved_rate', 'csat', 'churned', 'ai_resolution', 'ai_containment', 'service_level'] },
  { title: 'Money', figures: ['cost_operating', 'cost_churn', 'cost_severance', 'cost_hiring', 'cost_training', 'cost_cumulative', 'npv_cost'] },
  { title: 'Workforce', figures: ['employees', 'hired', 'laid_off', 'left', 'gig_active', 'gig_earnings_median', 'gig_earnings_p10', 'gig_below_threshold'] },
];

const info = (name: PlanFigure) => PLAN_FIGURES.find((f) => f.name === name)!;

/** A cell: "mean ± half-width"; a one-off cost that is 0 on every path is blank, so the months it happens stand out. */
function cell(name: PlanFigure, e: Estimate): string {
  if ((name === 'cost_severance' || name === 'cost_hiring' || name === 'cost_training') && e.mean === 0 && e.ci95[1] === 0) return '';
  return formatEstimate(info(name).unit, e);
}

function planHeaderLine(report: PlanReport): string {
  const wage = report.living_wage_per_month === null ? 'no living-wage threshold set' : `living wage ${formatMoney(report.living_wage_per_month)} a month`;
  return (
    `${report.scenario.name}: plan ${report.start}, ${report.months} months, ${report.paths} paths; each month simulated over ` +
    `${report.stretch.days} day(s) after a ${formatDuration(report.stretch.warmup)} warm-up and scaled to the month; ` +
    `discount rate ${(report.discount_rate * 100).toFixed(1)}% a year; ${wage}; seed ${report.seed}; ± = 95% interval over paths`
  );
}

/** What each strategy did against the baseline, one sentence each. */
export function planSummary(report: PlanReport): string[] {
  return report.strategies.map((s) => {
    const pv = `present value of cost ${formatEstimate('money', s.npv_cost)}`;
    if (s.npv_saving === null || s.cumulative_saving === null) return `${s.name} (baseline): ${pv}`;
    const payback = s.payback_month === null ? 'does not pay back within the plan' : `pays back from ${s.payback_month}`;
    return (
      `${s.name}: ${pv}; saves ${formatEstimate('money', s.npv_saving)} in present value and ${formatEstimate('money', s.cumulative_saving)} in cumulative cost against ${report.baseline}; ` +
      `${payback} (${s.paid_back_paths} of ${report.paths} paths pay back)`
    );
  });
}

function monthRows(s: PlanStrategyResult, figures: readonly PlanFigure[]): string[][] {
  return s.months.map((m) => [m.month + (m.rules_fired > 0 ? ` r${m.rules_fired}` : ''), ...figures.map((f) => cell(f, m.figures[f]))]);
}

const LEGEND = 'rN after a month: a rule held on N paths that month (its changes start the next month); blank one-off cost: none that month';

export function renderPlanTable(report: PlanReport): string {
  const lines = [planHeaderLine(report), ''];
  for (const s of report.strategies) {
    lines.push(`${s.name}${s.description ? `: ${s.description}` : ''}`);
    for (const block of PLAN_BLOCKS) {
      lines.push(block.title);
      const table = new Table({
        head: ['month', ...block.figures.map((f) => info(f).label)],
        colAligns: ['left', ...block.figures.map(() => 'right' as const)],
        style: { head: [], border: [], compact: true, 'padding-left': 1, 'padding-right': 1 },
      });
      for (const row of monthRows(s, block.figures)) table.push(row);
      lines.push(table.toString());
    }
    lines.push('');
  }
  lines.push(...planSummary(report), '', LEGEND);
  return `${lines.join('\n')}\n`;
}

export function renderPlanMarkdown(report: PlanReport): string {
  const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  const lines = [escapeMarkdown(planHeaderLine(report)), ''];
  for (const s of report.strategies) {
    lines.push(`### ${escapeMarkdown(s.name)}`, '');
    if (s.description) lines.push(escapeMarkdown(s.description), '');
    for (const block of PLAN_BLOCKS) {
      lines.push(`**${block.title}**`, '');
      lines.push(row(['month', ...block.figures.map((f) => escapeMarkdown(info(f).label))]));
      lines.push(row([':--', ...block.figures.map(() => '--:')]));
      for (const r of monthRows(s, block.figures)) lines.push(row(r.map(escapeMarkdown)));
      lines.push('');
    }
  }
  lines.push(...planSummary(report).map((l) => `- ${escapeMarkdown(l)}`), '', escapeMarkdown(LEGEND));
  return `${lines.join('\n')}\n`;
}

function finite(value: number | null, where: string): number | null {
  if (value !== null && !Number.isFinite(value)) throw new Error(`internal error: ${where} is ${value}, not a finite number`);
  return value;
}

function checked(e: Estimate, where: string): Estimate {
  return { mean: finite(e.mean, `${where} mean`)!, ci95: [finite(e.ci95[0], `${where} low`), finite(e.ci95[1], `${where} high`)] };
}

export function renderPlanJson(report: PlanReport): string {
  const out = {
    ...report,
    strategies: report.strategies.map((s) => ({
      ...s,
      npv_cost: checked(s.npv_cost, `${s.name} npv_cost`),
      npv_saving: s.npv_saving && checked(s.npv_saving, `${s.name} npv_saving`),
      cumulative_saving: s.cumulative_saving && checked(s.cumulative_saving, `${s.name} cumulative_saving`),
      months: s.months.map((m) => ({
        ...m,
        figures: Object.fromEntries(PLAN_FIGURE_NAMES.map((f) => [f, checked(m.figures[f], `${s.name} ${m.month} ${f}`)])),
      })),
    })),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

export const PLAN_CSV_HEADER = ['strategy', 'month', 'figure', 'mean', 'ci95_low', 'ci95_high'] as const;

/**
 * Long format, one row per strategy × month × figure, then per strategy the
 * plan's totals with month `plan`: npv_cost, and against the baseline
 * npv_saving, cumulative_saving, payback_month (months from the start, 1 =
 * the first; an empty mean: no payback) and paid_back_paths.
 */
export function renderPlanCsv(report: PlanReport): string {
  const num = (x: number | null, where: string) => (x === null ? '' : String(finite(x, where)));
  const lines = [PLAN_CSV_HEADER.join(',')];
  const push = (strategy: string, month: string, figure: string, e: Estimate) =>
    lines.push([csvField(strategy), month, figure, num(e.mean, figure), num(e.ci95[0], figure), num(e.ci95[1], figure)].join(','));
  const one = (x: number | null): Estimate => ({ mean: x as number, ci95: [null, null] });
  for (const s of report.strategies) {
    for (const m of s.months) for (const f of PLAN_FIGURE_NAMES) push(s.name, m.month, f, m.figures[f]);
    push(s.name, 'plan', 'npv_cost', s.npv_cost);
    if (s.npv_saving && s.cumulative_saving) {
      push(s.name, 'plan', 'npv_saving', s.npv_saving);
      push(s.name, 'plan', 'cumulative_saving', s.cumulative_saving);
      const index = s.payback_month === null ? null : s.months.findIndex((m) => m.month === s.payback_month) + 1;
      lines.push([csvField(s.name), 'plan', 'payback_month', index === null ? '' : String(index), '', ''].join(','));
      push(s.name, 'plan', 'paid_back_paths', one(s.paid_back_paths));
    }
  }
  return `${lines.join('\n')}\n`;
}

export const PLAN_RENDERERS = {
  table: renderPlanTable,
  json: renderPlanJson,
  csv: renderPlanCsv,
  markdown: renderPlanMarkdown,
} satisfies Record<string, (report: PlanReport) => string>;

/** The formats of `plan`: those above, and html (charts, so asynchronous: renderPlanPage). */
export const PLAN_FORMATS = [...(Object.keys(PLAN_RENDERERS) as (keyof typeof PLAN_RENDERERS)[]), 'html'] as const;
export type PlanFormat = (typeof PLAN_FORMATS)[number];

/** Any format of `plan`. HTML loads its renderer (and vega) only when asked for, as `run` does (report/index.ts). */
export async function renderPlan(report: PlanReport, format: PlanFormat, options: { command: string }): Promise<string> {
  if (format !== 'html') return PLAN_RENDERERS[format](report);
  const { renderPlanHtml } = await import('./html/index.js');
  const blocks = report.strategies.map((s) =>
    PLAN_BLOCKS.map((b) => ({ title: b.title, columns: ['Month', ...b.figures.map((f) => info(f).label)], rows: monthRows(s, b.figures) })),
  );
  return renderPlanHtml(report, { command: options.command, header: planHeaderLine(report), summary: planSummary(report), blocks, legend: LEGEND });
}
