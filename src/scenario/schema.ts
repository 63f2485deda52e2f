// The scenario file format: the single place where every key, its default,
// its unit and its documentation live. Validation, defaults, the conversion
// to the resolved `Scenario` (types.ts), the JSON Schema (json-schema.ts) and
// docs/scenario.md (docs.ts) are all derived from the zod schemas below.
//
// Conventions: defaults are written in file units with `.prefault()` (so the
// JSON Schema and the docs show `60s`, not `1`), every object is strict (an
// unknown key is an error with a "did you mean" hint), and every key has a
// `.describe()` saying what it means, its unit and its default.

import { z } from 'zod';
import { distMean, type DistSpec } from '../engine/distributions.js';
import {
  DURATION_PATTERN,
  DURATION_WITH_UNIT_PATTERN,
  durationProblem,
  durationWithUnitProblem,
  formatMinutes,
  parseDuration,
} from './duration.js';
import { describeNumber, describeValue, quoteValue } from './describe.js';
import { closest, didYouMean, listNames } from './suggest.js';
import type { AgentGroup, Concurrency, Employees, Routing, Scenario, Staff, StrategyScenario } from './types.js';
import { childOf, defOf, descriptionOf, firstSentence, isPlainObject, unwrap } from './walk.js';
import { MONTH_RE, monthOrdinal } from '../plan/calendar.js';
import { ConditionError, parseCondition } from '../plan/condition.js';

// ---------------------------------------------------------------------------
// Registries used by error messages and strategy patches.

/** A phrase for "expected ..." messages, e.g. "a probability between 0 and 1". */
export const expectedLabels = z.registry<{ expected: string }>();

function expecting<T extends z.ZodType>(schema: T, expected: string): T {
  expectedLabels.add(schema, { expected });
  return schema;
}

/**
 * Groups of alternative keys in an object: when a strategy patch sets a key of
 * one group, the base file's keys of the other groups are dropped (e.g. a
 * patch giving `headcount` replaces the base's `schedule`).
 */
export const ALTERNATIVE_KEYS = new WeakMap<z.ZodType, readonly (readonly string[])[]>();

/** Keys that must never be used as object keys anywhere in a scenario. */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

type IssueWithHint = { hint?: string };

/** Sets the hint of the issue being finalised (zod copies extra issue fields). */
function withHint(issue: unknown, hint: string | undefined): void {
  if (hint !== undefined && typeof issue === 'object' && issue !== null) (issue as IssueWithHint).hint = hint;
}

// ---------------------------------------------------------------------------
// Leaves.

/**
 * Upper bounds of the file's numbers (docs/scenario.md, "Limits"): far above
 * any real contact centre, and low enough that the simulation's own
 * arithmetic (rates times multipliers times durations times costs, summed
 * over a horizon) stays finite and a run ends in reasonable time.
 */
export const LIMITS = {
  /** First contacts per day: the largest centres take a few million. */
  contacts_per_day: 1e8,
  /** Intraday and weekly values (only their ratios matter: they are normalised). */
  profile_value: 1e6,
  /** A surge's arrival-rate multiplier. */
  surge_multiplier: 1000,
  /** Gig handle-time and resolution multipliers. */
  multiplier: 100,
  /** A skill's priority level. */
  priority: 100,
  /** Contacts an agent holds at once (chat concurrency), and the slow-down with them. */
  concurrency: 100,
  /** Any duration, in minutes: ten years. */
  duration_minutes: 3650 * 1440,
  /** Any single amount of money (hourly cost, lifetime value, per-head cost...). */
  money: 1e9,
  /** Coefficient of variation of a lognormal or gamma time. */
  cv: 100,
  /** People: a headcount, a schedule level, the gig pool, the baseline headcount. */
  people: 1e6,
  /** Satisfaction points lost per minute or per contact (the whole scale is 4). */
  csat_penalty: 100,
  /** Contacts per episode, replications. */
  max_contacts: 1000,
  replications: 100_000,
} as const;

/**
 * A bound as written in messages and docs: 100,000,000, not 1e8, as
 * `toLocaleString('en-US')` writes it. Whole numbers are grouped here: the
 * first `toLocaleString` of a process loads ICU's number formatting (~30 ms
 * of CPU), and a description below calls this while the schema is built, so
 * every command that loads the schema paid it (docs/performance.md,
 * "Start-up").
 */
export const formatLimit = (limit: number): string =>
  Number.isSafeInteger(limit) ? String(limit).replace(/\B(?=(\d{3})+$)/g, ',') : limit.toLocaleString('en-US');

/** Numbers whose maximum is one of LIMITS: above it, the message names the limit. */
const limitedLeaves = z.registry<{ limited: true }>();

function limited<T extends z.ZodType>(schema: T): T {
  limitedLeaves.add(schema, { limited: true });
  return schema;
}

/**
 * One schema for each distinct leaf (the same arguments give the same
 * instance): every key of a kind shares it, and the `.describe()`,
 * `.prefault()` or `.optional()` at the key wraps or clones it, as zod does
 * for any schema. Building the schema was the largest part of `validate`'s
 * work before it reads a file, and over a quarter of its zod nodes were
 * copies of these few leaves (docs/performance.md, "Start-up: the schema
 * built on first use").
 * So nothing may register on or change a leaf from outside: its label and
 * limit are set here, once, and a key that needs another builds its own.
 */
function shared<A extends unknown[], T>(build: (...args: A) => T): (...args: A) => T {
  const made = new Map<string, T>();
  return (...args) => {
    const key = JSON.stringify(args);
    let schema = made.get(key);
    if (schema === undefined) made.set(key, (schema = build(...args)));
    return schema;
  };
}

const nonNegative = shared((max: number) => limited(expecting(z.number().min(0).max(max), 'a number ≥ 0')));
const positive = shared((max: number) => limited(expecting(z.number().positive().max(max), 'a number > 0')));
/**
 * The one rule for every probability and share key: a value written as a
 * percentage (80 for 0.8) gets the hint "did you mean 0.8?" beside the
 * range message, when the fraction would be accepted.
 */
function percentHint(acceptsOne: boolean) {
  return (issue: { input?: unknown }) => {
    const value = issue.input;
    if (typeof value === 'number' && value > 1 && (value < 100 || (acceptsOne && value === 100))) {
      withHint(issue, `did you mean ${Number((value / 100).toPrecision(12))}?`);
    }
    return undefined; // the message itself is scenarioErrorMap's
  };
}

/** A share from 0 to 1; `above0`: 0 excluded, `below1`: 1 excluded. */
const fraction = shared((expected: string, range: { above0?: boolean; below1?: boolean } = {}) => {
  const from = range.above0 ? z.number().gt(0) : z.number().min(0);
  const to = range.below1 ? from.lt(1, { error: percentHint(false) }) : from.max(1, { error: percentHint(true) });
  return expecting(to, expected);
});

const probability = () => fraction('a probability between 0 and 1');
const count = shared((min: number, max: number) =>
  limited(expecting(z.number().int().min(min).max(max), min === 0 ? 'a whole number ≥ 0' : `a whole number ≥ ${min}`)),
);
const score = shared(() => expecting(z.number().min(1).max(5), 'a score between 1 and 5'));

const DURATION_EXPECTED = 'a duration (e.g. 30s, 5m, 1.5h, 14d, or a number of minutes)';
const DURATION_WITH_UNIT_EXPECTED = 'a duration with its unit (e.g. 20s, 60s, 2m)';

interface Missing {
  message: string;
  hint: string;
}

function missingError(missing: Missing | undefined) {
  if (!missing) return undefined;
  return (issue: { input?: unknown }) => {
    if (issue.input !== undefined) return undefined;
    withHint(issue, missing.hint);
    return missing.message;
  };
}

/** A duration in the file (`30s`, `5m`, `2h`, `14d`, or minutes) -> minutes. */
const duration = shared((options: { positive?: boolean; missing?: Missing } = {}) => {
  const input = z.union(
    [
      z.number().min(0, { error: (issue) => durationProblem(issue.input) ?? undefined }),
      z.string().regex(new RegExp(DURATION_PATTERN), { error: (issue) => durationProblem(issue.input) ?? undefined }),
    ],
    { error: missingError(options.missing) },
  );
  return inMinutes(expecting(input, DURATION_EXPECTED), options.positive);
});

/**
 * A duration that must carry its unit (`20s`, `2m`) -> minutes, for a key
 * whose plain number is easily meant in another unit than minutes.
 */
const durationWithUnit = shared(() => {
  const input = z
    .string({ error: (issue) => (issue.input === undefined ? undefined : durationWithUnitProblem(issue.input)) })
    .regex(new RegExp(DURATION_WITH_UNIT_PATTERN), { error: (issue) => durationWithUnitProblem(issue.input) ?? undefined });
  return inMinutes(expecting(input, DURATION_WITH_UNIT_EXPECTED));
});

function inMinutes(input: z.ZodType<string | number>, positive = false) {
  const minutes = input
    .transform((value) => (typeof value === 'number' ? value : parseDuration(value)))
    .refine((value) => value <= LIMITS.duration_minutes, {
      error: (issue) => {
        const got = issue.input as number;
        return `must be at most ${formatMinutes(LIMITS.duration_minutes)} (ten years), got ${Number.isFinite(got) ? formatMinutes(got) : describeNumber(got)}`;
      },
    });
  const checked = positive ? minutes.refine((value) => value > 0, { error: 'must be longer than 0' }) : minutes;
  return checked.meta({ title: 'duration' });
}

const need = (dist: string, key: string, hint: string): Missing => ({ message: `${dist} needs ${key}`, hint });

function cv(dist: string) {
  return limited(
    expecting(
      z.number({ error: missingError(need(dist, 'cv', 'the coefficient of variation, e.g. cv: 0.8')) }).min(0).max(LIMITS.cv),
      'a coefficient of variation ≥ 0',
    ),
  ).describe('Coefficient of variation: standard deviation divided by the mean (0 = no variation, 1 = as variable as an exponential).');
}

function mean(dist: string) {
  return duration({ positive: true, missing: need(dist, 'mean', 'the average time, e.g. mean: 5m') }).describe(
    'Mean time (duration, > 0).',
  );
}

const distTag = <N extends string>(name: N, text: string) => z.literal(name).describe(text);

const Exponential = z.strictObject({
  dist: distTag('exponential', 'Exponential (memoryless) times: most are short, a few are long; cv is 1.'),
  mean: mean('exponential'),
});

