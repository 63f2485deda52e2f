// The KPI catalogue: names are a public contract (DESIGN.md), so reports,
// JSON output and sweeps all read them from here.

export type KpiGroup = 'customers' | 'cost' | 'workers';
export type KpiUnit = 'count' | 'share' | 'minutes' | 'score' | 'ratio' | 'money' | 'hours' | 'money_per_hour';

export interface KpiInfo {
  name: string;
  label: string;
  group: KpiGroup;
  unit: KpiUnit;
  /** Which direction is better, for marking the best strategy; null when neither is. */
  better: 'lower' | 'higher' | null;
  /** True for KPIs about the human queue: meaningless when nothing is offered to humans. */
  queue: boolean;
  /** True for KPIs about gig workers' pay and work: meaningless without paid gig hours. */
  gig?: boolean;
  /** True for KPIs about the episodes the AI resolved: meaningless when it closed none (ai_containment 0). */
  ai?: boolean;
  /** The values the KPI can take, when not its unit's (UNIT_RANGES). */
  range?: KpiRange;
  description: string;
}

/** The lowest and highest value a KPI can take; confidence bounds are kept inside it. */
export type KpiRange = readonly [number, number];

/**
 * What each unit can be: counts, times, money and volatility are never
 * negative, shares lie in [0, 1], satisfaction scores in [1, 5].
 */
export const UNIT_RANGES: Readonly<Record<KpiUnit, KpiRange>> = {
  count: [0, Infinity],
  share: [0, 1],
  minutes: [0, Infinity],
  score: [1, 5],
  ratio: [0, Infinity],
  money: [0, Infinity],
  hours: [0, Infinity],
  money_per_hour: [0, Infinity],
};

/** The range of a KPI: its own, or its unit's. */
export function kpiRange(info: KpiInfo): KpiRange {
  return info.range ?? UNIT_RANGES[info.unit];
}

