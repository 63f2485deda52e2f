// Sweeps: run every point of a set of axes, each with every selected
// strategy and its replications, on worker threads (pool.ts), and hand back
// each point's rows in point order.
//
// Common random numbers: by default every point runs with the scenario's
// seed (or the seed the point itself sets), so points differ only by their
// values and differences between points are measured sharply, as between the
// strategies of a run. With independent seeds (--independent-seeds, or
// `sweep: {seeds: independent}`) a point's seed comes from the scenario's
// seed and the point's values (sweep-axes.ts). Either way a point's seed does
// not depend on which points run with it, and rows are released in point
// order whatever order the workers finish in, so the output does not depend
// on --jobs, on timing, or on how the points are split into shards.
//
// Prices after simulation: points that differ only in price keys (pricing.ts)
// share one simulation under common random numbers. The first point of each
// physical configuration simulates and keeps its per-replication physical
// record; the others are priced from it here, without simulating. The rows
// are the same bytes as simulating every point, since prices never reach the
// simulation.

import { availableParallelism } from 'node:os';
import { BY_GROUP_KPIS, BY_TYPE_KPIS, KPI_NAMES, type Estimate, type GroupKpiName, type KpiName, type TypeKpiName } from '../metrics/kpis.js';
import { estimateKpis, estimateSome } from '../metrics/replications.js';
import { isPriceKey, priceGroups, priceKpis, pricesOf } from '../model/pricing.js';
import { canonicalJson, parseScenarioText, type LoadedScenario } from '../scenario/load.js';
import { inTaskOrder, workerUrl } from './pool.js';
import { selectStrategies } from './run.js';
import {
  checkAxes,
  pointCount,
  pointOverrides,
  pointSeed,
  pointValues,
  SweepError,
  sweepHash,
  type Combine,
  type SweepAxes,
} from './sweep-axes.js';
import type { PointResult, PointTask } from './sweep-worker.js';
import { inFile, ScenarioError } from '../scenario/errors.js';
import { VERSION } from './version.js';

/** Slice `index` of `count` (numbered from 0): the points whose index modulo `count` is `index`. */
export interface Shard {
  index: number;
  count: number;
}

/** What a sweep file's first line records: two files with equal metadata (but the shard) hold rows of one sweep. */
export interface SweepMeta {
  staffsim: string;
  scenario: { name: string; sha256: string };
  /** SHA-256 of the axes and how they combine. */
  sweep: string;
  combine: Combine;
  keys: string[];
  /** Points of the whole sweep, all shards together. */
  points: number;
  strategies: string[];
  seed: number;
  replications: number;
  /** `K/N` in the part file of a shard; absent in a whole sweep. */
  shard?: string;
  /** `independent`: each point's seed from its values; absent: every point the scenario's seeds (common random numbers). */
  seeds?: 'independent';
  /** The KPIs the file shows (`--kpi`), in order; absent: every KPI. */
  kpis?: KpiName[];
  /**
   * The ticket types and the employee groups whose KPIs the rows carry as
   * `<kpi>.<name>` columns (BY_TYPE_KPIS, BY_GROUP_KPIS), in file order over
   * the strategies; absent with --kpi (as in the run's CSV), and in files of
   * earlier versions.
   */
  by_type?: string[];
  by_group?: string[];
}

/** A strategy's KPIs per ticket type and per employee group at a point, by name (the run report's by_type and by_group). */
export interface PointBreakdown {
  by_type: Record<string, Record<TypeKpiName, Estimate>>;
  by_group: Record<string, Record<GroupKpiName, Estimate>>;
}

/** One point × strategy. */
export interface SweepRow {
  /** Index of the point in the whole sweep, from 0. */
  point: number;
  /** The seed the point ran with: the scenario's (or the point's own `seed`), or with independent seeds one from its values. */
  point_seed: number;
  /** The varied keys' values at this point, in axis order. */
  values: Record<string, unknown>;
  strategy: string;
  metrics: Record<KpiName, Estimate>;
  /** The strategy's KPIs per ticket type, by name: its queue and outcomes (BY_TYPE_KPIS). */
  by_type: Record<string, Record<TypeKpiName, Estimate>>;
  /** The strategy's KPIs per employee group, by name (BY_GROUP_KPIS). */
  by_group: Record<string, Record<GroupKpiName, Estimate>>;
}

/** The rows of one point, one per strategy in the order selected. */
export interface PointRows {
  point: number;
  point_seed: number;
  values: Record<string, unknown>;
  rows: SweepRow[];
}

export interface SweepPlan {
  meta: SweepMeta;
  axes: SweepAxes;
  loaded: LoadedScenario;
  strategies: string[];
  /** The points this run covers (all, or one shard's), in order. */
  points: number[];
}

