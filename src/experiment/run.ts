// Runs every selected strategy of a scenario for its replications and turns
// the per-replication KPI values into estimates with confidence intervals.
// Strategies share seeds, so they see the same arrivals (common random
// numbers) and their differences are measured more sharply than their levels:
// each strategy keeps its per-replication values for the verdict's paired
// intervals.
//
// The baseline (RunOptions.baseline, default the first strategy run) is what
// the others are compared against. With `atTarget`, a copy of it staffed by
// `auto` in every hour runs beside it (auto-staffing.ts, atTargetStaffing):
// the comparison at a staffing that just meets the target.

import { availableParallelism } from 'node:os';
import { setImmediate } from 'node:timers/promises';
import { estimateHours, type HourlyValues } from '../metrics/hourly.js';
import { BY_GROUP_KPIS, BY_TYPE_KPIS, type KpiValues } from '../metrics/kpis.js';
import type { Physical } from '../model/observations.js';
import type { GroupValues, TypeValues } from '../model/pricing.js';
import { estimateKpis, estimateSome } from '../metrics/replications.js';
import { didYouMean } from '../scenario/suggest.js';
import type { Scenario, StrategyScenario } from '../scenario/types.js';
import { meanOnShift, payrollHeadcount } from '../model/transition.js';
import { atTargetStaffing, resolveAutoStaffing } from './auto-staffing.js';
import { inTaskOrder, workerUrl } from './pool.js';
import runReplication, { type ReplicationTask } from './replication-worker.js';
import { RunControl } from './run-control.js';
import type { RunReport, StrategyResult } from './result.js';
import { VERSION } from './version.js';
import { runWarnings, unstableQueues } from './warnings.js';

export interface RunOptions {
  /** Names of the strategies to run, in the order given; all when absent or empty. */
  strategies?: readonly string[];
  /**
   * Called with the replications done and the total: after each replication,
   * and (runScenarioAsync) a few times a second while replications run, with
   * each one in progress counted by its simulated share of the horizon, so
   * `done` may be fractional.
   */
  onProgress?: (done: number, total: number) => void;
  /** Checked before each replication: once aborted, the run stops by throwing the signal's reason. */
  signal?: AbortSignal;
  /** The strategy the others are compared against; default the first run. Must be among those run. */
  baseline?: string;
  /** Also run the baseline staffed by `auto` in every hour, as `<baseline>@target` (default false). */
  atTarget?: boolean;
}

export class UnknownStrategyError extends Error {
  constructor(
    readonly strategy: string,
    readonly known: readonly string[],
  ) {
    super(`unknown strategy \`${strategy}\` (${didYouMean(strategy, known, 'the scenario has')})`);
  }
}

/** A --baseline that names no strategy run. */
export class BaselineError extends Error {}

/** The baseline's name among the selected strategies: `name`, or the first. */
export function selectBaseline(selected: readonly StrategyScenario[], name: string | undefined, scenario: Scenario): string {
  if (name === undefined) return selected[0]?.name ?? '';
  if (selected.some((s) => s.name === name)) return name;
  if (scenario.strategies.some((s) => s.name === name)) {
    throw new BaselineError(`--baseline ${name}: \`${name}\` is not among the strategies run (add --strategy ${name})`);
  }
  throw new BaselineError(`--baseline ${name}: unknown strategy \`${name}\` (${didYouMean(name, scenario.strategies.map((s) => s.name), 'the scenario has')})`);
}

export function selectStrategies(scenario: Scenario, names: readonly string[] | undefined): StrategyScenario[] {
  if (!names || names.length === 0) return scenario.strategies;
  return names.map((name) => {
    const found = scenario.strategies.find((s) => s.name === name);
    if (!found) throw new UnknownStrategyError(name, scenario.strategies.map((s) => s.name));
    return found;
  });
}

export function runScenario(scenario: Scenario, sha256: string, options: RunOptions = {}): RunReport {
  return runScenarioKeepingPhysical(scenario, sha256, options).report;
}

/** runScenario, with what each replication of each strategy measured (pricing.ts) and each one's employee schedules (one per group) after auto staffing: a sweep prices other points from them. */
export function runScenarioKeepingPhysical(
  scenario: Scenario,
  sha256: string,
  options: RunOptions = {},
): { report: RunReport; physical: Physical[][]; schedules: number[][][] } {
  const plan = planRun(scenario, options);
  const summaries: ReplicationSummary[] = [];
  for (const summary of inThisThread(plan.tasks, options.signal)) {
    summaries.push(summary);
    options.onProgress?.(summaries.length, plan.tasks.length);
  }
  let next = 0;
  const physical = plan.resolved.map(({ strategy }) => summaries.slice(next, (next += strategy.replications)).map((r) => r.physical));
  const schedules = plan.resolved.map(({ strategy }) => strategy.staff.groups.map((group) => group.schedule));
  return { report: assemble(scenario, sha256, plan, summaries), physical, schedules };
}