export const KPIS = [
  { name: 'contacts', label: 'Contacts', group: 'customers', unit: 'count', better: null, queue: false,
    description: 'Contacts that arrived after the warm-up (first contacts, retries and repeats).' },
  { name: 'episodes', label: 'Episodes', group: 'customers', unit: 'count', better: null, queue: false,
    description: 'Customer problems that started after the warm-up.' },
  { name: 'resolved_rate', label: 'Resolved', group: 'customers', unit: 'share', better: 'higher', queue: false,
    description: 'Share of ended episodes that ended resolved. A false AI resolution is not a resolution: an episode whose customer does not come back after one ends unresolved.' },
  { name: 'resolution_time', label: 'Resolution time', group: 'customers', unit: 'minutes', better: 'lower', queue: false,
    description: "Mean minutes from a resolved episode's first contact arriving to its resolution: waits, AI conversations, hand-offs, service and the time away between contacts; over resolved episodes (AI or human), 0 when none." },
  { name: 'resolution_time_p90', label: 'Resolution time p90', group: 'customers', unit: 'minutes', better: 'lower', queue: false,
    description: '90th percentile of resolution_time over resolved episodes, minutes (±1%).' },
  // By resolver: a strategy without that resolver shows 0 in the figures and n/a in the table (queue, ai), never marked best (better: null).
  { name: 'resolution_time_ai', label: 'Resolution time, by AI', group: 'customers', unit: 'minutes', better: null, queue: false, ai: true,
    description: "resolution_time of the episodes the AI resolved (the AI closed the episode's last contact and the resolution was not false); 0 when none." },
  { name: 'resolution_time_human', label: 'Resolution time, by human', group: 'customers', unit: 'minutes', better: null, queue: true,
    description: "resolution_time of the episodes a human resolved (employee or gig worker answered the episode's last contact and resolved it); 0 when none." },
  { name: 'resolution_time_p90_ai', label: 'Resolution p90, by AI', group: 'customers', unit: 'minutes', better: null, queue: false, ai: true,
    description: 'resolution_time_p90 of the episodes the AI resolved (±1%); 0 when none.' },
  { name: 'resolution_time_p90_human', label: 'Resolution p90, by human', group: 'customers', unit: 'minutes', better: null, queue: true,
    description: 'resolution_time_p90 of the episodes a human resolved (±1%); 0 when none.' },
  { name: 'ai_containment', label: 'AI containment', group: 'customers', unit: 'share', better: null, queue: false,
    description: 'Share of contacts closed by the AI without a human (including false resolutions).' },
  { name: 'escalation_rate', label: 'Escalated to human', group: 'customers', unit: 'share', better: null, queue: false,
    description: 'Share of AI-handled contacts handed off to the human queue.' },
  { name: 'ai_abandon_rate', label: 'Left the AI', group: 'customers', unit: 'share', better: null, queue: false,
    description: 'Share of AI conversations the customer left, neither resolved nor handed off (ai.abandon_probability): the contact ended unresolved and the customer may come back.' },
  { name: 'ai_wait_mean', label: 'Mean wait for AI', group: 'customers', unit: 'minutes', better: 'lower', queue: false,
    description: 'Mean minutes a contact waited for a free AI slot (ai.concurrency), over contacts that reached the AI; 0 when concurrency is unlimited. Part of the episode\'s total wait that satisfaction and churn see.' },
  { name: 'offered_to_humans', label: 'Offered to humans', group: 'customers', unit: 'count', better: null, queue: false,
    description: 'Contacts that entered the human queue.' },
  { name: 'abandon_rate', label: 'Abandoned', group: 'customers', unit: 'share', better: 'lower', queue: true,
    description: 'Abandoned / offered to humans.' },
  { name: 'p_wait', label: 'Had to wait', group: 'customers', unit: 'share', better: 'lower', queue: true,
    description: 'Share of contacts offered to humans that waited at all.' },
  { name: 'wait_mean', label: 'Mean wait', group: 'customers', unit: 'minutes', better: 'lower', queue: true,
    description: 'Mean minutes in queue over all contacts offered to humans, abandoned ones included.' },
  { name: 'asa', label: 'ASA', group: 'customers', unit: 'minutes', better: 'lower', queue: true,
    description: 'Average speed of answer: mean wait of answered contacts, minutes.' },
  { name: 'time_in_service', label: 'Time in service', group: 'customers', unit: 'minutes', better: 'lower', queue: true,
    description: 'Mean minutes from a person answering a contact to its end, over answered contacts whose service ended before the horizon. With concurrency (an agent holding several chats) it exceeds the handle time (the work), as each chat is slowed by the others held.' },
  { name: 'handoff_wait_mean', label: 'Mean wait, hand-offs', group: 'customers', unit: 'minutes', better: 'lower', queue: true,
    description: 'Mean minutes in the human queue of contacts handed off from the AI, abandoned ones included (as wait_mean); 0 when none.' },
  { name: 'direct_wait_mean', label: 'Mean wait, direct', group: 'customers', unit: 'minutes', better: 'lower', queue: true,
    description: 'Mean minutes in the human queue of contacts that came straight to humans (not handed off from the AI), abandoned ones included (as wait_mean); 0 when none.' },
  { name: 'wait_p90', label: 'Wait p90', group: 'customers', unit: 'minutes', better: 'lower', queue: true,
    description: '90th percentile of the wait of contacts offered to humans (abandoned: time to abandon), minutes.' },
  { name: 'service_level', label: 'Service level', group: 'customers', unit: 'share', better: 'higher', queue: true,
    description: 'Answered within the answer_within threshold (a wait equal to it is on time) / offered to humans.' },
  { name: 'csat', label: 'CSAT (1-5)', group: 'customers', unit: 'score', better: 'higher', queue: false,
    description: 'Mean satisfaction of ended episodes, 1 to 5.' },
  { name: 'churn_rate', label: 'Churn', group: 'customers', unit: 'share', better: 'lower', queue: false,
    description: 'Share of ended episodes after which the customer left.' },
  { name: 'cost_operating', label: 'Operating cost', group: 'cost', unit: 'money', better: 'lower', queue: false,
    description: 'Employees, gig workers and AI over the measured window (horizon minus warm-up).' },
  { name: 'cost_employees', label: 'Employee cost', group: 'cost', unit: 'money', better: 'lower', queue: false,
    description: "Employees' scheduled (paid) hours times their hourly cost, over the measured window: the part of cost_operating paid to employees." },
  { name: 'cost_gig', label: 'Gig worker cost', group: 'cost', unit: 'money', better: 'lower', queue: false,
    description: "Gig workers' earnings (hourly pay and per-ticket pay), over the measured window: the part of cost_operating paid to the gig pool." },
  { name: 'cost_ai', label: 'AI cost', group: 'cost', unit: 'money', better: 'lower', queue: false,
    description: 'AI conversations times cost_per_conversation, contacts the AI closed times cost_per_resolution, the platform cost a day, and contacts humans answered with AI assistance times ai.assist.cost_per_contact, over the measured window: the part of cost_operating paid for the AI.' },
  { name: 'cost_churn', label: 'Churn loss', group: 'cost', unit: 'money', better: 'lower', queue: false,
    description: 'Churned customers times lifetime value, over the measured window.' },
  { name: 'cost_total', label: 'Total economic cost', group: 'cost', unit: 'money', better: 'lower', queue: false,
    description: 'Operating cost plus churn loss.' },
  { name: 'cost_per_contact', label: 'Cost per contact', group: 'cost', unit: 'money', better: 'lower', queue: false,
    description: 'Operating cost / contacts.' },
  { name: 'cost_per_resolution', label: 'Cost per resolved episode', group: 'cost', unit: 'money', better: 'lower', queue: false,
    description: 'Operating cost / resolved episodes.' },
  { name: 'cost_transition', label: 'One-off transition cost', group: 'cost', unit: 'money', better: 'lower', queue: false,
    description: 'Severance, hiring and training to move from transition.baseline_payroll_headcount to the strategy\'s employees; not in cost_total.' },
  { name: 'utilization', label: 'Employee utilisation', group: 'workers', unit: 'share', better: null, queue: false,
    description: "Employees' busy time / their time present: on shift net of shrinkage, plus the time an agent whose shift ended stays to finish the contact in hand." },
  { name: 'slot_occupancy', label: 'Slot occupancy', group: 'workers', unit: 'share', better: null, queue: false,
    description: "Employees' contact-minutes held / slot-minutes staffed (time present × concurrency). Equals utilization at concurrency 1; with concurrency, utilization stays the share of time holding at least one contact." },
  { name: 'employee_share', label: 'Answered by employees', group: 'workers', unit: 'share', better: null, queue: true,
    description: 'Share of contacts answered by humans that employees answered.' },
  { name: 'gig_share', label: 'Answered by gig workers', group: 'workers', unit: 'share', better: null, queue: true,
    description: 'Share of contacts answered by humans that gig workers answered.' },
  { name: 'gig_hours', label: 'Gig paid hours', group: 'workers', unit: 'hours', better: null, queue: false,
    description: 'Hours gig workers were logged in and paid, over the measured window.' },
  { name: 'gig_busy_hours', label: 'Gig busy hours', group: 'workers', unit: 'hours', better: null, queue: false,
    description: 'Hours gig workers spent on contacts (holding at least one, with concurrency), over the measured window.' },
  { name: 'gig_slot_occupancy', label: 'Gig slot occupancy', group: 'workers', unit: 'share', better: null, queue: false, gig: true,
    description: "Gig workers' contact-minutes held / slot-minutes logged in (gig paid hours × staff.gig.concurrency). Equals gig busy hours / gig paid hours at concurrency 1." },
  { name: 'gig_earnings_per_hour', label: 'Gig earnings / paid hour', group: 'workers', unit: 'money_per_hour', better: 'higher', queue: false, gig: true,
    description: 'Gig earnings / gig paid hours.' },
  { name: 'gig_earnings_per_busy_hour', label: 'Gig earnings / busy hour', group: 'workers', unit: 'money_per_hour', better: 'higher', queue: false, gig: true,
    description: 'Gig earnings / gig busy hours: what the work itself pays.' },
  { name: 'gig_decline_rate', label: 'Gig calls declined', group: 'workers', unit: 'share', better: null, queue: false, gig: true,
    description: 'Share of calls to gig workers that they declined.' },
  { name: 'gig_earnings_cv', label: 'Gig income volatility (CV)', group: 'workers', unit: 'ratio', better: 'lower', queue: false, gig: true,
    description: "Coefficient of variation (sample standard deviation, n − 1, over the mean) of a gig worker's daily earnings over the measured full days counted from the window's start (days without work count as 0; a trailing part-day is left out), averaged over workers who earned anything; 0 with fewer than 2 full days." },
] as const satisfies readonly KpiInfo[];