const Lognormal = z.strictObject({
  dist: distTag('lognormal', 'Lognormal times: right-skewed with a long tail, typical of handle times.'),
  mean: mean('lognormal'),
  cv: cv('lognormal'),
});

const Gamma = z.strictObject({
  dist: distTag('gamma', 'Gamma times: right-skewed, lighter tail than lognormal; cv < 1 is less variable than exponential.'),
  mean: mean('gamma'),
  cv: cv('gamma'),
});

const Deterministic = z.strictObject({
  dist: distTag('deterministic', 'Always the same time.'),
  value: duration({ missing: need('deterministic', 'value', 'the fixed time, e.g. value: 30s') }).describe(
    'The fixed time (duration, ≥ 0).',
  ),
});

const Uniform = z
  .strictObject({
    dist: distTag('uniform', 'Any time between min and max, equally likely.'),
    min: duration({ missing: need('uniform', 'min', 'the shortest time, e.g. min: 1m') }).describe(
      'Shortest time (duration, ≥ 0).',
    ),
    max: duration({ missing: need('uniform', 'max', 'the longest time, e.g. max: 10m') }).describe(
      'Longest time (duration, ≥ min).',
    ),
  })
  .superRefine((value, ctx) => {
    if (value.min > value.max) {
      ctx.addIssue({
        code: 'custom',
        message: `uniform min (${formatMinutes(value.min)}) is greater than max (${formatMinutes(value.max)})`,
      });
    }
  });

const Empirical = z
  .strictObject({
    dist: distTag('empirical', 'Times drawn from a list of observed values, with optional weights.'),
    values: z
      .array(duration(), {
        error: missingError(need('empirical', 'values', 'the observed times, e.g. values: [2m, 5m, 12m]')),
      })
      .min(1, { error: 'empirical needs at least one value' })
      .describe('Observed times (durations, ≥ 0), at least one.'),
    weights: z
      .array(nonNegative(LIMITS.profile_value))
      .optional()
      .describe('Relative weight of each value (≥ 0, positive sum, same length as values). Default: all equal.'),
  })
  .superRefine((value, ctx) => {
    if (value.weights === undefined) return;
    if (value.weights.length !== value.values.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['weights'],
        message: `empirical has ${value.values.length} value${value.values.length === 1 ? '' : 's'} but ${value.weights.length} weight${value.weights.length === 1 ? '' : 's'}`,
        params: { hint: 'give one weight per value, or omit weights for equal weights' },
      });
    } else if (value.weights.reduce((a, b) => a + b, 0) <= 0) {
      ctx.addIssue({ code: 'custom', path: ['weights'], message: 'empirical weights must not all be 0' });
    }
  });

export const DIST_NAMES = ['exponential', 'lognormal', 'gamma', 'deterministic', 'uniform', 'empirical'] as const;

const DistObject = z.discriminatedUnion('dist', [Exponential, Lognormal, Gamma, Deterministic, Uniform, Empirical], {
  error: (issue) => {
    if (issue.code !== 'invalid_union') return undefined;
    const input = (issue as { input?: unknown }).input;
    const tag = typeof input === 'object' && input !== null ? (input as Record<string, unknown>).dist : undefined;
    if (tag === undefined) {
      withHint(
        issue,
        `one of ${listNames(DIST_NAMES)}; or write a bare duration such as 5m for a fixed time`,
      );
      return 'a distribution needs `dist`';
    }
    if (typeof tag !== 'string') {
      withHint(issue, `one of ${listNames(DIST_NAMES)}`);
      return `\`dist\` must be the name of a distribution, got ${describeValue(tag)}`;
    }
    withHint(issue, didYouMean(tag, DIST_NAMES, 'valid names'));
    return `unknown distribution \`${tag}\``;
  },
});

type DistInput = number | z.output<typeof DistObject>;

function toDistSpec(value: DistInput): DistSpec {
  if (typeof value === 'number') return { dist: 'deterministic', value };
  switch (value.dist) {
    case 'exponential':
      return { dist: 'exponential', mean: value.mean };
    case 'lognormal':
      return { dist: 'lognormal', mean: value.mean, cv: value.cv };
    case 'gamma':
      return { dist: 'gamma', mean: value.mean, cv: value.cv };
    case 'deterministic':
      return { dist: 'deterministic', value: value.value };
    case 'uniform':
      return { dist: 'uniform', min: value.min, max: value.max };
    case 'empirical': {
      const raw = value.weights ?? value.values.map(() => 1);
      const total = raw.reduce((a, b) => a + b, 0);
      return { dist: 'empirical', values: [...value.values], weights: raw.map((w) => w / total) };
    }
  }
}

/**
 * A time-valued distribution: `{dist: ..., ...}` with durations for its
 * parameters, or a bare duration meaning "always this long".
 */
const timeDist = shared(() =>
  expecting(
    z.union([duration(), DistObject]),
    'a duration (e.g. 5m) or a distribution such as {dist: exponential, mean: 5m}',
  )
    .transform(toDistSpec)
    .meta({ title: 'distribution' }),
);

const NAME_RE = /^(?![0-9]+$)[A-Za-z0-9_-]+$/;

const nameSchema = shared((what: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? undefined : `a ${what} name must be text`) })
    .regex(NAME_RE, {
      error: (issue) => {
        withHint(issue, 'letters, digits, `_` and `-`, not only digits, e.g. order_status');
        return `\`${String(issue.input)}\` is not a valid ${what} name`;
      },
    })
    .refine((name) => !RESERVED_KEYS.has(name), { error: `this ${what} name is reserved` }),
);

/** 24 or 7 multipliers: non-negative, positive sum, normalised to mean 1. */
function profile(length: number, unit: string, example: string) {
  return z
    .array(nonNegative(LIMITS.profile_value))
    .length(length, {
      error: (issue) => {
        const got = Array.isArray(issue.input) ? issue.input.length : 0;
        withHint(issue, example);
        return `needs exactly ${length} values (one per ${unit}), got ${got}`;
      },
    })
    .refine((values) => values.reduce((a, b) => a + b, 0) > 0, { error: 'the values must not all be 0' })
    .transform((values) => {
      const total = values.reduce((a, b) => a + b, 0);
      return values.map((v) => (v * values.length) / total);
    });
}

// ---------------------------------------------------------------------------
// Sections.

export const ServiceLevelSchema = z
  .strictObject({
    // Thresholds are quoted in seconds ("80/20") as often as in minutes: a bare 60 would be read as an hour.
    answer_within: durationWithUnit()
      .prefault('60s')
      .describe('Answer-time threshold of the service level (duration with its unit, e.g. 20s or 2m: a plain number is refused, as it could mean seconds or minutes). Default 60s.'),
    target: probability()
      .prefault(0.8)
      .describe('Share of contacts offered to humans that should be answered within answer_within (0-1). Default 0.8.'),
    max_occupancy: fraction('a share above 0 and at most 1, or null for no cap', { above0: true })
      .nullable()
      .prefault(null)
      .describe('Highest share of their time auto-staffed agents may be busy (0-1, e.g. 0.85; industry targets are 80-85%): auto staffing adds agents until each hour is under it. Omit or null: no cap. Default no cap.'),
  })
  .prefault({})
  .describe('The service-level goal reported against (e.g. 80% answered within 60s), and the occupancy cap of auto staffing. Does not change the simulation of a fixed staffing.');

const SurgeSchema = z.strictObject({
  at: duration().describe(
    'Start of the surge, measured from the start of the horizon (duration); a surge outside the horizon has no effect.',
  ),
  duration: duration({ positive: true }).describe('How long the surge lasts (duration, > 0).'),
  multiplier: positive(LIMITS.surge_multiplier).describe('Arrival-rate multiplier during the surge (> 0; 2 doubles the arrivals).'),
});

export const DemandSchema = z
  .strictObject({
    contacts_per_day: positive(LIMITS.contacts_per_day).describe(
      'Average first contacts per day (> 0), before intraday and weekly shaping. Required.',
    ),
    intraday: profile(24, 'hour of the day, 00:00-01:00 first', 'intraday: [0.3, 0.2, ..., 0.5] with 24 numbers')
      .prefault(Array.from({ length: 24 }, () => 1))
      .describe(
        'Arrival-rate multipliers for the 24 hours of the day (≥ 0, positive sum), normalised to mean 1. Default: flat.',
      ),
    weekly: profile(7, 'day, the first day of the horizon first', 'weekly: [1.2, 1.1, 1, 1, 1, 0.8, 0.9] with 7 numbers')
      .prefault(Array.from({ length: 7 }, () => 1))
      .describe(
        'Arrival-rate multipliers for the 7 days of the week, the first day of the horizon first (≥ 0, positive sum), normalised to mean 1. Default: flat.',
      ),
    surges: z
      .array(SurgeSchema)
      .prefault([])
      .describe('One-off demand surges (an outage, a campaign): each multiplies the arrival rate for a while. Default: none.'),
  })
  .describe('Arrivals of first contacts: a non-homogeneous Poisson process with a daily volume shaped by hour and day.');

export const TicketTypeSchema = z.strictObject({
  name: nameSchema('ticket type').describe('Unique name of the type (letters, digits, _ and -), e.g. order_status.'),
  share: probability()
    .optional()
    .describe(
      'Share of contacts of this type (0-1); the shares of all types must sum to 1. May be omitted only when there is a single type (then 1).',
    ),
  // A zero mean would give humans unlimited capacity: no staffing question is left to answer.
  handle_time: timeDist()
    .refine((dist) => distMean(dist) > 0, { error: 'a human handle time must be longer than 0 on average' })
    .describe('Human handle time per contact (distribution or duration, mean > 0). Required.'),
  ai_resolution: probability()
    .prefault(0)
    .describe('Probability the AI resolves a contact of this type (0-1). Default 0: the AI cannot handle it.'),
  ai_handle_time: timeDist()
    .prefault({ dist: 'exponential', mean: '2m' })
    .describe('Length of an AI conversation (distribution or duration). Default exponential with mean 2m.'),
  ai_false_resolution: probability()
    .prefault(0)
    .describe(
      'Probability an AI "resolution" is false: the contact counts as resolved but the customer comes back (0-1). Default 0.',
    ),
  ai_abandon_probability: probability()
    .optional()
    .transform((value) => value ?? null)
    .describe(
      'This type\'s ai.abandon_probability: probability a customer whose problem the AI did not resolve leaves the AI, neither resolved nor handed off (0-1). Default: ai.abandon_probability.',
    ),
  fcr: probability()
    .prefault(1)
    .describe('Human first-contact resolution: probability a human resolves the contact (0-1). Default 1.'),
  sensitive: z
    .boolean()
    .prefault(false)
    .describe(
      'Sensitive type (fraud, complaints, vulnerable customers): with sensitive_to_human the ai-first routing sends it straight to humans, and an AI failure on it costs extra satisfaction and churn. Default false.',
    ),
});

