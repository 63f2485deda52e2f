// From a raw document (parsed YAML or a plain object) to the resolved
// Scenario: validate the file, merge and validate each strategy, turn zod's
// issues into ScenarioIssues that name a key path and, when the document
// came from YAML, a line.

import type { z } from 'zod';
import { ScenarioError, type ScenarioIssue } from './errors.js';
import { applyStrategyPatch } from './merge.js';
// Whether a type reaches people is the router's rule (model/human-load.ts): one copy.
import { toHumans } from '../model/human-load.js';
import {
  BaseSchema,
  PATCHABLE_KEYS,
  renamedKeyHint,
  RESERVED_KEYS,
  ScenarioFileSchema,
  scenarioErrorMap,
  type StrategyOutput,
} from './schema.js';
import { closest, didYouMean } from './suggest.js';
import type { Scenario, StrategyScenario } from './types.js';
import { childOf, defOf, descriptionOf, firstSentence, isPlainObject, objectKeys, unwrap } from './walk.js';

export type PathSegment = string | number;

/** Where a key path sits in the source text. */
export interface Locator {
  /** Position of the value at `path` (or of its key, for mappings and unknown keys); null when absent. */
  position(path: PathSegment[], at: 'value' | 'key'): { line: number; column: number } | null;
  /** Whether the source document has a node at `path`. */
  has(path: PathSegment[]): boolean;
}

/** A `--set` override, for attributing errors to the command line. */
export interface SetOrigin {
  /** The `key.path=value` text as given. */
  text: string;
  /** Path it set, in the raw document. */
  path: PathSegment[];
}

export interface ResolveContext {
  file: string | null;
  locator?: Locator;
  sets?: SetOrigin[];
}

interface ZodIssueLike {
  code?: string;
  path: PropertyKey[];
  message: string;
  input?: unknown;
  hint?: string;
  validKeys?: string[];
  keys?: string[];
  errors?: ZodIssueLike[][];
  note?: string;
  params?: { hint?: string };
}

interface FlatIssue {
  path: PathSegment[];
  message: string;
  hint?: string;
  /** The issue is about a key itself (unknown key, bad name). */
  atKey?: boolean;
  /** For an unknown key: the valid key it is probably a misspelling of. */
  suggests?: string;
}

const toSegments = (path: readonly PropertyKey[]): PathSegment[] =>
  path.map((p) => (typeof p === 'number' ? p : String(p)));

function isRootTypeMismatch(issue: ZodIssueLike): boolean {
  if (issue.path.length !== 0) return false;
  if (issue.code === 'invalid_type') return true;
  if (issue.code === 'invalid_union' && !issue.note && issue.errors && issue.errors.length > 0) {
    return issue.errors.every((branch) => branch.every(isRootTypeMismatch));
  }
  return false;
}

/** zod issues -> flat issues: unions resolved to the branch that fits, unknown keys one per key. */
function flatten(issues: readonly ZodIssueLike[], prefix: PathSegment[] = []): FlatIssue[] {
  const out: FlatIssue[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...toSegments(issue.path)];
    if (issue.code === 'invalid_union' && !issue.note && issue.errors && issue.errors.length > 0) {
      const fitting = issue.errors.filter((branch) => branch.length > 0 && !branch.every(isRootTypeMismatch));
      if (fitting.length > 0) {
        out.push(...flatten(fitting[0], path));
        continue;
      }
    }
    if (issue.code === 'unrecognized_keys' && issue.keys) {
      const valid = issue.validKeys ?? [];
      for (const key of issue.keys) {
        const keyPath = [...path, key];
        const reserved = RESERVED_KEYS.has(key);
        const flat: FlatIssue = {
          path: keyPath,
          message: `unknown key \`${key}\``,
          hint: reserved ? `\`${key}\` is a reserved name; ${didYouMean(key, valid)}` : unknownKeyHint(key, valid),
          atKey: true,
        };
        const suggests = closest(key, valid);
        if (suggests !== undefined) flat.suggests = suggests;
        out.push(flat);
      }
      continue;
    }
    const flat: FlatIssue = { path, message: issue.message };
    const hint = issue.hint ?? issue.params?.hint;
    if (hint !== undefined) flat.hint = hint;
    if (issue.code === 'invalid_key') flat.atKey = true;
    out.push(flat);
  }
  return withoutMisspeltMissing(out);
}

