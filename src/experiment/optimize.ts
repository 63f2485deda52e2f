// `staffsim optimize`: the cheapest configuration of one strategy that meets
// constraints on its KPIs, found by simulation.
//
// Method (docs/optimize.md): simulation-based staffing in the manner of
// Atlason, Epelman & Henderson (2008): the queueing answer (Erlang A auto
// staffing, auto-staffing.ts) is only a start, and every candidate is judged
// by simulation. The search is a compass (coordinate pattern) search on the
// decision lattice (Kolda, Lewis & Torczon 2003): from the current
// candidate, try one step up and down each variable (every alternative of a
// choice); move to the best; when none is better, halve the steps; stop when
// the steps are at their finest and nothing improves, or at the budget.
// Candidates are compared with common random numbers (every candidate runs
// replications 0, 1, ... with the scenario's seed), so their differences are
// measured more sharply than their levels. Replications are allocated
// sequentially, as ranking-and-selection procedures do (the idea of OCBA,
// Chen et al. 2000, without its allocation formula): a candidate whose
// interval straddles a constraint's bound, or whose objective interval
// overlaps the best's, gets its replications doubled, up to a cap.
//
// "Meets a constraint" means with 95% one-sided confidence over the
// candidate's replications: mean − t(0.95, n−1)·s/√n ≥ bound (or + … ≤ for
// an upper bound). Candidates are ranked by their total shortfall against
// those one-sided bounds (0: meets every constraint), then by the mean
// objective, then by their values (so ties never depend on timing).
//
// Determinism: every decision is taken on whole batches of results, in
// candidate order, so the answer does not depend on --jobs. A time limit is
// looked at only between batches (through an injectable clock, so tests do
// not depend on the machine's speed): the batch under way finishes, none
// starts after the limit.

import { availableParallelism } from 'node:os';
import type { KpiName, TypeKpiName } from '../metrics/kpis.js';
import { didYouMean } from '../scenario/suggest.js';
import { estimate, tQuantile } from '../metrics/replications.js';
import { ScenarioError } from '../scenario/errors.js';
import { groupKey } from '../scenario/schema.js';
import { canonicalJson, parseScenarioText, type LoadedScenario } from '../scenario/load.js';
import type { StrategyScenario } from '../scenario/types.js';
import { resolveAutoStaffing } from './auto-staffing.js';
import { decisionPath, describeConstraint, OptimizeError, SCHEDULE_SCALE, sectionError, type Constraint, type Decision, type OptimizeProblem } from './optimize-problem.js';
import { inTaskOrder, workerUrl } from './pool.js';
import type { ReplicationTask } from './replication-worker.js';
import { selectStrategies, type ReplicationSummary } from './run.js';

/** One KPI (the strategy's, or a ticket type's) of a candidate over its replications. */
export interface KpiSummary {
  mean: number;
  /** One-sided 95% bounds: the KPI is above `lo95` (below `hi95`) with 95% confidence. */
  lo95: number;
  hi95: number;
}

export interface Candidate {
  /** The decisions' values, by key, in decision order. */
  values: Record<string, unknown>;
  /** The `--set` overrides that give `staffsim run` this configuration. */
  set: string[];
  replications: number;
  /** The mean of the KPI minimised. */
  objective: number;
  /** The objective, each constrained KPI and cost_total, by name (`service_level`, `service_level.disputes`), over the replications. */
  kpis: Record<string, KpiSummary>;
  /** Total shortfall against the one-sided bounds, each relative to its bound; 0 when it meets every constraint. */
  shortfall: number;
  feasible: boolean;
  /** Order in which candidates were first simulated, from 0. */
  order: number;
}

export interface OptimizeResult {
  problem: OptimizeProblem;
  /** Replications each candidate starts with, and the most any gets. */
  replications: { start: number; max: number };
  /** Where the search started (auto staffing where it applies). */
  start: Record<string, unknown>;
  /** Every candidate simulated, best first. */
  candidates: Candidate[];
  /** The cheapest candidate that meets every constraint; null when none does. */
  best: Candidate | null;
  /** Combinations of values the scenario refuses (e.g. nobody to answer), skipped by the search. */
  refused: number;
  /** Why the search ended. */
  stopped: 'converged' | 'budget' | 'time-limit' | 'interrupted';
}