function checkTicketTypes(types: z.output<typeof TicketTypeSchema>[], ctx: z.core.$RefinementCtx<unknown>): void {
  const seen = new Map<string, number>();
  types.forEach((type, i) => {
    const first = seen.get(type.name);
    if (first !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: [i, 'name'],
        message: `duplicate ticket type name \`${type.name}\` (already used by ticket_types.${first})`,
      });
    } else seen.set(type.name, i);
  });
  if (types.length === 1 && types[0].share === undefined) return;
  let missing = false;
  types.forEach((type, i) => {
    if (type.share === undefined) {
      missing = true;
      ctx.addIssue({
        code: 'custom',
        path: [i, 'share'],
        message: `ticket type \`${type.name}\` needs a share`,
        params: { hint: 'with several ticket types each needs its share of contacts; the shares sum to 1' },
      });
    }
  });
  if (missing) return;
  const total = types.reduce((sum, type) => sum + (type.share ?? 0), 0);
  if (Math.abs(total - 1) > 1e-6) {
    ctx.addIssue({
      code: 'custom',
      message: `the shares sum to ${Number(total.toPrecision(10))}, not 1`,
      params: { hint: `shares are fractions of all contacts: ${types.map((t) => `${t.name} ${t.share}`).join(', ')}` },
    });
  }
}

export const TicketTypesSchema = z
  .array(TicketTypeSchema)
  .min(1, { error: 'at least one ticket type is needed' })
  .superRefine(checkTicketTypes)
  .transform((types) => {
    const total = types.reduce((sum, type) => sum + (type.share ?? 1), 0);
    return types.map((type) => ({ ...type, share: (type.share ?? 1) / total }));
  })
  .describe('The mix of contact reasons; each contact draws its type from the shares.');

const ChurnSchema = z
  .strictObject({
    base: probability().prefault(0).describe('Probability a customer churns after an episode that went perfectly (0-1). Default 0.'),
    unresolved: probability()
      .prefault(0)
      .describe('Added to the churn probability when the episode ends unresolved (0-1). Default 0.'),
    per_extra_contact: probability()
      .prefault(0)
      .describe('Added per contact beyond the first (0-1). Default 0.'),
    per_wait_minute: probability()
      .prefault(0)
      .describe('Added per minute of total wait in the episode, for humans and for the AI line (0-1). Default 0.'),
    ai_failed_sensitive: probability()
      .prefault(0)
      .describe('Added when the AI failed a sensitive ticket in the episode, whether a human took over (ai-first) or nobody did (ai) (0-1). Default 0.'),
  })
  .prefault({})
  .describe(
    'Churn probability per episode: base plus the penalties, capped at 1. A churned customer costs lifetime_value. All 0 by default: no churn.',
  );

const CsatSchema = z
  .strictObject({
    resolved_by_human: score()
      .prefault(4.5)
      .describe('Score (1-5) of an episode resolved by a human at its first contact with no wait. Default 4.5.'),
    resolved_by_ai: score()
      .prefault(4.5)
      .describe('Score (1-5) of an episode resolved by the AI at its first contact. Default 4.5.'),
    unresolved: score()
      .prefault(1.5)
      .describe('Score (1-5) of an episode that ends unresolved (given up or abandoned for good). Default 1.5.'),
    per_wait_minute: nonNegative(LIMITS.csat_penalty)
      .prefault(0.1)
      .describe('Points lost per minute of total wait in the episode, for humans and for the AI line (≥ 0). Default 0.1.'),
    per_extra_contact: nonNegative(LIMITS.csat_penalty)
      .prefault(0.5)
      .describe('Points lost per contact beyond the first (≥ 0). Default 0.5.'),
    ai_failed_sensitive: nonNegative(LIMITS.csat_penalty)
      .prefault(0.5)
      .describe('Points lost when the AI failed a sensitive ticket in the episode, whether a human took over (ai-first) or nobody did (ai) (≥ 0). Default 0.5.'),
  })
  .prefault({})
  .describe('Satisfaction per episode (1-5): a base score by outcome minus penalties, kept within 1-5.');

export const CustomersSchema = z
  .strictObject({
    patience: timeDist()
      .nullable()
      .prefault(null)
      .describe(
        'How long a customer waits in the human queue before abandoning (distribution or duration), drawn per contact. Omit or null: nobody abandons.',
      ),
    retry: z
      .strictObject({
        probability: probability()
          .prefault(0)
          .describe('Probability a customer who abandoned the queue tries again (0-1). Default 0: nobody retries.'),
        delay: timeDist()
          .prefault({ dist: 'exponential', mean: '10m' })
          .describe('Time from abandoning to the retry (distribution or duration). Default exponential with mean 10m.'),
      })
      .prefault({})
      .describe('Retries after abandoning the queue.'),
    repeat_delay: timeDist()
      .prefault({ dist: 'exponential', mean: '60m' })
      .describe(
        'Time from an unresolved or falsely resolved contact to the repeat contact (distribution or duration). Default exponential with mean 60m.',
      ),
    repeat_probability: probability()
      .prefault(1)
      .describe(
        'Probability a customer whose contact ended unresolved or falsely resolved comes back (0-1), up to max_contacts. Default 1.',
      ),
    max_contacts: count(1, LIMITS.max_contacts)
      .prefault(3)
      .describe('Contacts an episode may make before the customer gives up for good (whole number ≥ 1). Default 3.'),
    lifetime_value: nonNegative(LIMITS.money)
      .prefault(0)
      .describe('Value lost when a customer churns (currency, ≥ 0). Default 0: churn costs nothing.'),
    churn: ChurnSchema,
    csat: CsatSchema,
  })
  .prefault({})
  .describe('Customer behaviour: patience, retries, repeat contacts, churn and satisfaction.');

/** `auto`: staffsim chooses the level (src/experiment/auto-staffing.ts). */
const AUTO = 'auto';

/**
 * The `auto` alternative to a level. Anything else gets the number's own
 * message (`expected`), with a hint about auto when it was text.
 */
function autoLevel(expected: string) {
  return z.literal(AUTO, {
    error: (issue) => {
      if (typeof issue.input === 'string') withHint(issue, 'or `auto`: the fewest agents meeting service_level.target');
      return `expected ${expected}, got ${describeValue(issue.input)}`;
    },
  });
}

const staffingShape = {
    headcount: z
      .union([count(0, LIMITS.people), autoLevel('a whole number ≥ 0')])
      .optional()
      .describe(
        'Agents on shift at every hour (whole number ≥ 0, before shrinkage), or `auto`: each hour the fewest agents meeting service_level.target for that hour\'s load on humans (Erlang A), grossed up for shrinkage. Give headcount or schedule, not both; neither means 0.',
      ),
    schedule: z
      .array(z.union([nonNegative(LIMITS.people), autoLevel('a number ≥ 0')]))
      .length(24, {
        error: (issue) => {
          const got = Array.isArray(issue.input) ? issue.input.length : 0;
          withHint(issue, 'schedule: [agents on shift 00-01, 01-02, ..., 23-24]');
          return `needs exactly 24 values (agents on shift per hour of the day), got ${got}`;
        },
      })
      .optional()
      .describe(
        'Agents on shift per hour of the day, 24 numbers ≥ 0 (before shrinkage), any of them `auto` (chosen as for headcount: auto). Instead of headcount.',
      ),
    shrinkage: fraction('a share from 0 up to (not including) 1', { below1: true })
      .prefault(0)
      .describe(
        'Share of scheduled time not available for contacts: breaks, training, absence (0 up to, not including, 1). Default 0.',
      ),
    hourly_cost: nonNegative(LIMITS.money)
      .prefault(0)
      .describe('Fully loaded cost per scheduled hour per agent (currency, ≥ 0), paid whether busy or not. Default 0.'),
    ...concurrencyShape(),
};

/**
 * Chat concurrency (docs/model.md, "Concurrency"): the most contacts an agent
 * holds at once, how much each slows down with n held, and how first-contact
 * resolution falls with n. Keys of a group, of `staff.employees` and of the gig pool.
 */
function concurrencyShape() {
  return {
    concurrency: count(1, LIMITS.concurrency)
      .prefault(1)
      .describe(
        `The most contacts an agent holds at once (whole number from 1 to ${formatLimit(LIMITS.concurrency)}): 2 or 3 for chat. A contact goes to the agent with a free slot holding the fewest. Default 1: one contact at a time.`,
      ),
    stretch: z
      .array(limited(expecting(z.number().min(1).max(LIMITS.concurrency), 'a number ≥ 1')))
      .optional()
      .describe(
        'Slow-down with n contacts held, one number per level [s1, ..., sk] (k = concurrency): an agent holding n contacts works on each at speed 1/s_n. s1 is 1, and each is ≥ 1 and ≥ the one before. [1, 1.18, 1.2]: 2 chats give 1.7 times the throughput of one, 3 give 2.5. Default all 1: no slow-down.',
      ),
    fcr_by_concurrency: z
      .array(positive(LIMITS.multiplier))
      .optional()
      .describe(
        "First-contact resolution multiplier by the number of contacts the agent holds once it takes the contact, one number per level [f1, ..., fk] (> 0; the product is capped at probability 1), e.g. [1, 0.98, 0.95]. Default all 1.",
      ),
  };
}

type ConcurrencyInput = { concurrency?: number; stretch?: number[]; fcr_by_concurrency?: number[] };

