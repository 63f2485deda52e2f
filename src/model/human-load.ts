// The one estimate of the work a strategy's routing sends to each queue, from
// the scenario alone (before simulating): used by the overload warnings, by
// auto staffing (experiment/auto-staffing.ts) and by the gig trigger's mean
// handle time (contact-centre.ts). Loads are in Erlangs (servers kept busy on
// average), over the average day: intraday and weekly multipliers have mean 1,
// and one-off surges are not counted.
//
// Every contact of an episode is routed like the first (the model routes by
// ticket type), so per episode of type t each contact has the same chance
// p = toHumans(s, t) of reaching humans and the same chance q of being
// followed by another contact (a retry or a repeat):
//   q = c f ρ + u ρ + p [a r + (1 − a)(1 − fcr) ρ]
// where c is the share the AI closes without a human, f its false-resolution
// probability, u the share the AI fails with nobody behind it (routing: ai),
// ρ the repeat probability, a the probability that a contact offered to
// humans abandons and r the retry probability. With at most M contacts an
// episode makes 1 + q + ... + q^(M−1) contacts, p of each reaching humans.

import { distMean } from '../engine/distributions.js';
import type { StrategyScenario, TicketType } from '../scenario/types.js';
import { netOnShift } from './shrinkage.js';

/** Probability that one contact of this type reaches the human queue. */
export function toHumans(s: StrategyScenario, t: TicketType): number {
  if (s.routing === 'human') return 1;
  if (s.routing === 'ai') return 0;
  if (t.sensitive && s.sensitive_to_human) return 1;
  return 1 - t.ai_resolution + t.ai_resolution * s.ai.ask_for_human;
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
  const afterHuman = pAbandon * c.retry.probability + (1 - pAbandon) * (1 - t.fcr) * repeat;
  const q = closedByAi * t.ai_false_resolution * repeat + failedAlone * repeat + p * afterHuman;
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

export function humanDemand(s: StrategyScenario, pAbandon: number): HumanDemand {
  let contacts = 0;
  let minutes = 0;
  for (const t of s.ticket_types) {
    const n = t.share * humanContactsPerEpisode(s, t, pAbandon);
    contacts += n;
    minutes += n * distMean(t.handle_time);
  }
  return { contactsPerEpisode: contacts, aht: contacts > 0 ? minutes / contacts : 0 };
}

/** Mean human handle time, minutes, of the contacts that reach humans (repeats and retries included, nobody abandoning). */
export function humanHandleMean(s: StrategyScenario): number {
  return humanDemand(s, 0).aht;
}

export interface HumanLoad {
  /** Average Erlangs of work offered to humans, were every contact answered (no abandonment, so no retries). */
  offeredErlangs: number;
  /** Average employees on shift, net of shrinkage as the simulator rounds it. */
  agents: number;
  /**
   * Most gig workers the trigger can have logged in at once (min of pool and
   * max_active), in employee equivalents (divided by handle_time_multiplier);
   * 0 without a pool or a trigger.
   */
  gigCapacity: number;
}

export function humanLoad(s: StrategyScenario): HumanLoad {
  const demand = humanDemand(s, 0);
  const offeredErlangs = (s.demand.contacts_per_day / 1440) * demand.contactsPerEpisode * demand.aht;
  const employees = s.staff.employees;
  // Net of shrinkage hour by hour, rounded as the simulator rounds (shrinkage.ts).
  const agents = employees.schedule.reduce((sum, level) => sum + netOnShift(level, employees.shrinkage), 0) / employees.schedule.length;
  const gig = s.staff.gig;
  const called = gig.trigger_wait !== null || gig.trigger_queue !== null;
  const gigCapacity = called ? Math.min(gig.pool, gig.max_active) / gig.handle_time_multiplier : 0;
  return { offeredErlangs, agents, gigCapacity };
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
 * Mean human handle time, minutes, of the contacts the AI closes under an
 * ai-first or ai strategy: what each contained contact would have cost a human,
 * for "the AI does the work of N agents".
 */
export function humanMinutesPerAiClosedContact(s: StrategyScenario): number {
  let weight = 0;
  let minutes = 0;
  for (const t of s.ticket_types) {
    const closed = t.share * t.ai_resolution * (1 - s.ai.ask_for_human);
    weight += closed;
    minutes += closed * distMean(t.handle_time);
  }
  return weight > 0 ? minutes / weight : 0;
}