export interface OptimizeOptions {
  jobs?: number;
  signal?: AbortSignal;
  /** Called after each batch with the candidates simulated and the budget. */
  onProgress?: (done: number, total: number) => void;
  /** Replications a candidate may get at most (default 4 × the scenario's). */
  maxReplications?: number;
  /** The clock the time limit is measured on, in milliseconds (default Date.now; tests give their own). */
  now?: () => number;
}

/** Steps of a real variable stop halving at this share of its range. */
const REAL_RESOLUTION = 1 / 64;

const WORKER = workerUrl('replication-worker');

/** What a candidate keeps of a replication: the figures its constraints and objective read. */
type Run = Pick<ReplicationSummary, 'kpis' | 'byType'>;

interface Entry {
  values: unknown[];
  set: string[];
  strategy: StrategyScenario;
  runs: Run[];
  order: number;
}

/** Thrown out of a batch when the signal aborts or the time limit has passed: the search returns what it has. */
class Stopped extends Error {
  constructor(readonly why: 'time-limit' | 'interrupted') {
    super(why);
  }
}

/** A tracked figure: its name in Candidate.kpis and how to read it from a replication. */
interface Metric {
  name: string;
  read: (run: Run) => number;
}

export async function optimize(loaded: LoadedScenario, problem: OptimizeProblem, options: OptimizeOptions = {}): Promise<OptimizeResult> {
  const jobs = options.jobs ?? availableParallelism();
  const start = loaded.scenario.replications;
  const maxReps = Math.max(start, options.maxReplications ?? 4 * start);
  checkProblem(loaded, problem);
  const tracked = trackedMetrics(loaded, problem);
  const now = options.now ?? Date.now;
  const deadline = problem.timeLimit === null ? null : now() + problem.timeLimit * 60_000;
  /** The start is always simulated, so there is something to report; after it, no batch starts past the deadline. */
  let started = false;
  const entries = new Map<string, Entry>();
  let stopped: OptimizeResult['stopped'] = 'converged';

  const keyOf = (values: unknown[]) => canonicalJson(values);
  const setOf = (values: unknown[]) => [...loaded.overrides, ...decisionSets(loaded, problem, values)];
  const refused = new Set<string>();
  /** The candidate of `values`; null when the scenario refuses that combination (checkProblem tried each value alone). */
  const entryOf = (values: unknown[]): Entry | null => {
    const existing = entries.get(keyOf(values));
    if (existing) return existing;
    if (refused.has(keyOf(values))) return null;
    const set = setOf(values);
    let strategy: StrategyScenario;
    try {
      const parsed = parseScenarioText(loaded.text, loaded.file, { set });
      [strategy] = selectStrategies(parsed.scenario, [problem.strategy]);
    } catch (error) {
      if (!(error instanceof ScenarioError)) throw error;
      refused.add(keyOf(values));
      return null;
    }
    const entry: Entry = { values, set: set.slice(loaded.overrides.length), strategy: resolveAutoStaffing(strategy).strategy, runs: [], order: entries.size };
    entries.set(keyOf(values), entry);
    return entry;
  };

  const summary = (e: Entry): Candidate => summarise(e, problem, tracked);

  /** Brings each entry to `reps` replications (the same replication numbers for all: common random numbers). */
  const simulate = async (wanted: Array<{ entry: Entry; reps: number }>) => {
    if (started && deadline !== null && now() >= deadline) throw new Stopped('time-limit');
    started = true;
    const tasks: ReplicationTask[] = [];
    const owners: Entry[] = [];
    for (const { entry, reps } of wanted) {
      for (let r = entry.runs.length; r < reps; r++) {
        tasks.push({ strategy: entry.strategy, replication: r });
        owners.push(entry);
      }
    }
    const results: Run[] = [];
    try {
      for await (const result of inTaskOrder<ReplicationTask, ReplicationSummary>(WORKER, tasks, { jobs, ...(options.signal ? { signal: options.signal } : {}) })) {
        results.push({ kpis: result.kpis, byType: result.byType });
      }
    } catch (error) {
      if (options.signal?.aborted) throw new Stopped('interrupted');
      throw error;
    }
    // Only whole batches count, in task order: the answer never depends on which thread finished first.
    results.forEach((run, i) => owners[i].runs.push(run));
  };

  /** New candidates get `start` replications; then those undecided or near the best get doubled, until none or the cap. */
  const evaluate = async (batch: Entry[]) => {
    await simulate(batch.filter((e) => e.runs.length === 0).map((entry) => ({ entry, reps: start })));
    for (;;) {
      const all = [...entries.values()].filter((e) => e.runs.length > 0);
      const best = bestOf(all.map(summary));
      const more = batch.filter((e) => e.runs.length < maxReps && needsMore(summary(e), best, problem.constraints, problem.minimize));
      // A close race is decided on both sides: the best gets replications too while another is near it.
      const bestEntry = best ? all.find((e) => e.order === best.order)! : null;
      if (bestEntry && bestEntry.runs.length < maxReps && !more.includes(bestEntry) && all.some((e) => e !== bestEntry && nearBest(summary(e), best!, problem.minimize))) {
        more.push(bestEntry);
      }
      if (more.length === 0) return;
      await simulate(more.map((entry) => ({ entry, reps: Math.min(maxReps, 2 * entry.runs.length) })));
    }
  };

  const first = startingPoint(loaded, problem);
  const steps = problem.decisions.map(initialStep);
  // checkProblem has parsed the start: it is a valid candidate.
  let current = entryOf(first)!;
  // A move is to a strictly better candidate, but estimates change as replications are added: bound the moves anyway.
  const maxRounds = 4 * problem.budget + 64;
  try {
    await evaluate([current]);
    options.onProgress?.(entries.size, problem.budget);
    for (let round = 0; ; round++) {
      let outOfBudget = round >= maxRounds;
      const batch: Entry[] = [];
      for (const values of neighbourhood(current.values, steps, problem.decisions)) {
        if (!entries.has(keyOf(values)) && entries.size >= problem.budget) {
          outOfBudget = true;
          break;
        }
        const entry = entryOf(values);
        if (entry) batch.push(entry);
      }
      await evaluate([current, ...batch]);
      options.onProgress?.(entries.size, problem.budget);
      const winner = [current, ...batch].map(summary).sort(compareCandidates)[0];
      if (winner.order !== current.order && !outOfBudget) {
        current = [...entries.values()].find((e) => e.order === winner.order)!;
        continue;
      }
      if (outOfBudget) {
        stopped = 'budget';
        break;
      }
      if (steps.every((step, i) => step <= finestStep(problem.decisions[i]))) break;
      for (let i = 0; i < steps.length; i++) steps[i] = Math.max(finestStep(problem.decisions[i]), halve(steps[i], problem.decisions[i]));
    }
  } catch (error) {
    if (!(error instanceof Stopped)) throw error;
    stopped = error.why;
  }
  const candidates = [...entries.values()].filter((e) => e.runs.length > 0).map(summary).sort(compareCandidates);
  return {
    problem,
    replications: { start, max: maxReps },
    start: Object.fromEntries(problem.decisions.map((d, i) => [d.key, first[i]])),
    candidates,
    best: candidates[0]?.feasible ? candidates[0] : null,
    refused: refused.size,
    stopped,
  };
}