export interface PlanOptions {
  /** Strategies to run, in this order; all when absent or empty. */
  strategies?: readonly string[];
  shard?: Shard;
  /** The KPIs sweep files show, in order (recorded in the metadata); all when absent. Rows always hold every KPI. */
  kpis?: readonly KpiName[];
  /** Each point a seed of its own, from its values, instead of the scenario's (default false). */
  independentSeeds?: boolean;
}

export interface SweepRunOptions {
  /** Worker threads; default: the number of cores. */
  jobs?: number;
  /** How many of the plan's points are already done (resume): they are not run again. */
  skip?: number;
  /** Aborting stops the sweep: running points are cancelled and the iterator throws. */
  signal?: AbortSignal;
  /** Called after each point with the points done (skipped ones included) and the plan's total. */
  onProgress?: (done: number, total: number) => void;
  /** Points given to one pool of workers at a time (default 4096); only memory and start-ups depend on it. */
  chunkPoints?: number;
  /** Simulate every point, even those that differ from an earlier one only in prices (default false: price them). Same output. */
  simulateEveryPoint?: boolean;
}

/** Parses `K/N`: shards are numbered from 0 (K is 0 to N-1), like Kubernetes' JOB_COMPLETION_INDEX. */
export function parseShard(text: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || !Number.isSafeInteger(count) || count < 1) {
    throw new SweepError(`--shard ${text}: write K/N, the K-th of N slices numbered from 0, e.g. --shard 0/4`);
  }
  if (index >= count) {
    throw new SweepError(
      `--shard ${text}: shards are numbered from 0 to ${count - 1}` +
        (index === count ? ` (for a 1-based Slurm array use --shard $((SLURM_ARRAY_TASK_ID - 1))/${count})` : ''),
    );
  }
  return { index, count };
}

function describePoint(values: Record<string, unknown>): string {
  return Object.entries(values)
    .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
    .join(', ');
}

/**
 * Checks a sweep and lists its points. The values of every axis are tried
 * here (see probePoints), with the other axes at their first values, so a
 * misspelt key or a value out of range fails at once with the --set message,
 * before anything runs. Each of those is a real point of the sweep, so a
 * sweep whose points are valid is never refused; a value not tried, or a
 * combination invalid only with others' values, is caught when its point runs.
 */
export function planSweep(loaded: LoadedScenario, axes: SweepAxes, options: PlanOptions = {}): SweepPlan {
  checkAxes(axes);
  const strategies = selectStrategies(loaded.scenario, options.strategies).map((s) => s.name);
  const independent = options.independentSeeds ?? false;
  // The names of the by-type and by-group columns: every type and group of
  // the selected strategies, at the scenario's values and at every value tried.
  const types = new Set<string>();
  const groups = new Set<string>();
  const collectNames = (scenario: LoadedScenario['scenario']) => {
    for (const s of selectStrategies(scenario, strategies)) {
      for (const t of s.ticket_types) types.add(t.name);
      for (const g of s.staff.groups) groups.add(g.name);
    }
  };
  collectNames(loaded.scenario);
  for (const values of probePoints(axes)) collectNames(parseScenarioText(loaded.text, loaded.file, { set: pointSet(loaded, values, independent) }).scenario);
  const breakdown = options.kpis ? { by_type: [], by_group: [] } : { by_type: [...types], by_group: [...groups] };
  // No scenario key has an output column's name today; a KPI added later could.
  const columns = new Set([
    'point',
    'point_seed',
    'strategy',
    ...[...KPI_NAMES, ...breakdownColumns(breakdown.by_type, breakdown.by_group)].flatMap((k) => [k, `${k}_lo`, `${k}_hi`]),
  ]);
  for (const axis of axes.axes) {
    if (columns.has(axis.key)) throw new SweepError(`\`${axis.key}\` cannot be varied: it is the name of an output column`);
  }

  const total = pointCount(axes);
  const meta: SweepMeta = {
    staffsim: VERSION,
    scenario: { name: loaded.scenario.name, sha256: loaded.sha256 },
    sweep: sweepHash(axes),
    combine: axes.combine,
    keys: axes.axes.map((a) => a.key),
    points: total,
    strategies,
    seed: loaded.scenario.seed,
    replications: loaded.scenario.replications,
  };
  const points: number[] = [];
  const shard = options.shard ?? { index: 0, count: 1 };
  // Round-robin rather than blocks: neighbouring points often cost alike
  // (e.g. rising headcount), so every shard gets a share of the dear ones.
  for (let i = shard.index; i < total; i += shard.count) points.push(i);
  if (options.shard) meta.shard = `${shard.index}/${shard.count}`;
  if (options.kpis) meta.kpis = [...options.kpis];
  if (options.independentSeeds) meta.seeds = 'independent';
  if (!options.kpis) {
    meta.by_type = breakdown.by_type;
    meta.by_group = breakdown.by_group;
  }
  return { meta, axes, loaded, strategies, points };
}

