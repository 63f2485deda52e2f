// `--format html`: the report an executive opens and forwards. One
// self-contained file: the verdict, the comparison table (intervals, best
// marked), charts rendered to SVG at report time (charts.ts, svg.ts), a note
// on how to read it, and what identifies the run (scenario, hash, seed,
// version, the command that reproduces it). docs/report.md describes it.

import type { RunReport } from '../../experiment/result.js';
import type { SweepMeta, SweepRow } from '../../experiment/sweep.js';
import { KPI_NAMES, type KpiName } from '../../metrics/kpis.js';
import { breakdowns } from '../breakdown.js';
import { comparison, kpiCellText, legendLine, summaryLine, targetPhrase } from '../comparison.js';
import { kpiInfos } from '../kpi-selection.js';
import { sensitivityLines } from '../sensitivity.js';
import { verdict } from '../verdict.js';
import { warningText } from '../warnings.js';
import { runCharts, sweepCharts, SWEEP_CHART_KPIS } from './charts.js';
import { chartsHtml, comparisonTable, escapeHtml, howToRead, page, provenance, textTable } from './page.js';

// plan and optimize pages: one lazily loaded entry for every HTML page (report/plan.ts, report/optimize.ts).
export { renderPlanHtml } from './plan.js';
export { renderOptimizeHtml } from './optimize.js';

export interface HtmlOptions {
  /** The KPIs of the table (and, for a sweep, of the charts), in order; default every KPI (sweep charts: SWEEP_CHART_KPIS). */
  kpis?: readonly KpiName[];
  /** The command line that reproduces the report, shown in it. */
  command: string;
}

const HOW_TO_READ_RUN = [
  'Each strategy is the same contact centre, staffed and routed its own way, simulated on the same customers: the same arrivals and the same random draws (common random numbers), so the differences between strategies are sharper than each figure alone.',
  'A figure written “mean ± half-width” is the mean over the replications and its 95% confidence interval. Two strategies whose intervals overlap may still differ: the verdict compares them replication by replication.',
  'The best value of each row is marked ★ (bold) where a direction is better; n/a means the figure does not apply (no human queue, no gig hours, or the baseline against itself).',
  'Costs cover the measured window (the horizon less the warm-up), and the “a year” rows scale them to 365 days. Total economic cost is operating cost plus the value of the customers lost to churn.',
  'The hour-of-day charts count each contact in the hour it reached the human queue, over every measured day; a centre can meet its daily target while failing every evening, which only these charts show.',
  'The shaded bands and whiskers in the charts are the same 95% confidence intervals. Every chart has its figures in a table under it.',
];


/** Each strategy's KPIs by ticket type and by employee group, when there is more than one of either. */
function breakdownsHtml(report: RunReport): string {
  const shown = breakdowns(report).filter((b) => b.names.length > 1);
  if (shown.length === 0) return '';
  return ['<h2>By ticket type and by group</h2>', ...shown.map((b) => `<h3>${escapeHtml(b.title)}</h3>\n${textTable(['KPI', ...b.names], b.rows)}`)].join('\n');
}

export async function renderRunHtml(report: RunReport, options: HtmlOptions): Promise<string> {
  const groups = comparison(report, options.kpis);
  const warnings = report.warnings.map((w) => `<p class="warning"><strong>Warning:</strong> ${escapeHtml(warningText(w))}</p>`).join('\n');
  const sensitivity = sensitivityLines(report);
  const body = [
    `<h1>${escapeHtml(report.scenario.name)}: staffing strategies compared</h1>`,
    `<p class="summary">${escapeHtml(summaryLine(report))}</p>`,
    `<p class="verdict"><strong>Verdict.</strong> ${escapeHtml(verdict(report))}</p>`,
    sensitivity.length > 0 ? `<ul>${sensitivity.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>` : '',
    warnings,
    '<h2>Comparison</h2>',
    comparisonTable(groups, report.strategies),
    `<p class="legend">${escapeHtml(legendLine(report, '★ bold: best', groups))}</p>`,
    '<h2>Charts</h2>',
    await chartsHtml(runCharts(report)),
    breakdownsHtml(report),
    howToRead(HOW_TO_READ_RUN),
    provenance(
      [
        ['Scenario', report.scenario.name],
        ['Scenario SHA-256', report.scenario.sha256],
        ['Seed', String(report.seed)],
        ['Replications', String(report.replications)],
        ['Measured days', String(Number(report.measured_days.toFixed(2)))],
        ['Service level target', targetPhrase(report)],
        ['Baseline', report.baseline],
        ['staffsim version', report.staffsim],
      ],
      options.command,
    ),
  ];
  return page(`${report.scenario.name}: staffsim report`, body.filter((b) => b !== '').join('\n'));
}

const HOW_TO_READ_SWEEP = [
  'Each point of the sweep is a run of its own, with every selected strategy, its replications and a seed derived from the scenario seed and the point\'s values; the same command gives the same figures.',
  'A figure written “mean ± half-width” is the mean over the replications and its 95% confidence interval; the shaded bands in the line charts are the same intervals.',
  'With two varied keys crossed, each heat map is one strategy and one KPI, its cells the means (the table has their intervals).',
  'Costs cover the measured window (the horizon less the warm-up) of each point.',
];

export async function renderSweepHtml(meta: SweepMeta, rows: readonly SweepRow[], options: HtmlOptions): Promise<string> {
  const tableKpis = kpiInfos(options.kpis ?? meta.kpis ?? KPI_NAMES);
  const chartKpis = options.kpis ?? meta.kpis ?? SWEEP_CHART_KPIS;
  const points = new Set(rows.map((r) => r.point)).size;
  const columns = ['Point', ...meta.keys, 'Strategy', ...tableKpis.map((k) => k.label)];
  const cells = rows.map((r) => [
    String(r.point),
    ...meta.keys.map((k) => (typeof r.values[k] === 'string' ? (r.values[k] as string) : JSON.stringify(r.values[k]))),
    r.strategy,
    ...tableKpis.map((k) => kpiCellText(k, r)),
  ]);
  const body = [
    `<h1>${escapeHtml(meta.scenario.name)}: sweep of ${escapeHtml(meta.keys.join(', '))}</h1>`,
    `<p class="summary">${escapeHtml(`${points} point${points === 1 ? '' : 's'} (${meta.combine === 'zip' ? 'keys zipped' : 'every combination'}), strategies ${meta.strategies.join(', ')}, ${meta.replications} replication${meta.replications === 1 ? '' : 's'} each, seed ${meta.seed}.`)}</p>`,
    '<h2>Charts</h2>',
    await chartsHtml(sweepCharts(rows, { keys: meta.keys, strategies: meta.strategies, combine: meta.combine }, chartKpis)),
    '<h2>Every point</h2>',
    textTable(columns, cells),
    howToRead(HOW_TO_READ_SWEEP),
    provenance(
      [
        ['Scenario', meta.scenario.name],
        ['Scenario SHA-256', meta.scenario.sha256],
        ['Sweep SHA-256', meta.sweep],
        ['Seed', String(meta.seed)],
        ['Replications', String(meta.replications)],
        ['staffsim version', meta.staffsim],
      ],
      options.command,
    ),
  ];
  return page(`${meta.scenario.name}: staffsim sweep`, body.join('\n'));
}