/**
 * The figures a candidate is judged on: the objective, each constraint's KPI
 * (a ticket type's read from its by_type figures) and cost_total.
 */
function trackedMetrics(loaded: LoadedScenario, problem: OptimizeProblem): Metric[] {
  const [strategy] = selectStrategies(loaded.scenario, [problem.strategy]);
  // Decisions cannot add, remove or rename ticket types (a strategy patch keeps their names and order).
  const typeIndex = (type: string) => strategy.ticket_types.findIndex((t) => t.name === type);
  const metrics = new Map<string, Metric>();
  const add = (name: string, read: Metric['read']) => {
    if (!metrics.has(name)) metrics.set(name, { name, read });
  };
  const kpi = (name: KpiName) => add(name, (run) => run.kpis[name]);
  kpi(problem.minimize);
  for (const c of problem.constraints) {
    if (c.type === undefined) {
      kpi(c.kpi);
      continue;
    }
    const t = typeIndex(c.type);
    const name = c.kpi as TypeKpiName;
    add(c.metric, (run) => run.byType[t][name]);
  }
  kpi('cost_total');
  return [...metrics.values()];
}

function summarise(e: Entry, problem: OptimizeProblem, tracked: readonly Metric[]): Candidate {
  const kpis: Record<string, KpiSummary> = {};
  for (const m of tracked) kpis[m.name] = oneSided(e.runs.map(m.read));
  const shortfall = problem.constraints.reduce((sum, c) => sum + shortfallOf(c, kpis[c.metric]), 0);
  return {
    values: Object.fromEntries(problem.decisions.map((d, i) => [d.key, e.values[i]])),
    set: e.set,
    replications: e.runs.length,
    objective: kpis[problem.minimize].mean,
    kpis,
    shortfall,
    feasible: shortfall === 0,
    order: e.order,
  };
}

