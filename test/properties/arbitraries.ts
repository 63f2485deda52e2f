// Random VALID scenario files (the plain-object form of a YAML file, file
// keys and units) for property tests: 1-3 ticket types whose shares sum to
// 1, time distributions of all six kinds with valid parameters, every
// routing, and each optional mechanism (patience, retries, repeats, fcr,
// false AI resolutions, surges, an hourly schedule with shrinkage, a capped
// AI, a gig pool, churn) switched on or left at its default. Volumes and
// horizons are small, so a replication takes milliseconds.

import fc from 'fast-check';

const ROUTINGS = ['human', 'ai', 'ai-first'] as const;

/** A decimal with few digits, as an analyst writes it (and shrinks readably). */
const decimal = (min: number, max: number) =>
  fc.integer({ min: Math.round(min * 100), max: Math.round(max * 100) }).map((n) => n / 100);

const probability = decimal(0, 1);

/** A duration as a file holds it: minutes as a number, or a string with a unit. */
function duration(minMinutes: number, maxMinutes: number): fc.Arbitrary<number | string> {
  return fc.oneof(
    decimal(minMinutes, maxMinutes),
    fc.integer({ min: Math.ceil(minMinutes * 60), max: Math.floor(maxMinutes * 60) }).map((s) => `${s}s`),
  );
}

/** A duration with its unit, as `service_level.answer_within` requires. */
function durationWithUnit(minMinutes: number, maxMinutes: number): fc.Arbitrary<string> {
  return fc.oneof(
    decimal(minMinutes, maxMinutes).map((m) => `${m}m`),
    fc.integer({ min: Math.ceil(minMinutes * 60), max: Math.floor(maxMinutes * 60) }).map((s) => `${s}s`),
  );
}

/**
 * A time distribution of any of the six kinds, or a bare duration; `positive`
 * keeps its mean above 0 (required of human handle times).
 */
export function timeDist(maxMean: number, positive = false): fc.Arbitrary<unknown> {
  const lo = positive ? 0.1 : 0;
  return fc.oneof(
    duration(lo, maxMean),
    fc.record({ dist: fc.constant('exponential'), mean: duration(0.1, maxMean) }),
    fc.record({ dist: fc.constant('lognormal'), mean: duration(0.1, maxMean), cv: decimal(0, 2) }),
    fc.record({ dist: fc.constant('gamma'), mean: duration(0.1, maxMean), cv: decimal(0, 2) }),
    fc.record({ dist: fc.constant('deterministic'), value: duration(lo, maxMean) }),
    fc
      .tuple(decimal(0, maxMean), decimal(lo, maxMean))
      .map(([a, b]) => ({ dist: 'uniform', min: Math.min(a, b), max: Math.max(a, b) })),
    fc
      .array(decimal(lo, maxMean), { minLength: 1, maxLength: 5 })
      .chain((values) =>
        fc.record(
          {
            dist: fc.constant('empirical'),
            values: fc.constant(values),
            // Positive weights, so that a positive value always has some weight.
            weights: fc.array(decimal(0.1, 5), { minLength: values.length, maxLength: values.length }),
          },
          { requiredKeys: ['dist', 'values'] },
        ),
      ),
  );
}

/** Shares of `n` types: positive weights normalised to sum to 1. */
function shares(n: number): fc.Arbitrary<number[]> {
  return fc.array(fc.integer({ min: 1, max: 10 }), { minLength: n, maxLength: n }).map((w) => {
    const total = w.reduce((a, b) => a + b, 0);
    return w.map((x) => x / total);
  });
}

const ticketType = (name: string, share: number) =>
  fc.record(
    {
      name: fc.constant(name),
      share: fc.constant(share),
      handle_time: timeDist(15, true),
      ai_resolution: probability,
      ai_handle_time: timeDist(5),
      ai_false_resolution: probability,
      fcr: probability,
      sensitive: fc.boolean(),
    },
    { requiredKeys: ['name', 'share', 'handle_time'] },
  );

const ticketTypes = fc
  .integer({ min: 1, max: 3 })
  .chain((n) => shares(n).chain((s) => fc.tuple(...s.map((share, i) => ticketType(`type${i}`, share)))));

