// Report formats: one file per format, one entry per format in RENDERERS.
// Every renderer returns the whole output, ending with a newline.

import type { RunReport } from '../experiment/result.js';
import type { SweepMeta, SweepRow } from '../experiment/sweep.js';
import { KPI_NAMES, type Estimate, type KpiName } from '../metrics/kpis.js';
import { renderCsv } from './csv.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderTable } from './table.js';

export interface RenderOptions {
  /** ANSI colour in the table; the other formats never colour. */
  color: boolean;
  /** The KPIs to show, in this order (selectKpis); default every KPI in catalogue order. */
  kpis?: readonly KpiName[];
  /** The table only: also each strategy's hours (by_hour), a text chart of service level by hour, and its KPIs by ticket type and by group (--detail). */
  detail?: boolean;
}

const RENDERERS = {
  table: renderTable,
  json: renderJson,
  csv: renderCsv,
  markdown: renderMarkdown,
} satisfies Record<string, (report: RunReport, options: RenderOptions) => string>;

export type Format = keyof typeof RENDERERS;

export const FORMATS: readonly Format[] = Object.keys(RENDERERS) as Format[];

export function isFormat(name: string): name is Format {
  return Object.hasOwn(RENDERERS, name);
}

/** The formats of `run`: those above, and html, which renders charts and so is asynchronous (renderReport). */
export const REPORT_FORMATS: readonly ReportFormat[] = [...FORMATS, 'html'];
export type ReportFormat = Format | 'html';

/**
 * Any report format. HTML loads its renderer (and with it vega, slow to
 * load) only when asked for, so no other command pays for it at start-up.
 * `command` is the command line the HTML report shows as the way to reproduce it.
 */
export async function renderReport(report: RunReport, format: ReportFormat, options: RenderOptions & { command: string }): Promise<string> {
  if (format !== 'html') return render(report, format, options);
  checkEstimates(report);
  const { renderRunHtml } = await import('./html/index.js');
  return renderRunHtml(report, { command: options.command, ...(options.kpis ? { kpis: options.kpis } : {}) });
}

/** A sweep's HTML page (the row formats are report/sweep.ts'); loaded only when asked for, as for renderReport. */
export async function renderSweepReport(meta: SweepMeta, rows: readonly SweepRow[], options: { command: string; kpis?: readonly KpiName[] }): Promise<string> {
  const { renderSweepHtml } = await import('./html/index.js');
  return renderSweepHtml(meta, rows, options);
}

export function render(report: RunReport, format: Format, options: RenderOptions): string {
  const renderer: ((report: RunReport, options: RenderOptions) => string) | undefined = RENDERERS[format];
  if (renderer === undefined) throw new Error(`unknown report format ${String(format)}; expected one of ${FORMATS.join(', ')}`);
  checkEstimates(report);
  return renderer(report, options);
}

/**
 * Every strategy has every KPI, with a finite mean and finite (or null)
 * bounds. Checked before any format derives figures from them (the verdict,
 * the year), so a bug is reported as the KPI it is, never printed.
 */
function checkEstimates(report: RunReport): void {
  for (const s of report.strategies) {
    for (const kpi of KPI_NAMES) {
      const e: Estimate | undefined = s.metrics[kpi];
      const where = `strategy ${s.name}, KPI ${kpi}`;
      if (e === undefined) throw new Error(`internal error: ${where} is missing`);
      const bad = [e.mean, ...e.ci95].find((v) => v !== null && !Number.isFinite(v));
      if (bad !== undefined) throw new Error(`internal error: ${where} is ${bad}, not a finite number`);
    }
  }
}

export { verdict } from './verdict.js';
export { warningText } from './warnings.js';
export { selectKpis, UnknownKpiError } from './kpi-selection.js';
