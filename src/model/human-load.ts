// The router's analytic side (router.ts): the one estimate of the work a
// strategy's routing sends to each queue, from the scenario alone (before
// simulating), and the skill table both read. Used by the overload warnings,
// by auto staffing (experiment/auto-staffing.ts) and by the gig trigger's
// mean handle time (contact-centre.ts). Loads are in Erlangs (servers kept busy on
// average), over the average day: intraday and weekly multipliers have mean 1,
// and one-off surges are not counted.
//
// Every contact of an episode is routed like the first (the model routes by
// ticket type), so per episode of type t each contact has the same chance
// p = toHumans(s, t) of reaching humans and the same chance q of being
// followed by another contact (a retry or a repeat):
//   q = c f ρ + u ρ + p [a r + (1 − a)(1 − fcr) ρ]
// where c is the share the AI closes without a human, f its false-resolution
// probability, u the share the AI fails with nobody behind it (routing: ai)
// or whose customer leaves it (ai-first, ai.abandon_probability),
// ρ the repeat probability, a the probability that a contact offered to
// humans abandons and r the retry probability. With at most M contacts an
// episode makes 1 + q + ... + q^(M−1) contacts, p of each reaching humans.

import { distMean } from '../engine/distributions.js';
import type { Concurrency, StrategyScenario, TicketType } from '../scenario/types.js';
import { netOnShift } from './shrinkage.js';

/** Probability that one contact of this type reaches the human queue. */
export function toHumans(s: StrategyScenario, t: TicketType): number {
  if (s.routing === 'human') return 1;
  if (s.routing === 'ai') return 0;
  if (t.sensitive && s.sensitive_to_human) return 1;
  // Of the contacts the AI fails, those whose customer leaves the AI are not handed off.
  return (1 - t.ai_resolution) * (1 - aiAbandonProbability(s, t)) + t.ai_resolution * s.ai.ask_for_human;
}

/**
 * Probability that a customer whose problem the AI did not resolve leaves
 * the AI, neither resolved nor handed off: the type's own
 * ai_abandon_probability, else ai.abandon_probability.
 */
export function aiAbandonProbability(s: StrategyScenario, t: TicketType): number {
  return t.ai_abandon_probability ?? s.ai.abandon_probability;
}

/** Whether a contact of this type is handled by the AI first under the strategy's routing. */
export function startsWithAi(s: StrategyScenario, t: TicketType): boolean {
  return s.routing === 'ai' || (s.routing === 'ai-first' && !(t.sensitive && s.sensitive_to_human));
}

/** Expected contacts of one episode of type `t`, when a contact offered to humans abandons with probability `pAbandon`. */
export interface EpisodeContacts {
  /** Every contact, first included. */
  all: number;
  /** Those reaching the human queue (first contacts, retries, repeats, hand-offs from the AI). */
  human: number;
  /** Those handled by the AI (each waits for ai.concurrency when it is capped). */
  ai: number;
}

export function episodeContacts(s: StrategyScenario, t: TicketType, pAbandon: number): EpisodeContacts {
  const p = toHumans(s, t);
  const viaAi = startsWithAi(s, t);
  const c = s.customers;
  const repeat = c.repeat_probability;
  // Of the contacts the AI handles: closed (rightly or falsely) without a
  // human, and failed with nobody behind it. Only ai-first has a person to ask for.
  const ask = s.routing === 'ai-first' ? s.ai.ask_for_human : 0;
  const closedByAi = viaAi ? t.ai_resolution * (1 - ask) : 0;
  const failedAlone = s.routing === 'ai' ? 1 - t.ai_resolution : 0;
  // ai-first: failed by the AI and left it (under routing ai, failedAlone already counts them).
  const leftAi = viaAi && s.routing === 'ai-first' ? (1 - t.ai_resolution) * aiAbandonProbability(s, t) : 0;
  const afterHuman = pAbandon * c.retry.probability + (1 - pAbandon) * (1 - t.fcr) * repeat;
  const q = closedByAi * t.ai_false_resolution * repeat + failedAlone * repeat + leftAi * repeat + p * afterHuman;
  let all = 0;
  let reach = 1;
  for (let k = 0; k < c.max_contacts; k++) {
    all += reach;
    reach *= q;
  }
  return { all, human: p * all, ai: viaAi ? all : 0 };
}

