// `--set key.path=value` overrides, applied to the raw document before
// validation. The path must be a key of the file format (whether or not the
// file has it); numeric segments index lists; the value is read as YAML
// (`5m`, `0.5`, `true`, `[1, 2]`, `{dist: exponential, mean: 3m}`).

import YAML from 'yaml';
import type { z } from 'zod';
import { scenarioError, ScenarioError, yamlReason } from './errors.js';
import { dropAlternatives } from './merge.js';
import type { PathSegment, SetOrigin } from './resolve.js';
import { renamedKeyHint, RESERVED_KEYS, ScenarioFileSchema, StrategyNameSchema } from './schema.js';
import { didYouMean } from './suggest.js';
import { childOf, isPlainObject, kindOf, unwrap } from './walk.js';

export interface SetOverride {
  /** The text as given, `key.path=value`. */
  text: string;
  /** The key path, split at dots. */
  keys: string[];
  /** The value, parsed as YAML. */
  value: unknown;
}

const INDEX_RE = /^(0|[1-9][0-9]*)$/;

/** Parses one `key.path=value`; throws ScenarioError when it is malformed. */
export function parseSetOverride(text: string, file: string | null = null): SetOverride {
  const eq = text.indexOf('=');
  if (eq < 0) {
    throw scenarioError(file, '', `\`--set ${text}\` has no \`=\``, {
      hint: 'write --set key.path=value, e.g. --set staff.employees.headcount=30',
    });
  }
  const keyText = text.slice(0, eq).trim();
  const valueText = text.slice(eq + 1);
  const keys = keyText.split('.');
  if (keyText === '' || keys.some((k) => k.trim() === '')) {
    throw scenarioError(file, '', `\`--set ${text}\` has an empty key`, {
      hint: 'write --set key.path=value, e.g. --set ticket_types.0.ai_resolution=0.5',
    });
  }
  let value: unknown;
  try {
    value = YAML.parse(valueText, { maxAliasCount: 100 });
  } catch (error) {
    const reason = yamlReason(error instanceof Error ? error.message : String(error));
    throw scenarioError(file, keyText, `cannot read the value \`${valueText}\`: ${reason}`, {
      source: text,
      hint: 'the value is read as YAML: 5m, 0.5, true, [1, 2] or {dist: exponential, mean: 3m}',
    });
  }
  return { text, keys: keys.map((k) => k.trim()), value: value === undefined ? null : value };
}

function fail(file: string | null, set: SetOverride, message: string, hint?: string): ScenarioError {
  return scenarioError(file, '', message, { source: set.text, ...(hint ? { hint } : {}) });
}

/**
 * Applies overrides in order to `root` (mutated: pass a fresh copy), checking
 * each path against the schema. Returns where each one landed, for error
 * attribution.
 */
export function applySetOverrides(root: Record<string, unknown>, sets: readonly SetOverride[], file: string | null): SetOrigin[] {
  return sets.map((set) => ({ text: set.text, path: applyOne(root, set, file) }));
}

function applyOne(root: Record<string, unknown>, set: SetOverride, file: string | null): PathSegment[] {
  let schema: z.ZodType = ScenarioFileSchema;
  let node: unknown = root;
  const path: PathSegment[] = [];
  for (let i = 0; i < set.keys.length; i++) {
    let key = set.keys[i];
    const where = path.length > 0 ? `\`${path.join('.')}\`` : 'the scenario';
    if (RESERVED_KEYS.has(key)) throw fail(file, set, `\`${key}\` is not a key of ${where}`, `\`${key}\` is a reserved name`);

    // ticket_types of a strategy, absent so far: an index means the base type with that index, patched by name.
    if (i === 3 && path[0] === 'strategies' && path[2] === 'ticket_types' && isPlainObject(node) && INDEX_RE.test(key)) {
      const baseTypes = Array.isArray(root.ticket_types) ? root.ticket_types : [];
      const type = baseTypes[Number(key)];
      if (!isPlainObject(type) || typeof type.name !== 'string') {
        throw fail(file, set, `the base file has no ticket_types.${key}`, `it has ${baseTypes.length} ticket type(s), numbered from 0`);
      }
      key = type.name;
    }

    // A list of named items (ticket types, agent groups) is addressed by name too.
    if (Array.isArray(node) && !INDEX_RE.test(key)) {
      const names = node.flatMap((item) => (isPlainObject(item) && typeof item.name === 'string' ? [item.name] : []));
      const index = node.findIndex((item) => isPlainObject(item) && item.name === key);
      if (index >= 0) key = String(index);
      else if (names.length > 0) {
        throw fail(file, set, `\`${path.join('.')}\` has no item named \`${key}\``, didYouMean(key, names, 'names'));
      }
    }

    const step = childOf(schema, key, node);
    if (!step.ok) {
      if (step.reason === 'not-index') {
        throw fail(file, set, `${where} is a list: \`${key}\` is not an index`, `use a number from 0, e.g. ${[...path, 0].join('.')}`);
      }
      if (step.reason === 'leaf') {
        throw fail(file, set, `${where} is a value, not a mapping: it has no key \`${key}\``);
      }
      throw fail(file, set, `\`${key}\` is not a key of ${where}`, renamedKeyHint(key) ?? didYouMean(key, step.validKeys));
    }
    if (step.container === 'record' && path.length === 1 && path[0] === 'strategies') {
      const check = StrategyNameSchema.safeParse(key);
      if (!check.success) throw fail(file, set, `\`${key}\` is not a valid strategy name`, 'letters, digits, `_` and `-`');
    }

    const last = i === set.keys.length - 1;
    if (step.container === 'array') {
      const list = node as unknown[];
      const index = Number(key);
      if (index > list.length) {
        throw fail(file, set, `${where} has ${list.length} item(s): index ${index} is out of range`, `use 0 to ${list.length}`);
      }
      path.push(index);
      if (last) list[index] = set.value;
      else list[index] = container(list[index], step.schema, set, file, path);
      node = list[index];
    } else {
      const map = node as Record<string, unknown>;
      path.push(key);
      // As in a strategy patch: setting `headcount` replaces the file's `schedule`, and so on;
      // a key inside `employees` replaces `groups` (and the reverse) at any depth.
      dropAlternatives(map, (k) => k === key, unwrap(schema));
      if (last) map[key] = set.value;
      else map[key] = container(map[key], step.schema, set, file, path);
      node = map[key];
    }
    schema = step.schema;
  }
  return path;
}

/** The existing mapping or list at `path`, or a new one when absent. */
function container(current: unknown, schema: z.ZodType, set: SetOverride, file: string | null, path: PathSegment[]): unknown {
  if (current === undefined || current === null) return kindOf(schema) === 'array' ? [] : {};
  if (Array.isArray(current) || isPlainObject(current)) return current;
  throw fail(
    file,
    set,
    `\`${path.join('.')}\` is \`${String(current)}\`, not a mapping`,
    `set the whole value instead, e.g. --set ${path.join('.')}=...`,
  );
}
