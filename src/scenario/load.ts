// Loading scenario files: read (with a size limit), parse YAML (keeping line
// numbers, refusing alias bombs), apply --set overrides, validate and
// resolve, and hash the resolved scenario.

import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isAlias, isMap, isNode, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import { ScenarioError, scenarioError, yamlReason } from './errors.js';
import { resolveRaw, type Locator, type PathSegment, type SetOrigin } from './resolve.js';
import { OptimizeSchema, PlanSchema, SweepSchema, type OptimizeSection, type PlanSection, type SweepSection } from './schema.js';
import { applySetOverrides, parseSetOverride } from './set.js';
import type { Scenario } from './types.js';

export interface LoadOptions {
  /** Overrides, each `key.path=value`, applied in order before validation. */
  set?: string[];
}

export interface LoadedScenario {
  scenario: Scenario;
  /** SHA-256 of the canonical JSON of the resolved scenario: formatting does not change it. */
  sha256: string;
  file: string | null;
  /** The YAML text it was read from, before overrides: sweeps apply each point's overrides to it. */
  text: string;
  /** The `--set` overrides applied, in order. */
  overrides: string[];
  /** The file's `sweep` section (after overrides), or null when it has none. */
  sweep: SweepSection | null;
  /** The file's `optimize` section (after overrides), or null when it has none. */
  optimize: OptimizeSection | null;
  /** The file's `plan` section (after overrides), or null when it has none. */
  plan: PlanSection | null;
}

/** Files larger than this are refused before parsing. */
export const MAX_SCENARIO_BYTES = 1024 * 1024;

/** Most YAML aliases a document may expand (a guard against "billion laughs"). */
export const MAX_ALIAS_COUNT = 100;

/** The built-in default scenario, found relative to this module (src/scenario/ or dist/scenario/). */
export const DEFAULT_SCENARIO: string = fileURLToPath(new URL('../../scenarios/klarna-2024.yaml', import.meta.url));

/** Reads, parses, overrides, validates and resolves a scenario file. Throws ScenarioError. */
export function loadScenarioFile(path: string, options: LoadOptions = {}): LoadedScenario {
  let size: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw scenarioError(path, '', 'is a directory, not a scenario file');
    size = stat.size;
  } catch (error) {
    if (error instanceof ScenarioError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw scenarioError(path, '', code === 'ENOENT' ? 'no such file' : `cannot read the file (${code ?? String(error)})`, {
      ...(code === 'ENOENT' ? { hint: '`staffsim init` writes a starter scenario' } : {}),
    });
  }
  if (size > MAX_SCENARIO_BYTES) throw tooLarge(path, size);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw scenarioError(path, '', `cannot read the file (${code ?? String(error)})`);
  }
  return parseScenarioText(text, path, options);
}

function tooLarge(file: string | null, bytes: number): ScenarioError {
  return scenarioError(
    file,
    '',
    `the scenario is ${(bytes / 1024 / 1024).toFixed(1)} MiB; scenarios larger than 1 MiB are refused`,
    { hint: 'a scenario is a few kilobytes; generate large inputs (sweeps) with --set or the library instead' },
  );
}

/** Parses scenario YAML text; `file` is only used in messages. Throws ScenarioError. */
export function parseScenarioText(text: string, file: string | null, options: LoadOptions = {}): LoadedScenario {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_SCENARIO_BYTES) throw tooLarge(file, bytes);

  const sets = (options.set ?? []).map((s) => parseSetOverride(s, file));

  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  } catch (error) {
    throw scenarioError(file, '', `cannot parse the YAML: ${firstLine(error)}`);
  }
  if (doc.errors.length > 0) {
    throw new ScenarioError(
      doc.errors.map((e) => {
        const where = { file, line: e.linePos?.[0]?.line ?? null, column: e.linePos?.[0]?.col ?? null };
        // yaml says only "Map keys must be unique": name the key, which is the useful part.
        const duplicate = e.code === 'DUPLICATE_KEY' ? keyPathAt(doc, e.pos[0]) : null;
        if (duplicate !== null) {
          const key = duplicate.split('.').pop();
          return { ...where, path: duplicate, message: `the key \`${key}\` appears twice in the same mapping; YAML keys must be unique` };
        }
        return { ...where, path: '', message: `YAML syntax error: ${yamlReason(e.message)}` };
      }),
    );
  }
  const unresolved = unresolvedAlias(doc, lineCounter, file);
  if (unresolved) throw unresolved;
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const message = firstLine(error);
    if (/alias/i.test(message)) {
      throw scenarioError(file, '', `too many YAML aliases: more than ${MAX_ALIAS_COUNT} expansions`, {
        hint: 'anchors and aliases (&a, *a) are fine in moderation; this document expands them enormously',
      });
    }
    throw scenarioError(file, '', `cannot read the YAML: ${message}`);
  }

  const locator = new YamlLocator(doc, lineCounter);
  if (raw === null || raw === undefined) {
    throw scenarioError(file, '', 'the file is empty', {
      hint: 'a scenario needs at least name, horizon, demand, ticket_types and strategies; `staffsim init` writes a starter file',
    });
  }
  let origins: SetOrigin[] = [];
  if (sets.length > 0 && raw !== null && typeof raw === 'object' && !Array.isArray(raw)) {
    origins = applySetOverrides(raw as Record<string, unknown>, sets, file);
  }
  const scenario = resolveRaw(raw, { file, locator, sets: origins });
  // resolveRaw has validated the section, so this parse cannot fail.
  const sweep = SweepSchema.parse((raw as Record<string, unknown>).sweep) ?? null;
  const optimize = OptimizeSchema.parse((raw as Record<string, unknown>).optimize) ?? null;
  const plan = PlanSchema.parse((raw as Record<string, unknown>).plan) ?? null;
  return { scenario, sha256: scenarioHash(scenario), file, text, overrides: [...(options.set ?? [])], sweep, optimize, plan };
}