/** Expected contacts of an episode of type `t` that reach the human queue (see episodeContacts). */
export function humanContactsPerEpisode(s: StrategyScenario, t: TicketType, pAbandon: number): number {
  return episodeContacts(s, t, pAbandon).human;
}

export interface HumanDemand {
  /** Contacts reaching humans per first contact (retries, repeats and hand-offs included). */
  contactsPerEpisode: number;
  /** Their mean human handle time, minutes (0 when none reach humans). */
  aht: number;
}

/** The contacts reaching humans and their mean handle time, of every type or of those `served` marks. */
export function humanDemand(s: StrategyScenario, pAbandon: number, served?: (type: number) => boolean): HumanDemand {
  let contacts = 0;
  let minutes = 0;
  for (const [i, t] of s.ticket_types.entries()) {
    if (served && !served(i)) continue;
    const n = t.share * humanContactsPerEpisode(s, t, pAbandon);
    contacts += n;
    minutes += n * distMean(t.handle_time);
  }
  // Every human is assisted under ai_assist, so the mean scales with its multiplier (1 otherwise: unchanged).
  const assist = s.ai_assist ? s.ai.assist.handle_time_multiplier : 1;
  return { contactsPerEpisode: contacts, aht: contacts > 0 ? (minutes / contacts) * assist : 0 };
}

/**
 * Mean human handle time, minutes, of the contacts that reach humans
 * (repeats and retries included, nobody abandoning), of the types gig
 * workers serve: the gig trigger's estimate.
 */
export function gigHandleMean(s: StrategyScenario): number {
  const skills = s.staff.gig.skills;
  const served = skills === null ? undefined : (type: number) => skills.includes(s.ticket_types[type].name);
  return humanDemand(s, 0, served).aht;
}

/** One skill of one server pool, by indices: pools are the employee groups in file order, then the gig pool. */
export interface SkillEntry {
  pool: number;
  type: number;
  priority: number;
  /** Position of the skill in its group's list, for ties within a level. */
  order: number;
  /** Handle time relative to the type's own: the group's multiplier times the skill's. */
  handleFactor: number;
  /** First-contact resolution relative to the type's fcr. */
  fcrFactor: number;
  overflowAfter: number;
}

/**
 * Every skill of every pool of the strategy (the gig pool's too, present or
 * not). Under `ai_assist` every human's factors carry ai.assist's
 * multipliers too (employees and gig workers alike).
 */
export function skillTable(s: StrategyScenario): SkillEntry[] {
  const index = new Map(s.ticket_types.map((t, i) => [t.name, i]));
  // Multiplying by 1 changes no factor: unassisted strategies keep theirs exactly.
  const assistHandle = s.ai_assist ? s.ai.assist.handle_time_multiplier : 1;
  const assistFcr = s.ai_assist ? s.ai.assist.fcr_multiplier : 1;
  const out: SkillEntry[] = [];
  s.staff.groups.forEach((group, pool) => {
    const skills = group.skills ?? s.ticket_types.map((t) => ({ type: t.name, priority: 1, handle_time_multiplier: 1, fcr_multiplier: 1, overflow_after: 0 }));
    skills.forEach((skill, order) => {
      const type = index.get(skill.type);
      if (type === undefined) throw new Error(`skillTable: group ${group.name} names no ticket type ${skill.type}`);
      out.push({
        pool,
        type,
        priority: skill.priority,
        order,
        handleFactor: group.handle_time_multiplier * skill.handle_time_multiplier * assistHandle,
        fcrFactor: skill.fcr_multiplier * assistFcr,
        overflowAfter: skill.overflow_after,
      });
    });
  });
  const gig = s.staff.gig;
  const gigPool = s.staff.groups.length;
  (gig.skills ?? s.ticket_types.map((t) => t.name)).forEach((name, order) => {
    const type = index.get(name);
    if (type === undefined) throw new Error(`skillTable: the gig pool names no ticket type ${name}`);
    out.push({ pool: gigPool, type, priority: 1, order, handleFactor: gig.handle_time_multiplier * assistHandle, fcrFactor: gig.resolution_multiplier * assistFcr, overflowAfter: 0 });
  });
  return out;
}

/**
 * Per ticket type, the employee group whose first priority it is: the group
 * listing it at the best level without an overflow delay (the first listed on
 * a tie), else the best with one; -1 when no group serves it. Auto staffing
 * sizes each group for the load of the types it is first for.
 */
