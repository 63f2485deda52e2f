// Long-format CSV, one row per strategy × KPI (KPIs in catalogue order, or
// those of --kpi in its order):
// strategy,kpi,mean,ci95_low,ci95_high. Null bounds are empty cells; numbers
// are printed at full precision; fields are quoted per RFC 4180 when needed.
// Lines end with "\n".
//
// After a strategy's KPIs come the figures derived from them (economics.ts),
// in the same columns: `<cost>_per_year` for cost_operating, cost_churn and
// cost_total, `mean_on_shift` and `payroll_headcount`, then, but for the
// baseline, `saving_per_week`, `saving_per_year`, `payback_weeks` (an empty
// mean: it never pays back; an empty high bound: it may never) and
// `payroll_change`, all against the baseline; then, per ticket type and per
// agent group, `<kpi>.<type>` and `<kpi>.<group>` rows (by_type, by_group).

import { KPI_NAMES, type Estimate } from '../metrics/kpis.js';
import type { RunReport } from '../experiment/result.js';
import type { RenderOptions } from './index.js';
import { againstBaseline, baselineOf, yearFigures, YEAR_KPIS } from './economics.js';

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
  const baseline = baselineOf(report);
  for (const s of report.strategies) {
    const derived: [string, Estimate | null][] = [];
    // With KPIs chosen (--kpi), only those rows.
    if (options.kpis === undefined) {
      const year = yearFigures(report, s);
      for (const kpi of YEAR_KPIS) derived.push([`${kpi}_per_year`, year[kpi]]);
      derived.push(['mean_on_shift', { mean: s.mean_on_shift, ci95: [null, null] }]);
      derived.push(['payroll_headcount', { mean: s.payroll_headcount, ci95: [null, null] }]);
      if (baseline && s !== baseline) {
        const a = againstBaseline(report, s, baseline);
        derived.push(['saving_per_week', a.saving_per_week], ['saving_per_year', a.saving_per_year]);
        derived.push(['payback_weeks', a.payback_weeks], ['payroll_change', { mean: a.payroll_change, ci95: [null, null] }]);
      }
    }
    for (const kpi of options.kpis ?? KPI_NAMES) {
      const e = s.metrics[kpi];
      const where = `strategy ${s.name}, KPI ${kpi}`;
      if (e === undefined) throw new Error(`internal error: ${where} is missing`);
      lines.push(
        [csvField(s.name), kpi, num(e.mean, where), num(e.ci95[0], where), num(e.ci95[1], where)].join(','),
      );
    }
    // By ticket type, then by group: `<kpi>.<name>` rows (BY_TYPE_KPIS, BY_GROUP_KPIS).
    if (options.kpis === undefined) {
      for (const parts of [s.by_type, s.by_group]) {
        for (const [name, part] of Object.entries(parts ?? {})) {
          for (const [kpi, e] of Object.entries(part.metrics as Record<string, Estimate>)) derived.push([`${kpi}.${name}`, e]);
        }
      }
    }
    for (const [name, e] of derived) {
      const where = `strategy ${s.name}, ${name}`;
      lines.push([csvField(s.name), name, num(e?.mean ?? null, where), num(e?.ci95[0] ?? null, where), num(e?.ci95[1] ?? null, where)].join(','));
    }
  }
  return `${lines.join('\n')}\n`;
}
