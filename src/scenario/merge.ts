// Strategy patches: a strategy's sections deep-merge into the base file
// before validation. Rules, guided by the schema:
// - mappings merge key by key; lists, distributions and other values are
//   replaced whole;
// - alternative keys exclude each other: a patch that sets `headcount`
//   drops the base's `schedule` (and vice versa), likewise `wait`/`queue`
//   in `staff.gig.trigger` and `hourly_rate`+`min_block`/`rate` in
//   `staff.gig.pay`;
// - `ticket_types` may be a list (replacing the base list) or a mapping from
//   an existing type name to a patch of that type; so may `staff.groups`,
//   by group name.
// Inputs are never mutated; reserved keys have been rejected before this runs.

import type { z } from 'zod';
import { ALTERNATIVE_KEYS, GroupSchema, TicketTypeSchema } from './schema.js';
import { didYouMean } from './suggest.js';
import { defOf, isPlainObject, unwrap } from './walk.js';

export interface MergeProblem {
  /** Path inside the strategy, e.g. ['ticket_types', 'biling']. */
  path: (string | number)[];
  message: string;
  hint?: string;
}

/** Merges `patch` into `base`, both raw (file-format) values, guided by `schema`. */
export function mergeValue(base: unknown, patch: unknown, schema: z.ZodType | undefined): unknown {
  if (patch === undefined) return base;
  const node = schema ? unwrap(schema) : undefined;
  const def = node ? defOf(node) : undefined;
  if (!def || def.type !== 'object' || !def.shape || !isPlainObject(patch) || !isPlainObject(base)) return patch;
  const result: Record<string, unknown> = {};
  for (const key of Object.keys(base)) result[key] = base[key];
  dropAlternatives(result, (key) => patch[key] !== undefined, node as z.ZodType);
  for (const key of Object.keys(patch)) {
    result[key] = mergeValue(base[key], patch[key], def.shape[key]);
  }
  return result;
}

/**
 * Alternative keys exclude each other (ALTERNATIVE_KEYS of the object schema
 * `schema`): once `given` names a key of one group, the keys of the other
 * groups that `given` does not name are dropped from `target`. Used by
 * strategy patches and by --set overrides alike.
 */
export function dropAlternatives(target: Record<string, unknown>, given: (key: string) => boolean, schema: z.ZodType): void {
  const groups = ALTERNATIVE_KEYS.get(schema);
  if (!groups) return;
  for (const group of groups) {
    if (!group.some(given)) continue;
    for (const other of groups) {
      if (other === group) continue;
      for (const key of other) if (!given(key)) delete target[key];
    }
  }
}

/**
 * The base with a strategy's patch sections applied. `patch` holds only the
 * patchable sections (service_level, demand, ticket_types, ...).
 */
export function applyStrategyPatch(
  base: Record<string, unknown>,
  patch: Record<string, unknown>,
  baseSchema: z.ZodType,
): { merged: Record<string, unknown>; problems: MergeProblem[] } {
  const problems: MergeProblem[] = [];
  const shape = defOf(unwrap(baseSchema)).shape ?? {};
  const merged: Record<string, unknown> = {};
  for (const key of Object.keys(base)) merged[key] = base[key];
  for (const key of Object.keys(patch)) {
    const value = patch[key];
    if (key === 'ticket_types' && isPlainObject(value)) {
      merged[key] = patchTicketTypesByName(base[key], value, problems);
    } else if (key === 'staff' && isPlainObject(value) && isPlainObject(value.groups)) {
      const { groups, ...rest } = value;
      const staff = mergeValue(isPlainObject(base.staff) ? base.staff : {}, rest, shape.staff) as Record<string, unknown>;
      staff.groups = patchNamedList(isPlainObject(base.staff) ? base.staff.groups : undefined, groups as Record<string, unknown>, GroupSchema, ['staff', 'groups'], 'groups', problems);
      merged[key] = staff;
    } else {
      merged[key] = mergeValue(base[key], value, shape[key]);
    }
  }
  return { merged, problems };
}

function patchTicketTypesByName(
  base: unknown,
  patch: Record<string, unknown>,
  problems: MergeProblem[],
): unknown {
  return patchNamedList(base, patch, TicketTypeSchema, ['ticket_types'], 'ticket types', problems);
}

/** A base list of named items with some of them patched by name (ticket types, agent groups). */
function patchNamedList(
  base: unknown,
  patch: Record<string, unknown>,
  schema: z.ZodType,
  path: string[],
  what: string,
  problems: MergeProblem[],
): unknown {
  const items = Array.isArray(base) ? [...base] : [];
  const names = items.map((t) => (isPlainObject(t) && typeof t.name === 'string' ? t.name : undefined));
  const known = names.filter((n): n is string => n !== undefined);
  for (const name of Object.keys(patch)) {
    const index = names.indexOf(name);
    if (index < 0) {
      problems.push({
        path: [...path, name],
        message: `no ${what === 'ticket types' ? 'ticket type' : 'group'} named \`${name}\` in the base file`,
        hint: known.length > 0 ? didYouMean(name, known, what) : `the base file has no ${path.join('.')}`,
      });
      continue;
    }
    items[index] = mergeValue(items[index], patch[name], schema);
  }
  return items;
}
