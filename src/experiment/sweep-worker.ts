// The task a sweep's worker thread runs: one point, every selected strategy
// with its replications. The point is resolved here, from the scenario text
// and the point's overrides, so the main thread does not spend its time
// parsing while the workers wait. tinypool loads the compiled file
// (dist/experiment/sweep-worker.js) and calls its default export.

import type { Estimate, KpiName } from '../metrics/kpis.js';
import { inFile, ScenarioError } from '../scenario/errors.js';
import { parseScenarioText } from '../scenario/load.js';
import type { Physical } from '../model/observations.js';
import { runScenarioKeepingPhysical } from './run.js';
import type { PointBreakdown } from './sweep.js';

export interface PointTask {
  text: string;
  file: string | null;
  /** The scenario's own overrides, then the point's values, then its seed. */
  set: string[];
  strategies: string[];
  /** Also send back each strategy's per-replication physical records, for pricing other points from them. */
  keepPhysical?: boolean;
}

export type PointResult =
  | {
      ok: true;
      metrics: Array<Record<KpiName, Estimate>>;
      /** By strategy: its KPIs per ticket type and per employee group. */
      breakdowns: PointBreakdown[];
      /** The seed the point ran with. */
      seed: number;
      /** By strategy, by replication, and each strategy's employee schedule after auto staffing (only with keepPhysical). */
      physical?: { replications: Physical[][]; schedules: number[][][] };
    }
  /** A point whose values make the scenario invalid: the message as the CLI prints it. */
  | { ok: false; message: string };

export default function runPoint(task: PointTask): PointResult {
  let run;
  let seed;
  try {
    const loaded = parseScenarioText(task.text, task.file, { set: task.set });
    seed = loaded.scenario.seed;
    // Auto staffing may refuse the point's values too (a load past what it can staff).
    run = runScenarioKeepingPhysical(loaded.scenario, loaded.sha256, { strategies: task.strategies });
  } catch (error) {
    // Error classes do not survive the thread boundary: send the message.
    if (error instanceof ScenarioError) return { ok: false, message: inFile(error, task.file).format() };
    throw error;
  }
  return {
    ok: true,
    metrics: run.report.strategies.map((s) => s.metrics),
    breakdowns: run.report.strategies.map((s) => ({ by_type: metricsByName(s.by_type), by_group: metricsByName(s.by_group) })),
    seed,
    ...(task.keepPhysical ? { physical: { replications: run.physical, schedules: run.schedules } } : {}),
  };
}

/** `{name: {metrics}}` as `{name: metrics}`. */
function metricsByName<M>(parts: Record<string, { metrics: M }> | undefined): Record<string, M> {
  return Object.fromEntries(Object.entries(parts ?? {}).map(([name, part]) => [name, part.metrics]));
}