/**
 * A misspelt required key (`horizn:`) is both unknown and missing: report it
 * once, as the unknown key, whose hint already names the right spelling.
 */
function withoutMisspeltMissing(issues: FlatIssue[]): FlatIssue[] {
  const misspelt = new Set(
    issues.flatMap((i) => (i.suggests !== undefined ? [dotted([...i.path.slice(0, -1), i.suggests])] : [])),
  );
  if (misspelt.size === 0) return issues;
  return issues.filter((i) => !(i.message.startsWith('missing required key') && misspelt.has(dotted(i.path))));
}

let keyIndexCache: Map<string, string[]> | undefined;

/** Every key of the file format and the dotted paths of the objects that have it. */
function keyIndex(): Map<string, string[]> {
  if (keyIndexCache) return keyIndexCache;
  const index = new Map<string, string[]>();
  const visit = (schema: z.ZodType, path: string, depth: number) => {
    if (depth > 8) return;
    for (const key of objectKeys(schema)) {
      if (key === 'strategies') continue;
      const list = index.get(key) ?? [];
      if (!list.includes(path)) list.push(path);
      index.set(key, list);
      const step = childOf(schema, key);
      if (step.ok) visit(step.schema, path ? `${path}.${key}` : key, depth + 1);
    }
    const inner = defOf(unwrap(schema));
    if (inner.type === 'array' && inner.element) visit(inner.element, `${path}[]`, depth + 1);
  };
  visit(ScenarioFileSchema, '', 0);
  keyIndexCache = index;
  return index;
}

function unknownKeyHint(key: string, valid: readonly string[]): string {
  const renamed = renamedKeyHint(key);
  if (renamed !== undefined) return renamed;
  const hint = didYouMean(key, valid);
  if (valid.includes(key)) return hint;
  // A key that exists elsewhere was probably put at the wrong level.
  const places = keyIndex().get(key) ?? [];
  if (places.length === 0 || places.length > 3) return hint;
  const where = places.map((p) => (p === '' ? 'the top level' : `\`${p}\``)).join(', ');
  return `${hint}; \`${key}\` belongs at ${where}`;
}

/** The raw value at `path`, or undefined when any step is absent. */
function rawAt(root: unknown, path: readonly PathSegment[]): unknown {
  let node: unknown = root;
  for (const segment of path) {
    if (Array.isArray(node) && typeof segment === 'number') node = node[segment];
    else if (isPlainObject(node) && Object.prototype.hasOwnProperty.call(node, String(segment))) node = node[String(segment)];
    else return undefined;
  }
  return node;
}

export const dotted = (path: readonly PathSegment[]): string => path.map(String).join('.');

const startsWith = (path: readonly PathSegment[], prefix: readonly PathSegment[]) =>
  prefix.length <= path.length && prefix.every((p, i) => String(p) === String(path[i]));

interface MapOptions {
  /** The raw value the issues' paths refer to. */
  raw: unknown;
  /** Prefix for reported paths (e.g. ['strategies', 'hybrid']). */
  prefix?: PathSegment[];
  /** Maps a reported path (with prefix) to the path of its node in the source document. */
  toDocPath?: (path: PathSegment[]) => PathSegment[];
  /** The schema the issues' paths refer to (for describing missing keys). */
  schema?: z.ZodType;
}

/** The schema at `path` inside `root`, following the raw value through unions. */
function schemaAt(root: z.ZodType, raw: unknown, path: readonly PathSegment[]): z.ZodType | undefined {
  let schema = root;
  let value = raw;
  for (const segment of path) {
    const step = childOf(schema, String(segment), value);
    if (!step.ok) return undefined;
    schema = step.schema;
    value = rawAt(value, [segment]);
  }
  return schema;
}

function missingKeyHint(options: MapOptions, path: PathSegment[]): string | undefined {
  if (!options.schema) return undefined;
  const schema = schemaAt(options.schema, options.raw, path);
  const description = schema ? descriptionOf(schema) : undefined;
  return description ? firstSentence(description) : undefined;
}