/**
 * runScenario for a caller that must stay responsive while it runs (the CLI,
 * for Ctrl-C and the progress bar): replications run on `jobs` worker threads,
 * or, with one job, in this thread with a yield to the event loop between
 * replications. Without `jobs`, a small run (see isSmall) runs in this thread
 * and any other on every core. A long replication (see isLong) runs on a
 * worker thread even with one job: while this thread simulates, no signal
 * handler or timer can run. Workers report progress inside a replication and
 * read a stop flag through a shared buffer (run-control.ts), so an aborted
 * `options.signal` stops even one long replication within a fraction of a
 * second. The same results as runScenario, whatever `jobs`.
 */
export async function runScenarioAsync(
  scenario: Scenario,
  sha256: string,
  options: RunOptions & { jobs?: number } = {},
): Promise<RunReport> {
  const plan = planRun(scenario, options);
  const control = RunControl.forTasks(plan.tasks.length);
  const tasks = plan.tasks.map((task, i) => ({ ...task, control: control.slot(i) }));
  const threads = workerThreads(tasks, options.jobs);
  const { signal, onProgress } = options;
  const stop = () => control.stop();
  signal?.addEventListener('abort', stop, { once: true });
  const ticker = onProgress ? setInterval(() => onProgress(control.done(), tasks.length), PROGRESS_EVERY_MS) : null;
  ticker?.unref();
  try {
    const results =
      threads > 0
        ? inTaskOrder<ReplicationTask, ReplicationSummary>(workerUrl('replication-worker'), tasks, { jobs: threads, signal, isolate: tasks.some(isLong) })
        : yieldingBetween(inThisThread(tasks, signal));
    const summaries: ReplicationSummary[] = [];
    for await (const summary of results) {
      summaries.push(summary);
      onProgress?.(control.done(), tasks.length);
    }
    return assemble(scenario, sha256, plan, summaries);
  } finally {
    if (ticker) clearInterval(ticker);
    signal?.removeEventListener('abort', stop);
  }
}

/** How often the progress inside running replications is reported. */
const PROGRESS_EVERY_MS = 250;

/** The replications, one after another in this thread, stopping before the next once `signal` is aborted. */
function* inThisThread(tasks: readonly ReplicationTask[], signal: AbortSignal | undefined): Generator<ReplicationSummary> {
  for (const task of tasks) {
    signal?.throwIfAborted();
    yield runReplication(task);
  }
}

/** Yields to the event loop between items, so signal handlers and the progress bar's timers run. */
async function* yieldingBetween<T>(items: Iterable<T>): AsyncGenerator<T> {
  for (const item of items) {
    yield item;
    await setImmediate();
  }
}

/**
 * Replications long enough to run each on a fresh thread, and off the main
 * thread even with one job (so Ctrl-C and the progress bar work). Measured (28-day
 * default scenario, 2 cores): a worker thread that runs a second strategy
 * after a first runs it about twice as slowly as a fresh thread does, while
 * the main thread shows no such slowdown, so every core is busy and V8 cannot
 * re-optimise code the new strategy deoptimised. A fresh thread costs ~0.2 s,
 * which repays itself only past about a second of simulation: 1.5 million
 * first contacts.
 */
export const LONG_REPLICATION_CONTACTS = 1.5e6;

/**
 * The worker threads that run `tasks` given --jobs (`jobs`, absent when not
 * given), 0 for this thread: with long replications, threads even for one job;
 * else this thread for one job, one task, or a small run without --jobs; else
 * `jobs`, by default every core.
 */
export function workerThreads(tasks: readonly Pick<ReplicationTask, 'strategy'>[], jobs: number | undefined): number {
  if (tasks.some(isLong)) return jobs ?? availableParallelism();
  const threads = jobs ?? (isSmall(tasks) ? 1 : availableParallelism());
  return threads > 1 && tasks.length > 1 ? threads : 0;
}

function isLong(task: Pick<ReplicationTask, 'strategy'>): boolean {
  return expectedContacts(task) > LONG_REPLICATION_CONTACTS;
}

/**
 * A run small enough that worker threads would cost more than they save, so
 * without an explicit --jobs it runs in this thread. Each thread starts its
 * own Node environment, loads the simulator and warms V8 up on it (about
 * 0.25 s of CPU apiece), which two cores win back only past about
 * SMALL_RUN_CONTACTS first contacts in all (measured: docs/performance.md,
 * "Start-up"). Known before anything runs: the demand over the horizon,
 * strategy by strategy and replication by replication.
 */
