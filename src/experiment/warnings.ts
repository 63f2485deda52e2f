// What a run must tell its reader, as records (result.ts): one replication,
// queues whose offered load reaches their capacity (model/human-load.ts's
// estimate, before simulating), and the waiting line's cap being hit.

import { MAX_WAITING } from '../model/contact-centre.js';
import { baselineMismatch } from '../model/transition.js';
import { aiLoad, humanLoad } from '../model/human-load.js';
import type { Scenario, StrategyScenario } from '../scenario/types.js';
import type { QueueName, Warning } from './result.js';

/** The overload records of one strategy's queues (none when its queues can settle). */
export function overloads(s: StrategyScenario): Warning[] {
  const out: Warning[] = [];
  if (s.routing !== 'ai') {
    const load = humanLoad(s);
    const capacity = load.agentCapacity + load.gigCapacity;
    if (load.offeredErlangs > 0 && load.offeredErlangs >= capacity) {
      out.push({
        code: 'human_queue_overloaded',
        strategy: s.name,
        offered_load: load.offeredErlangs,
        agents: load.agents,
        ...(load.agentCapacity !== load.agents ? { agent_capacity: load.agentCapacity } : {}),
        gig_capacity: load.gigCapacity,
        share: capacity > 0 ? load.offeredErlangs / capacity : null,
        abandonment: s.customers.patience !== null,
      });
    }
  }
  if (s.routing !== 'human') {
    const load = aiLoad(s);
    if (load.offeredErlangs > 0 && load.offeredErlangs >= load.capacity) {
      out.push({ code: 'ai_line_overloaded', strategy: s.name, offered_load: load.offeredErlangs, capacity: load.capacity, share: load.offeredErlangs / load.capacity });
    }
  }
  return out;
}

/** The queues of a strategy predicted not to settle: overloaded with nobody abandoning (the AI's line never has abandonment). */
export function unstableQueues(s: StrategyScenario): QueueName[] {
  return overloads(s).flatMap((w): QueueName[] => {
    if (w.code === 'human_queue_overloaded') return w.abandonment ? [] : ['human'];
    if (w.code === 'ai_line_overloaded') return ['ai'];
    return [];
  });
}

/** Every warning of a run, in report order: the run first, then strategy by strategy. */
/**
 * The record when the baseline strategy, as the file staffs it, would pay a
 * transition to itself: transition.baseline_payroll_headcount is not the
 * people its staffing needs (often agents on shift written for people).
 */
export function baselineTransitionWarning(baseline: StrategyScenario): Warning | null {
  const m = baselineMismatch(baseline);
  if (m === null) return null;
  return { code: 'baseline_transition', strategy: baseline.name, stated: m.stated, needed: m.needed, on_shift: m.onShift, people_per_seat: m.peoplePerSeat, cost: m.cost };
}

export function runWarnings(
  scenario: Scenario,
  strategies: readonly StrategyScenario[],
  baseline: string,
  turnedAway: ReadonlyMap<string, number>,
): Warning[] {
  const out: Warning[] = [];
  if (scenario.replications < 2) out.push({ code: 'one_replication', replications: scenario.replications });
  const base = strategies.find((s) => s.name === baseline);
  const mismatch = base ? baselineTransitionWarning(base) : null;
  if (mismatch !== null) out.push(mismatch);
  for (const s of strategies) {
    out.push(...overloads(s));
    // The model's cap on the waiting line (memory stays bounded) changed the figures: say by how much.
    const away = turnedAway.get(s.name) ?? 0;
    if (away > 0) {
      out.push({ code: 'queue_cap_reached', strategy: s.name, cap: MAX_WAITING, turned_away_per_replication: away / s.replications });
    }
  }
  return out;
}
