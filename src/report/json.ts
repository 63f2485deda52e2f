// The JSON contract of DESIGN.md, plus routing, measured_days, service_level,
// warnings (records: code, strategy, figures), unstable queues and, for auto-staffed strategies, the staffing chosen. KPIs appear
// in catalogue order (or only those of --kpi, in its order). A non-finite number anywhere is an internal bug and
// throws instead of turning into null.

import { KPI_NAMES } from '../metrics/kpis.js';
import type { RunReport } from '../experiment/result.js';
import type { RenderOptions } from './index.js';

function finite(value: number, where: string): number {
  if (!Number.isFinite(value)) throw new Error(`internal error: ${where} is ${value}, not a finite number`);
  return value;
}

function bound(value: number | null, where: string): number | null {
  return value === null ? null : finite(value, where);
}

/** A warning record with every number checked finite. */
function finiteRecord<T extends object>(record: T, where: string): T {
  for (const [key, value] of Object.entries(record)) if (typeof value === 'number') finite(value, `${where} ${key}`);
  return { ...record };
}

export function renderJson(report: RunReport, options: Pick<RenderOptions, 'kpis'> = {}): string {
  const out = {
    staffsim: report.staffsim,
    scenario: { name: report.scenario.name, sha256: report.scenario.sha256 },
    seed: finite(report.seed, 'seed'),
    replications: finite(report.replications, 'replications'),
    measured_days: finite(report.measured_days, 'measured_days'),
    service_level: {
      answer_within: finite(report.service_level.answer_within, 'service_level.answer_within'),
      target: finite(report.service_level.target, 'service_level.target'),
    },
    strategies: report.strategies.map((s) => ({
      name: s.name,
      routing: s.routing,
      metrics: Object.fromEntries(
        (options.kpis ?? KPI_NAMES).map((kpi) => {
          const e = s.metrics[kpi];
          const where = `strategy ${s.name}, KPI ${kpi}`;
          if (e === undefined) throw new Error(`internal error: ${where} is missing`);
          return [
            kpi,
            { mean: finite(e.mean, `${where} mean`), ci95: [bound(e.ci95[0], `${where} ci95 low`), bound(e.ci95[1], `${where} ci95 high`)] },
          ];
        }),
      ),
      // Auto-staffed strategies say what they chose (experiment/auto-staffing.ts).
      ...(s.staffing ? { staffing: s.staffing } : {}),
      // Queues predicted not to settle (experiment/warnings.ts).
      ...(s.unstable ? { unstable: [...s.unstable] } : {}),
    })),
    // Records, not sentences (report/warnings.ts words them); every figure finite.
    warnings: report.warnings.map((w) => finiteRecord(w, `warning ${w.code}`)),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