/** Mean and one-sided 95% bounds over replications (n ≥ 2). */
export function oneSided(values: readonly number[]): KpiSummary {
  const { mean } = estimate(values);
  const n = values.length;
  const variance = n > 1 ? values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1) : Infinity;
  const half = n > 1 ? tQuantile(0.95, n - 1) * Math.sqrt(variance / n) : Infinity;
  return { mean, lo95: mean - half, hi95: mean + half };
}

/** How far the conservative side of the KPI misses the bound, relative to the bound; 0 when it meets it. */
function shortfallOf(c: Constraint, k: KpiSummary): number {
  const scale = Math.abs(c.bound) > 0 ? Math.abs(c.bound) : 1;
  const miss = c.op === '>=' ? c.bound - k.lo95 : k.hi95 - c.bound;
  return miss > 0 ? miss / scale : 0;
}

/** The interval (two one-sided bounds) contains the bound: more replications may decide it. */
function straddles(c: Constraint, k: KpiSummary): boolean {
  return k.lo95 < c.bound && c.bound < k.hi95;
}

function needsMore(c: Candidate, best: Candidate | null, constraints: readonly Constraint[], objective: KpiName): boolean {
  if (constraints.some((k) => straddles(k, c.kpis[k.metric]))) return true;
  return best !== null && nearBest(c, best, objective);
}

/** Another candidate meeting the constraints whose objective interval overlaps the best's: the ranking is not yet clear. */
function nearBest(c: Candidate, best: Candidate, objective: KpiName): boolean {
  return c.feasible && c.order !== best.order && c.kpis[objective].lo95 < best.kpis[objective].hi95;
}

function bestOf(candidates: Candidate[]): Candidate | null {
  const sorted = [...candidates].sort(compareCandidates);
  return sorted[0]?.feasible ? sorted[0] : null;
}

/** Meets more (less shortfall) first, then cheaper, then the one simulated first. */
export function compareCandidates(a: Candidate, b: Candidate): number {
  if (a.shortfall !== b.shortfall) return a.shortfall - b.shortfall;
  if (a.objective !== b.objective) return a.objective - b.objective;
  return a.order - b.order;
}

function initialStep(d: Decision): number {
  if (d.kind === 'choice') return 1;
  if (d.kind === 'integer') return Math.max(1, Math.round((d.hi - d.lo) / 8));
  return (d.hi - d.lo) / 8;
}

function finestStep(d: Decision): number {
  if (d.kind === 'integer' || d.kind === 'choice') return 1;
  return (d.hi - d.lo) * REAL_RESOLUTION;
}

function halve(step: number, d: Decision): number {
  return d.kind === 'real' ? step / 2 : Math.floor(step / 2);
}