/** The `<kpi>.<name>` columns of the types and groups named, types first, each name's KPIs together (as the run's CSV rows). */
export function breakdownColumns(types: readonly string[], groups: readonly string[]): string[] {
  return [
    ...types.flatMap((name) => BY_TYPE_KPIS.map((kpi) => `${kpi}.${name}`)),
    ...groups.flatMap((name) => BY_GROUP_KPIS.map((kpi) => `${kpi}.${name}`)),
  ];
}

/**
 * Checks that a point's types and groups are among the columns of the file
 * (planSweep names those of the values it tries): a name first met at a
 * point not tried would have no column, and is refused rather than dropped.
 */
function checkBreakdownNames(plan: SweepPlan, point: number, values: Record<string, unknown>, breakdowns: readonly PointBreakdown[]): void {
  if (!plan.meta.by_type || !plan.meta.by_group) return;
  for (const [kind, known] of [['by_type', plan.meta.by_type], ['by_group', plan.meta.by_group]] as const) {
    for (const b of breakdowns) {
      const unknown = Object.keys(b[kind]).find((name) => !known.includes(name));
      if (unknown !== undefined) {
        const what = kind === 'by_type' ? 'ticket type' : 'group';
        throw new SweepError(`point ${point} (${describePoint(values)}): its ${what} \`${unknown}\` is not one of the sweep's columns (${known.join(', ')}): vary names only through values the sweep tries first`);
      }
    }
  }
}

/** Most values of one axis planSweep tries: each costs a parse (~5 ms), not a simulation. */
const MAX_PROBES_PER_AXIS = 32;

/**
 * Indices of the values to try of an axis of n: all of a short one; of a long
 * one (a range, in practice) the first, the second (a step that breaks an
 * integer key) and the last (a bound), with evenly spaced ones between.
 */
function probeIndices(n: number): number[] {
  if (n <= MAX_PROBES_PER_AXIS) return Array.from({ length: n }, (_, i) => i);
  const stride = Math.ceil(n / (MAX_PROBES_PER_AXIS - 2));
  const picked = new Set([0, 1, n - 1]);
  for (let i = stride; i < n; i += stride) picked.add(i);
  return [...picked].sort((a, b) => a - b);
}

/** Real points of the sweep that between them try the values of every axis (see planSweep). */
function* probePoints(axes: SweepAxes): Generator<Record<string, unknown>> {
  if (axes.combine === 'zip') {
    for (const i of probeIndices(pointCount(axes))) yield pointValues(axes, i);
    return;
  }
  const first = pointValues(axes, 0);
  yield first;
  for (const axis of axes.axes) {
    for (const i of probeIndices(axis.values.length)) if (i > 0) yield { ...first, [axis.key]: axis.values[i] };
  }
}

/** The overrides of a point: the scenario's own, the point's values, then (independent seeds) the point's seed. */
function pointSet(loaded: LoadedScenario, values: Record<string, unknown>, independent: boolean): string[] {
  const set = [...loaded.overrides, ...pointOverrides(values)];
  if (independent) set.push(`seed=${pointSeed(loaded.scenario.seed, values)}`);
  return set;
}

/**
 * What decides a point's simulation: its values of keys that are not prices,
 * or null when prices cannot be shared (independent seeds: the seed comes
 * from every value). Points with equal keys simulate the same.
 */
function physicalKey(values: Record<string, unknown>, independent: boolean): string | null {
  if (independent) return null;
  return canonicalJson(Object.fromEntries(Object.entries(values).filter(([key]) => !isPriceKey(key))));
}

/** True when some axis varies a price only: then points can share simulations. */
function variesPrices(axes: SweepAxes): boolean {
  return axes.axes.some((axis) => isPriceKey(axis.key));
}

/** What a simulated point leaves for pricing others: its physical records, and its KPIs by type (which no price moves). */
type Simulated = NonNullable<Extract<PointResult, { ok: true }>['physical']> & { breakdowns: PointBreakdown[] };

/**
 * A point's metrics priced from another point's physical records: the
 * point's own prices, with the employee schedules that point was simulated
 * with (auto staffing does not depend on prices, and transition costs follow
 * from the schedule).
 */
