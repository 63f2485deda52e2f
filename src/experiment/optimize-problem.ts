// What `staffsim optimize` is asked: the strategy, the KPI to minimise, the
// constraints on other KPIs, and the decision variables with their ranges,
// from flags (`--decide key=lo:hi`, `--constraint 'kpi >= x'`) or a
// scenario's `optimize:` section. Decision keys are key paths of the
// strategy (as in its patch: `staff.employees.headcount`); each candidate
// applies its values as `--set strategies.NAME.KEY=value` overrides, so bad
// keys and values get exactly the messages of --set. A constraint names a
// KPI of the strategy (`service_level`) or of one of its ticket types
// (`service_level.disputes`: the by_type KPI, named as the run's CSV names
// it).

import { BY_TYPE_KPIS, KPI_NAMES, KPIS, type KpiName } from '../metrics/kpis.js';
import { DurationError, durationWithUnitProblem, parseDuration } from '../scenario/duration.js';
import { scenarioError } from '../scenario/errors.js';
import { positionIn } from '../scenario/load.js';
import type { PathSegment } from '../scenario/resolve.js';
import type { OptimizeSection } from '../scenario/schema.js';
import { parseSetOverride } from '../scenario/set.js';
import { didYouMean } from '../scenario/suggest.js';

/** A bad optimisation problem (flags or section): exit 2. */
export class OptimizeError extends Error {}

export type Decision =
  | { key: string; kind: 'integer'; lo: number; hi: number }
  | { key: string; kind: 'real'; lo: number; hi: number }
  | { key: string; kind: 'choice'; values: unknown[] };

export interface Constraint {
  /** What is constrained, as written: `service_level`, or `service_level.disputes` for one ticket type's. */
  metric: string;
  /** The KPI (its unit and label), the strategy's or, with `type`, the ticket type's. */
  kpi: KpiName;
  /** The ticket type whose by_type KPI is constrained; absent for the strategy's own KPI. */
  type?: string;
  op: '>=' | '<=';
  bound: number;
  /** Its place in the `optimize:` section's constraints, from 0; absent for a --constraint flag. */
  from?: number;
}

export interface OptimizeProblem {
  strategy: string;
  minimize: KpiName;
  constraints: Constraint[];
  decisions: Decision[];
  /** Most candidates simulated. */
  budget: number;
  /** Minutes of wall-clock time after which no new batch of simulations starts; null: no limit. */
  timeLimit: number | null;
}

/** Candidates simulated when no budget is given. */
export const DEFAULT_BUDGET = 60;

const NUMBER = String.raw`[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?`;
const RANGE_RE = new RegExp(`^\\s*(${NUMBER})\\s*:\\s*(${NUMBER})\\s*$`);
// A ticket type's name is letters, digits, _ and - (schema.ts): `kpi.type`.
const CONSTRAINT_RE = new RegExp(`^\\s*([A-Za-z_][A-Za-z0-9_]*)(?:\\.([A-Za-z0-9_-]+))?\\s*(>=|<=|≥|≤)\\s*(${NUMBER})\\s*$`);

/** `what: ` before a message; nothing when the message goes under a section's key path, which says where. */
function lead(what: string): string {
  return what === '' ? '' : `${what}: `;
}

export function kpiName(name: string, what: string): KpiName {
  if ((KPI_NAMES as readonly string[]).includes(name)) return name as KpiName;
  throw new OptimizeError(`${lead(what)}\`${name}\` is not a KPI (${didYouMean(name, KPI_NAMES, 'KPIs are')})`);
}

/**
 * `kpi >= x` or `kpi <= x`, or `kpi.type >= x` for one ticket type's by_type
 * KPI. Whether the type exists is checked against the strategy (checkProblem).
 */