/** Resolves a scenario given as a plain object (file format, file keys). Throws ScenarioError. */
export function resolveScenario(raw: unknown, file: string | null = null): Scenario {
  return resolveRaw(raw, { file });
}

/** SHA-256 (hex) of the canonical JSON (keys sorted) of a resolved scenario. */
export function scenarioHash(scenario: Scenario): string {
  return createHash('sha256').update(canonicalJson(scenario)).digest('hex');
}

/** JSON with object keys sorted at every level and no whitespace. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const json = JSON.stringify(value);
    return json === undefined ? 'null' : json;
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0];
}

/**
 * The first alias (`*name`) whose anchor (`&name`) is not set before it, in
 * document order as YAML requires: misspelt, missing, or a forward reference.
 * Found here, before expansion, so it is named at its line rather than
 * mistaken for an alias bomb.
 */
function unresolvedAlias(doc: Document.Parsed, lines: LineCounter, file: string | null): ScenarioError | null {
  const anchors = new Map<string, number>();
  visit(doc, (_, node) => {
    if (isNode(node) && node.anchor !== undefined && node.range) anchors.set(node.anchor, node.range[0]);
  });
  const seen = new Set<string>();
  let found: ScenarioError | null = null;
  visit(doc, (_, node) => {
    if (!isNode(node)) return undefined;
    if (isAlias(node) && !seen.has(node.source)) {
      const { line, col } = lines.linePos(node.range?.[0] ?? 0);
      const anchor = anchors.get(node.source);
      const hint =
        anchor === undefined
          ? `no \`&${node.source}\` anchor is set in the file`
          : `its anchor \`&${node.source}\` comes later, at line ${lines.linePos(anchor).line}; YAML needs the anchor before the alias`;
      found = scenarioError(file, '', `unknown alias \`*${node.source}\``, { line, column: col, hint });
      return visit.BREAK;
    }
    if (node.anchor !== undefined) seen.add(node.anchor);
    return undefined;
  });
  return found;
}

/** The dotted path of the mapping key whose text starts at `offset`, or null. */
function keyPathAt(doc: Document.Parsed, offset: number): string | null {
  let found: string | null = null;
  visit(doc, {
    Pair(_, pair, ancestors) {
      if (!isScalar(pair.key) || pair.key.range?.[0] !== offset) return undefined;
      const chain: unknown[] = [...ancestors, pair];
      const segments: string[] = [];
      chain.forEach((node, i) => {
        if (isPair(node) && isScalar(node.key)) segments.push(String(node.key.value));
        else if (isSeq(node) && i + 1 < chain.length) segments.push(String(node.items.indexOf(chain[i + 1] as never)));
      });
      found = segments.join('.');
      return visit.BREAK;
    },
  });
  return found;
}

/**
 * Where `path` is in a scenario's YAML text (its value, or its key for a
 * mapping or list), for commands that check a section after loading
 * (`optimize:`); null when the text does not have it (a --set override made it).
 */
export function positionIn(text: string, path: PathSegment[]): { line: number; column: number } | null {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  return new YamlLocator(doc, lineCounter).position(path, 'value');
}

class YamlLocator implements Locator {
  constructor(
    private readonly doc: Document.Parsed,
    private readonly lines: LineCounter,
  ) {}

  private nodeAt(path: PathSegment[]): Node | null {
    if (path.length === 0) return (this.doc.contents as Node | null) ?? null;
    const node = this.doc.getIn(path, true);
    return node && typeof node === 'object' && 'range' in (node as object) ? (node as Node) : null;
  }

  has(path: PathSegment[]): boolean {
    return this.nodeAt(path) !== null;
  }

  position(path: PathSegment[], at: 'value' | 'key'): { line: number; column: number } | null {
    // For unknown keys and for mappings and lists, point at the key of the pair.
    if (path.length > 0) {
      const parent = this.nodeAt(path.slice(0, -1));
      const key = String(path[path.length - 1]);
      if (parent && isMap(parent)) {
        const pair = parent.items.find((p) => String(isScalar(p.key) ? p.key.value : p.key) === key);
        const value = pair?.value;
        const wantKey = at === 'key' || (value !== null && value !== undefined && (isMap(value) || isSeq(value)));
        if (pair && wantKey && isScalar(pair.key) && pair.key.range) return this.pos(pair.key.range[0]);
        if (at === 'key' && !pair) return null;
      }
    }
    const node = this.nodeAt(path);
    if (!node?.range) return null;
    return this.pos(node.range[0]);
  }

  private pos(offset: number): { line: number; column: number } {
    const { line, col } = this.lines.linePos(offset);
    return { line, column: col };
  }
}