/** One value per concurrency level, s1 = 1, never falling: the schema's rules for stretch and fcr_by_concurrency. */
function checkConcurrency(value: ConcurrencyInput, ctx: z.core.$RefinementCtx<unknown>): void {
  const k = value.concurrency ?? 1;
  for (const key of ['stretch', 'fcr_by_concurrency'] as const) {
    const levels = value[key];
    if (levels === undefined || levels.length === k) continue;
    ctx.addIssue({
      code: 'custom',
      path: [key],
      message: `needs ${k} value${k === 1 ? '' : 's'}, one per contact held up to concurrency ${k}, got ${levels.length}`,
      ...(levels.length > k ? { params: { hint: `set concurrency: ${levels.length}, or drop values` } } : {}),
    });
    return;
  }
  const stretch = value.stretch;
  // A value out of range has its own message already.
  if (stretch === undefined || !stretch.every((s) => typeof s === 'number' && s >= 1 && s <= LIMITS.concurrency)) return;
  if (stretch[0] !== 1) {
    ctx.addIssue({
      code: 'custom',
      path: ['stretch', 0],
      message: `the first stretch (one contact held) must be 1, got ${describeNumber(stretch[0])}`,
      params: { hint: 'a slower agent on one contact is handle_time_multiplier' },
    });
    return;
  }
  for (let n = 1; n < stretch.length; n++) {
    if (stretch[n] < stretch[n - 1]) {
      ctx.addIssue({
        code: 'custom',
        path: ['stretch', n],
        message: `stretch must not fall as contacts are added: ${describeNumber(stretch[n])} with ${n + 1} held is below ${describeNumber(stretch[n - 1])} with ${n}`,
      });
      return;
    }
  }
}

/** The resolved concurrency: absent for one contact at a time (the counter-based pool). */
function concurrencyOf(value: ConcurrencyInput): { concurrency?: Concurrency } {
  const k = value.concurrency ?? 1;
  if (k === 1) return {};
  return {
    concurrency: {
      slots: k,
      stretch: value.stretch ?? Array.from({ length: k }, () => 1),
      fcr: value.fcr_by_concurrency ?? Array.from({ length: k }, () => 1),
    },
  };
}

function checkStaffing(value: { headcount?: unknown; schedule?: unknown } & ConcurrencyInput, ctx: z.core.$RefinementCtx<unknown>): void {
  if (value.headcount !== undefined && value.schedule !== undefined) {
    ctx.addIssue({
      code: 'custom',
      message: 'give either headcount or schedule, not both',
    });
  }
  checkConcurrency(value, ctx);
}

/** headcount or schedule (with `auto` hours) to 24 levels, auto hours flagged. */
function staffingLevels(value: { headcount?: number | typeof AUTO; schedule?: (number | typeof AUTO)[]; shrinkage: number; hourly_cost: number } & ConcurrencyInput): Employees {
  const levels = value.schedule ?? Array.from({ length: 24 }, () => value.headcount ?? 0);
  // Auto hours stay pure data here (0 in the schedule, flagged in `auto`);
  // runs resolve them to numbers before simulating (types.ts, Employees.auto).
  const auto = levels.some((level) => level === AUTO) ? { auto: levels.map((level) => level === AUTO) } : {};
  return {
    schedule: levels.map((level) => (level === AUTO ? 0 : level)),
    ...auto,
    shrinkage: value.shrinkage,
    hourly_cost: value.hourly_cost,
    ...concurrencyOf(value),
  };
}

const EmployeesObject = z.strictObject(staffingShape).superRefine(checkStaffing);
ALTERNATIVE_KEYS.set(EmployeesObject, [['headcount'], ['schedule']]);

export const EmployeesSchema = EmployeesObject.transform(staffingLevels)
  .prefault({})
  .describe('Employed agents: a flat headcount or an hourly schedule, paid for every scheduled hour. The one-group shorthand for `groups`: a group named `employees` with every skill.');

/** The name `staff.employees` stands for as a group. */
export const EMPLOYEES_GROUP = 'employees';

/**
 * The key path of group `g` as a file writes it: `staff.employees` for the
 * one-group shorthand (one group, every skill), else `staff.groups.NAME`.
 */
export function groupKey(staff: Pick<Staff, 'groups'>, g: number): string {
  const groups = staff.groups;
  return groups.length === 1 && groups[0].skills === null ? 'staff.employees' : `staff.groups.${groups[g].name}`;
}

const SkillObject = z.strictObject({
  priority: count(1, LIMITS.priority)
    .prefault(1)
    .describe('Priority level of this type for the group (whole number ≥ 1; 1 is served first). Default 1.'),
  handle_time_multiplier: positive(LIMITS.multiplier)
    .prefault(1)
    .describe("The group's handle time on this type relative to the type's own (> 0), on top of the group's multiplier. Default 1."),
  fcr_multiplier: positive(LIMITS.multiplier)
    .prefault(1)
    .describe("The group's first-contact resolution on this type relative to the type's fcr (> 0; capped at probability 1). Default 1."),
  overflow_after: duration()
    .prefault(0)
    .describe('A contact of this type becomes eligible for the group only after waiting this long (duration). Default 0.'),
});

const SkillsSchema = expecting(
  z.union([
    z.array(nameSchema('ticket type')).min(1, { error: 'a group needs at least one skill' }),
    z.record(nameSchema('ticket type'), z.union([count(1, LIMITS.priority), SkillObject])),
  ]),
  'a list of ticket types or a mapping from a ticket type to its priority level or {priority, handle_time_multiplier, fcr_multiplier, overflow_after}',
)
  .transform((value) => {
    const entries: [string, unknown][] = Array.isArray(value) ? value.map((name) => [name, 1]) : Object.entries(value);
    return entries.map(([type, skill]) => {
      const detail = typeof skill === 'number' ? { priority: skill } : (skill as z.output<typeof SkillObject>);
      return {
        type,
        priority: detail.priority ?? 1,
        handle_time_multiplier: (detail as { handle_time_multiplier?: number }).handle_time_multiplier ?? 1,
        fcr_multiplier: (detail as { fcr_multiplier?: number }).fcr_multiplier ?? 1,
        overflow_after: (detail as { overflow_after?: number }).overflow_after ?? 0,
      };
    });
  })
  .describe(
    'The ticket types the group serves: a list (all at priority 1) or a mapping type -> priority level (1 first) or {priority, handle_time_multiplier, fcr_multiplier, overflow_after}. Required.',
  );

const GroupObject = z
  .strictObject({
    name: nameSchema('group').describe('The group\'s name, unique among the groups; strategy patches and --set address the group by it. Required.'),
    ...staffingShape,
    handle_time_multiplier: positive(LIMITS.multiplier)
      .prefault(1)
      .describe("The group's handle time relative to each type's own (> 0; 0.9 = 10% faster). Default 1."),
    skills: SkillsSchema,
  })
  .superRefine(checkStaffing);
ALTERNATIVE_KEYS.set(GroupObject, [['headcount'], ['schedule']]);

export const GroupSchema = GroupObject.transform((value): AgentGroup => ({
  name: value.name,
  ...staffingLevels(value),
  handle_time_multiplier: value.handle_time_multiplier,
  skills: value.skills,
})).describe('An agent group: its staffing (headcount, schedule or auto), pay, shrinkage and skills.');

export const GroupsSchema = z
  .array(GroupSchema)
  .min(1, { error: 'groups needs at least one group' })
  .superRefine((groups, ctx) => {
    const seen = new Map<string, number>();
    groups.forEach((group, i) => {
      const first = seen.get(group.name);
      if (first !== undefined) {
        ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `duplicate group name \`${group.name}\` (already used by staff.groups.${first})` });
      } else seen.set(group.name, i);
    });
  })
  .describe('Agent groups with skills (skills-based routing, docs/model.md). Instead of employees, which is the one-group shorthand.');

const TriggerObject = z
  .strictObject({
    wait: duration().optional().describe('Call gig workers when the expected wait in the human queue exceeds this (duration).'),
    queue: count(1, LIMITS.people).optional().describe('Call gig workers when at least this many contacts are waiting (whole number ≥ 1).'),
  })
  .superRefine((value, ctx) => {
    if (value.wait !== undefined && value.queue !== undefined) {
      ctx.addIssue({ code: 'custom', message: 'give either wait or queue, not both' });
    } else if (value.wait === undefined && value.queue === undefined) {
      ctx.addIssue({ code: 'custom', message: 'the trigger needs wait or queue', params: { hint: 'e.g. trigger: {wait: 2m}' } });
    }
  });
ALTERNATIVE_KEYS.set(TriggerObject, [['wait'], ['queue']]);

const PayObject = z
  .strictObject({
    mode: z
      .enum(['hourly', 'per_ticket'])
      .prefault('hourly')
      .describe('`hourly` (paid per logged-in hour, at least min_block per login) or `per_ticket`. Default hourly.'),
    hourly_rate: nonNegative(LIMITS.money).optional().describe('Pay per logged-in hour (currency, ≥ 0), mode hourly. Default 0.'),
    min_block: duration()
      .optional()
      .describe('Minimum paid time per login (duration), mode hourly; a worker stays logged in at least this long. Default 0.'),
    rate: nonNegative(LIMITS.money).optional().describe('Pay per ticket handled (currency, ≥ 0), mode per_ticket. Required for that mode.'),
  })
  .superRefine((value, ctx) => {
    if (value.mode === 'per_ticket') {
      if (value.rate === undefined) {
        ctx.addIssue({ code: 'custom', path: ['rate'], message: 'per_ticket pay needs rate', params: { hint: 'e.g. rate: 1.2' } });
      }
      for (const key of ['hourly_rate', 'min_block'] as const) {
        if (value[key] !== undefined) {
          ctx.addIssue({ code: 'custom', path: [key], message: `${key} applies to mode: hourly, not per_ticket` });
        }
      }
    } else if (value.rate !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['rate'],
        message: 'rate applies to mode: per_ticket',
        params: { hint: 'for hourly pay use hourly_rate' },
      });
    }
  });
ALTERNATIVE_KEYS.set(PayObject, [['hourly_rate', 'min_block'], ['rate']]);

