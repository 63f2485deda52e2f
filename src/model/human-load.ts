// A quick look at the human queue's load before simulating: the average
// work offered to humans (in Erlangs, i.e. agents kept busy) against the
// average agents on shift. When the load reaches the staffing and nobody
// abandons, the queue has no steady state and grows for the whole run.

import { distMean } from '../engine/distributions.js';
import type { StrategyScenario } from '../scenario/types.js';

export interface HumanLoad {
  /** Average Erlangs of first-contact work offered to humans (repeats not counted). */
  offeredErlangs: number;
  /** Average agents on shift, net of shrinkage. */
  agents: number;
}

export function humanLoad(s: StrategyScenario): HumanLoad {
  const perMinute = s.demand.contacts_per_day / 1440;
  let erlangs = 0;
  for (const t of s.ticket_types) {
    let toHumans = 1;
    if (s.routing === 'ai') toHumans = 0;
    else if (s.routing === 'ai-first' && !(t.sensitive && s.sensitive_to_human)) {
      toHumans = 1 - t.ai_resolution + t.ai_resolution * s.ai.ask_for_human;
    }
    erlangs += perMinute * t.share * toHumans * distMean(t.handle_time);
  }
  const schedule = s.staff.employees.schedule;
  const agents = (schedule.reduce((a, b) => a + b, 0) / schedule.length) * (1 - s.staff.employees.shrinkage);
  return { offeredErlangs: erlangs, agents };
}
