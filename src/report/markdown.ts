// The verdict first (what an executive reads), then the comparison as a
// GitHub Markdown table (strategies as columns, group sub-header rows,
// "mean ± half-width", the best in bold), the warnings and the legend.

import type { RunReport } from '../experiment/result.js';
import { comparison, legendLine, summaryLine, type ComparisonCell } from './comparison.js';
import { HOURLY_COLUMNS, hourlyRows, hourlyStrategies } from './hourly.js';
import type { RenderOptions } from './index.js';
import { sensitivityLines } from './sensitivity.js';
import { verdict } from './verdict.js';
import { warningText } from './warnings.js';

/** Escapes text so it stays literal inside a Markdown table cell. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_|<>[\]])/g, '\\$1');
}

function cellText(cell: ComparisonCell): string {
  if (!cell.applicable) return 'n/a';
  const text = cell.halfWidth === null ? cell.mean : `${cell.mean} ± ${cell.halfWidth}`;
  return cell.best ? `**${text}**` : text;
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

export function renderMarkdown(report: RunReport, options: Pick<RenderOptions, 'kpis'> = {}): string {
  const groups = comparison(report, options.kpis);
  const strategies = report.strategies;
  const lines: string[] = [`**Verdict:** ${escapeMarkdown(verdict(report))}`, ''];
  const sensitivity = sensitivityLines(report);
  if (sensitivity.length > 0) lines.push(...sensitivity.map((l) => `- ${escapeMarkdown(l)}`), '');
  lines.push(escapeMarkdown(summaryLine(report)), '');
  lines.push(row(['KPI', ...strategies.map((s) => `${escapeMarkdown(s.name)} (${s.routing})`)]));
  lines.push(row([':--', ...strategies.map(() => '--:')]));
  for (const group of groups) {
    lines.push(row([`**${group.title}**`, ...strategies.map(() => '')]));
    for (const r of group.rows) lines.push(row([r.label, ...r.cells.map(cellText)]));
  }
  for (const s of hourlyStrategies(report)) {
    lines.push('', `**${escapeMarkdown(s.name)}: the human queue by hour of day** (contacts counted in the hour they reached it)`, '');
    lines.push(row(HOURLY_COLUMNS.map(escapeMarkdown)), row(HOURLY_COLUMNS.map((_, i) => (i === 0 ? ':--' : '--:'))));
    for (const r of hourlyRows(s.by_hour)) lines.push(row(r.map(escapeMarkdown)));
  }
  if (report.warnings.length > 0) {
    lines.push('');
    for (const warning of report.warnings) lines.push(`- **Warning:** ${escapeMarkdown(warningText(warning))}`);
  }
  lines.push('', `_${escapeMarkdown(legendLine(report, 'bold: best', groups))}_`);
  return `${lines.join('\n')}\n`;
}