export const GigSchema = z
  .strictObject({
    pool: count(0, LIMITS.people)
      .prefault(0)
      .describe('On-demand (gig) workers who can be called (whole number ≥ 0). Default 0: no gig pool.'),
    trigger: TriggerObject.prefault({ wait: '1m' }).describe(
      'When idle gig workers are called: {wait: duration} (expected wait in the human queue) or {queue: N} (contacts waiting). Default {wait: 1m}.',
    ),
    accept_probability: probability()
      .prefault(1)
      .describe('Probability a called gig worker accepts (0-1). Default 1.'),
    login_delay: timeDist()
      .prefault(0)
      .describe('Time from accepting to taking contacts (distribution or duration). Default 0.'),
    pay: PayObject.prefault({}).describe(
      'Gig pay: {mode: hourly, hourly_rate, min_block} or {mode: per_ticket, rate}. Default hourly at 0.',
    ),
    idle_timeout: duration()
      .prefault('10m')
      .describe('A gig worker with no contact for this long logs off, once the paid block is over (duration). Default 10m.'),
    handle_time_multiplier: positive(LIMITS.multiplier)
      .prefault(1)
      .describe('Gig handle time relative to employees (> 0; 1.2 = 20% slower). Default 1.'),
    resolution_multiplier: positive(LIMITS.multiplier)
      .prefault(1)
      .describe('Gig first-contact resolution relative to employees (> 0; capped at probability 1). Default 1.'),
    max_active: count(0, LIMITS.people)
      .optional()
      .describe('Most gig workers logged in at once (whole number ≥ 0). Default: the pool; values above the pool are capped at it.'),
    skills: z
      .array(nameSchema('ticket type'))
      .min(1, { error: 'gig skills needs at least one ticket type' })
      .optional()
      .describe('The ticket types gig workers serve, all at one level, after every employee group. Default: every type.'),
    ...concurrencyShape(),
  })
  .superRefine(checkConcurrency)
  .transform((value) => ({
    pool: value.pool,
    trigger_wait: value.trigger.wait ?? null,
    trigger_queue: value.trigger.queue ?? null,
    accept_probability: value.accept_probability,
    login_delay: value.login_delay,
    pay:
      value.pay.mode === 'per_ticket'
        ? { mode: 'per_ticket' as const, hourly_rate: 0, min_block: 0, per_ticket: value.pay.rate ?? 0 }
        : { mode: 'hourly' as const, hourly_rate: value.pay.hourly_rate ?? 0, min_block: value.pay.min_block ?? 0, per_ticket: 0 },
    idle_timeout: value.idle_timeout,
    handle_time_multiplier: value.handle_time_multiplier,
    resolution_multiplier: value.resolution_multiplier,
    max_active: Math.min(value.max_active ?? value.pool, value.pool),
    skills: value.skills ?? null,
    ...concurrencyOf(value),
  }))
  .prefault({})
  .describe('An on-demand pool of remote human agents called when the queue builds up, paid per hour or per ticket.');

const StaffObject = z
  .strictObject({
    employees: EmployeesSchema,
    groups: GroupsSchema.optional(),
    gig: GigSchema,
  })
  .superRefine((value, ctx) => {
    // `employees` always has its default: only a written one conflicts.
    if (value.groups !== undefined && value.employees.schedule.some((level, hour) => level > 0 || value.employees.auto?.[hour] === true)) {
      ctx.addIssue({ code: 'custom', path: ['employees'], message: 'give either employees or groups, not both', params: { hint: 'employees is the one-group shorthand: move it into groups' } });
    }
  });
ALTERNATIVE_KEYS.set(StaffObject, [['employees'], ['groups']]);

export const StaffSchema = StaffObject
  .transform((value): Staff => ({
    // staff.employees is one group named `employees` with every skill (skills: null).
    groups: value.groups ?? [{ name: EMPLOYEES_GROUP, ...value.employees, handle_time_multiplier: 1, skills: null }],
    gig: value.gig,
  }))
  .prefault({})
  .describe('Human capacity: employees and an optional gig pool. Default: nobody.');

const AiAssistSchema = z
  .strictObject({
    handle_time_multiplier: positive(LIMITS.multiplier)
      .prefault(1)
      .describe('An assisted human\'s handle time relative to the unassisted one (> 0; 0.88 = 12% faster), on top of the group\'s and skill\'s multipliers. Default 1.'),
    fcr_multiplier: positive(LIMITS.multiplier)
      .prefault(1)
      .describe('An assisted human\'s first-contact resolution relative to the unassisted one (> 0; capped at probability 1). Default 1.'),
    cost_per_contact: nonNegative(LIMITS.money)
      .prefault(0)
      .describe('Cost of the assistance per contact a human answers with it (currency, ≥ 0). Default 0.'),
  })
  .prefault({})
  .describe('AI assistance for human agents (employees and gig workers), in force under strategies with ai_assist: true.');

export const AiSchema = z
  .strictObject({
    cost_per_conversation: nonNegative(LIMITS.money)
      .prefault(0)
      .describe('Cost of each AI conversation, resolved or not (currency, ≥ 0). Default 0.'),
    cost_per_resolution: nonNegative(LIMITS.money)
      .prefault(0)
      .describe('Cost of each contact the AI closes without a human, as per-resolution products price it (false resolutions included: the platform counted them; currency, ≥ 0). On top of cost_per_conversation. Default 0.'),
    platform_cost_per_day: nonNegative(LIMITS.money)
      .prefault(0)
      .describe('Fixed AI platform cost per day: licences, integration, oversight (currency, ≥ 0). Default 0.'),
    handoff: timeDist()
      .prefault(0)
      .describe('Time to hand a contact from the AI to the human queue (distribution or duration). Default 0.'),
    ask_for_human: probability()
      .prefault(0)
      .describe('Probability a customer asks for a person after an AI resolution attempt, ai-first only (0-1). Default 0.'),
    concurrency: expecting(z.number().int().positive().max(LIMITS.people), 'a whole number ≥ 1, or null for unlimited')
      .nullable()
      .prefault(null)
      .describe('Most simultaneous AI conversations (whole number ≥ 1); omit or null for unlimited. Default unlimited.'),
    abandon_probability: probability()
      .prefault(0)
      .describe(
        'Probability a customer whose problem the AI did not resolve leaves the AI, neither resolved nor handed off: the contact ends unresolved and the customer may come back (repeat_probability) (0-1); ticket_types[].ai_abandon_probability overrides it per type. Default 0.',
      ),
    assist: AiAssistSchema,
  })
  .prefault({})
  .describe('The AI assistant: its costs, the handoff to humans and an optional concurrency cap.');

export const TransitionSchema = z
  .strictObject({
    baseline_payroll_headcount: nonNegative(LIMITS.people)
      .prefault(0)
      .describe('People on the payroll today, before the change (people, not agents on shift: an agent on shift around the clock takes people_per_seat people; ≥ 0). A strategy needing fewer (its mean on-shift level times people_per_seat) pays severance, one needing more pays hiring and training; today\'s strategy should need exactly this many (a warning says when the baseline strategy does not). Default 0: no transition costed.'),
    people_per_seat: positive(LIMITS.multiplier)
      .prefault(168 / 40)
      .describe('People on the payroll per agent on shift around the clock (> 0). Default 4.2: 168 hours a week over a 40-hour week.'),
    severance_per_head: nonNegative(LIMITS.money)
      .prefault(0)
      .describe('One-off cost per employee let go below baseline_payroll_headcount (currency, ≥ 0). Default 0.'),
    hiring_per_head: nonNegative(LIMITS.money)
      .prefault(0)
      .describe('One-off cost per employee hired above baseline_payroll_headcount (currency, ≥ 0). Default 0.'),
    training_per_head: nonNegative(LIMITS.money)
      .prefault(0)
      .describe('One-off training cost per employee hired above baseline_payroll_headcount (currency, ≥ 0). Default 0.'),
  })
  .prefault({})
  .describe('One-off costs of moving from today\'s payroll (baseline_payroll_headcount) to a strategy\'s: severance, hiring and training. All 0 by default.');

/**
 * Keys that were renamed: the old name is an error whose hint gives the new
 * one and why, instead of a plain "unknown key".
 */
const RENAMED_KEYS: ReadonlyMap<string, string> = new Map([
  [
    'baseline_headcount',
    '`baseline_headcount` is now `baseline_payroll_headcount`: people on the payroll today, not agents on shift (agents on shift on average × people_per_seat, 4.2 by default)',
  ],
]);

/** The hint for a key that was renamed, or undefined. */
export function renamedKeyHint(key: string): string | undefined {
  return RENAMED_KEYS.get(key);
}

// ---------------------------------------------------------------------------
// The file.

const ROUTINGS = ['human', 'ai', 'ai-first'] as const satisfies readonly Routing[];

const baseShape = {
  name: z
    .string()
    .min(1, { error: 'the scenario name must not be empty' })
    .describe('Name of the scenario, shown in reports. Required.'),
  description: z.string().prefault('').describe('Free text describing the scenario. Default empty.'),
  seed: expecting(z.number().int().min(0).max(2 ** 32 - 1), 'a whole number from 0 to 4294967295')
    .prefault(1)
    .describe('Random seed (whole number ≥ 0); the same seed gives the same results. Default 1.'),
  horizon: duration({ positive: true }).describe('Simulated time per replication, warm-up included (duration, > warmup). Required.'),
  warmup: duration()
    .prefault(0)
    .describe('Initial period left out of the statistics while queues fill up (duration, < horizon). Default 0.'),
  replications: count(1, LIMITS.replications)
    .prefault(10)
    .describe('Independent runs per strategy, for confidence intervals (whole number ≥ 1). Default 10.'),
  service_level: ServiceLevelSchema,
  demand: DemandSchema,
  ticket_types: TicketTypesSchema,
  customers: CustomersSchema,
  staff: StaffSchema,
  ai: AiSchema,
  transition: TransitionSchema,
};

type BaseOutput = z.output<z.ZodObject<typeof baseShape>>;

function checkTopLevel(value: BaseOutput, ctx: z.core.$RefinementCtx<unknown>): void {
  checkSkills(value, ctx);
  // A horizon of 0 has its own message ("must be longer than 0"): one message per mistake.
  if (value.horizon > 0 && value.horizon <= value.warmup) {
    ctx.addIssue({
      code: 'custom',
      path: ['horizon'],
      message: `horizon (${formatMinutes(value.horizon)}) must be longer than warmup (${formatMinutes(value.warmup)})`,
    });
  }
}

