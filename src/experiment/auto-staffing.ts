// `staff.employees.headcount: auto` (or `auto` hours in a schedule): before a
// strategy is simulated, each auto hour gets the fewest employees meeting the
// scenario's service-level target for the work that hour offers to humans,
// so strategies are compared at a fair staffing rather than a hand-picked one.
//
// For each hour of the day:
//  - arrivals: contacts_per_day / 1440 × intraday[hour] × the PEAK weekly
//    multiplier. The schedule repeats every day, so it is sized for the
//    busiest day of the week: every day then meets the target at its own
//    load (quieter days a little above it). Surges are one-off events, not
//    planned for.
//  - contacts reaching humans per first contact, by ticket type: the share
//    that reaches humans under the strategy's routing (after the AI tier,
//    with sensitive types and requests for a person), plus the repeat
//    contacts and retries an episode makes, up to customers.max_contacts:
//    model/human-load.ts, the estimate the overload warning and the gig
//    trigger use too. Repeats are
//    counted in the hour of the first contact: their delay moves load between
//    hours, which this does not model.
//  - handle time: the mean of each type's human handle time, weighted by the
//    contacts of that type reaching humans.
//  - the queue: Erlang A (M/M/c+M) with the mean of customers.patience (exact
//    for exponential patience, an approximation for other distributions),
//    Erlang C when nobody abandons; each hour is treated as a steady state of
//    its own (the stationary independent period-by-period approximation).
//  - agents: agentsFor(), the fewest meeting service_level.target within
//    answer_within (and under service_level.max_occupancy when set), then grossed up for shrinkage as the simulator rounds it
//    (model/shrinkage.ts). An hour with no arrivals gets no agents.
// Abandonment changes the load (abandoned contacts may retry; answered ones
// may repeat) and depends on the staffing: the staffing is computed with no
// abandonment first, then again with the abandonment Erlang A predicts for
// it, until it stops changing.
//
// The gig pool is not counted: auto staffs employees to meet the target on
// their own, and gig workers add to that.
//
// With agent groups (staff.groups), each group with auto hours is sized on
// its own, as above, for the load of the ticket types whose first priority
// it is (human-load.ts, firstGroups: the group listing the type at the best
// level, the first listed on a tie), each type's handle time scaled by the
// group's factors for it. Overflow is ignored: a group is not counted on to
// relieve another, nor loaded by another's overflow. The simulation then
// shows what the staffing reaches (by_type, by_group).
//
// Chat concurrency (docs/model.md, "Concurrency"): an agent holding up to k
// contacts with stretch s is counted as k / s_k one-contact servers, its
// throughput at full load (human-load.ts, serverEquivalent). Erlang A sizes
// the servers the hour needs; the agents are that over k / s_k, rounded up.
// It is an approximation: below full load an agent holds fewer contacts,
// each faster, and a contact waits only when every slot is full.

import { agentsFor, queueFigures, type StaffingInput } from '../analytic/index.js';
import { scenarioError } from '../scenario/errors.js';
import { formatLimit, groupKey, LIMITS } from '../scenario/schema.js';
import { distMean } from '../engine/distributions.js';
import { firstGroups, humanContactsPerEpisode, serverEquivalent, skillTable, type HumanDemand } from '../model/human-load.js';
import { netOnShift, scheduledFor } from '../model/shrinkage.js';
import type { StrategyScenario } from '../scenario/types.js';

/** What auto staffing chose for a strategy, reported with its results. */
export interface AutoStaffing {
  auto: true;
  /** 24 flags: the hours staffsim chose (the others are as the file gives them). */
  hours: boolean[];
  /** 24 scheduled levels (agents on shift before shrinkage), as the simulation used them. */
  schedule: number[];
  /** 24 levels net of shrinkage: the agents answering. */
  net: number[];
  /** Mean of `schedule` over the day: agents on shift on average. */
  mean_on_shift: number;
  /** Largest level of `schedule`. */
  peak_on_shift: number;
  /** 24 offered loads to humans (Erlangs) the staffing was sized for. */
  offered_erlangs: number[];
  /** Contacts reaching humans per first contact, repeats and retries included. */
  human_contacts_per_episode: number;
  /** With several agent groups: what was chosen for each group with auto hours, by name. */
  groups?: Record<string, AutoStaffingGroup>;
}

