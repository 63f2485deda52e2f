// The library API for researchers (`import { ... } from 'staffsim'`): load a
// scenario, run it, sweep it, and the closed-form queueing functions. The
// CLI is a thin layer over these same functions. See docs/api.md.

import YAML from 'yaml';
import { z } from 'zod';
import { runScenario as runResolved, type RunOptions } from './experiment/run.js';
import type { RunReport, SensitivityCase } from './experiment/result.js';
import { defaultInputs, planSensitivity, runSensitivity, type SensitivityInput } from './experiment/sensitivity.js';
import { recommended } from './report/verdict.js';
import { axesFromSection, SweepError } from './experiment/sweep-axes.js';
import { planSweep, runSweep, type PlanOptions, type SweepRow, type SweepRunOptions } from './experiment/sweep.js';
import { loadScenarioFile, parseScenarioText, type LoadedScenario } from './scenario/load.js';
import { SweepSchema } from './scenario/schema.js';

export * from './analytic/index.js';
export { KPIS, KPI_NAMES, type Estimate, type KpiInfo, type KpiName, type KpiValues } from './metrics/kpis.js';
export type { QueueName, RunReport, SensitivityCase, StrategyResult, Warning, WarningCode } from './experiment/result.js';
export { warningText } from './report/warnings.js';
export { BaselineError, UnknownStrategyError, type RunOptions } from './experiment/run.js';
export type { SensitivityInput } from './experiment/sensitivity.js';
export { decide, recommended, verdict, type Decision } from './report/verdict.js';
export { againstBaseline, perYear, type AgainstBaseline } from './report/economics.js';
export { pairedDifference, type Difference } from './metrics/replications.js';
export { SweepError, type Combine } from './experiment/sweep-axes.js';
export { parseShard, type Shard, type SweepMeta, type SweepRow } from './experiment/sweep.js';
export { ScenarioError, type ScenarioIssue } from './scenario/errors.js';
export type { LoadedScenario } from './scenario/load.js';
export type { Routing, Scenario, StrategyScenario } from './scenario/types.js';
export { VERSION } from './experiment/version.js';
export { runPlan as plan, type PlanOptions } from './plan/run.js';
export type { PlanMonth, PlanReport, PlanStrategyResult } from './plan/result.js';
export { PLAN_FIGURES, PLAN_FIGURE_NAMES, type PlanFigure } from './plan/figures.js';

export interface LoadScenarioOptions {
  /** Overrides, each `key.path=value` as with `--set`, applied in order before validation. */
  set?: string[];
}

/**
 * Loads a scenario from a YAML file, or from an object in the file format
 * (snake_case keys, durations like '5m'), and validates it. Throws a
 * ScenarioError naming the key path (and, for a file, the line).
 */
export function loadScenario(pathOrObject: string | Record<string, unknown>, options: LoadScenarioOptions = {}): LoadedScenario {
  if (typeof pathOrObject === 'string') return loadScenarioFile(pathOrObject, options);
  // Through YAML text, so an object gets exactly the checks and overrides of a file.
  return parseScenarioText(YAML.stringify(pathOrObject), null, options);
}

/** Runs every selected strategy for the scenario's replications: estimates with 95% intervals for every KPI. */
export function runScenario(scenario: LoadedScenario, options: RunOptions = {}): RunReport {
  return runResolved(scenario.scenario, scenario.sha256, options);
}

/**
 * The recommendation with one uncertain input at a time at a low and a high
 * value (default: customers.churn.unresolved and customers.lifetime_value at
 * half and twice the scenario's), each a run with the same options and seed.
 */
export async function sensitivity(
  scenario: LoadedScenario,
  options: RunOptions & { jobs?: number; inputs?: SensitivityInput[] } = {},
): Promise<SensitivityCase[]> {
  const { inputs, ...run } = options;
  const pick = (r: RunReport) => recommended(r)?.name ?? null;
  return runSensitivity(planSensitivity(scenario, inputs ?? defaultInputs(scenario)), run, pick, pick(runScenario(scenario, run)));
}

/** The values to sweep, in the form of a scenario's `sweep:` section. */
export interface SweepSpec {
  /** `cross` (default): every combination, the first key varying slowest; `zip`: the i-th values together. */
  combine?: 'cross' | 'zip';
  /** `common` (default): every point the scenario's seed; `independent`: a seed per point from its values. */
  seeds?: 'common' | 'independent';
  /** Key path (as for --set) → a list of values, a range 'start:end:step' (end included) or {from, to, step}. */
  vary: Record<string, unknown[] | string | { from: number; to: number; step: number }>;
}

export interface SweepOptions extends PlanOptions, SweepRunOptions {}

/**
 * Runs every point of the sweep (the scenario's own `sweep:` section when
 * `spec` is omitted) on worker threads, and yields one row per point and
 * strategy, in point order. Every point runs with the scenario's seed
 * (common random numbers) unless the spec says `seeds: 'independent'` or
 * options.independentSeeds is set; either way rows do not depend on `jobs`
 * or on sharding.
 */
export async function* sweep(scenario: LoadedScenario, spec?: SweepSpec, options: SweepOptions = {}): AsyncGenerator<SweepRow> {
  let section = scenario.sweep;
  if (spec !== undefined) {
    const parsed = SweepSchema.safeParse(spec);
    if (!parsed.success) throw new SweepError(`the sweep spec is not valid: ${z.prettifyError(parsed.error)}`);
    section = parsed.data ?? null;
  }
  if (!section) throw new SweepError('nothing to vary: pass a spec such as { vary: { "ai.cost_per_conversation": [0.5, 1, 2] } }');
  const plan = planSweep(scenario, axesFromSection(section), { ...options, independentSeeds: options.independentSeeds ?? section.seeds === 'independent' });
  for await (const point of runSweep(plan, options)) yield* point.rows;
}