/** Every skill, of a group or of the gig pool, names a ticket type. */
function checkSkills(value: BaseOutput, ctx: z.core.$RefinementCtx<unknown>): void {
  // Runs even when a section has its own issues: then that section is not in its output form, and there is nothing to cross-check.
  if (!Array.isArray(value.ticket_types) || !Array.isArray(value.staff?.groups) || value.staff.gig === undefined) return;
  const names = value.ticket_types.map((t) => t.name);
  const unknown = (type: string, path: (string | number)[]) =>
    ctx.addIssue({ code: 'custom', path, message: `no ticket type named \`${type}\``, params: { hint: didYouMean(type, names, 'ticket types') } });
  value.staff.groups.forEach((group, i) => {
    if (!Array.isArray(group.skills)) return;
    for (const skill of group.skills) {
      if (typeof skill?.type === 'string' && !names.includes(skill.type)) unknown(skill.type, ['staff', 'groups', i, 'skills', skill.type]);
    }
  });
  const gigSkills = value.staff.gig.skills;
  if (!Array.isArray(gigSkills)) return;
  gigSkills.forEach((type, k) => {
    if (typeof type === 'string' && !names.includes(type)) unknown(type, ['staff', 'gig', 'skills', k]);
  });
}

/** The base of a scenario: everything but the strategies. */
export const BaseSchema = z.strictObject(baseShape).superRefine(checkTopLevel);

// ---------------------------------------------------------------------------
// Strategy patches: derived from the sections above, every key optional,
// no defaults (a patch only changes what it names).

function copyMeta<T extends z.ZodType>(from: z.ZodType, to: T): T {
  const meta = z.globalRegistry.get(from);
  const description = descriptionOf(from);
  const merged = { ...(meta ?? {}), ...(description ? { description } : {}) };
  return Object.keys(merged).length > 0 ? (to.meta(merged) as T) : to;
}

function stripDefaults(schema: z.ZodType): z.ZodType {
  let s = schema;
  for (;;) {
    const def = defOf(s);
    if ((def.type === 'prefault' || def.type === 'default' || def.type === 'optional') && def.innerType) s = def.innerType;
    else break;
  }
  return s === schema ? schema : copyMeta(schema, s);
}

/** The patch form of a section: objects become all-optional strict objects; other values are replaced whole. */
export function patchOf(schema: z.ZodType): z.ZodType {
  const inner = unwrap(schema);
  const def = defOf(inner);
  if (def.type === 'object' && def.shape) {
    const shape: Record<string, z.ZodType> = {};
    for (const [key, field] of Object.entries(def.shape)) shape[key] = patchOf(field).optional();
    // copyMeta returns a new schema: the groups go on that one, which is the one callers walk.
    const patch = copyMeta(schema, z.strictObject(shape));
    const groups = ALTERNATIVE_KEYS.get(inner);
    if (groups) ALTERNATIVE_KEYS.set(patch, groups);
    return patch;
  }
  return stripDefaults(schema);
}

/**
 * A schema built the first time a parse or a walk reaches it, not when this
 * module loads. The strategy patches, sweep, optimize and plan are about a
 * third of the schema's zod nodes, and a file that does not use them (most
 * files `validate` and `run` read) never builds them (docs/performance.md,
 * "Start-up: the schema built on first use"). zod's `optional()` reads its
 * inner schema's `optin` even for a missing value, and a lazy schema's
 * `optin` builds it; every schema built here has no default at its top
 * (`optin` undefined: a test holds it), so that is pinned.
 */
function onFirstUse<T extends z.ZodType>(build: () => T): z.ZodLazy<T> {
  // Built once: zod caches the inner schema for parsing, but its JSON Schema walk calls the getter itself.
  let built: T | undefined;
  const lazy = z.lazy(() => (built ??= build()));
  Object.defineProperty(lazy._zod, 'optin', { value: undefined });
  return lazy;
}

function ticketTypesPatch() {
  const TicketTypePatchSchema = (patchOf(TicketTypeSchema) as z.ZodObject).omit({ name: true });
  return expecting(
    z.union([
      TicketTypesSchema,
      z.record(nameSchema('ticket type'), TicketTypePatchSchema).describe(
        'Changes to existing ticket types by name, e.g. {billing: {ai_resolution: 0.9}}.',
      ),
    ]),
    'a list of ticket types (replacing the base list) or a mapping from a type name to its changes',
  ).describe(
    'A list replaces the base ticket types; a mapping from an existing type name to changes patches that type, e.g. {billing: {ai_resolution: 0.9}}.',
  );
}

function staffPatch() {
  const GroupPatchSchema = (patchOf(GroupSchema) as z.ZodObject).omit({ name: true });
  ALTERNATIVE_KEYS.set(GroupPatchSchema, [['headcount'], ['schedule']]);

  const GroupsPatchSchema = expecting(
    z.union([
      patchOf(GroupsSchema),
      z.record(nameSchema('group'), GroupPatchSchema).describe('Changes to existing groups by name, e.g. {specialists: {headcount: 30}}.'),
    ]),
    'a list of groups (replacing the base list) or a mapping from a group name to its changes',
  ).describe(
    'A list replaces the base groups; a mapping from an existing group name to changes patches that group, e.g. {specialists: {headcount: 30}}.',
  );

  const StaffPatchSchema = (patchOf(StaffSchema) as z.ZodObject).extend({ groups: GroupsPatchSchema.optional() });
  ALTERNATIVE_KEYS.set(StaffPatchSchema, [['employees'], ['groups']]);
  return StaffPatchSchema;
}

const sectionPatch = (schema: z.ZodType, key: string) =>
  onFirstUse(() => patchOf(schema))
    .optional()
    .describe(`Changes to the base \`${key}\` section, merged key by key (lists and distributions are replaced whole).`);

export const StrategySchema = z
  .strictObject({
    routing: z
      .enum(ROUTINGS)
      .describe(
        'How contacts flow: `human` (straight to the human queue), `ai` (the AI only; what it cannot resolve ends unresolved) or `ai-first` (the AI first, humans behind it). Required.',
      ),
    sensitive_to_human: z
      .boolean()
      .prefault(false)
      .describe('ai-first only: sensitive ticket types skip the AI and go straight to humans. Default false.'),
    handoff_priority: z
      .boolean()
      .prefault(false)
      .describe('ai-first only: contacts handed off by the AI are served before fresh ones. Default false.'),
    ai_assist: z
      .boolean()
      .prefault(false)
      .describe('Human agents work with AI assistance (ai.assist: handle-time and resolution multipliers, a price per assisted contact); routing human or ai-first. Default false.'),
    description: z.string().prefault('').describe('Free text describing the strategy. Default empty.'),
    service_level: sectionPatch(ServiceLevelSchema, 'service_level'),
    demand: sectionPatch(DemandSchema, 'demand'),
    ticket_types: onFirstUse(ticketTypesPatch).optional(),
    customers: sectionPatch(CustomersSchema, 'customers'),
    staff: onFirstUse(staffPatch).optional().describe('Changes to the base `staff` section, merged key by key; groups are patched by name ({groups: {specialists: {headcount: 30}}}) or replaced by a list.'),
    ai: sectionPatch(AiSchema, 'ai'),
    transition: sectionPatch(TransitionSchema, 'transition'),
  })
  .superRefine((value, ctx) => {
    if (value.ai_assist && value.routing === 'ai') {
      ctx.addIssue({
        code: 'custom',
        path: ['ai_assist'],
        message: 'ai_assist assists human agents, but routing: ai sends nothing to people',
        params: { hint: 'use routing: human or ai-first, or remove ai_assist' },
      });
    }
    if (value.routing === 'ai-first') return;
    for (const key of ['sensitive_to_human', 'handoff_priority'] as const) {
      if (value[key]) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `${key} applies to routing: ai-first only (this strategy routes \`${value.routing}\`)`,
        });
      }
    }
  })
  .describe('A strategy: its routing plus a patch of any base sections it changes.');

/** Keys of a strategy that are not patches of the base. */
export const STRATEGY_CONTROL_KEYS = ['routing', 'sensitive_to_human', 'handoff_priority', 'ai_assist', 'description'] as const;

/** Sections a strategy may patch. */
export const PATCHABLE_KEYS = ['service_level', 'demand', 'ticket_types', 'customers', 'staff', 'ai', 'transition'] as const;

export const StrategyNameSchema = nameSchema('strategy');

export const StrategiesSchema = z
  .record(StrategyNameSchema, StrategySchema)
  .refine((strategies) => Object.keys(strategies).length > 0, { error: 'at least one strategy is needed' })
  .describe(
    'The strategies to compare, in file order: a name (e.g. all-human, hybrid) mapped to a routing and a patch of the base file. Required, at least one.',
  );

// ---------------------------------------------------------------------------
// Sweeps: the keys `staffsim sweep` varies when the command line names none.
// Only the shape is checked here; each key path and value is checked when a
// point applies it as a `--set` override, with the same messages.

const SWEEP_NUMBER = String.raw`[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?`;

/** A range `start:end:step` (end included), e.g. `0.3:0.9:0.1`; groups 1-3 are the three numbers. */
export const SWEEP_RANGE_RE = new RegExp(`^\\s*(${SWEEP_NUMBER})\\s*:\\s*(${SWEEP_NUMBER})\\s*:\\s*(${SWEEP_NUMBER})\\s*$`);

function sweepObject() {
  const SweepRangeSchema = z
    .strictObject({
      from: z.number().describe('First value. Required.'),
      to: z.number().describe('Last value, included when it is a whole number of steps from `from`. Required.'),
      step: z
        .number()
        .refine((step) => step !== 0, { error: 'the step must not be 0' })
        .describe('Distance between values (not 0; negative to count down). Required.'),
    })
    .describe('A range of numbers, end included: {from: 0.3, to: 0.9, step: 0.1}.');

  const SweepValuesSchema = expecting(
    z.union([
      z.array(z.unknown()).min(1).describe('The values, each written as in the file (numbers, durations, mappings...).'),
      z
        .string()
        .regex(SWEEP_RANGE_RE)
        .describe('A range start:end:step, end included, e.g. 0.3:0.9:0.1.'),
      SweepRangeSchema,
    ]),
    'a list of values, a range start:end:step (e.g. 0.3:0.9:0.1) or {from, to, step}',
  );

  return z.strictObject({
    combine: z
      .enum(['cross', 'zip'])
      .prefault('cross')
      .describe(
        '`cross`: every combination of the values, the first key varying slowest; `zip`: the i-th values of every key together (all keys need as many values). Default cross.',
      ),
    seeds: z
      .enum(['common', 'independent'])
      .prefault('common')
      .describe(
        '`common`: every point runs with the scenario\'s seed, so points differ only by their values (common random numbers); `independent`: each point a seed derived from the scenario\'s seed and its values (as --independent-seeds). Default common.',
      ),
    vary: z
      .record(z.string().min(1), SweepValuesSchema)
      .refine((vary) => Object.keys(vary).length > 0, { error: 'name at least one key to vary' })
      .describe(
        'Key path (as for --set, e.g. ticket_types.0.ai_resolution) mapped to its values: a list, a range start:end:step (end included) or {from, to, step}. Required.',
      ),
  });
}