function toScenarioIssues(flat: readonly FlatIssue[], ctx: ResolveContext, options: MapOptions): ScenarioIssue[] {
  return flat.map((f) => {
    let path = f.path;
    let at: 'value' | 'key' = f.atKey ? 'key' : 'value';
    // A missing key is reported at the mapping that should hold it.
    if (!f.atKey && path.length > 0 && rawAt(options.raw, path) === undefined) {
      path = path.slice(0, -1);
      while (path.length > 0 && rawAt(options.raw, path) === undefined) path = path.slice(0, -1);
      at = 'value';
    }
    const full = [...(options.prefix ?? []), ...path];
    const docPath = options.toDocPath ? options.toDocPath(full) : full;
    const issue: ScenarioIssue = { file: ctx.file, line: null, column: null, path: dotted(full), message: f.message };
    const hint = f.hint ?? (f.message.startsWith('missing required key') ? missingKeyHint(options, f.path) : undefined);
    if (hint !== undefined) issue.hint = hint;
    const issuePath = [...(options.prefix ?? []), ...f.path];
    const origin = findSetOrigin(ctx, issuePath, docPath);
    if (origin) {
      issue.source = origin.text;
      return issue;
    }
    if (ctx.locator) {
      let probe = docPath;
      let pos = ctx.locator.position(probe, at);
      while (!pos && probe.length > 0) {
        probe = probe.slice(0, -1);
        pos = ctx.locator.position(probe, 'value');
      }
      if (pos) {
        issue.line = pos.line;
        issue.column = pos.column;
      }
    }
    return issue;
  });
}

function findSetOrigin(ctx: ResolveContext, issuePath: PathSegment[], docPath: PathSegment[]): SetOrigin | undefined {
  const sets = ctx.sets ?? [];
  for (let i = sets.length - 1; i >= 0; i--) {
    const set = sets[i];
    if (startsWith(issuePath, set.path) || startsWith(docPath, set.path)) return set;
  }
  // An aggregate check on a value the --set created (absent from the file).
  if (ctx.locator && !ctx.locator.has(docPath)) {
    for (let i = sets.length - 1; i >= 0; i--) {
      if (startsWith(sets[i].path, docPath)) return sets[i];
    }
  }
  return undefined;
}

function sortIssues(issues: ScenarioIssue[]): ScenarioIssue[] {
  const rank = (i: ScenarioIssue) => (i.source !== undefined ? -1 : (i.line ?? Number.MAX_SAFE_INTEGER));
  return issues
    .map((issue, order) => ({ issue, order }))
    .sort((a, b) => rank(a.issue) - rank(b.issue) || (a.issue.column ?? 0) - (b.issue.column ?? 0) || a.order - b.order)
    .map((x) => x.issue);
}

/** Rejects `__proto__`, `constructor` and `prototype` as keys anywhere in the document. */
function reservedKeyIssues(raw: unknown, ctx: ResolveContext): ScenarioIssue[] {
  const found: FlatIssue[] = [];
  const visit = (node: unknown, path: PathSegment[], depth: number) => {
    if (depth > 64) return;
    if (Array.isArray(node)) node.forEach((item, i) => visit(item, [...path, i], depth + 1));
    else if (node !== null && typeof node === 'object') {
      for (const key of Object.keys(node)) {
        if (RESERVED_KEYS.has(key)) {
          found.push({
            path: [...path, key],
            message: `unknown key \`${key}\``,
            hint: `\`${key}\` is a reserved name and never a scenario key`,
            atKey: true,
          });
        } else visit((node as Record<string, unknown>)[key], [...path, key], depth + 1);
      }
    }
  };
  visit(raw, [], 0);
  return toScenarioIssues(found, ctx, { raw });
}

// jitless: zod compiles a validator for each object schema the first time it
// parses one (new Function), which pays only over many parses; a command
// parses one file, and compiling cost `validate` ~10% of its CPU
// (docs/performance.md, "Start-up"). The same issues either way.
const PARSE_OPTIONS = { error: scenarioErrorMap, reportInput: true, jitless: true } as const;

