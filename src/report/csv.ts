// Long-format CSV, one row per strategy × KPI (KPIs in catalogue order, or
// those of --kpi in its order):
// strategy,kpi,mean,ci95_low,ci95_high. Null bounds are empty cells; numbers
// are printed at full precision; fields are quoted per RFC 4180 when needed.
// Lines end with "\n".

import { KPI_NAMES } from '../metrics/kpis.js';
import type { RunReport } from '../experiment/result.js';
import type { RenderOptions } from './index.js';

export const CSV_HEADER = ['strategy', 'kpi', 'mean', 'ci95_low', 'ci95_high'] as const;

/** Quotes a field when it holds a comma, a quote, a line break or edge spaces. */
export function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function num(value: number | null, where: string): string {
  if (value === null) return '';
  if (!Number.isFinite(value)) throw new Error(`internal error: ${where} is ${value}, not a finite number`);
  return String(value);
}

export function renderCsv(report: RunReport, options: Pick<RenderOptions, 'kpis'> = {}): string {
  const lines = [CSV_HEADER.join(',')];
  for (const s of report.strategies) {
    for (const kpi of options.kpis ?? KPI_NAMES) {
      const e = s.metrics[kpi];
      const where = `strategy ${s.name}, KPI ${kpi}`;
      if (e === undefined) throw new Error(`internal error: ${where} is missing`);
      lines.push(
        [csvField(s.name), kpi, num(e.mean, where), num(e.ci95[0], where), num(e.ci95[1], where)].join(','),
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
