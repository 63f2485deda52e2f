// The terminal table an executive reads: a summary line, strategies as
// columns, KPI rows under Customers / Cost / Workers headings, each cell
// "mean ± half-width", the best per row marked with "*" (and bold green when
// colour is on); then the verdict (and --sensitivity's cases), the warnings
// and a legend.
//
// Within a column the "±" signs line up: half-widths are padded to the
// column's widest and cells are right-aligned. Colour comes only from a
// local chalk instance, so with colour off there is no escape code at all.

import { Chalk, type ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import type { RunReport } from '../experiment/result.js';
import { comparison, legendLine, summaryLine, type ComparisonCell } from './comparison.js';
import { HOURLY_COLUMNS, hourlyRows, hourlyStrategies, serviceLevelChart } from './hourly.js';
import type { RenderOptions } from './index.js';
import { sensitivityLines } from './sensitivity.js';
import { verdict } from './verdict.js';
import { warningText } from './warnings.js';
import { breakdowns } from './breakdown.js';

const BEST_MARK = '*';

function cellText(cell: ComparisonCell, hwWidth: number, c: ChalkInstance): string {
  const mark = cell.best ? ` ${BEST_MARK}` : '  ';
  if (!cell.applicable) return `${c.dim('n/a')}${' '.repeat(hwWidth > 0 ? hwWidth + 3 : 0)}${mark}`;
  const hw = hwWidth === 0 ? '' : cell.halfWidth === null ? ' '.repeat(hwWidth + 3) : ` ± ${cell.halfWidth.padEnd(hwWidth)}`;
  // Style the text but not the padding after it.
  const text = `${cell.mean}${hw}`;
  const body = text.trimEnd();
  const pad = text.slice(body.length);
  return cell.best ? `${c.bold.green(body + mark)}${pad}` : `${body}${pad}${mark}`;
}

/** --detail: each strategy's human queue hour of day by hour of day, then service level by hour as a text chart. */
function hourlySection(report: RunReport, c: ChalkInstance): string[] {
  const lines: string[] = [];
  for (const s of hourlyStrategies(report)) {
    const table = new Table({
      head: HOURLY_COLUMNS.map((h) => c.bold(h)),
      colAligns: HOURLY_COLUMNS.map((_, i) => (i === 0 ? 'left' : 'right')),
      style: { head: [], border: [], compact: true, 'padding-left': 1, 'padding-right': 1 },
    });
    for (const row of hourlyRows(s.by_hour)) table.push(row);
    lines.push(c.bold.cyan(`${s.name}: the human queue by hour of day (contacts counted in the hour they reached it)`), table.toString());
  }
  const chart = serviceLevelChart(report);
  if (chart.length > 0) lines.push(...chart);
  return lines;
}

export function renderTable(report: RunReport, options: RenderOptions): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const groups = comparison(report, options.kpis);
  const strategies = report.strategies;
  const columns = strategies.length;

  // Widest half-width per strategy column, for aligning the "±".
  const hwWidths = strategies.map((_, i) =>
    Math.max(0, ...groups.flatMap((g) => g.rows.map((r) => (r.cells[i].applicable ? (r.cells[i].halfWidth ?? '').length : 0)))),
  );

  const table = new Table({
    // Two trailing spaces line the names up with the numbers, not the marks.
    head: ['', ...strategies.map((s) => `${c.bold(s.name)}  \n${c.dim(`(${s.routing})`)}  `)],
    colAligns: ['left', ...strategies.map(() => 'right' as const)],
    style: { head: [], border: [], compact: true, 'padding-left': 1, 'padding-right': 1 },
  });

  for (const group of groups) {
    table.push([{ colSpan: columns + 1, content: c.bold.cyan(group.title) }]);
    for (const row of group.rows) {
      table.push([` ${row.label}`, ...row.cells.map((cell, i) => cellText(cell, hwWidths[i], c))]);
    }
  }

  const lines = [c.bold(summaryLine(report)), table.toString()];
  if (options.detail) lines.push(...hourlySection(report, c));
  lines.push(c.bold(verdict(report)), ...sensitivityLines(report));
  if (options.detail) lines.push(...detailTables(report, c));
  for (const warning of report.warnings) lines.push(c.yellow(`Warning: ${warningText(warning)}`));
  lines.push(c.dim(legendLine(report, `${BEST_MARK} best`, groups)));
  return `${lines.join('\n')}\n`;
}

/** `--detail`: per strategy, its KPIs by ticket type and by group, one column per name (breakdown.ts). */
function detailTables(report: RunReport, c: ChalkInstance): string[] {
  return breakdowns(report).map(({ title, names, rows }) => {
    const table = new Table({
      head: [c.bold(title), ...names.map((n) => c.bold(n))],
      colAligns: ['left', ...names.map(() => 'right' as const)],
      style: { head: [], border: [], compact: true, 'padding-left': 1, 'padding-right': 1 },
    });
    for (const [label, ...cells] of rows) table.push([` ${label}`, ...cells]);
    return table.toString();
  });
}