export const SweepSchema = onFirstUse(sweepObject)
  .optional()
  .describe(
    'What `staffsim sweep` varies when no --vary is given: each point of the sweep applies its values as --set overrides. Ignored by `staffsim run`. Default: no sweep.',
  );

export type SweepSection = z.output<typeof SweepSchema>;

// ---------------------------------------------------------------------------
// Optimisation: what `staffsim optimize` decides when the command line names
// nothing. Only the shape is checked here; decisions are applied as `--set`
// overrides and constraints parsed when the command runs, with its messages.

function optimizeObject() {
  return z.strictObject({
    strategy: z.string().min(1).optional().describe('The strategy whose configuration is decided. Required unless --strategy is given.'),
    minimize: z.string().min(1).optional().describe('The cost KPI to minimise. Default cost_total.'),
    constraints: z
      .array(z.string().min(1))
      .optional()
      .describe(
        "Constraints each candidate must meet with 95% one-sided confidence, written 'kpi >= number' or 'kpi <= number'; 'kpi.type >= number' constrains one ticket type's by_type KPI (e.g. 'service_level.disputes >= 0.8'). Default none.",
      ),
    decide: z
      .record(z.string().min(1), z.union([z.string().min(1), z.array(z.unknown()).min(2)]))
      .optional()
      .describe(
        'Key path of the strategy (as in its patch, e.g. staff.employees.headcount) mapped to its range lo:hi (integers: whole numbers; with a decimal point: real numbers) or a list of choices. Required unless --decide is given.',
      ),
    budget: z.number().int().min(1).optional().describe('Most candidates simulated. Default 60.'),
    time_limit: durationWithUnit()
      .refine((minutes) => minutes > 0, { error: 'the time limit must be above 0, e.g. 10m or 1.5h' })
      .optional()
      .describe('Wall-clock time after which no new simulations start and the best so far is reported (a duration with its unit, e.g. 10m, 1.5h). Default none.'),
  });
}

export const OptimizeSchema = onFirstUse(optimizeObject)
  .optional()
  .describe('What `staffsim optimize` decides when the command line does not say: flags given take the place of these fields. Ignored by `staffsim run`. Default: none.');

export type OptimizeSection = NonNullable<z.output<typeof OptimizeSchema>>;

// Plans: what `staffsim plan` steps through month by month (docs/plan.md).
// The shape and the references (strategy names, key paths, conditions) are
// checked here; each month's values are applied as `--set` overrides.

/** Why `key` (dotted, as for --set below `strategies.NAME`) is not a strategy's key; null when it is. */
export function strategyKeyProblem(key: string): string | null {
  const segments = key.split('.');
  if (segments.some((k) => k.trim() === '')) return `\`${key}\` has an empty segment`;
  if (!(PATCHABLE_KEYS as readonly string[]).includes(segments[0])) {
    return `\`${segments[0]}\` is not a section a strategy patches (${didYouMean(segments[0], PATCHABLE_KEYS, 'the sections are')})`;
  }
  let schema: z.ZodType = StrategySchema;
  for (let i = 0; i < segments.length; i++) {
    const step = childOf(schema, segments[i]);
    if (!step.ok) {
      const where = i === 0 ? 'a strategy' : `\`${segments.slice(0, i).join('.')}\``;
      if (step.reason === 'unknown-key') return `\`${segments[i]}\` is not a key of ${where} (${didYouMean(segments[i], step.validKeys)})`;
      return `${where} has no key \`${segments[i]}\``;
    }
    schema = step.schema;
  }
  return null;
}

function planObject() {
  const MonthSchema = expecting(
    z.string().regex(MONTH_RE, { error: (issue) => `\`${String(issue.input)}\` is not a month: write YYYY-MM, e.g. 2024-01` }),
    'a month as YYYY-MM (e.g. 2024-01)',
  );
  const monthKeyed = <T extends z.ZodType>(value: T) => z.record(MonthSchema, value);

  const MONTHS_RE = /^\s*([0-9]+)\s*mo\s*$/;
  const LeadTimeSchema = expecting(
    z.union([
      z.number().int().min(0).max(120),
      z.string().regex(MONTHS_RE, { error: (issue) => `\`${String(issue.input)}\` is not a number of months: write whole months, e.g. 2 or 2mo` }),
    ]),
    'a whole number of months from 0 to 120 (e.g. 2 or 2mo)',
  )
    .transform((value) => (typeof value === 'number' ? value : Number(MONTHS_RE.exec(value)![1])))
    .refine((months) => months <= 120, { error: 'must be at most 120 months' });

  const RULE_CHANGE_RE = /^\s*[+-]\s*(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)\s*%?\s*$/;

  const RuleSchema = z.strictObject({
    when: z
      .string()
      .superRefine((text, ctx) => {
        try {
          parseCondition(text);
        } catch (error) {
          if (!(error instanceof ConditionError)) throw error;
          ctx.addIssue({ code: 'custom', message: error.message, hint: 'e.g. csat < 4.0, or service_level < 0.8 and csat < 4.2' } as never);
        }
      })
      .describe('The condition, checked on the month just simulated: a figure (docs/plan.md), a comparison (<, <=, >, >=, ==, !=) and a number, joined by `and` / `or`. Required.'),
    change: z
      .record(z.string().min(1), expecting(z.union([z.number(), z.string().regex(RULE_CHANGE_RE)]), 'a number, or a change such as +10%, -5% or +20'))
      .superRefine((change, ctx) => {
        for (const key of Object.keys(change)) {
          const problem = strategyKeyProblem(key);
          if (problem) ctx.addIssue({ code: 'custom', path: [key], message: problem });
        }
      })
      .refine((change) => Object.keys(change).length > 0, { error: 'name at least one key to change' })
      .describe('What changes from the next month on, for the rest of the plan: a strategy key path (as for --set below strategies.NAME, e.g. staff.employees.headcount) mapped to a value, or to a relative change (+10%, -5%: of the value the month would have; +20, -20: added). Each month the condition holds applies it again. Required.'),
    from: MonthSchema.optional().describe('The first month the rule is checked on. Default: the plan\'s start.'),
  });

  const MonthStepSchema = z
    .record(z.string().min(1), z.unknown())
    .superRefine((step, ctx) => {
      for (const key of Object.keys(step)) {
        if (key === 'strategy') {
          if (typeof step.strategy !== 'string') ctx.addIssue({ code: 'custom', path: [key], message: `expected a strategy name, got ${describeValue(step.strategy)}` });
          continue;
        }
        const problem = strategyKeyProblem(key);
        if (problem) ctx.addIssue({ code: 'custom', path: [key], message: problem });
      }
    });

  const PlanStrategySchema = z
    .strictObject({
      description: z.string().prefault('').describe('Free text. Default empty.'),
      strategy: StrategyNameSchema.optional().describe('The scenario strategy this plan strategy runs (its routing and patch). Default: the strategy of the same name.'),
      by_month: monthKeyed(MonthStepSchema)
        .prefault({})
        .describe('Changes from a month on (they hold until a later month changes them again): `strategy: NAME` switches to another scenario strategy, and strategy key paths (as for --set below strategies.NAME, e.g. staff.employees.headcount: 300) set values. Default: none.'),
      rules: z.array(RuleSchema).prefault([]).describe('Rules: when a condition holds on a month, change keys from the next month on. Default: none.'),
    })
    .describe('A plan strategy: a scenario strategy, and how its staffing moves month by month.');

  const LearningCurveSchema = z.strictObject({
    start: probability().describe('AI resolution in the plan\'s first month (share-weighted over ticket types). Required.'),
    limit: probability().describe('What it tends to. Required.'),
    half_life: z.number().positive().max(1200).describe('Months for half the gap between start and limit to close (> 0). Required.'),
  });

  return z.strictObject({
    start: MonthSchema.describe('The first month, YYYY-MM. Required.'),
    months: count(1, 120).describe('Months to plan (1 to 120); --months overrides it. Required.'),
    stretch: z
      .strictObject({
        days: count(1, 31).prefault(2).describe('Days simulated for each month, after the warm-up (whole number 1 to 31). Default 2.'),
        warmup: duration().prefault('1h').describe('Warm-up before them (duration). Default 1h.'),
      })
      .prefault({})
      .describe('The representative stretch each month is simulated over and scaled from (docs/plan.md).'),
    customers: z
      .strictObject({
        base: nonNegative(1e10).describe('Customers at the start of the first month (≥ 0). Required.'),
        acquisition_per_month: nonNegative(1e9).prefault(0).describe('New customers joining at the end of each month (≥ 0). Default 0.'),
        contacts_per_customer_month: positive(1000).describe('First contacts a customer makes in a month (> 0): the month\'s demand.contacts_per_day is base × this / days in the month. Required.'),
      })
      .describe('The customer base: who contacts, who leaves, who joins.'),
    ai: z
      .strictObject({
        resolution_by_month: monthKeyed(probability())
          .optional()
          .describe('AI resolution (the ticket types\' share-weighted ai_resolution) by month, interpolated linearly between the months given and held before the first and after the last. Each type\'s ai_resolution is scaled by the same factor (at most 1).'),
        learning_curve: LearningCurveSchema.optional().describe('Instead of resolution_by_month: start + (limit - start) × (1 - 0.5^(months since start / half_life)).'),
      })
      .refine((ai) => !(ai.resolution_by_month && ai.learning_curve), { error: 'give resolution_by_month or learning_curve, not both' })
      .prefault({})
      .describe('How the AI\'s resolution moves. Default: as the scenario has it, every month.'),
    workforce: z
      .strictObject({
        attrition_per_month: probability().prefault(0).describe('Share of employees leaving on their own each month (0 to 1). Default 0.'),
        hiring_lead_time: LeadTimeSchema.prefault(0).describe('Months from a hiring decision to the hire working (whole months, e.g. 2 or 2mo). Default 0.'),
        training_cost_per_hire: nonNegative(LIMITS.money).optional().describe('Training cost per hire, paid when the hire starts. Default: transition.training_per_head.'),
        living_wage_per_month: nonNegative(LIMITS.money).optional().describe('The monthly earnings an on-demand worker needs to live on: the plan counts active workers who earned less. Default: none (the count is 0).'),
      })
      .prefault({})
      .describe('Employees leaving, hiring delays and costs, and the on-demand workers\' threshold.'),
    discount_rate: fraction('a rate between 0 and 1 a year').prefault(0).describe('Yearly discount rate for present values (0 to 1). Default 0.'),
    baseline: StrategyNameSchema.optional().describe('The plan strategy the others are compared against (payback, savings). Default: the first.'),
    strategies: z
      .record(StrategyNameSchema, PlanStrategySchema)
      .refine((strategies) => Object.keys(strategies).length > 0, { error: 'at least one plan strategy is needed' })
      .describe('The plan strategies, in file order. Required, at least one.'),
  });
}

