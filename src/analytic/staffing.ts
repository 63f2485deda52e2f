import { isErlangC, queueFigures, type QueueFigures, type QueueInput } from './queue-figures.js';
import { requireFiniteNonNegative, requireFinitePositive } from './validate.js';

/** Staffing request: the queue without `agents`, plus the constraints to meet. */
export type StaffingInput = Omit<QueueInput, 'agents'> & {
  /** minimum service level (answered within answerWithin / offered), in (0, 1] */
  serviceLevelTarget?: number;
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

function checkConstraints(input: StaffingInput): void {
  const { serviceLevelTarget: sl, maxAbandon: ab, maxOccupancy: occ } = input;
  if (sl !== undefined && !(Number.isFinite(sl) && sl > 0 && sl <= 1)) {
    throw new RangeError(`serviceLevelTarget must be in (0, 1] (got ${String(sl)})`);
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
  if (input.serviceLevelTarget !== undefined && !(f.service_level >= input.serviceLevelTarget)) return false;
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
 * (service level rises, abandonment and occupancy fall). Starts at a lower bound
 * (Erlang C: floor(load) + 1, the smallest stable count, and ceil(load / maxOccupancy);
 * Erlang A: 1), gallops upward with doubling steps until the constraints hold, then
 * bisects between the last failing and the first passing count: O(log c) evaluations.
 * Throws a RangeError if the constraints cannot be met below 10 * load + 10000 agents.
 */
export function agentsFor(input: StaffingInput): StaffingResult {
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
  }

  let fail = lower - 1; // largest count known (or assumed, below the bound) to fail
  let pass = lower;
  let passFigures = figuresFor(input, pass);
  let step = 1;
  while (!meetsConstraints(input, passFigures)) {
    fail = pass;
    if (pass >= maxAgents) {
      throw new RangeError(
        `no staffing up to ${maxAgents} agents meets the constraints ` +
          `(serviceLevelTarget ${String(input.serviceLevelTarget)}, maxAbandon ${String(input.maxAbandon)}, ` +
          `maxOccupancy ${String(input.maxOccupancy)})`,
      );
    }
    pass = Math.min(maxAgents, pass + step);
    step *= 2;
    passFigures = figuresFor(input, pass);
  }
  while (pass - fail > 1) {
    const mid = Math.floor((pass + fail) / 2);
    const f = figuresFor(input, mid);
    if (meetsConstraints(input, f)) {
      pass = mid;
      passFigures = f;
    } else {
      fail = mid;
    }
  }
  return { agents: pass, figures: passFigures };
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
