// The points of a sweep: which value each point gives to each varied key.
// Axes come from `--vary key=values` or from a scenario's `sweep:` section;
// a value list, or a range `start:end:step` expanded without accumulating
// floating-point error. Each point's values are later applied as `--set`
// overrides, so bad key paths and values get exactly the messages of --set.

import { createHash } from 'node:crypto';
import { canonicalJson } from '../scenario/load.js';
import { SWEEP_RANGE_RE, type SweepSection } from '../scenario/schema.js';
import { parseSetOverride } from '../scenario/set.js';

export type Combine = 'cross' | 'zip';

/** One varied key and its values (as parsed YAML: numbers, text, mappings...). */
export interface Axis {
  key: string;
  values: unknown[];
}

export interface SweepAxes {
  /** `cross`: every combination, the first axis varying slowest; `zip`: the i-th values together. */
  combine: Combine;
  axes: Axis[];
}

/** Most values one range may expand to: a typo in a step should not allocate gigabytes. */
export const MAX_AXIS_VALUES = 100_000;
/** Most points a sweep may have. */
export const MAX_POINTS = 1_000_000;

/** A sweep that cannot be built: bad --vary text, an empty range, zip lengths that differ. Exit code 2. */
export class SweepError extends Error {}

/** Decimal places a number written as `text` carries: "0.10" → 2, "5" → 0, "1e-3" → 3. */
function decimalsOf(text: string): number {
  const m = /^[+-]?\d*(?:\.(\d*))?(?:e([+-]?\d+))?$/i.exec(text.trim());
  if (!m) return 0;
  return Math.max(0, (m[1]?.length ?? 0) - Number(m[2] ?? 0));
}

/**
 * from, from + step, ... up to `to` included when a whole number of steps
 * away. Each value is computed as from + i·step (never by adding steps up)
 * and rounded to the decimals the bounds and step were written with, so
 * 0.3:0.9:0.1 gives 0.3, 0.4, ..., 0.9 and not 0.30000000000000004.
 */
export function expandRange(from: number, to: number, step: number, written?: { from: string; to: string; step: string }): number[] {
  const what = `range ${written ? `${written.from}:${written.to}:${written.step}` : `${from}:${to}:${step}`}`;
  if (![from, to, step].every(Number.isFinite)) throw new SweepError(`${what}: the bounds and step must be finite numbers`);
  if (step === 0) throw new SweepError(`${what}: the step must not be 0`);
  const steps = (to - from) / step;
  // A relative tolerance: (0.9 - 0.3) / 0.1 is 5.999999999999999, which is 6 steps.
  const tolerance = 1e-9 * Math.max(1, Math.abs(steps));
  if (steps < -tolerance) {
    throw new SweepError(`${what}: the step goes away from the end`);
  }
  const count = Math.floor(steps + tolerance) + 1;
  if (count > MAX_AXIS_VALUES) throw new SweepError(`${what} has ${count} values; at most ${MAX_AXIS_VALUES} are allowed`);
  const decimals = Math.max(
    decimalsOf(written?.from ?? String(from)),
    decimalsOf(written?.to ?? String(to)),
    decimalsOf(written?.step ?? String(step)),
  );
  const values: number[] = [];
  for (let i = 0; i < count; i++) {
    const exact = from + i * step;
    const rounded = decimals <= 20 ? Number(exact.toFixed(decimals)) : exact;
    values.push(rounded === 0 ? 0 : rounded); // no -0
  }
  return values;
}

/** A range written as `start:end:step`, or null when `text` is not one. */
export function parseRange(text: string): number[] | null {
  const m = SWEEP_RANGE_RE.exec(text);
  if (!m) return null;
  return expandRange(Number(m[1]), Number(m[2]), Number(m[3]), { from: m[1], to: m[2], step: m[3] });
}

/** Splits at commas outside brackets, braces and quotes, so `[1, 2],[3, 4]` is two values. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') depth = Math.max(0, depth - 1);
    else if (c === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/**
 * One `--vary key.path=v1,v2,v3` or `--vary key.path=start:end:step`. Values
 * are read as YAML exactly as `--set` reads them (`5m`, `0.5`, `[1, 2]`).
 */
