import { isErlangC, queueFigures, type QueueFigures, type QueueInput } from './queue-figures.js';
import { closest } from '../scenario/suggest.js';
import { requireFiniteNonNegative, requireFinitePositive } from './validate.js';

/** Staffing request: the queue without `agents`, plus the constraints to meet. */
export type StaffingInput = Omit<QueueInput, 'agents'> & {
  /** minimum service level (answered within answerWithin / offered), in (0, 1] */
  target?: number;
  /** maximum abandonment share, in [0, 1] */
  maxAbandon?: number;
  /** maximum occupancy (utilization), in (0, 1] */
  maxOccupancy?: number;
};

export interface StaffingResult {
  agents: number;
  figures: QueueFigures;
}

export type StaffingRow = { agents: number } & QueueFigures;

/** The fields of a StaffingInput: the one spelling of each (the file's `target`, the CLI's `--target`). */
const STAFFING_FIELDS = ['arrivalsPerMinute', 'aht', 'patience', 'answerWithin', 'target', 'maxAbandon', 'maxOccupancy'] as const;

/** A misspelt or unknown field would drop its constraint silently (1 agent meets nothing): refuse it. */
function checkFields(input: object): void {
  for (const key of Object.keys(input)) {
    if ((STAFFING_FIELDS as readonly string[]).includes(key)) continue;
    const close = closest(key, STAFFING_FIELDS);
    throw new RangeError(
      `agentsFor: unknown field \`${key}\`${close !== undefined ? ` (did you mean \`${close}\`?)` : ''}; ` +
        `the fields are ${STAFFING_FIELDS.join(', ')}`,
    );
  }
}

function checkConstraints(input: StaffingInput): void {
  const { target: sl, maxAbandon: ab, maxOccupancy: occ } = input;
  if (sl !== undefined && !(Number.isFinite(sl) && sl > 0 && sl <= 1)) {
    throw new RangeError(`target must be in (0, 1] (got ${String(sl)})`);
  }
  if (ab !== undefined && !(Number.isFinite(ab) && ab >= 0 && ab <= 1)) {
    throw new RangeError(`maxAbandon must be in [0, 1] (got ${String(ab)})`);
  }
  if (occ !== undefined && !(Number.isFinite(occ) && occ > 0 && occ <= 1)) {
    throw new RangeError(`maxOccupancy must be in (0, 1] (got ${String(occ)})`);
  }
}

/** Whether figures meet every constraint given in `input` (absent constraints always hold). */
export function meetsConstraints(input: StaffingInput, f: QueueFigures): boolean {
  if (input.target !== undefined && !(f.service_level >= input.target)) return false;
  if (input.maxAbandon !== undefined && !(f.abandon_rate <= input.maxAbandon)) return false;
  if (input.maxOccupancy !== undefined && !(f.utilization <= input.maxOccupancy)) return false;
  return true;
}

function figuresFor(input: StaffingInput, agents: number): QueueFigures {
  return queueFigures({
    arrivalsPerMinute: input.arrivalsPerMinute,
    aht: input.aht,
    agents,
    patience: input.patience,
    answerWithin: input.answerWithin,
  });
}

/**
 * The fewest agents meeting every given constraint (service level, abandonment,
 * occupancy). With no constraint: the smallest stable count (Erlang C) or 1 (Erlang A).
 *
 * Relies on the standard monotonicity of the figures in the number of agents
 * (service level rises, abandonment and occupancy fall), so the answer is
 * found by bisection, never by counting up one agent at a time:
 *  - a lower bound that surely fails below it: Erlang C needs floor(load) + 1
 *    for a stable queue and ceil(load / maxOccupancy); Erlang A serves at most
 *    c / load of the offered contacts (throughput c·mu), so a service level s
 *    needs c ≥ s·load and an abandonment cap m needs c ≥ (1 − m)·load;
 *  - a first guess by the square-root staffing rule, load + sqrt(load);
 *  - from the guess, galloping steps (1, 2, 4, ...) down while the count
 *    passes or up while it fails, then bisection between the last failing and
 *    the first passing count: O(log c) evaluations wherever the answer lies.
 * Throws a RangeError if the constraints cannot be met below 10 * load + 10000 agents.
 */
export function agentsFor(input: StaffingInput): StaffingResult {
  checkFields(input);
  requireFiniteNonNegative('arrivalsPerMinute', input.arrivalsPerMinute);
  requireFinitePositive('aht', input.aht);
  checkConstraints(input);
  const load = input.arrivalsPerMinute * input.aht;
  const maxAgents = Math.ceil(10 * load) + 10_000;

  let lower = 1;
  if (isErlangC(input.patience)) {
    lower = Math.max(lower, Math.floor(load) + 1);
    if (input.maxOccupancy !== undefined) {
      // occupancy = load / c; step back one in case ceil() overshoots by rounding
      lower = Math.max(lower, Math.ceil(load / input.maxOccupancy) - 1);
    }
  } else {
    // c < s·load surely fails (floor, so that rounding never skips the answer).
    if (input.target !== undefined) lower = Math.max(lower, Math.floor(input.target * load));
    if (input.maxAbandon !== undefined) lower = Math.max(lower, Math.floor((1 - input.maxAbandon) * load));
  }
  lower = Math.min(lower, maxAgents);

  const figures = new Map<number, QueueFigures>();
  const meets = (agents: number): boolean => {
    const f = figuresFor(input, agents);
    figures.set(agents, f);
    return meetsConstraints(input, f);
  };

  const constrained = input.target !== undefined || input.maxAbandon !== undefined || input.maxOccupancy !== undefined;
  if (!constrained) return { agents: lower, figures: figuresFor(input, lower) };

  const guess = Math.min(maxAgents, Math.max(lower, Math.ceil(load + Math.sqrt(load))));
  let fail = lower - 1; // largest count known (or assumed, below the bound) to fail
  let pass: number;
  if (meets(guess)) {
    pass = guess;
    for (let step = 1; pass - fail > 1; step *= 2) {
      const probe = Math.max(fail + 1, pass - step);
      if (!meets(probe)) {
        fail = probe;
        break;
      }
      pass = probe;
    }
  } else {
    fail = guess;
    for (let step = 1; ; step *= 2) {
      if (fail >= maxAgents) {
        throw new RangeError(
          `no staffing up to ${maxAgents} agents meets the constraints ` +
            `(target ${String(input.target)}, maxAbandon ${String(input.maxAbandon)}, ` +
            `maxOccupancy ${String(input.maxOccupancy)})`,
        );
      }
      const probe = Math.min(maxAgents, fail + step);
      if (meets(probe)) {
        pass = probe;
        break;
      }
      fail = probe;
    }
  }
  while (pass - fail > 1) {
    const mid = Math.floor((pass + fail) / 2);
    if (meets(mid)) pass = mid;
    else fail = mid;
  }
  return { agents: pass, figures: figures.get(pass) as QueueFigures };
}

/**
 * Figures for agents around - span ... around + span (at least 1 agent), skipping
 * rows where an Erlang C queue would be unstable (load >= agents).
 */
export function staffingTable(input: Omit<QueueInput, 'agents'>, around: number, span = 3): StaffingRow[] {
  if (!Number.isInteger(around) || !Number.isInteger(span) || span < 0) {
    throw new RangeError(`around and span must be integers, span >= 0 (got ${around}, ${span})`);
  }
  const load = input.arrivalsPerMinute * input.aht;
  const erlangC = isErlangC(input.patience);
  const rows: StaffingRow[] = [];
  for (let agents = Math.max(1, around - span); agents <= around + span; agents++) {
    if (erlangC && load >= agents) continue;
    rows.push({ agents, ...queueFigures({ ...input, agents }) });
  }
  return rows;
}