export type KpiName = (typeof KPIS)[number]['name'];
export const KPI_NAMES: readonly KpiName[] = KPIS.map((k) => k.name);

/** One replication's value of every KPI. */
export type KpiValues = Record<KpiName, number>;

/** A KPI across replications: the mean and its 95% Student-t interval (null bounds with one replication). */
export interface Estimate {
  mean: number;
  ci95: [number | null, number | null];
}

/** The KPIs reported per ticket type (`by_type`): its queue and its outcomes. */
export const BY_TYPE_KPIS = [
  'contacts',
  'episodes',
  'resolved_rate',
  'resolution_time',
  'resolution_time_p90',
  'resolution_time_ai',
  'resolution_time_human',
  'resolution_time_p90_ai',
  'resolution_time_p90_human',
  'ai_containment',
  'escalation_rate',
  'ai_abandon_rate',
  'offered_to_humans',
  'abandon_rate',
  'p_wait',
  'wait_mean',
  'asa',
  'wait_p90',
  'service_level',
  'csat',
  'churn_rate',
] as const satisfies readonly KpiName[];

/**
 * The KPIs reported per employee group (`by_group`): utilisation (its busy
 * over staffed time), slot occupancy (contact-minutes over slot-minutes), employee_share (the share of all answered contacts it
 * answered) and cost_operating (its payroll).
 */
export const BY_GROUP_KPIS = ['utilization', 'slot_occupancy', 'employee_share', 'cost_operating'] as const satisfies readonly KpiName[];

export type TypeKpiName = (typeof BY_TYPE_KPIS)[number];
export type GroupKpiName = (typeof BY_GROUP_KPIS)[number];
