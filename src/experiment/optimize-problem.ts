// What `staffsim optimize` is asked: the strategy, the KPI to minimise, the
// constraints on other KPIs, and the decision variables with their ranges,
// from flags (`--decide key=lo:hi`, `--constraint 'kpi >= x'`) or a
// scenario's `optimize:` section. Decision keys are key paths of the
// strategy (as in its patch: `staff.employees.headcount`); each candidate
// applies its values as `--set strategies.NAME.KEY=value` overrides, so bad
// keys and values get exactly the messages of --set.

import { KPI_NAMES, KPIS, type KpiName } from '../metrics/kpis.js';
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
  kpi: KpiName;
  op: '>=' | '<=';
  bound: number;
}

export interface OptimizeProblem {
  strategy: string;
  minimize: KpiName;
  constraints: Constraint[];
  decisions: Decision[];
  /** Most candidates simulated. */
  budget: number;
}

/** Candidates simulated when no budget is given. */
export const DEFAULT_BUDGET = 60;

const NUMBER = String.raw`[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?`;
const RANGE_RE = new RegExp(`^\\s*(${NUMBER})\\s*:\\s*(${NUMBER})\\s*$`);
const CONSTRAINT_RE = new RegExp(`^\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*(>=|<=|≥|≤)\\s*(${NUMBER})\\s*$`);

export function kpiName(name: string, what: string): KpiName {
  if ((KPI_NAMES as readonly string[]).includes(name)) return name as KpiName;
  throw new OptimizeError(`${what}: \`${name}\` is not a KPI (${didYouMean(name, KPI_NAMES, 'KPIs are')})`);
}

/** `kpi >= x` or `kpi <= x`. */
export function parseConstraint(text: string): Constraint {
  const m = CONSTRAINT_RE.exec(text);
  if (!m) throw new OptimizeError(`--constraint '${text}': write 'kpi >= number' or 'kpi <= number', e.g. --constraint 'service_level >= 0.8'`);
  const bound = Number(m[3]);
  if (!Number.isFinite(bound)) throw new OptimizeError(`--constraint '${text}': the bound must be a finite number`);
  return { kpi: kpiName(m[1], `--constraint '${text}'`), op: m[2] === '>=' || m[2] === '≥' ? '>=' : '<=', bound };
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
    if (key !== SCHEDULE_SCALE) throw new OptimizeError(`${what}: the only scaled key is ${SCHEDULE_SCALE} (the strategy's schedule times a factor)`);
    if (!range || !(Number(range[1]) >= 0 && Number(range[1]) < Number(range[2]))) {
      throw new OptimizeError(`${what}: a scale takes a range of factors lo:hi with 0 ≤ lo < hi, e.g. ${SCHEDULE_SCALE}=0.5:1.5`);
    }
    return { key, kind: 'real', lo: Number(range[1]), hi: Number(range[2]) };
  }
  if (range) {
    const [lo, hi] = [Number(range[1]), Number(range[2])];
    if (!(lo < hi)) throw new OptimizeError(`${what}: the range's low end must be below its high end`);
    const integer = !/[.eE]/.test(range[1] + range[2]);
    return integer ? { key, kind: 'integer', lo, hi } : { key, kind: 'real', lo, hi };
  }
  const values = spec.split(',').map((v) => {
    if (v.trim() === '') throw new OptimizeError(`${what}: an empty choice; separate values with single commas`);
    return parseSetOverride(`${key}=${v}`).value;
  });
  if (values.length < 2) throw new OptimizeError(`${what}: a choice needs at least two values (or a range lo:hi)`);
  return { key, kind: 'choice', values };
}

/** The problem of an `optimize:` section, with flags given on the command line taking its place field by field. */
export function problemOf(
  section: OptimizeSection | null,
  flags: { strategy?: string; minimize?: string; constraint: string[]; decide: string[]; budget?: number },
): OptimizeProblem {
  const strategy = flags.strategy ?? section?.strategy;
  if (strategy === undefined) throw new OptimizeError('name the strategy to optimise: --strategy NAME (or optimize: {strategy: NAME} in the file)');
  const minimize = kpiName(flags.minimize ?? section?.minimize ?? 'cost_total', '--minimize');
  if (KPIS.find((k) => k.name === minimize)?.group !== 'cost') {
    throw new OptimizeError(`--minimize ${minimize}: the objective must be a cost KPI (${KPIS.filter((k) => k.group === 'cost').map((k) => k.name).join(', ')})`);
  }
  const constraints = flags.constraint.length > 0 ? flags.constraint.map(parseConstraint) : (section?.constraints ?? []).map(parseConstraint);
  const decisions =
    flags.decide.length > 0
      ? flags.decide.map(parseDecide)
      : Object.entries(section?.decide ?? {}).map(([key, spec]) =>
          decision(key, Array.isArray(spec) ? spec.map((v) => JSON.stringify(v)).join(',') : String(spec), `optimize.decide.${key}`),
        );
  if (decisions.length === 0) throw new OptimizeError('nothing to decide: give --decide key.path=lo:hi (e.g. --decide staff.employees.headcount=20:400) or an optimize: section');
  const seen = new Set<string>();
  for (const d of decisions) {
    if (seen.has(d.key)) throw new OptimizeError(`\`${d.key}\` is decided twice`);
    seen.add(d.key);
  }
  const budget = flags.budget ?? section?.budget ?? DEFAULT_BUDGET;
  return { strategy, minimize, constraints, decisions, budget };
}

/** The `--set` key a decision's value goes to: under the strategy unless the key already names one. */
export function decisionPath(strategy: string, key: string): string {
  return key.startsWith('strategies.') ? key : `strategies.${strategy}.${key}`;
}

export function describeConstraint(c: Constraint): string {
  return `${c.kpi} ${c.op} ${c.bound}`;
}