export const SMALL_RUN_CONTACTS = 500_000;

function isSmall(tasks: readonly Pick<ReplicationTask, 'strategy'>[]): boolean {
  return tasks.reduce((sum, task) => sum + expectedContacts(task), 0) < SMALL_RUN_CONTACTS;
}

/** First contacts a replication simulates: its demand over its whole horizon. */
function expectedContacts(task: Pick<ReplicationTask, 'strategy'>): number {
  return (task.strategy.demand.contacts_per_day * task.strategy.horizon) / 1440;
}

/** What one replication contributes to the report. */
export interface ReplicationSummary {
  kpis: KpiValues;
  /** What kpis were priced from. */
  physical: Physical;
  /** Per ticket type and per employee group, in file order. */
  byType: TypeValues[];
  byGroup: GroupValues[];
  /** Contacts the human queue turned away at its cap. */
  turnedAway: number;
  /** The human queue hour of day by hour of day. */
  byHour: HourlyValues[];
  /** Expected customers lost over the measured window (the sum of each ended episode's churn probability). */
  churned: number;
  /** Each gig worker's pay over the measured full days in the pay model's units, workers paid anything (for `staffsim plan`). */
  gigPayByWorker: number[];
}

interface RunPlan {
  baseline: string;
  resolved: Array<ReturnType<typeof resolveAutoStaffing> & { atTargetOf?: string }>;
  /** Strategy by strategy, replication by replication: the order results are assembled in. */
  tasks: ReplicationTask[];
}

function planRun(scenario: Scenario, options: RunOptions): RunPlan {
  // Auto-staffed hours become numbers before anything is simulated (auto-staffing.ts).
  const selected = selectStrategies(scenario, options.strategies);
  const baseline = selectBaseline(selected, options.baseline, scenario);
  const resolved: RunPlan['resolved'] = [];
  for (const s of selected) {
    resolved.push(resolveAutoStaffing(s));
    const fair = options.atTarget && s.name === baseline ? atTargetStaffing(s) : null;
    if (fair && !selected.some((other) => other.name === fair.name)) resolved.push({ ...resolveAutoStaffing(fair), atTargetOf: s.name });
  }
  const tasks = resolved.flatMap(({ strategy }) =>
    Array.from({ length: strategy.replications }, (_, replication) => ({ strategy, replication })),
  );
  return { baseline, resolved, tasks };
}

function assemble(scenario: Scenario, sha256: string, plan: RunPlan, summaries: readonly ReplicationSummary[]): RunReport {
  const results: StrategyResult[] = [];
  const turnedAway = new Map<string, number>();
  let next = 0;
  for (const { strategy, staffing, atTargetOf } of plan.resolved) {
    const mine = summaries.slice(next, next + strategy.replications);
    next += strategy.replications;
    turnedAway.set(strategy.name, mine.reduce((sum, r) => sum + r.turnedAway, 0));
    const unstable = unstableQueues(strategy);
    results.push({
      name: strategy.name,
      routing: strategy.routing,
      metrics: estimateKpis(mine.map((r) => r.kpis)),
      by_hour: estimateHours(mine.map((r) => r.byHour)),
      by_type: Object.fromEntries(
        strategy.ticket_types.map((t, i) => [t.name, { metrics: estimateSome(mine.map((r) => r.byType[i]), BY_TYPE_KPIS) }]),
      ),
      by_group: Object.fromEntries(
        strategy.staff.groups.map((g, i) => [g.name, { metrics: estimateSome(mine.map((r) => r.byGroup[i]), BY_GROUP_KPIS) }]),
      ),
      ...(staffing ? { staffing } : {}),
      mean_on_shift: meanOnShift(strategy),
      payroll_headcount: payrollHeadcount(strategy),
      per_replication: mine.map((r) => r.kpis),
      ...(atTargetOf !== undefined ? { at_target_of: atTargetOf } : {}),
      ...(unstable.length > 0 ? { unstable } : {}),
    });
  }
  const strategies = plan.resolved.map((r) => r.strategy);
  return {
    staffsim: VERSION,
    scenario: { name: scenario.name, sha256 },
    seed: scenario.seed,
    replications: scenario.replications,
    measured_days: (scenario.horizon - scenario.warmup) / 1440,
    service_level: { ...scenario.service_level },
    baseline: plan.baseline,
    strategies: results,
    warnings: runWarnings(scenario, strategies, plan.baseline, turnedAway),
  };
}
