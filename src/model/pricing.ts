// Prices after simulation: one replication's physical outcome (observations.ts)
// and the strategy's prices make every KPI. Nothing here feeds back into the
// simulation, so a change of price alone needs no new simulation: a sweep
// over prices simulates each physical configuration once and re-prices it
// (src/experiment/sweep.ts), and prices are the only keys PRICE_KEYS lists.
//
// Which figures are physical: counts, waits, hours by pool, conversations,
// and gig pay in the pay model's units (hours paid, or tickets paid). The
// pay mode and the minimum paid block shape when gig workers log off, so they
// are behaviour, simulated; the hourly or per-ticket rate only multiplies
// the units. One-off transition costs are not simulated at all: they follow
// from the strategy's schedule and the transition prices (transition.ts).

import { BY_TYPE_KPIS, type GroupKpiName, type KpiValues, type TypeKpiName } from '../metrics/kpis.js';
import type { StrategyScenario } from '../scenario/types.js';
import type { Physical } from './observations.js';
import { ratio, utilization } from './ratios.js';
import { transitionCost } from './transition.js';

/** Everything money in a strategy: what turns physical quantities into cost KPIs. */
export interface Prices {
  /** Per employee group, in file order: its hourly cost. */
  groupHourlyCost: number[];
  aiCostPerConversation: number;
  /** Per contact the AI closed without a human (Physical.aiContained). */
  aiCostPerResolution: number;
  /** Per contact a human answered with AI assistance. */
  aiAssistCostPerContact: number;
  aiPlatformCostPerDay: number;
  lifetimeValue: number;
  /** Money per gig pay unit: the hourly rate (hourly pay) or the rate per ticket. */
  gigRate: number;
  /** One-off, from the schedule and the transition prices (not simulated). */
  transitionCost: number;
}

/**
 * Scenario keys (paths below the file's top level or a strategy's patch) that
 * are prices only: changing them changes no simulated quantity. Everything
 * else is treated as physical. A trailing `*` stands for any one segment (a
 * group name, once agent groups exist).
 */
export const PRICE_KEYS: readonly string[] = [
  'staff.employees.hourly_cost',
  'staff.groups.*.hourly_cost',
  'staff.gig.pay.hourly_rate',
  'staff.gig.pay.rate',
  'ai.cost_per_conversation',
  'ai.cost_per_resolution',
  'ai.assist.cost_per_contact',
  'ai.platform_cost_per_day',
  'customers.lifetime_value',
  'transition.baseline_payroll_headcount',
  'transition.people_per_seat',
  'transition.severance_per_head',
  'transition.hiring_per_head',
  'transition.training_per_head',
];

/** True when the `--set` key path `key` names a price (at the top level or under `strategies.NAME.`). */
export function isPriceKey(key: string): boolean {
  const segments = key.split('.');
  const inner = segments[0] === 'strategies' && segments.length > 2 ? segments.slice(2).join('.') : key;
  const parts = inner.split('.');
  return PRICE_KEYS.some((price) => {
    const want = price.split('.');
    return want.length === parts.length && want.every((w, i) => w === '*' || w === parts[i]);
  });
}

export function pricesOf(s: StrategyScenario): Prices {
  const pay = s.staff.gig.pay;
  return {
    groupHourlyCost: s.staff.groups.map((g) => g.hourly_cost),
    aiCostPerConversation: s.ai.cost_per_conversation,
    aiCostPerResolution: s.ai.cost_per_resolution,
    aiAssistCostPerContact: s.ai.assist.cost_per_contact,
    aiPlatformCostPerDay: s.ai.platform_cost_per_day,
    lifetimeValue: s.customers.lifetime_value,
    gigRate: pay.mode === 'hourly' ? pay.hourly_rate : pay.per_ticket,
    transitionCost: transitionCost(s),
  };
}