export const PlanSchema = onFirstUse(planObject)
  .optional()
  .describe('What `staffsim plan` steps through month by month: the customer base, the AI\'s learning, the workforce and each strategy\'s staffing and rules (docs/plan.md). Ignored by `staffsim run`. Default: no plan.');

export type PlanSection = z.output<typeof PlanSchema>;

/** Plan references to the file's strategies and months: a plan strategy runs a strategy the file has. */
function checkPlan(value: { strategies: Record<string, unknown>; plan?: PlanSection }, ctx: z.core.$RefinementCtx<unknown>): void {
  const plan = value.plan;
  // Refinements run on a section with issues of its own too: a bad month is already reported.
  if (!plan || typeof plan.start !== 'string' || !MONTH_RE.test(plan.start) || !isPlainObject(plan.strategies)) return;
  if (!isPlainObject(value.strategies)) return;
  const known = Object.keys(value.strategies);
  const refer = (name: unknown, path: PropertyKey[]) => {
    if (typeof name === 'string' && !known.includes(name)) {
      ctx.addIssue({ code: 'custom', path, message: `unknown strategy \`${name}\``, hint: didYouMean(name, known, 'the scenario has') } as never);
    }
  };
  const start = monthOrdinal(plan.start);
  for (const [name, s] of Object.entries(plan.strategies)) {
    // The first month needs a strategy: its own `strategy`, a by_month step from the start, or the scenario strategy of its name.
    if (!isPlainObject(s)) continue;
    const steps = isPlainObject(s.by_month) ? Object.entries(s.by_month) : [];
    const opening = steps.some(([month, step]) => MONTH_RE.test(month) && monthOrdinal(month) <= start && isPlainObject(step) && step.strategy !== undefined);
    if (s.strategy !== undefined) refer(s.strategy, ['plan', 'strategies', name, 'strategy']);
    else if (!opening && !known.includes(name)) {
      ctx.addIssue({
        code: 'custom',
        path: ['plan', 'strategies', name],
        message: `\`${name}\` is not a strategy of the scenario, and no strategy is given for the first month`,
        hint: `${didYouMean(name, known, 'the scenario has')}; or give it strategy: NAME, or by_month: { ${plan.start}: { strategy: NAME } }`,
      } as never);
    }
    for (const [month, step] of steps) if (isPlainObject(step)) refer(step.strategy, ['plan', 'strategies', name, 'by_month', month, 'strategy']);
  }
  if (plan.baseline !== undefined && !Object.hasOwn(plan.strategies, plan.baseline)) {
    ctx.addIssue({ code: 'custom', path: ['plan', 'baseline'], message: `unknown plan strategy \`${plan.baseline}\``, hint: didYouMean(plan.baseline, Object.keys(plan.strategies), 'the plan has') } as never);
  }
}

/** The whole file, as written: the source of the JSON Schema and the docs. */
export const ScenarioFileSchema = z
  .strictObject({ ...baseShape, strategies: StrategiesSchema, sweep: SweepSchema, optimize: OptimizeSchema, plan: PlanSchema })
  .superRefine(checkTopLevel)
  .superRefine(checkPlan)
  .meta({
    title: 'staffsim scenario',
    description:
      'A staffsim scenario: demand, ticket types, customers, staff, AI and the strategies to compare. Durations are numbers of minutes or strings with a unit (30s, 5m, 2h, 14d); service_level.answer_within needs its unit.',
  });

export type ScenarioFileInput = z.input<typeof ScenarioFileSchema>;
export type StrategyOutput = z.output<typeof StrategySchema>;

// ---------------------------------------------------------------------------
// Compile-time checks: the schema's output is the resolved Scenario of types.ts.

type Expect<T extends true> = T;
type Assignable<A, B> = [A] extends [B] ? true : false;
type SameKeys<A, B> = [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : false) : false;
type ScenarioBase = Omit<Scenario, 'strategies'>;
type StrategyPart = Pick<StrategyScenario, 'routing' | 'sensitive_to_human' | 'handoff_priority' | 'ai_assist'>;

export type _BaseMatchesScenario = Expect<Assignable<BaseOutput, ScenarioBase>>;
export type _BaseHasScenarioKeys = Expect<SameKeys<BaseOutput, ScenarioBase>>;
export type _StrategyMatches = Expect<Assignable<Pick<StrategyOutput, keyof StrategyPart>, StrategyPart>>;
export type _StrategyCoversSections = Expect<
  Assignable<Omit<StrategyScenario, keyof StrategyPart | 'name' | 'description'>, Omit<BaseOutput, 'name' | 'description'>>
>;

// ---------------------------------------------------------------------------
// Messages for zod's own issues, written for analysts.

const TYPE_WORDS: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'text',
  boolean: 'true or false',
  object: 'a mapping (key: value)',
  array: 'a list',
  null: 'null',
};

interface RawIssue {
  code?: string;
  input?: unknown;
  inst?: unknown;
  schema?: unknown;
  path?: PropertyKey[];
  expected?: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  exact?: boolean;
  values?: unknown[];
  keys?: string[];
  issues?: Array<{ message?: string }>;
  hint?: string;
  validKeys?: string[];
}

function isLimited(issue: RawIssue): boolean {
  return [issue.inst, issue.schema].some(
    (s) => s !== null && typeof s === 'object' && '_zod' in s && limitedLeaves.get(s as z.ZodType)?.limited === true,
  );
}

function labelOf(issue: RawIssue): string | undefined {
  for (const candidate of [issue.inst, issue.schema]) {
    if (candidate && typeof candidate === 'object' && '_zod' in candidate) {
      const label = expectedLabels.get(candidate as z.ZodType)?.expected;
      if (label) return label;
    }
  }
  return undefined;
}


function bound(value: number | bigint | undefined): string {
  return typeof value === 'number' && value >= Number.MAX_SAFE_INTEGER ? 'the largest safe integer' : String(value);
}

/**
 * The error map used when parsing scenarios (passed to safeParse): plain
 * messages for zod's built-in issues. It also attaches a `hint` and, for
 * unknown keys, the `validKeys` of the object to the issue.
 */
export function scenarioErrorMap(issue: unknown): string | undefined {
  const iss = issue as RawIssue;
  const label = labelOf(iss);
  if (iss.input === undefined && (iss.code === 'invalid_type' || iss.code === 'invalid_union' || iss.code === 'invalid_value')) {
    const key = iss.path && iss.path.length > 0 ? String(iss.path[iss.path.length - 1]) : '';
    if (iss.inst && typeof iss.inst === 'object' && '_zod' in iss.inst) {
      const description = descriptionOf(iss.inst as z.ZodType);
      if (description) withHint(iss, firstSentence(description));
    }
    return key ? `missing required key \`${key}\`` : 'missing value';
  }
  switch (iss.code) {
    case 'invalid_type': {
      const expected = label ?? TYPE_WORDS[iss.expected ?? ''] ?? iss.expected ?? 'something else';
      if (iss.input === null) withHint(iss, 'give it a value, or remove the key to use the default');
      if (iss.expected === 'boolean' && typeof iss.input === 'string' && /^(yes|no|on|off|y|n)$/i.test(iss.input)) {
        withHint(iss, 'write true or false');
      }
      return `expected ${expected}, got ${describeValue(iss.input)}`;
    }
    case 'invalid_union': {
      return `expected ${label ?? 'something else'}, got ${describeValue(iss.input)}`;
    }
    case 'invalid_value': {
      const allowed = (iss.values ?? []).map(String);
      if (typeof iss.input !== 'string') return `expected one of ${listNames(allowed)}, got ${describeValue(iss.input)}`;
      withHint(iss, didYouMean(iss.input, allowed, 'allowed values'));
      return `\`${iss.input}\` is not allowed here`;
    }
    case 'too_small':
    case 'too_big': {
      const small = iss.code === 'too_small';
      if (iss.origin === 'array') {
        const n = Array.isArray(iss.input) ? iss.input.length : 0;
        const limit = small ? iss.minimum : iss.maximum;
        if (iss.exact) return `needs exactly ${limit} items, got ${n}`;
        return small ? `needs at least ${limit} item${limit === 1 ? '' : 's'}, got ${n}` : `takes at most ${limit} items, got ${n}`;
      }
      if (iss.origin === 'string') return small ? 'must not be empty' : 'is too long';
      // Upper bounds are the documented LIMITS, said as such whatever the key's label.
      if (!small && isLimited(iss) && typeof iss.maximum === 'number') return `must be at most ${formatLimit(iss.maximum)}, got ${describeValue(iss.input)}`;
      const op = small ? (iss.inclusive ? '≥' : '>') : iss.inclusive ? '≤' : '<';
      const limit = bound(small ? iss.minimum : iss.maximum);
      return label ? `must be ${label}, got ${describeValue(iss.input)}` : `must be ${op} ${limit}, got ${describeValue(iss.input)}`;
    }
    case 'unrecognized_keys': {
      const inst = iss.inst as z.ZodType | undefined;
      const shape = inst ? defOf(inst).shape : undefined;
      if (shape) iss.validKeys = Object.keys(shape);
      const keys = iss.keys ?? [];
      return `unknown key${keys.length === 1 ? '' : 's'} ${listNames(keys)}`;
    }
    case 'invalid_key': {
      const inner = iss.issues?.[0]?.message;
      return inner ?? `invalid name ${quoteValue(iss.input)}`;
    }
    case 'invalid_format':
      return `${quoteValue(iss.input)} is not in the expected format`;
    default:
      return undefined;
  }
}

/** Closest valid key, for callers outside zod (the --set parser). */
export function suggestKey(key: string, valid: readonly string[]): string | undefined {
  return closest(key, valid);
}