/** One step up and down each variable (clamped), and every other value of a choice; in decision order. */
function neighbourhood(values: unknown[], steps: number[], decisions: readonly Decision[]): unknown[][] {
  const out: unknown[][] = [];
  const seen = new Set<string>([canonicalJson(values)]);
  const add = (v: unknown[]) => {
    const key = canonicalJson(v);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(v);
    }
  };
  decisions.forEach((d, i) => {
    if (d.kind === 'choice') {
      for (const alt of d.values) add(values.map((v, j) => (j === i ? alt : v)));
      return;
    }
    for (const sign of [-1, 1]) {
      const raw = (values[i] as number) + sign * steps[i];
      const clamped = Math.min(d.hi, Math.max(d.lo, raw));
      add(values.map((v, j) => (j === i ? (d.kind === 'integer' ? Math.round(clamped) : roundReal(clamped)) : v)));
    }
  });
  return out;
}

/** Reals are kept to 12 significant digits, so a value prints and parses back the same. */
function roundReal(x: number): number {
  return Number(x.toPrecision(12));
}

/**
 * The first candidate: a headcount decision starts where Erlang A auto
 * staffing puts the strategy (its busiest hour, so the start usually meets a
 * service-level constraint and the search walks down); other ranges start
 * in their middle, choices at their first value.
 */
function startingPoint(loaded: LoadedScenario, problem: OptimizeProblem): unknown[] {
  return problem.decisions.map((d) => {
    if (d.kind === 'choice') return d.values[0];
    if (d.kind === 'integer' && d.key.endsWith('headcount')) {
      const auto = autoHeadcount(loaded, problem.strategy, d.key);
      if (auto !== null) return Math.min(d.hi, Math.max(d.lo, auto));
    }
    const mid = (d.lo + d.hi) / 2;
    return d.kind === 'integer' ? Math.round(mid) : roundReal(mid);
  });
}

/** The busiest hour's level auto staffing chooses with `key` set to auto; null when it cannot. */
function autoHeadcount(loaded: LoadedScenario, strategy: string, key: string): number | null {
  try {
    const parsed = parseScenarioText(loaded.text, loaded.file, { set: [...loaded.overrides, `${decisionPath(strategy, key)}=auto`] });
    const [s] = selectStrategies(parsed.scenario, [strategy]);
    const { strategy: resolved, staffing } = resolveAutoStaffing(s);
    if (!staffing) return null;
    // The group the key names: `staff.employees.headcount` on a one-group file, `staff.groups.NAME.headcount` otherwise.
    const g = resolved.staff.groups.findIndex((_, i) => `${groupKey(resolved.staff, i)}.headcount` === key);
    return g < 0 ? null : Math.max(...resolved.staff.groups[g].schedule);
  } catch (error) {
    // A key that takes no `auto` (a group's, say) or a load auto staffing refuses: start in the middle.
    if (error instanceof ScenarioError) return null;
    throw error;
  }
}

/**
 * The `--set` overrides of a candidate's values. A schedule scale becomes
 * each employee group's schedule as the file gives it (after auto staffing)
 * times the factor, each hour rounded to whole agents.
 */
function decisionSets(loaded: LoadedScenario, problem: OptimizeProblem, values: readonly unknown[]): string[] {
  return problem.decisions.flatMap((d, i) => {
    if (d.key !== SCHEDULE_SCALE) return [`${decisionPath(problem.strategy, d.key)}=${JSON.stringify(values[i])}`];
    return baseSchedules(loaded, problem.strategy).map(({ key, schedule }) => {
      const scaled = schedule.map((level) => Math.round(level * (values[i] as number)));
      return `${decisionPath(problem.strategy, `${key}.schedule`)}=${JSON.stringify(scaled)}`;
    });
  });
}

const schedulesByLoaded = new WeakMap<LoadedScenario, Map<string, GroupSchedule[]>>();

interface GroupSchedule {
  /** The group's key path (`staff.employees` or `staff.groups.NAME`). */
  key: string;
  schedule: number[];
}