/** Every KPI of one replication. */
export function priceKpis(q: Physical, p: Prices): KpiValues {
  const finishedWaits = q.answered + q.abandoned;
  // Each group's paid hours at its own hourly cost.
  let employeeCost = 0;
  for (let g = 0; g < q.groupPaidHours.length; g++) employeeCost += q.groupPaidHours[g] * p.groupHourlyCost[g];
  // A strategy that never uses the AI pays nothing for its platform. AI
  // resolutions are billed as the platform counts them: every contact it
  // closed, false resolutions included. Assistance is billed per contact a
  // human answered, only under ai_assist (it is no part of the platform).
  const aiCost =
    q.aiConversations * p.aiCostPerConversation +
    q.aiUsed * p.aiPlatformCostPerDay * q.measuredDays +
    q.aiContained * p.aiCostPerResolution +
    q.assistUsed * q.answered * p.aiAssistCostPerContact;
  const gigEarnings = q.gigPaidUnits * p.gigRate;
  const operating = employeeCost + aiCost + gigEarnings;
  const churnLoss = q.churnExpected * p.lifetimeValue;
  return {
    contacts: q.contacts,
    episodes: q.episodes,
    resolved_rate: ratio(q.episodesResolved, q.episodesEnded),
    resolution_time: ratio(q.resolutionTimeAiSum + q.resolutionTimeHumanSum, q.resolvedByAi + q.resolvedByHuman),
    resolution_time_p90: q.resolutionTimeP90,
    resolution_time_p90_ai: q.resolutionTimeP90Ai,
    resolution_time_p90_human: q.resolutionTimeP90Human,
    resolution_time_ai: ratio(q.resolutionTimeAiSum, q.resolvedByAi),
    resolution_time_human: ratio(q.resolutionTimeHumanSum, q.resolvedByHuman),
    ai_containment: ratio(q.aiContained, q.contacts),
    escalation_rate: ratio(q.aiEscalated, q.aiConversations),
    ai_abandon_rate: ratio(q.aiAbandoned, q.aiConversations),
    ai_wait_mean: ratio(q.aiWaitSum, q.aiConversations),
    offered_to_humans: q.offered,
    abandon_rate: ratio(q.abandoned, q.offered),
    p_wait: ratio(q.waited, q.offered),
    wait_mean: ratio(q.waitSumAnswered + q.waitSumAbandoned, finishedWaits),
    handoff_wait_mean: ratio(q.handoffWaitSum, q.handoffWaits),
    direct_wait_mean: ratio(q.waitSumAnswered + q.waitSumAbandoned - q.handoffWaitSum, finishedWaits - q.handoffWaits),
    asa: ratio(q.waitSumAnswered, q.answered),
    time_in_service: ratio(q.serviceMinutes, q.served),
    wait_p90: q.waitP90,
    service_level: ratio(q.answeredWithinTarget, q.offered),
    csat: ratio(q.csatSum, q.episodesEnded),
    churn_rate: ratio(q.churnExpected, q.episodesEnded),
    cost_operating: operating,
    cost_employees: employeeCost,
    cost_gig: gigEarnings,
    cost_ai: aiCost,
    cost_churn: churnLoss,
    cost_total: operating + churnLoss,
    cost_per_contact: ratio(operating, q.contacts),
    cost_per_resolution: ratio(operating, q.episodesResolved),
    cost_transition: p.transitionCost,
    utilization: utilization(sum(q.groupBusyMinutes), sum(q.groupStaffedMinutes)),
    slot_occupancy: utilization(sum(q.groupHeldMinutes), sum(q.groupSlotMinutes)),
    employee_share: ratio(q.answered - q.answeredByGig, q.answered),
    gig_share: ratio(q.answeredByGig, q.answered),
    gig_hours: q.gigPaidHours,
    gig_busy_hours: q.gigBusyHours,
    gig_slot_occupancy: utilization(q.gigHeldMinutes, q.gigSlotMinutes),
    gig_earnings_per_hour: ratio(gigEarnings, q.gigPaidHours),
    gig_earnings_per_busy_hour: ratio(gigEarnings, q.gigBusyHours),
    gig_decline_rate: ratio(q.gigDeclines, q.gigCalls),
    // Workers paid nothing have no income to vary.
    gig_earnings_cv: p.gigRate > 0 ? q.gigPayCv : 0,
  };
}

export type TypeValues = Record<TypeKpiName, number>;
export type GroupValues = Record<GroupKpiName, number>;

/** Per employee group, in file order: its utilisation, its share of all answered contacts and its payroll. */
export function priceGroups(q: Physical, p: Prices): GroupValues[] {
  return q.groupPaidHours.map((paid, g) => ({
    utilization: utilization(q.groupBusyMinutes[g], q.groupStaffedMinutes[g]),
    slot_occupancy: utilization(q.groupHeldMinutes[g], q.groupSlotMinutes[g]),
    employee_share: ratio(q.answeredByPool[g], q.answered),
    cost_operating: paid * p.groupHourlyCost[g],
  }));
}

/** A ticket type's KPIs from its own physical record: its queue and outcomes only (its costs are not split out). */
export function typeKpis(q: Physical): TypeValues {
  const kpis = priceKpis(q, NO_PRICES);
  const out = {} as TypeValues;
  for (const name of BY_TYPE_KPIS) out[name] = kpis[name];
  return out;
}

const NO_PRICES: Prices = {
  groupHourlyCost: [],
  aiCostPerConversation: 0,
  aiCostPerResolution: 0,
  aiAssistCostPerContact: 0,
  aiPlatformCostPerDay: 0,
  lifetimeValue: 0,
  gigRate: 0,
  transitionCost: 0,
};

function sum(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}