/** Auto staffing's choice for one agent group. */
export interface AutoStaffingGroup {
  hours: boolean[];
  schedule: number[];
  net: number[];
  /** 24 offered loads (Erlangs) of the types whose first priority the group is. */
  offered_erlangs: number[];
  /** Contacts of those types reaching humans per first contact (of any type). */
  human_contacts_per_episode: number;
}

/** Whether a strategy has hours for auto staffing to choose. */
export function usesAutoStaffing(s: StrategyScenario): boolean {
  return s.staff.groups.some((group) => group.auto?.some((flag) => flag) ?? false);
}

/** First contacts per minute in each hour of the busiest day of the week. */
function hourlyArrivals(s: StrategyScenario): number[] {
  const peakDay = Math.max(...s.demand.weekly);
  return s.demand.intraday.map((m) => (s.demand.contacts_per_day / 1440) * m * peakDay);
}

/** Mean patience in minutes, or null when nobody abandons (Erlang C). */
function meanPatience(s: StrategyScenario): number | null {
  return s.customers.patience === null ? null : distMean(s.customers.patience);
}

/** Most passes of the abandonment fixed point; it settles in two or three. */
const MAX_PASSES = 10;

/**
 * The strategy with its auto hours resolved to numbers, and what was chosen;
 * the strategy itself and null when it has no auto hours.
 */
export function resolveAutoStaffing(s: StrategyScenario): { strategy: StrategyScenario; staffing: AutoStaffing | null } {
  if (!usesAutoStaffing(s)) return { strategy: s, staffing: null };
  const first = firstGroups(s);
  const chosen = s.staff.groups.map((group, g) => (group.auto?.some(Boolean) ? staffGroup(s, g, first) : null));
  const groups = s.staff.groups.map((group, g) => {
    const c = chosen[g];
    if (c === null) return group;
    const { auto: _auto, ...rest } = group;
    return { ...rest, schedule: c.schedule };
  });
  const resolved: StrategyScenario = { ...s, staff: { ...s.staff, groups } };
  const hours = Array.from({ length: 24 }, (_, hour) => chosen.some((c) => c?.hours[hour] === true));
  const schedule = Array.from({ length: 24 }, (_, hour) => groups.reduce((sum, group) => sum + group.schedule[hour], 0));
  const net = Array.from({ length: 24 }, (_, hour) => groups.reduce((sum, group) => sum + netOnShift(group.schedule[hour], group.shrinkage), 0));
  const picked = chosen.filter((c): c is AutoStaffingGroup => c !== null);
  return {
    strategy: resolved,
    staffing: {
      auto: true,
      hours,
      schedule,
      net,
      mean_on_shift: schedule.reduce((a, b) => a + b, 0) / schedule.length,
      peak_on_shift: Math.max(...schedule),
      offered_erlangs: Array.from({ length: 24 }, (_, hour) => picked.reduce((sum, c) => sum + c.offered_erlangs[hour], 0)),
      human_contacts_per_episode: picked.reduce((sum, c) => sum + c.human_contacts_per_episode, 0),
      ...(s.staff.groups.length > 1
        ? { groups: Object.fromEntries(s.staff.groups.flatMap((group, g) => (chosen[g] ? [[group.name, chosen[g]]] : []))) }
        : {}),
    },
  };
}