/** The strategy's employee schedules in the loaded scenario, group by group, auto-staffed hours resolved (computed once). */
function baseSchedules(loaded: LoadedScenario, strategy: string): GroupSchedule[] {
  let byStrategy = schedulesByLoaded.get(loaded);
  if (!byStrategy) schedulesByLoaded.set(loaded, (byStrategy = new Map()));
  let schedules = byStrategy.get(strategy);
  if (!schedules) {
    const [s] = selectStrategies(loaded.scenario, [strategy]);
    const staff = resolveAutoStaffing(s).strategy.staff;
    schedules = staff.groups.map((group, g) => ({ key: groupKey(staff, g), schedule: group.schedule }));
    byStrategy.set(strategy, schedules);
  }
  return schedules;
}

/**
 * Refuses a problem whose decisions cannot be applied, before anything runs:
 * the start, and each decision's ends (each choice) with the others at the
 * start. A combination refused only with other values is skipped by the search.
 */
export function checkProblem(loaded: LoadedScenario, problem: OptimizeProblem): void {
  if (!Number.isSafeInteger(problem.budget) || problem.budget < 1) throw new OptimizeError(`--budget must be a whole number of at least 1, got ${problem.budget}`);
  if (problem.timeLimit !== null && !(problem.timeLimit > 0 && Number.isFinite(problem.timeLimit))) throw new OptimizeError(`the time limit must be above 0, got ${problem.timeLimit} minutes`);
  if (loaded.scenario.replications < 2) {
    throw new OptimizeError(`optimize needs at least 2 replications per candidate for its confidence bounds; the scenario has ${loaded.scenario.replications} (give --replications 2 or more)`);
  }
  const [strategy] = selectStrategies(loaded.scenario, [problem.strategy]);
  refuseEmployeesOverGroups(strategy, problem);
  const types = strategy.ticket_types.map((t) => t.name);
  for (const c of problem.constraints) {
    if (c.type === undefined || types.includes(c.type)) continue;
    const message = `\`${c.type}\` is not a ticket type of strategy \`${problem.strategy}\` (${didYouMean(c.type, types, 'its ticket types are')})`;
    throw c.from !== undefined ? sectionError({ file: loaded.file, text: loaded.text }, ['optimize', 'constraints', c.from], `'${describeConstraint(c)}': ${message}`) : new OptimizeError(`--constraint '${describeConstraint(c)}': ${message}`);
  }
  const start = startingPoint(loaded, problem);
  const probes: unknown[][] = [start];
  problem.decisions.forEach((d, i) => {
    for (const v of d.kind === 'choice' ? d.values : [d.lo, d.hi]) probes.push(start.map((b, j) => (j === i ? v : b)));
  });
  for (const values of probes) {
    const set = [...loaded.overrides, ...decisionSets(loaded, problem, values)];
    const parsed = parseScenarioText(loaded.text, loaded.file, { set });
    selectStrategies(parsed.scenario, [problem.strategy]);
  }
}

/**
 * A `staff.employees.*` decision on a strategy with named agent groups would
 * replace the groups with one team of every skill (the --set rule), whose
 * keys come from the file's `staff.employees` alone: its pay, shrinkage and
 * skills are not the groups', and a file without one pays it nothing. The
 * search would compare candidates of another model, so it is refused.
 */
function refuseEmployeesOverGroups(strategy: StrategyScenario, problem: OptimizeProblem): void {
  if (groupKey(strategy.staff, 0) === 'staff.employees') return;
  const d = problem.decisions.find((x) => x.key !== SCHEDULE_SCALE && /^staff\.employees\./.test(x.key));
  if (!d) return;
  const names = strategy.staff.groups.map((g) => g.name);
  throw new OptimizeError(
    `\`${d.key}\`: strategy \`${problem.strategy}\` has agent groups (${names.join(', ')}), which this key would replace with one team without their pay, shrinkage and skills; decide each group's key instead (e.g. staff.groups.${names[0]}.headcount), or ${SCHEDULE_SCALE} to scale every group's schedule`,
  );
}