function pricePoint(plan: SweepPlan, set: string[], simulated: Simulated): { metrics: Array<Record<KpiName, Estimate>>; breakdowns: PointBreakdown[] } {
  const loaded = parseScenarioText(plan.loaded.text, plan.loaded.file, { set });
  const metrics: Array<Record<KpiName, Estimate>> = [];
  const breakdowns: PointBreakdown[] = [];
  selectStrategies(loaded.scenario, plan.strategies).forEach((strategy, s) => {
    const groups = strategy.staff.groups.map((group, g) => ({ ...group, schedule: simulated.schedules[s][g] }));
    const prices = pricesOf({ ...strategy, staff: { ...strategy.staff, groups } });
    const replications = simulated.replications[s];
    metrics.push(estimateKpis(replications.map((q) => priceKpis(q, prices))));
    // By type: queue and outcomes only, no price in them; by group: its payroll at this point's prices.
    const byGroup = replications.map((q) => priceGroups(q, prices));
    breakdowns.push({
      by_type: simulated.breakdowns[s].by_type,
      by_group: Object.fromEntries(groups.map((group, g) => [group.name, estimateSome(byGroup.map((r) => r[g]), BY_GROUP_KPIS)])),
    });
  });
  return { metrics, breakdowns };
}

const WORKER = workerUrl('sweep-worker');

/**
 * Points handed to one pool at a time. Tasks are made a chunk at a time so
 * that a sweep of a million points does not hold a million tasks; the pool's
 * start-up (tens of milliseconds) is small beside a chunk's simulations.
 */
const CHUNK_POINTS = 4096;

/** Runs the plan's points (but the first `skip`) on worker threads and yields each point's rows in point order. */
export async function* runSweep(plan: SweepPlan, options: SweepRunOptions = {}): AsyncGenerator<PointRows> {
  const total = plan.points.length;
  const todo = plan.points.slice(options.skip ?? 0);
  let done = total - todo.length;
  const jobs = options.jobs ?? availableParallelism();
  if (!Number.isSafeInteger(jobs) || jobs < 1) throw new SweepError(`jobs must be a whole number of at least 1, got ${jobs}`);
  const chunk = options.chunkPoints ?? CHUNK_POINTS;
  const independent = plan.meta.seeds === 'independent';
  const share = !options.simulateEveryPoint && !independent && variesPrices(plan.axes);
  for (let start = 0; start < todo.length; start += chunk) {
    // The first point of each physical configuration in the chunk simulates; the rest are priced from it.
    const seen = new Set<string>();
    const points = todo.slice(start, start + chunk).map((point) => {
      const values = pointValues(plan.axes, point);
      const key = share ? physicalKey(values, independent) : null;
      const simulate = key === null || !seen.has(key);
      if (key !== null) seen.add(key);
      return { point, values, set: pointSet(plan.loaded, values, independent), key, simulate };
    });
    const tasks = points
      .filter((p) => p.simulate)
      .map((p): PointTask => ({ text: plan.loaded.text, file: plan.loaded.file, set: p.set, strategies: plan.strategies, keepPhysical: p.key !== null }));
    const results = inTaskOrder<PointTask, PointResult>(WORKER, tasks, { jobs, ...(options.signal ? { signal: options.signal } : {}) });
    const simulated = new Map<string, Simulated>();
    try {
      for (const { point, values, set, key, simulate } of points) {
        let metrics: Array<Record<KpiName, Estimate>>;
        let breakdowns: PointBreakdown[];
        let seed: number;
        if (simulate) {
          const step = await results.next();
          const result = step.value as PointResult;
          if (!result.ok) throw new SweepError(`point ${point} (${describePoint(values)}): ${result.message}`);
          if (key !== null) simulated.set(key, { ...result.physical!, breakdowns: result.breakdowns });
          ({ metrics, breakdowns, seed } = result);
        } else {
          options.signal?.throwIfAborted();
          try {
            ({ metrics, breakdowns } = pricePoint(plan, set, simulated.get(key!)!));
          } catch (error) {
            if (error instanceof ScenarioError) throw new SweepError(`point ${point} (${describePoint(values)}): ${inFile(error, plan.loaded.file).format()}`);
            throw error;
          }
          seed = seedOf(plan.loaded, values);
        }
        checkBreakdownNames(plan, point, values, breakdowns);
        yield {
          point,
          point_seed: seed,
          values,
          rows: plan.strategies.map((strategy, s) => ({ point, point_seed: seed, values, strategy, metrics: metrics[s], ...breakdowns[s] })),
        };
        options.onProgress?.(++done, total);
      }
    } finally {
      await results.return(undefined);
    }
  }
}

/** The seed a point runs with under common random numbers: its own `seed` value, or the scenario's. */
function seedOf(loaded: LoadedScenario, values: Record<string, unknown>): number {
  return typeof values.seed === 'number' ? values.seed : loaded.scenario.seed;
}