export function parseConstraint(text: string, what = `--constraint '${text}'`): Constraint {
  const m = CONSTRAINT_RE.exec(text);
  if (!m) {
    throw new OptimizeError(
      `${what}: write 'kpi >= number' or 'kpi <= number', or 'kpi.type >= number' for one ticket type's, e.g. 'service_level >= 0.8' or 'service_level.disputes >= 0.8'`,
    );
  }
  const [, name, type, op, number] = m;
  const bound = Number(number);
  if (!Number.isFinite(bound)) throw new OptimizeError(`${lead(what)}the bound must be a finite number`);
  const kpi = kpiName(name, what);
  if (type !== undefined && !(BY_TYPE_KPIS as readonly string[]).includes(kpi)) {
    throw new OptimizeError(`${lead(what)}\`${kpi}\` is not reported per ticket type (by_type KPIs are ${BY_TYPE_KPIS.join(', ')})`);
  }
  return { metric: type === undefined ? kpi : `${kpi}.${type}`, kpi, ...(type !== undefined ? { type } : {}), op: op === '>=' || op === '≥' ? '>=' : '<=', bound };
}

/** `--time-limit 10m` (a duration with its unit, above 0) -> minutes. */
export function parseTimeLimit(text: string, what = `--time-limit ${text}`): number {
  const problem = durationWithUnitProblem(text);
  if (problem !== null) throw new OptimizeError(`${lead(what)}${problem}`);
  let minutes: number;
  try {
    minutes = parseDuration(text);
  } catch (error) {
    if (error instanceof DurationError) throw new OptimizeError(`${lead(what)}${error.message}`);
    throw error;
  }
  if (!(minutes > 0)) throw new OptimizeError(`${lead(what)}the time limit must be above 0, e.g. 10m or 1.5h`);
  return minutes;
}

/**
 * `key=lo:hi` (integers: an integer range; a number with a decimal point or
 * exponent: a real range) or `key=a,b,c` (a choice, each value read as YAML
 * like --set).
 */
export function parseDecide(text: string): Decision {
  const eq = text.indexOf('=');
  const key = eq < 0 ? '' : text.slice(0, eq).trim();
  if (eq < 0 || key === '' || text.slice(eq + 1).trim() === '') {
    throw new OptimizeError(`--decide ${text}: write key.path=lo:hi or key.path=a,b,c, e.g. --decide staff.employees.headcount=20:400`);
  }
  return decision(key, text.slice(eq + 1), `--decide ${text}`);
}

/** A decision `staff.employees.schedule@scale=lo:hi`: the strategy's employee schedule (after auto staffing) times a factor. */
export const SCHEDULE_SCALE = 'staff.employees.schedule@scale';

function decision(key: string, spec: string, what: string): Decision {
  const range = RANGE_RE.exec(spec);
  if (key.includes('@')) {
    if (key !== SCHEDULE_SCALE) throw new OptimizeError(`${lead(what)}the only scaled key is ${SCHEDULE_SCALE} (the strategy's schedule times a factor)`);
    if (!range || !(Number(range[1]) >= 0 && Number(range[1]) < Number(range[2]))) {
      throw new OptimizeError(`${lead(what)}a scale takes a range of factors lo:hi with 0 ≤ lo < hi, e.g. ${SCHEDULE_SCALE}=0.5:1.5`);
    }
    return { key, kind: 'real', lo: Number(range[1]), hi: Number(range[2]) };
  }
  if (range) {
    const [lo, hi] = [Number(range[1]), Number(range[2])];
    if (!(lo < hi)) throw new OptimizeError(`${lead(what)}the range's low end must be below its high end`);
    const integer = !/[.eE]/.test(range[1] + range[2]);
    return integer ? { key, kind: 'integer', lo, hi } : { key, kind: 'real', lo, hi };
  }
  const values = spec.split(',').map((v) => {
    if (v.trim() === '') throw new OptimizeError(`${lead(what)}an empty choice; separate values with single commas`);
    return parseSetOverride(`${key}=${v}`).value;
  });
  if (values.length < 2) throw new OptimizeError(`${lead(what)}a choice needs at least two values (or a range lo:hi)`);
  return { key, kind: 'choice', values };
}