/** Auto staffing of group g: its auto hours sized for the types whose first priority it is (first[type] === g). */
function staffGroup(s: StrategyScenario, g: number, first: readonly number[]): AutoStaffingGroup {
  const group = s.staff.groups[g];
  const hours = group.auto as boolean[];
  const arrivals = hourlyArrivals(s);
  const patience = meanPatience(s);
  const { answer_within: answerWithin, target, max_occupancy: maxOccupancy } = s.service_level;
  const factor = new Map(skillTable(s).filter((e) => e.pool === g).map((e) => [e.type, e.handleFactor]));
  const demandAt = (pAbandon: number): HumanDemand => {
    let contacts = 0;
    let minutes = 0;
    s.ticket_types.forEach((t, type) => {
      if (first[type] !== g) return;
      const n = t.share * humanContactsPerEpisode(s, t, pAbandon);
      contacts += n;
      minutes += n * distMean(t.handle_time) * (factor.get(type) ?? 1);
    });
    return { contactsPerEpisode: contacts, aht: contacts > 0 ? minutes / contacts : 0 };
  };

  // One-contact servers per agent (1 without concurrency: the counts below are then agents).
  const perAgent = serverEquivalent(group);
  let pAbandon = 0;
  let net: number[] = [];
  let demand = demandAt(pAbandon);
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const next = arrivals.map((perMinute, hour) => {
      if (!hours[hour]) return netOnShift(group.schedule[hour], group.shrinkage);
      const lambda = perMinute * demand.contactsPerEpisode;
      if (lambda === 0) return 0;
      const servers = autoAgents(s, g, {
        arrivalsPerMinute: lambda,
        aht: demand.aht,
        patience,
        answerWithin,
        ...(target > 0 ? { target } : {}),
        ...(maxOccupancy !== null ? { maxOccupancy } : {}),
      });
      return perAgent === 1 ? servers : Math.ceil(servers / perAgent - 1e-9);
    });
    const settled = next.every((n, hour) => n === net[hour]);
    net = next;
    if (settled || patience === null || pass === MAX_PASSES - 1) break;
    pAbandon = abandonmentAt(perAgent === 1 ? net : net.map((agents) => Math.floor(agents * perAgent + 1e-9)), arrivals, demand, patience, answerWithin);
    demand = demandAt(pAbandon);
  }
  const schedule = group.schedule.map((level, hour) => (hours[hour] ? scheduledFor(net[hour], group.shrinkage) : level));
  return {
    hours: [...hours],
    schedule,
    net: schedule.map((level) => netOnShift(level, group.shrinkage)),
    offered_erlangs: arrivals.map((perMinute) => perMinute * demand.contactsPerEpisode * demand.aht),
    human_contacts_per_episode: demand.contactsPerEpisode,
  };
}

/**
 * agentsFor for one auto hour, its limits said as bad input (exit 2) naming
 * the strategy's key: a queue the closed forms cannot sum (millions waiting
 * at once), no staffing meeting the target, or more agents than a scenario
 * may have (LIMITS.people, as for a headcount written in the file).
 */
function autoAgents(s: StrategyScenario, g: number, input: StaffingInput): number {
  const key = groupKey(s.staff, g);
  const refuse = (message: string) =>
    scenarioError(null, `strategies.${s.name}.${key}`, `auto staffing cannot staff this strategy: ${message}`, {
      hint: 'give a headcount or schedule, or check the demand, handle times and patience',
    });
  let agents: number;
  try {
    agents = agentsFor(input).agents;
  } catch (error) {
    if (error instanceof RangeError) throw refuse(error.message);
    throw error;
  }
  if (agents > LIMITS.people) {
    throw refuse(`it would need ${agents.toLocaleString('en-US')} agents on shift, more than the ${formatLimit(LIMITS.people)} a scenario may have`);
  }
  return agents;
}

/** Abandonment over the day that Erlang A predicts for these net levels (weighted by arrivals). */
function abandonmentAt(net: number[], arrivals: number[], demand: HumanDemand, patience: number, answerWithin: number): number {
  let abandoned = 0;
  let offered = 0;
  net.forEach((agents, hour) => {
    const lambda = arrivals[hour] * demand.contactsPerEpisode;
    if (lambda === 0) return;
    offered += lambda;
    // No agents at all: everyone who waits abandons.
    abandoned += agents === 0 ? lambda : lambda * queueFigures({ arrivalsPerMinute: lambda, aht: demand.aht, agents, patience, answerWithin }).abandon_rate;
  });
  return offered > 0 ? abandoned / offered : 0;
}

/** The suffix of the copy of a strategy staffed by auto in every hour (see atTargetStaffing). */
export const AT_TARGET_SUFFIX = '@target';

/**
 * A copy of a strategy with every employee hour staffed by `auto`: the same
 * centre at the staffing that just meets the target, so that a strategy kept
 * at its historical roster (over- or under-staffed) is also compared fairly.
 * Null when there is nothing to restaff: no work reaches humans (routing
 * `ai`), or every hour is already auto.
 */
export function atTargetStaffing(s: StrategyScenario): StrategyScenario | null {
  if (s.routing === 'ai') return null;
  if (s.staff.groups.every((group) => group.auto?.every((flag) => flag))) return null;
  return {
    ...s,
    name: `${s.name}${AT_TARGET_SUFFIX}`,
    description: `${s.name} with every hour staffed by auto: the fewest employees meeting the target`,
    staff: {
      ...s.staff,
      groups: s.staff.groups.map((group) => ({ ...group, schedule: group.schedule.map(() => 0), auto: group.schedule.map(() => true) })),
    },
  };
}