/** Validates a raw scenario document and resolves every strategy. Throws ScenarioError. */
export function resolveRaw(raw: unknown, ctx: ResolveContext): Scenario {
  if (raw === null || raw === undefined) {
    throw new ScenarioError({
      file: ctx.file,
      line: null,
      column: null,
      path: '',
      message: 'the scenario is empty',
      hint: 'a scenario needs at least name, horizon, demand, ticket_types and strategies; `staffsim init` writes a starter file',
    });
  }
  if (!isPlainObject(raw)) {
    const what = Array.isArray(raw) ? 'a list' : `${typeof raw === 'string' ? 'text' : typeof raw}`;
    const pos = ctx.locator?.position([], 'value') ?? null;
    throw new ScenarioError({
      file: ctx.file,
      line: pos?.line ?? null,
      column: pos?.column ?? null,
      path: '',
      message: `a scenario must be a mapping of keys (name: ..., horizon: ...), not ${what}`,
    });
  }

  const reserved = reservedKeyIssues(raw, ctx);
  if (reserved.length > 0) throw new ScenarioError(sortIssues(reserved));

  // Pass 1: the file as written, strategies as patches.
  const parsed = ScenarioFileSchema.safeParse(raw, PARSE_OPTIONS);
  if (!parsed.success) {
    const flat = flatten(parsed.error.issues as unknown as ZodIssueLike[]);
    throw new ScenarioError(sortIssues(toScenarioIssues(flat, ctx, { raw, schema: ScenarioFileSchema })));
  }
  // The sweep, optimize and plan sections only tell those commands what to do (load.ts reads them): no part of a run.
  const { strategies: strategyControls, sweep: _sweep, optimize: _optimize, plan: _plan, ...base } = parsed.data;

  // Pass 2: each strategy, merged into the base and validated as a whole.
  const baseRaw: Record<string, unknown> = {};
  const sections = new Set(['strategies', 'sweep', 'optimize', 'plan']);
  for (const key of Object.keys(raw)) if (!sections.has(key)) baseRaw[key] = raw[key];
  const strategiesRaw = raw.strategies as Record<string, Record<string, unknown>>;
  const issues: ScenarioIssue[] = [];
  const strategies: StrategyScenario[] = [];
  for (const name of Object.keys(strategiesRaw)) {
    const control = strategyControls[name];
    const resolved = resolveStrategy(name, control, strategiesRaw[name], baseRaw, base, ctx, issues);
    if (resolved) strategies.push(resolved);
  }
  if (issues.length > 0) throw new ScenarioError(sortIssues(issues));
  return { ...base, strategies };
}

/** Ticket types that reach people under the strategy's routing but that no group and no gig pool serves. */
function unservedTypes(s: StrategyScenario): string[] {
  const gig = s.staff.gig;
  const gigServes = (name: string) => gig.pool > 0 && (gig.skills === null || gig.skills.includes(name));
  return s.ticket_types
    .filter((t) => toHumans(s, t) > 0)
    .filter((t) => !s.staff.groups.some((g) => g.skills === null || g.skills.some((k) => k.type === t.name)) && !gigServes(t.name))
    .map((t) => t.name);
}