export function firstGroups(s: StrategyScenario): number[] {
  const first = s.ticket_types.map(() => -1);
  const best = s.ticket_types.map(() => [Infinity, Infinity]);
  for (const e of skillTable(s)) {
    if (e.pool >= s.staff.groups.length) continue;
    const key = [e.overflowAfter > 0 ? 1 : 0, e.priority];
    const [a, b] = best[e.type];
    if (key[0] < a || (key[0] === a && key[1] < b)) {
      best[e.type] = key;
      first[e.type] = e.pool;
    }
  }
  return first;
}

export interface HumanLoad {
  /** Average Erlangs of work offered to humans, were every contact answered (no abandonment, so no retries). */
  offeredErlangs: number;
  /** Average employees on shift, net of shrinkage as the simulator rounds it. */
  agents: number;
  /**
   * Most gig workers the trigger can have logged in at once (min of pool and
   * max_active), in employee equivalents (divided by handle_time_multiplier,
   * and a worker holding several chats counted as serverEquivalent one-contact
   * servers); 0 without a pool or a trigger.
   */
  gigCapacity: number;
  /**
   * `agents` in one-contact servers: an agent of a group with concurrency k
   * and stretch s counts k / s_k (serverEquivalent); equal to agents without concurrency.
   */
  agentCapacity: number;
}

/**
 * What an agent of the group (or a gig worker) is worth in one-contact servers at full load:
 * holding k contacts it works on each at speed 1 / s_k, so it gets through
 * k / s_k contacts' work per handle time (docs/model.md, "Concurrency"). The
 * approximation auto staffing and the overload warning use; 1 without concurrency.
 */
export function serverEquivalent(server: { concurrency?: Concurrency }): number {
  const c = server.concurrency;
  return c === undefined ? 1 : c.slots / c.stretch[c.slots - 1];
}

export function humanLoad(s: StrategyScenario): HumanLoad {
  const demand = humanDemand(s, 0);
  const offeredErlangs = (s.demand.contacts_per_day / 1440) * demand.contactsPerEpisode * demand.aht;
  // Net of shrinkage hour by hour, rounded as the simulator rounds (shrinkage.ts), every group together.
  let agents = 0;
  let agentCapacity = 0;
  for (const group of s.staff.groups) {
    const onShift = group.schedule.reduce((sum, level) => sum + netOnShift(level, group.shrinkage), 0) / group.schedule.length;
    agents += onShift;
    agentCapacity += group.concurrency === undefined ? onShift : onShift * serverEquivalent(group);
  }
  const gig = s.staff.gig;
  const called = gig.trigger_wait !== null || gig.trigger_queue !== null;
  const gigCapacity = called ? (Math.min(gig.pool, gig.max_active) * serverEquivalent(gig)) / gig.handle_time_multiplier : 0;
  return { offeredErlangs, agents, gigCapacity, agentCapacity };
}

export interface AiLoad {
  /** Average Erlangs of work offered to the AI line (AI conversations in progress at once). */
  offeredErlangs: number;
  /** ai.concurrency: conversations the AI holds at once (Infinity when unlimited). */
  capacity: number;
}

export function aiLoad(s: StrategyScenario): AiLoad {
  const perMinute = s.demand.contacts_per_day / 1440;
  let erlangs = 0;
  for (const t of s.ticket_types) erlangs += perMinute * t.share * episodeContacts(s, t, 0).ai * distMean(t.ai_handle_time);
  return { offeredErlangs: erlangs, capacity: s.ai.concurrency ?? Infinity };
}

/**
 * Mean agent time, minutes, of the contacts the AI closes under an ai-first
 * or ai strategy: what each contained contact would have cost a human, for
 * "the AI does the work of N agents". A type's handle time is the work; the
 * group it goes to first spends 1 / serverEquivalent of it per contact (its
 * chats shared at full load, the rule auto staffing uses).
 */
export function humanMinutesPerAiClosedContact(s: StrategyScenario): number {
  const first = firstGroups(s);
  let weight = 0;
  let minutes = 0;
  s.ticket_types.forEach((t, i) => {
    const closed = t.share * t.ai_resolution * (1 - s.ai.ask_for_human);
    const perAgent = first[i] < 0 ? 1 : serverEquivalent(s.staff.groups[first[i]]);
    weight += closed;
    minutes += (closed * distMean(t.handle_time)) / perAgent;
  });
  return weight > 0 ? minutes / weight : 0;
}
