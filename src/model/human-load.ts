// A quick look at the human queue's load before simulating: the average
// work offered to humans (in Erlangs, i.e. agents kept busy) against the
// average agents on shift. When the load reaches the staffing and nobody
// abandons, the queue has no steady state and grows for the whole run.

import { distMean } from '../engine/distributions.js';
import type { StrategyScenario, TicketType } from '../scenario/types.js';

export interface HumanLoad {
  /** Average Erlangs of first-contact work offered to humans (repeats not counted). */
  offeredErlangs: number;
  /** Average agents on shift, net of shrinkage. */
  agents: number;
}

export function humanLoad(s: StrategyScenario): HumanLoad {
  const perMinute = s.demand.contacts_per_day / 1440;
  let erlangs = 0;
  for (const t of s.ticket_types) erlangs += perMinute * t.share * toHumans(s, t) * distMean(t.handle_time);
  const schedule = s.staff.employees.schedule;
  const agents = (schedule.reduce((a, b) => a + b, 0) / schedule.length) * (1 - s.staff.employees.shrinkage);
  return { offeredErlangs: erlangs, agents };
}

/** Mean human handle time, minutes, of the contacts that reach humans under the strategy's routing. */
export function humanHandleMean(s: StrategyScenario): number {
  let weight = 0;
  let minutes = 0;
  for (const t of s.ticket_types) {
    const share = t.share * toHumans(s, t);
    weight += share;
    minutes += share * distMean(t.handle_time);
  }
  return weight > 0 ? minutes / weight : 0;
}

/** Probability a first contact of this type reaches the human queue (repeats not counted). */
export function toHumans(s: StrategyScenario, t: TicketType): number {
  if (s.routing === 'human') return 1;
  if (s.routing === 'ai') return 0;
  if (t.sensitive && s.sensitive_to_human) return 1;
  return 1 - t.ai_resolution + t.ai_resolution * s.ai.ask_for_human;
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
