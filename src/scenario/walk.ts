// Navigating the zod schema by key path: used for --set paths, "did you
// mean" hints, documentation and the strategy patch schema. Only the zod
// node kinds the scenario schema uses are handled.

import { z } from 'zod';

/** The parts of a zod definition this module reads. */
export interface Def {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  options?: readonly z.ZodType[];
  discriminator?: string;
  values?: readonly unknown[];
  entries?: Record<string, unknown>;
}

export function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

/** A lazy schema's inner schema, built once (zod caches it; `def.getter()` would build another). */
function lazyInner(schema: z.ZodType): z.ZodType {
  return (schema as unknown as { _zod: { innerType: z.ZodType } })._zod.innerType;
}

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional']);

/**
 * Strips wrappers that do not change the shape of the input: optional,
 * nullable, defaults, readonly, lazy, and the transform side of a pipe.
 */
export function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  for (let guard = 0; guard < 64; guard++) {
    const def = defOf(s);
    if (WRAPPERS.has(def.type) && def.innerType) s = def.innerType;
    else if (def.type === 'pipe' && def.in && def.out) s = defOf(def.in).type === 'transform' ? def.out : def.in;
    else if (def.type === 'lazy') s = lazyInner(s);
    else return s;
  }
  return s;
}

export function kindOf(schema: z.ZodType): string {
  return defOf(unwrap(schema)).type;
}

/** The union's options (flattening nested unions), or [schema] for anything else. */
export function optionsOf(schema: z.ZodType): z.ZodType[] {
  const inner = unwrap(schema);
  const def = defOf(inner);
  if (def.type === 'union' && def.options) return def.options.flatMap((o) => optionsOf(o));
  return [inner];
}

/** The keys of an object schema, or of all object options of a union. */
export function objectKeys(schema: z.ZodType): string[] {
  const keys = new Set<string>();
  for (const option of optionsOf(schema)) {
    const def = defOf(option);
    if (def.type === 'object' && def.shape) for (const k of Object.keys(def.shape)) keys.add(k);
  }
  return [...keys];
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

const own = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/** Result of one step down the schema. */
export type Step =
  | { ok: true; schema: z.ZodType; container: 'object' | 'array' | 'record' }
  | { ok: false; reason: 'unknown-key'; validKeys: string[] }
  | { ok: false; reason: 'not-index'; }
  | { ok: false; reason: 'leaf' };

/**
 * The schema of `segment` inside `schema`. `value` (the current raw value
 * there, if any) picks between union options: a list picks a list option,
 * a mapping an object or record option, and a distribution its `dist`.
 */
export function childOf(schema: z.ZodType, segment: string, value?: unknown): Step {
  let options = optionsOf(schema);
  if (options.length > 1 && value !== undefined) {
    const preferred = options.filter((o) => {
      const def = defOf(o);
      if (Array.isArray(value)) return def.type === 'array';
      if (isPlainObject(value)) {
        if (def.type !== 'object' && def.type !== 'record') return false;
        // A discriminated option only when its tag matches.
        if (def.type === 'object' && def.shape && own(def.shape, 'dist') && typeof value.dist === 'string') {
          const tag = defOf(unwrap(def.shape.dist));
          return tag.type === 'literal' && (tag.values ?? []).includes(value.dist);
        }
        return true;
      }
      return false;
    });
    if (preferred.length > 0) options = preferred;
  }
  let sawContainer = false;
  let sawArray = false;
  for (const option of options) {
    const def = defOf(option);
    if (def.type === 'object' && def.shape) {
      sawContainer = true;
      if (own(def.shape, segment)) return { ok: true, schema: def.shape[segment], container: 'object' };
    } else if (def.type === 'record' && def.valueType) {
      sawContainer = true;
      return { ok: true, schema: def.valueType, container: 'record' };
    } else if (def.type === 'array' && def.element) {
      sawContainer = true;
      sawArray = true;
      if (/^(0|[1-9][0-9]*)$/.test(segment)) return { ok: true, schema: def.element, container: 'array' };
    }
  }
  if (!sawContainer) return { ok: false, reason: 'leaf' };
  const validKeys = options.flatMap((o) => objectKeys(o));
  if (sawArray && validKeys.length === 0) return { ok: false, reason: 'not-index' };
  return { ok: false, reason: 'unknown-key', validKeys: [...new Set(validKeys)] };
}

/** The description registered for a schema (following wrappers until one has it). */
export function descriptionOf(schema: z.ZodType): string | undefined {
  let s: z.ZodType | undefined = schema;
  for (let guard = 0; s && guard < 64; guard++) {
    const meta = z.globalRegistry.get(s);
    if (meta?.description) return meta.description;
    const def = defOf(s);
    if (WRAPPERS.has(def.type)) s = def.innerType;
    else if (def.type === 'pipe') s = def.in;
    else if (def.type === 'lazy') s = lazyInner(s);
    else return undefined;
  }
  return undefined;
}

/**
 * The first sentence of a description, for hints: up to the first full stop
 * that ends a sentence, not the one of an abbreviation ("e.g. all-human").
 */
export function firstSentence(text: string): string {
  const end = text.search(/(?<!\b(?:e\.g|i\.e|cf|vs))\.(\s|$)/);
  return end >= 0 ? text.slice(0, end) : text;
}
