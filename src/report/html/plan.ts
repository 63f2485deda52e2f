// `staffsim plan --format html`: each strategy's months as charts (cost,
// cumulative and present value, with the payback month drawn; customers;
// CSAT; workforce; gig earnings with the lowest tenth), each a line per
// strategy with its 95% band over the plan's paths, then the month tables,
// the summary against the baseline, how to read it and what identifies it.
// Loaded lazily, like the rest of report/html (report/plan.ts).

import type { TopLevelSpec } from 'vega-lite';
import type { Estimate } from '../../metrics/kpis.js';
import { PLAN_FIGURES, type PlanFigure } from '../../plan/figures.js';
import type { PlanReport } from '../../plan/result.js';
import { formatValue } from '../format.js';
import { axisFormat, base, hi, intervalText, lo, strategyScales, type Chart } from './charts.js';
import { chartsHtml, escapeHtml, howToRead, page, provenance, textTable } from './page.js';

const figureInfo = (name: PlanFigure) => PLAN_FIGURES.find((f) => f.name === name)!;

interface Series {
  figure: PlanFigure;
  /** The series' name where a chart draws more than one figure (its dash tells them apart). */
  name?: string;
}

/**
 * One figure (or several, told apart by dash) month by month: a line per
 * strategy and figure, its 95% band over paths shaded; `payback` adds a
 * rule at each strategy's payback month.
 */
function monthChart(report: PlanReport, id: string, title: string, description: string, series: readonly Series[], payback = false): Chart {
  const unit = figureInfo(series[0].figure).unit;
  const names = report.strategies.map((s) => s.name);
  const months = report.strategies[0]?.months.map((m) => m.month) ?? [];
  const many = series.length > 1;
  const values = report.strategies.flatMap((s) =>
    series.flatMap((sr) =>
      s.months.map((m) => {
        const e = m.figures[sr.figure];
        return { strategy: s.name, series: sr.name ?? figureInfo(sr.figure).label, month: m.month, y: e.mean, y_lo: lo(e), y_hi: hi(e) };
      }),
    ),
  );
  const scales = strategyScales(names);
  const x = { field: 'month', type: 'ordinal' as const, sort: months, title: 'Month', axis: { labelOverlap: 'parity' as const, labelAngle: -45 } };
  const y = { field: 'y', type: 'quantitative' as const, title: many ? formatUnitTitle(series) : figureInfo(series[0].figure).label, scale: { zero: false }, axis: { format: axisFormat(unit) } };
  const color = { field: 'strategy', type: 'nominal' as const, scale: scales.color, title: 'Strategy' };
  const dash = many
    ? { field: 'series', type: 'nominal' as const, scale: { domain: series.map((s) => s.name!), range: [[1, 0], [6, 3], [2, 2]].slice(0, series.length) }, title: 'Figure' }
    : { field: 'strategy', type: 'nominal' as const, scale: scales.strokeDash, title: 'Strategy' };
  const detail = many ? { detail: { field: 'series', type: 'nominal' as const } } : {};
  const layers: unknown[] = [
    { mark: { type: 'line', strokeWidth: 2, point: true }, encoding: { x, y, color, strokeDash: dash, ...detail } },
    { mark: { type: 'area', opacity: 0.18 }, encoding: { x, y: { ...y, field: 'y_lo' }, y2: { field: 'y_hi' }, color, ...(many ? { detail: { field: 'series', type: 'nominal' } } : {}) } },
  ];
  const paying = report.strategies.filter((s) => s.payback_month !== null);
  const paybacks = paying.map((s) => ({ strategy: s.name, month: s.payback_month }));
  // One label per month, naming every strategy that pays back from it, so labels never sit on one another.
  const labels = [...new Set(paying.map((s) => s.payback_month!))].map((month) => ({
    month,
    label: `payback: ${paying.filter((s) => s.payback_month === month).map((s) => s.name).join(', ')}`,
  }));
  if (payback && paybacks.length > 0) {
    layers.push({
      layer: [
        { data: { values: paybacks }, mark: { type: 'rule', strokeWidth: 1.5, strokeDash: [4, 2] }, encoding: { x, color } },
        { data: { values: labels }, mark: { type: 'text', align: 'right', dx: -4, dy: 4, fontSize: 11, baseline: 'top' }, encoding: { x, y: { value: 0 }, text: { field: 'label' } } },
      ],
    });
  }
  const columns = ['Month', ...report.strategies.flatMap((s) => series.map((sr) => (many ? `${s.name}: ${sr.name}` : s.name)))];
  const rows = months.map((month, i) => [
    month,
    ...report.strategies.flatMap((s) => series.map((sr) => intervalText(figureInfo(sr.figure).unit, s.months[i]?.figures[sr.figure] ?? missing(s.name, month)))),
  ]);
  if (payback) rows.push(['Payback month', ...report.strategies.flatMap((s) => series.map(() => s.payback_month ?? (s.npv_saving === null ? 'baseline' : 'none')))]);
  return {
    id,
    title,
    description,
    spec: { ...base({ title, description }), data: { values }, layer: layers } as TopLevelSpec,
    table: { columns, rows },
  };
}

