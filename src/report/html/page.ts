// The HTML page around the charts: one self-contained file (inline style,
// inline SVG, no script, nothing fetched: its Content-Security-Policy forbids
// any network source), readable on a phone and printable.

import type { ComparisonGroup } from '../comparison.js';
import { isChart, type Chart, type ChartNote } from './charts.js';
import { chartSvg } from './svg.js';

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const STYLE = `
:root { color-scheme: light; --ink: #1b1b1b; --muted: #5a5a5a; --rule: #d9d9d9; --best: #005a8c; --warn: #8a4b00; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #fff; }
main { max-width: 1100px; margin: 0 auto; padding: 24px 16px 48px; }
h1 { font-size: 1.6rem; margin: 0 0 4px; }
h2 { font-size: 1.25rem; margin: 32px 0 8px; border-bottom: 1px solid var(--rule); padding-bottom: 4px; }
.summary, .legend, figcaption, .meta { color: var(--muted); }
.verdict { font-size: 1.1rem; background: #f3f7fa; border-left: 4px solid var(--best); padding: 12px 16px; margin: 16px 0; }
.warning { border-left: 4px solid var(--warn); padding: 4px 12px; margin: 8px 0; background: #fdf6ec; }
.scroll { overflow-x: auto; -webkit-overflow-scrolling: touch; }
table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
th, td { padding: 4px 10px; border-bottom: 1px solid var(--rule); text-align: right; white-space: nowrap; }
th:first-child, td:first-child { text-align: left; }
thead th { vertical-align: bottom; }
tr.group th { text-align: left; background: #f5f5f5; }
td.best { color: var(--best); font-weight: 700; }
td.na { color: var(--muted); }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 480px), 1fr)); gap: 24px; }
figure { margin: 0; min-width: 0; }
figure svg { display: block; max-width: 100%; height: auto; }
figcaption { font-size: 0.9rem; margin-top: 4px; }
details { font-size: 0.9rem; margin-top: 4px; }
details table { margin-top: 4px; }
.note { color: var(--muted); border: 1px dashed var(--rule); padding: 12px; }
code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.9rem; }
pre { background: #f5f5f5; padding: 8px 12px; overflow-x: auto; white-space: pre-wrap; word-break: break-all; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; }
dl.meta dt { font-weight: 600; color: var(--ink); }
dl.meta dd { margin: 0; overflow-wrap: anywhere; }
@media print { .charts { display: block; } figure { break-inside: avoid; margin-bottom: 16px; } }
`;

/** The whole document. `body` is trusted markup built by this module's callers from escaped text. */
export function page(title: string, body: string): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    // Nothing may load from anywhere: the file must open offline and attach to an email as it is.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="staffsim">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE.trim()}</style>`,
    '</head>',
    '<body>',
    '<main>',
    body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The comparison as a table: the best per row in bold colour with a star, which a screen reader reads as "best". */
export function comparisonTable(groups: readonly ComparisonGroup[], columns: readonly { name: string; routing: string }[]): string {
  const head = `<thead><tr><th scope="col">KPI</th>${columns
    .map((c) => `<th scope="col">${escapeHtml(c.name)}<br><small>(${escapeHtml(c.routing)})</small></th>`)
    .join('')}</tr></thead>`;
  const body = groups
    .map((g) => {
      const rows = g.rows.map((r) => {
        const cells = r.cells.map((cell) => {
          if (!cell.applicable) return '<td class="na">n/a</td>';
          const text = escapeHtml(cell.halfWidth === null ? cell.mean : `${cell.mean} ± ${cell.halfWidth}`);
          return cell.best ? `<td class="best">${text} <span aria-label="best">★</span></td>` : `<td>${text}</td>`;
        });
        return `<tr><th scope="row">${escapeHtml(r.label)}</th>${cells.join('')}</tr>`;
      });
      return `<tr class="group"><th colspan="${columns.length + 1}" scope="rowgroup">${escapeHtml(g.title)}</th></tr>${rows.join('')}`;
    })
    .join('');
  return `<div class="scroll"><table>${head}<tbody>${body}</tbody></table></div>`;
}

/** A plain table of text cells (the data behind a chart, a sweep's rows). */
export function textTable(columns: readonly string[], rows: readonly (readonly string[])[]): string {
  const head = `<thead><tr>${columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('')}</tr></thead>`;
  const body = rows.map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${escapeHtml(c)}</th>` : `<td>${escapeHtml(c)}</td>`)).join('')}</tr>`).join('');
  return `<div class="scroll"><table>${head}<tbody>${body}</tbody></table></div>`;
}

/** A chart as a figure: the SVG, its caption (the description) and its figures as a table to unfold. */
export function figure(chart: Chart, svg: string): string {
  return [
    `<figure id="${escapeHtml(chart.id)}" class="chart">`,
    svg,
    `<figcaption>${escapeHtml(chart.description)}</figcaption>`,
    `<details><summary>The figures of this chart</summary>${textTable(chart.table.columns, chart.table.rows)}</details>`,
    '</figure>',
  ].join('\n');
}

/** Where a chart would be when there is nothing to plot. */
export function noteFigure(note: ChartNote): string {
  return `<figure id="${escapeHtml(note.id)}" class="chart-note"><p class="note"><strong>${escapeHtml(note.title)}.</strong> ${escapeHtml(note.note)}</p></figure>`;
}

/** The facts that identify a report and the command that makes it again. */
export function provenance(facts: readonly [string, string][], command: string): string {
  return [
    '<h2>About this report</h2>',
    `<dl class="meta">${facts.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>`,
    '<p>The command that reproduces it (same seed, same figures):</p>',
    `<pre><code>${escapeHtml(command)}</code></pre>`,
  ].join('\n');
}

export async function chartsHtml(items: readonly (Chart | ChartNote)[]): Promise<string> {
  // One after another: each chart's view is finalised before the next is built.
  const parts: string[] = [];
  for (const item of items) parts.push(isChart(item) ? figure(item, await chartSvg(item)) : noteFigure(item));
  return `<div class="charts">\n${parts.join('\n')}\n</div>`;
}

export function howToRead(lines: readonly string[]): string {
  return `<h2>How to read this</h2>\n<ul>${lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>`;
}
