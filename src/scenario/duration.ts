// Durations in scenario files: a number with a unit (`30s`, `5m`, `1.5h`,
// `14d`) or a plain number of minutes. Inside staffsim every time is minutes.

/** Minutes per unit. */
export const DURATION_UNITS: Readonly<Record<string, number>> = Object.freeze({
  s: 1 / 60,
  m: 1,
  h: 60,
  d: 24 * 60,
});

/**
 * What a valid duration string looks like (also emitted as the JSON Schema
 * `pattern`): a non-negative decimal number, optionally followed by one of
 * the units s, m, h, d. No unit means minutes.
 */
export const DURATION_PATTERN = '^\\s*(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)\\s*[smhd]?\\s*$';

/**
 * A duration that must carry its unit (`60s`, `1m`): for keys where a plain
 * number is too easily meant as another unit than minutes.
 */
export const DURATION_WITH_UNIT_PATTERN = '^\\s*(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)\\s*[smhd]\\s*$';

const DURATION_RE = new RegExp(DURATION_PATTERN);
const WITH_UNIT_RE = new RegExp(DURATION_WITH_UNIT_PATTERN);
const PARTS_RE = /^\s*([+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)\s*([A-Za-z]*)\s*$/;

const EXAMPLES = 'e.g. 30s, 5m, 1.5h, 14d, or a plain number of minutes';
const UNIT_EXAMPLES = 'e.g. 20s, 60s, 2m, 1.5h';

/** Thrown by parseDuration; the message says what is wrong and how to write it. */
export class DurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DurationError';
  }
}

/**
 * Why `input` is not a valid duration, or null when it is one. The message
 * is written for an analyst reading an error about their scenario file.
 */
export function durationProblem(input: unknown, examples = EXAMPLES): string | null {
  if (typeof input === 'number') {
    if (Number.isNaN(input)) return 'a duration cannot be NaN';
    if (!Number.isFinite(input)) return 'a duration must be finite';
    if (input < 0) return `a duration cannot be negative (got ${input})`;
    return null;
  }
  if (typeof input !== 'string') {
    return `expected a duration (${examples})`;
  }
  if (DURATION_RE.test(input)) return null;
  const text = input.trim();
  if (text === '') return `empty duration (${examples})`;
  const parts = PARTS_RE.exec(input);
  if (!parts) return `\`${text}\` is not a duration (${examples})`;
  const [, num, unit] = parts;
  if (num.startsWith('-')) return `a duration cannot be negative (got \`${text}\`)`;
  if (/[eE]/.test(num)) return `write \`${text}\` without an exponent (${examples})`;
  if (unit && unit.toLowerCase() in DURATION_UNITS && unit !== unit.toLowerCase()) {
    return `units are lower-case: write \`${num.replace(/^\+/, '')}${unit.toLowerCase()}\``;
  }
  if (num.startsWith('+')) return `write \`${text.replace(/^\+/, '')}\` without the plus sign`;
  return `unknown unit \`${unit}\` in \`${text}\` (use s, m, h or d: ${examples})`;
}

/**
 * Why `input` is not a duration with a unit, or null when it is one. A plain
 * number (`60`, or the text `60`) is refused with both readings spelled out,
 * since nothing tells whether seconds or minutes were meant.
 */
export function durationWithUnitProblem(input: unknown): string | null {
  if (typeof input === 'string' && WITH_UNIT_RE.test(input)) return null;
  if (typeof input !== 'string' && typeof input !== 'number') return `expected a duration with its unit (${UNIT_EXAMPLES})`;
  const problem = durationProblem(input, UNIT_EXAMPLES);
  if (problem !== null) return problem;
  const n = typeof input === 'number' ? String(input) : String(input).trim();
  return `needs a unit: write \`${n}s\` or \`${n}m\`, not a plain number`;
}

/**
 * Converts a duration to minutes: `30s` -> 0.5, `5m` -> 5, `1.5h` -> 90,
 * `14d` -> 20160; a number (or a numeric string) is already minutes.
 * Throws DurationError for negative, NaN, infinite or unit-less garbage.
 */
export function parseDuration(input: string | number): number {
  const problem = durationProblem(input);
  if (problem !== null) throw new DurationError(problem);
  if (typeof input === 'number') return input;
  const match = /^\s*([0-9.]+)\s*([smhd]?)\s*$/.exec(input);
  // durationProblem accepted it, so the pattern matches.
  const value = Number(match![1]);
  const unit = match![2] || 'm';
  return value * DURATION_UNITS[unit];
}

/**
 * Minutes back to the shortest exact duration string (`0.5` -> `30s`,
 * `90` -> `1.5h`, `1440` -> `1d`), for messages and documentation.
 */
export function formatMinutes(minutes: number): string {
  if (!Number.isFinite(minutes)) return String(minutes);
  if (minutes === 0) return '0m';
  const tidy = (x: number) => String(Number(x.toPrecision(12)));
  const candidates: Array<[string, number]> = [
    ['d', DURATION_UNITS.d],
    ['h', DURATION_UNITS.h],
    ['m', DURATION_UNITS.m],
  ];
  for (const [unit, size] of candidates) {
    const n = minutes / size;
    if (n >= 1 && Math.abs(n * 4 - Math.round(n * 4)) < 1e-9) return `${tidy(n)}${unit}`;
  }
  const seconds = minutes * 60;
  if (Math.abs(seconds - Math.round(seconds)) < 1e-9) return `${Math.round(seconds)}s`;
  return `${tidy(minutes)}m`;
}