function resolveStrategy(
  name: string,
  control: StrategyOutput,
  strategyRaw: Record<string, unknown>,
  baseRaw: Record<string, unknown>,
  base: Omit<Scenario, 'strategies'>,
  ctx: ResolveContext,
  issues: ScenarioIssue[],
): StrategyScenario | null {
  const prefix: PathSegment[] = ['strategies', name];
  const patch: Record<string, unknown> = {};
  for (const key of PATCHABLE_KEYS) if (strategyRaw[key] !== undefined) patch[key] = strategyRaw[key];
  const { merged, problems } = applyStrategyPatch(baseRaw, patch, BaseSchema);

  // A by-name ticket_types patch: report `ticket_types.<name>` rather than the merged index.
  const byName = isPlainObject(patch.ticket_types) ? patch.ticket_types : undefined;
  const baseTypes = Array.isArray(baseRaw.ticket_types) ? baseRaw.ticket_types : [];
  const typeName = (index: number) => {
    const t = baseTypes[index];
    return isPlainObject(t) && typeof t.name === 'string' ? t.name : undefined;
  };
  // Likewise a by-name staff.groups patch: `staff.groups.<name>`.
  const patchStaff = isPlainObject(patch.staff) ? patch.staff : undefined;
  const groupsByName = patchStaff && isPlainObject(patchStaff.groups) ? patchStaff.groups : undefined;
  const baseStaff = isPlainObject(baseRaw.staff) ? baseRaw.staff : undefined;
  const baseGroups = baseStaff && Array.isArray(baseStaff.groups) ? baseStaff.groups : [];
  const toDocPath = (path: PathSegment[]): PathSegment[] => {
    if (groupsByName && path[2] === 'staff' && path[3] === 'groups' && typeof path[4] === 'number') {
      const g = baseGroups[path[4]];
      const groupName = isPlainObject(g) && typeof g.name === 'string' ? g.name : undefined;
      if (groupName !== undefined && Object.prototype.hasOwnProperty.call(groupsByName, groupName)) {
        return [...path.slice(0, 4), groupName, ...path.slice(5)];
      }
      return path.slice(0, 4);
    }
    if (byName && path[2] === 'ticket_types' && typeof path[3] === 'number') {
      const typeNameAt = typeName(path[3]);
      if (typeNameAt !== undefined && Object.prototype.hasOwnProperty.call(byName, typeNameAt)) {
        return [...path.slice(0, 3), typeNameAt, ...path.slice(4)];
      }
      return path.slice(0, 3);
    }
    return path;
  };
  const reportPath = (path: PathSegment[]) => toDocPath(path);

  if (problems.length > 0) {
    const flat: FlatIssue[] = problems.map((p) => ({ path: p.path, message: p.message, ...(p.hint ? { hint: p.hint } : {}), atKey: true }));
    issues.push(...toScenarioIssues(flat, ctx, { raw: strategyRaw, prefix }));
    return null;
  }

  const parsed = BaseSchema.safeParse(merged, PARSE_OPTIONS);
  if (!parsed.success) {
    const flat = flatten(parsed.error.issues as unknown as ZodIssueLike[]);
    const mapped = toScenarioIssues(flat, ctx, { raw: merged, prefix, toDocPath, schema: BaseSchema });
    // Name the strategy's own key path (by type name when patched by name).
    for (const issue of mapped) {
      const segments = issue.path.split('.').map((s) => (/^[0-9]+$/.test(s) ? Number(s) : s));
      issue.path = dotted(reportPath(segments));
    }
    issues.push(...mapped);
    return null;
  }
  const sections = parsed.data;
  const strategy: StrategyScenario = {
    name,
    description: control.description,
    routing: control.routing,
    sensitive_to_human: control.sensitive_to_human,
    handoff_priority: control.handoff_priority,
    ai_assist: control.ai_assist,
    seed: base.seed,
    horizon: base.horizon,
    warmup: base.warmup,
    replications: base.replications,
    service_level: sections.service_level,
    demand: sections.demand,
    ticket_types: sections.ticket_types,
    customers: sections.customers,
    staff: sections.staff,
    ai: sections.ai,
    transition: sections.transition,
  };

  const unserved = unservedTypes(strategy);
  if (unserved.length > 0) {
    issues.push(
      ...toScenarioIssues(
        [
          {
            path: ['staff', 'groups'],
            message: `ticket type${unserved.length > 1 ? 's' : ''} ${unserved.map((n) => `\`${n}\``).join(', ')} reach${unserved.length > 1 ? '' : 'es'} people under routing \`${strategy.routing}\`, but no group lists ${unserved.length > 1 ? 'them' : 'it'} in its skills and the gig pool does not serve ${unserved.length > 1 ? 'them' : 'it'}`,
            hint: 'add the type to a group\'s skills (or to staff.gig.skills with a gig pool)',
          },
        ],
        ctx,
        { raw: strategyRaw, prefix },
      ),
    );
    return null;
  }

  if (strategy.routing === 'human') {
    const gig = strategy.staff.gig;
    const employees = strategy.staff.groups.some(({ schedule, auto }) => schedule.some((level, hour) => level > 0 || auto?.[hour] === true));
    const gigWorkers = gig.pool > 0 && gig.max_active > 0 && gig.accept_probability > 0;
    if (!employees && !gigWorkers) {
      issues.push(
        ...toScenarioIssues(
          [
            {
              path: ['routing'],
              message: 'routing: human needs human capacity, but no employee is scheduled and there is no gig pool',
              hint: 'set staff.employees.headcount (or schedule) or staff.gig.pool, in the base file or in this strategy',
            },
          ],
          ctx,
          { raw: strategyRaw, prefix },
        ),
      );
      return null;
    }
  }
  return strategy;
}