export function parseVary(text: string): Axis {
  const eq = text.indexOf('=');
  const key = eq < 0 ? '' : text.slice(0, eq).trim();
  if (eq < 0 || key === '') {
    throw new SweepError(`\`--vary ${text}\` needs key.path=values, e.g. --vary ai.cost_per_conversation=0.5,1,2 or --vary ticket_types.0.ai_resolution=0.3:0.9:0.1`);
  }
  const valuesText = text.slice(eq + 1);
  const range = parseRange(valuesText);
  if (range) return { key, values: range };
  const parts = splitTopLevel(valuesText);
  if (parts.some((p) => p.trim() === '')) {
    throw new SweepError(`\`--vary ${text}\` has an empty value: separate values with single commas, e.g. ${key}=1,2,3`);
  }
  return { key, values: parts.map((p) => parseSetOverride(`${key}=${p}`).value) };
}

/** The axes of a scenario file's `sweep:` section (already validated by the schema). */
export function axesFromSection(section: Pick<NonNullable<SweepSection>, 'combine' | 'vary'>): SweepAxes {
  const axes = Object.entries(section.vary).map(([key, spec]): Axis => {
    if (Array.isArray(spec)) return { key, values: spec };
    if (typeof spec === 'string') return { key, values: parseRange(spec) ?? [spec] };
    return { key, values: expandRange(spec.from, spec.to, spec.step) };
  });
  return checkAxes({ combine: section.combine, axes });
}

/** Refuses repeated keys, zip axes of different lengths and sweeps of too many points. */
export function checkAxes(sweep: SweepAxes): SweepAxes {
  if (sweep.axes.length === 0) throw new SweepError('nothing to vary: give --vary key.path=values or a sweep: section in the scenario');
  const seen = new Set<string>();
  for (const axis of sweep.axes) {
    if (seen.has(axis.key)) throw new SweepError(`\`${axis.key}\` is varied twice; give all its values in one --vary`);
    seen.add(axis.key);
    if (axis.values.length === 0) throw new SweepError(`\`${axis.key}\` has no values`);
  }
  if (sweep.combine === 'zip') {
    const lengths = sweep.axes.map((a) => a.values.length);
    if (lengths.some((n) => n !== lengths[0])) {
      throw new SweepError(
        `zip pairs the i-th values of every key, so every key needs as many values; got ${sweep.axes
          .map((a) => `${a.key}: ${a.values.length}`)
          .join(', ')}`,
      );
    }
  }
  const points = pointCount(sweep);
  if (points > MAX_POINTS) throw new SweepError(`the sweep has ${points} points; at most ${MAX_POINTS} are allowed`);
  return sweep;
}

export function pointCount(sweep: SweepAxes): number {
  if (sweep.combine === 'zip') return sweep.axes[0]?.values.length ?? 0;
  return sweep.axes.reduce((n, axis) => n * axis.values.length, 1);
}

/** The values of point `index`, by key in axis order: the last axis varies fastest. */
export function pointValues(sweep: SweepAxes, index: number): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  if (sweep.combine === 'zip') {
    for (const axis of sweep.axes) values[axis.key] = axis.values[index];
    return values;
  }
  let rest = index;
  const picks: number[] = [];
  for (let a = sweep.axes.length - 1; a >= 0; a--) {
    const n = sweep.axes[a].values.length;
    picks[a] = rest % n;
    rest = Math.floor(rest / n);
  }
  sweep.axes.forEach((axis, a) => (values[axis.key] = axis.values[picks[a]]));
  return values;
}

/** The `--set` overrides that give a point its values (JSON is YAML, so values round-trip exactly). */
export function pointOverrides(values: Record<string, unknown>): string[] {
  return Object.entries(values).map(([key, value]) => `${key}=${JSON.stringify(value)}`);
}

/**
 * A point's seed: from the scenario's seed and the point's values (key order
 * ignored), so a point gets the same random numbers however the sweep is
 * split, ordered or parallelised. 32 bits, the range of the `seed` key.
 */
export function pointSeed(seed: number, values: Record<string, unknown>): number {
  return createHash('sha256').update(`staffsim-point\n${seed}\n${canonicalJson(values)}`).digest().readUInt32BE(0);
}

/** SHA-256 of the axes and how they combine: two runs with the same hash ran the same points. */
export function sweepHash(sweep: SweepAxes): string {
  return createHash('sha256').update(canonicalJson({ combine: sweep.combine, axes: sweep.axes })).digest('hex');
}