function missing(strategy: string, month: string): Estimate {
  throw new Error(`internal error: plan strategy ${strategy} has no month ${month}`);
}

function formatUnitTitle(series: readonly Series[]): string {
  return series.map((s) => s.name).join(', ');
}

export function planCharts(report: PlanReport): Chart[] {
  const wage = report.living_wage_per_month === null ? '' : ` The living-wage threshold is ${formatValue('money', report.living_wage_per_month)} a month.`;
  return [
    monthChart(report, 'plan-cost-cumulative', 'Cumulative cost', 'One line per strategy: the total cost from the first month to each month, its 95% band over paths shaded; a dashed rule marks the month from which a strategy stays at or below the baseline (its payback month).', [{ figure: 'cost_cumulative' }], true),
    monthChart(report, 'plan-npv-cost', 'Present value of cost', `One line per strategy: the costs to each month discounted to the plan's start at ${(report.discount_rate * 100).toFixed(1)}% a year, with the 95% band over paths.`, [{ figure: 'npv_cost' }]),
    monthChart(report, 'plan-customers', 'Customers', 'One line per strategy: the customer base at the start of each month (churned customers leave it), with the 95% band over paths.', [{ figure: 'customers' }]),
    monthChart(report, 'plan-csat', 'CSAT (1-5)', 'One line per strategy: the mean satisfaction of the month\'s ended episodes, with the 95% band over paths.', [{ figure: 'csat' }]),
    monthChart(report, 'plan-workforce', 'Workforce', 'Employees on payroll (solid) and on-demand workers active (dashed) each month, a colour per strategy, with 95% bands over paths.', [
      { figure: 'employees', name: 'Employees' },
      { figure: 'gig_active', name: 'Gig workers active' },
    ]),
    monthChart(report, 'plan-gig-earnings', 'Gig workers\' monthly earnings', `The median (solid) and the lowest tenth (dashed: the 10th percentile) of the active on-demand workers' monthly earnings, a colour per strategy, with 95% bands over paths (0 with no gig workers).${wage}`, [
      { figure: 'gig_earnings_median', name: 'Median' },
      { figure: 'gig_earnings_p10', name: 'Lowest tenth' },
    ]),
  ];
}

const HOW_TO_READ_PLAN = [
  'Each month is simulated over a short stretch of days and scaled to the month; what it ends with (customers lost, hires, leavers, rules that held) starts the next month, so the months form one path. The plan runs several independent paths.',
  'A figure written “mean ± half-width” (or “mean (low to high)”) is the mean over the paths and its 95% confidence interval; the shaded bands in the charts are the same intervals.',
  'The payback month is the month from which a strategy\'s mean cumulative cost stays at or below the baseline\'s; the summary says on how many paths it pays back.',
  'The present value discounts each month\'s cost to the plan\'s start; the cumulative cost does not.',
];

/**
 * The plan's words, as the table and markdown print them (report/plan.ts
 * passes them in, so this lazily loaded module does not pull the terminal
 * renderers into its chunk).
 */
export interface PlanWords {
  command: string;
  header: string;
  summary: string[];
  /** Per strategy, its blocks of months: a title, column names and rows. */
  blocks: { title: string; columns: string[]; rows: string[][] }[][];
  /** What the marks in the month tables mean. */
  legend: string;
}

export async function renderPlanHtml(report: PlanReport, options: PlanWords): Promise<string> {
  const tables = report.strategies.map((s, i) => {
    const blocks = options.blocks[i].map((b) => `<h4>${escapeHtml(b.title)}</h4>\n${textTable(b.columns, b.rows)}`);
    return `<h3>${escapeHtml(s.name)}</h3>\n${s.description ? `<p>${escapeHtml(s.description)}</p>\n` : ''}${blocks.join('\n')}`;
  });
  const body = [
    `<h1>${escapeHtml(report.scenario.name)}: the plan month by month</h1>`,
    `<p class="summary">${escapeHtml(options.header)}</p>`,
    `<div class="verdict"><strong>Against the baseline.</strong><ul>${options.summary.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul></div>`,
    '<h2>Charts</h2>',
    await chartsHtml(planCharts(report)),
    '<h2>Every month</h2>',
    ...tables,
    howToRead([...HOW_TO_READ_PLAN, `In the tables: ${options.legend}.`]),
    provenance(
      [
        ['Scenario', report.scenario.name],
        ['Scenario SHA-256', report.scenario.sha256],
        ['Seed', String(report.seed)],
        ['Paths', String(report.paths)],
        ['Months', `${report.months} from ${report.start}`],
        ['Baseline', report.baseline],
        ['staffsim version', report.staffsim],
      ],
      options.command,
    ),
  ];
  return page(`${report.scenario.name}: staffsim plan`, body.join('\n'));
}