const customers = fc.record(
  {
    patience: timeDist(10),
    retry: fc.record({ probability, delay: timeDist(30) }, { requiredKeys: [] }),
    repeat_delay: timeDist(60),
    repeat_probability: probability,
    max_contacts: fc.integer({ min: 1, max: 4 }),
    lifetime_value: decimal(0, 500),
    churn: fc.record(
      { base: decimal(0, 0.1), unresolved: decimal(0, 0.5), per_extra_contact: decimal(0, 0.1), per_wait_minute: decimal(0, 0.05), ai_failed_sensitive: decimal(0, 0.3) },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: [] },
);

// At least one agent on shift at some hour, so that `human` routing is valid.
const employees = fc.oneof(
  fc.record({ headcount: fc.integer({ min: 1, max: 12 }), shrinkage: decimal(0, 0.5), hourly_cost: decimal(0, 50) }, { requiredKeys: ['headcount'] }),
  fc.record(
    {
      schedule: fc
        .array(fc.integer({ min: 0, max: 12 }), { minLength: 24, maxLength: 24 })
        .filter((levels) => levels.some((level) => level > 0)),
      shrinkage: decimal(0, 0.5),
      hourly_cost: decimal(0, 50),
    },
    { requiredKeys: ['schedule'] },
  ),
  // Chat agents: up to 4 contacts each, with a stretch that starts at 1 and never falls.
  fc.integer({ min: 2, max: 4 }).chain((k) =>
    fc.record({
      schedule: fc
        .array(fc.integer({ min: 0, max: 6 }), { minLength: 24, maxLength: 24 })
        .filter((levels) => levels.some((level) => level > 0)),
      concurrency: fc.constant(k),
      stretch: fc.array(decimal(0, 0.5), { minLength: k - 1, maxLength: k - 1 }).map((steps) => {
        const stretch = [1];
        for (const step of steps) stretch.push(Number((stretch[stretch.length - 1] + step).toFixed(6)));
        return stretch;
      }),
      fcr_by_concurrency: fc.array(decimal(0.5, 1), { minLength: k, maxLength: k }),
    }),
  ),
);

const gig = fc.record(
  {
    pool: fc.integer({ min: 0, max: 6 }),
    trigger: fc.oneof(fc.record({ wait: duration(0, 5) }), fc.record({ queue: fc.integer({ min: 1, max: 10 }) })),
    accept_probability: probability,
    login_delay: timeDist(5),
    pay: fc.oneof(
      fc.record({ mode: fc.constant('hourly'), hourly_rate: decimal(0, 60), min_block: duration(0, 60) }),
      fc.record({ mode: fc.constant('per_ticket'), rate: decimal(0, 5) }),
    ),
    idle_timeout: duration(0, 30),
    handle_time_multiplier: decimal(0.5, 2),
    resolution_multiplier: decimal(0.5, 1.5),
  },
  { requiredKeys: ['pool'] },
);

const ai = fc.record(
  {
    cost_per_conversation: decimal(0, 2),
    platform_cost_per_day: decimal(0, 500),
    handoff: timeDist(2),
    ask_for_human: probability,
    concurrency: fc.oneof(fc.constant(null), fc.integer({ min: 1, max: 20 })),
  },
  { requiredKeys: [] },
);

const strategy = fc.constantFrom(...ROUTINGS).chain((routing) =>
  fc.record(
    {
      routing: fc.constant(routing),
      ...(routing === 'ai-first' ? { sensitive_to_human: fc.boolean(), handoff_priority: fc.boolean() } : {}),
      // A patch, as strategies carry: a different flat headcount.
      staff: fc.record({ employees: fc.record({ headcount: fc.integer({ min: 1, max: 12 }) }) }),
    },
    { requiredKeys: ['routing'] },
  ),
);

const strategies = fc
  .array(strategy, { minLength: 1, maxLength: 3 })
  .map((list) => Object.fromEntries(list.map((s, i) => [`s${i}`, s])));

/** Horizon and warm-up, in minutes: up to a day and a half, the warm-up under a quarter of it. */
const window = fc
  .integer({ min: 60, max: 2160 })
  .chain((horizon) => fc.record({ horizon: fc.constant(horizon), warmup: fc.integer({ min: 0, max: Math.floor(horizon / 4) }) }));

const surge = (horizon: number) =>
  fc.record({ at: fc.integer({ min: 0, max: horizon }), duration: fc.integer({ min: 1, max: 240 }), multiplier: decimal(0.1, 4) });

const profile = (length: number) =>
  fc.array(decimal(0, 3), { minLength: length, maxLength: length }).filter((values) => values.some((v) => v > 0));

/** A valid scenario file as a plain object, with 1 to 3 strategies. */
export const scenarioFile: fc.Arbitrary<Record<string, unknown>> = window.chain(({ horizon, warmup }) =>
  fc.record(
    {
      name: fc.constant('property'),
      seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
      horizon: fc.constant(horizon),
      warmup: fc.constant(warmup),
      replications: fc.integer({ min: 1, max: 3 }),
      service_level: fc.record({ answer_within: durationWithUnit(0, 2), target: probability }),
      demand: fc.record(
        {
          contacts_per_day: fc.integer({ min: 20, max: 3000 }),
          intraday: profile(24),
          weekly: profile(7),
          surges: fc.array(surge(horizon), { maxLength: 2 }),
        },
        { requiredKeys: ['contacts_per_day'] },
      ),
      ticket_types: ticketTypes,
      customers,
      staff: fc.record({ employees, gig }, { requiredKeys: ['employees'] }),
      ai,
      strategies,
    },
    { requiredKeys: ['name', 'seed', 'horizon', 'warmup', 'replications', 'demand', 'ticket_types', 'staff', 'strategies'] },
  ),
);
