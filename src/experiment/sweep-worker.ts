// The task a sweep's worker thread runs: one point, every selected strategy
// with its replications. The point is resolved here, from the scenario text
// and the point's overrides, so the main thread does not spend its time
// parsing while the workers wait. tinypool loads the compiled file
// (dist/experiment/sweep-worker.js) and calls its default export.

import type { Estimate, KpiName } from '../metrics/kpis.js';
import { inFile, ScenarioError } from '../scenario/errors.js';
import { parseScenarioText } from '../scenario/load.js';
import { runScenario } from './run.js';

export interface PointTask {
  text: string;
  file: string | null;
  /** The scenario's own overrides, then the point's values, then its seed. */
  set: string[];
  strategies: string[];
}

export type PointResult =
  | { ok: true; metrics: Array<Record<KpiName, Estimate>> }
  /** A point whose values make the scenario invalid: the message as the CLI prints it. */
  | { ok: false; message: string };

export default function runPoint(task: PointTask): PointResult {
  let report;
  try {
    const loaded = parseScenarioText(task.text, task.file, { set: task.set });
    // Auto staffing may refuse the point's values too (a load past what it can staff).
    report = runScenario(loaded.scenario, loaded.sha256, { strategies: task.strategies });
  } catch (error) {
    // Error classes do not survive the thread boundary: send the message.
    if (error instanceof ScenarioError) return { ok: false, message: inFile(error, task.file).format() };
    throw error;
  }
  return {
    ok: true,
    metrics: report.strategies.map((s) => s.metrics),
  };
}