/** The scenario file a section was read from, to point at the line of a bad entry. */
export interface SectionSource {
  file: string | null;
  text: string;
}

/**
 * A bad entry of the `optimize:` section, at `path` (['optimize', 'constraints', 0];
 * a decision's key, dots and all, is one segment): the scenario's message
 * (file:line:column: optimize.constraints.0: message), exit 2.
 */
export function sectionError(source: SectionSource | undefined, path: PathSegment[], message: string): Error {
  if (!source) return new OptimizeError(`${path.join('.')}: ${message}`);
  return scenarioError(source.file, path.join('.'), message, positionIn(source.text, path) ?? {});
}

/** Runs `read` on a section entry, turning its OptimizeError into the section's error at `path`. */
function inSection<T>(source: SectionSource | undefined, path: PathSegment[], read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof OptimizeError) throw sectionError(source, path, error.message);
    throw error;
  }
}

/** The problem of an `optimize:` section, with flags given on the command line taking its place field by field. */
export function problemOf(
  section: OptimizeSection | null,
  flags: { strategy?: string; minimize?: string; constraint: string[]; decide: string[]; budget?: number; timeLimit?: string },
  source?: SectionSource,
): OptimizeProblem {
  const strategy = flags.strategy ?? section?.strategy;
  if (strategy === undefined) throw new OptimizeError('name the strategy to optimise: --strategy NAME (or optimize: {strategy: NAME} in the file)');
  const readMinimize = (name: string, what: string) => {
    const kpi = kpiName(name, what);
    if (KPIS.find((k) => k.name === kpi)?.group !== 'cost') {
      throw new OptimizeError(`${lead(what)}the objective must be a cost KPI, not \`${kpi}\` (${KPIS.filter((k) => k.group === 'cost').map((k) => k.name).join(', ')})`);
    }
    return kpi;
  };
  const minimize =
    flags.minimize !== undefined || section?.minimize === undefined
      ? readMinimize(flags.minimize ?? 'cost_total', `--minimize ${flags.minimize ?? 'cost_total'}`)
      : inSection(source, ['optimize', 'minimize'], () => readMinimize(section.minimize!, ''));
  const constraints =
    flags.constraint.length > 0
      ? flags.constraint.map((text) => parseConstraint(text))
      : (section?.constraints ?? []).map((text, i) => ({ ...inSection(source, ['optimize', 'constraints', i], () => parseConstraint(text, `'${text}'`)), from: i }));
  const decisions =
    flags.decide.length > 0
      ? flags.decide.map(parseDecide)
      : Object.entries(section?.decide ?? {}).map(([key, spec]) =>
          inSection(source, ['optimize', 'decide', key], () => decision(key, Array.isArray(spec) ? spec.map((v) => JSON.stringify(v)).join(',') : String(spec), '')),
        );
  if (decisions.length === 0) throw new OptimizeError('nothing to decide: give --decide key.path=lo:hi (e.g. --decide staff.employees.headcount=20:400) or an optimize: section');
  const seen = new Set<string>();
  for (const d of decisions) {
    if (seen.has(d.key)) throw new OptimizeError(`\`${d.key}\` is decided twice`);
    seen.add(d.key);
  }
  const budget = flags.budget ?? section?.budget ?? DEFAULT_BUDGET;
  // The section's time_limit is validated (and in minutes) by the schema.
  const timeLimit = flags.timeLimit !== undefined ? parseTimeLimit(flags.timeLimit) : (section?.time_limit ?? null);
  return { strategy, minimize, constraints, decisions, budget, timeLimit };
}

/** The `--set` key a decision's value goes to: under the strategy unless the key already names one. */
export function decisionPath(strategy: string, key: string): string {
  return key.startsWith('strategies.') ? key : `strategies.${strategy}.${key}`;
}

export function describeConstraint(c: Constraint): string {
  return `${c.metric} ${c.op} ${c.bound}`;
}

