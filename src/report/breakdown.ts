// A strategy's KPIs by ticket type and by employee group (`by_type`,
// `by_group`) as rows of text, one column per name: the one layout the
// terminal's --detail tables and the HTML report both show.

import type { RunReport } from '../experiment/result.js';
import { KPIS, type Estimate } from '../metrics/kpis.js';
import { formatValue, halfWidth } from './format.js';

export interface Breakdown {
  /** E.g. "hybrid, by ticket type". */
  title: string;
  /** The types' or groups' names, in file order. */
  names: string[];
  /** One row per KPI: its label, then "mean ± half-width" per name. */
  rows: string[][];
}

export function breakdowns(report: RunReport): Breakdown[] {
  const info = new Map(KPIS.map((k) => [k.name as string, k]));
  const cell = (kpi: string, e: Estimate) => {
    const unit = info.get(kpi)!.unit;
    const hw = halfWidth(e);
    return hw === null ? formatValue(unit, e.mean) : `${formatValue(unit, e.mean)} ± ${formatValue(unit, hw)}`;
  };
  const out: Breakdown[] = [];
  for (const s of report.strategies) {
    for (const [title, parts] of [['by ticket type', s.by_type], ['by group', s.by_group]] as const) {
      if (parts === undefined) continue;
      const names = Object.keys(parts);
      const kpis = Object.keys(parts[names[0]]?.metrics ?? {});
      out.push({
        title: `${s.name}, ${title}`,
        names,
        rows: kpis.map((kpi) => [info.get(kpi)!.label, ...names.map((n) => cell(kpi, (parts[n].metrics as Record<string, Estimate>)[kpi]))]),
      });
    }
  }
  return out;
}
