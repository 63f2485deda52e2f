// The resolved scenario the model consumes: every default filled in, every
// duration converted to minutes, every distribution in its canonical form.
// The schema (schema.ts) is the source of truth; this file names its output
// so the model and the engine can be typed without importing zod.

import type { DistSpec } from '../engine/distributions.js';

export type Routing = 'human' | 'ai' | 'ai-first';

export interface Surge {
  /** Minutes from the start of the horizon. */
  at: number;
  /** Minutes. */
  duration: number;
  multiplier: number;
}

export interface Demand {
  contacts_per_day: number;
  /** 24 multipliers, normalised to mean 1. */
  intraday: number[];
  /** 7 multipliers, normalised to mean 1; index 0 is the first day of the horizon. */
  weekly: number[];
  surges: Surge[];
}

export interface TicketType {
  name: string;
  share: number;
  /** Human handle time, minutes. */
  handle_time: DistSpec;
  /** Probability the AI resolves the contact (0 when the AI cannot handle this type). */
  ai_resolution: number;
  /** AI conversation length, minutes. */
  ai_handle_time: DistSpec;
  /** Probability an AI "resolution" is false: the customer comes back. */
  ai_false_resolution: number;
  /** This type's ai.abandon_probability; null: the overall one (model/human-load.ts aiAbandonProbability). */
  ai_abandon_probability: number | null;
  /** Human first-contact resolution probability. */
  fcr: number;
  sensitive: boolean;
}

export interface CsatModel {
  /** Score of an episode resolved by a human at its first contact with no wait. */
  resolved_by_human: number;
  /** Score of an episode resolved by the AI at its first contact. */
  resolved_by_ai: number;
  /** Score of an episode that ends unresolved (given up or abandoned for good). */
  unresolved: number;
  /** Points lost per minute of total queue wait in the episode. */
  per_wait_minute: number;
  /** Points lost per contact beyond the first. */
  per_extra_contact: number;
  /** Points lost when the AI failed a sensitive ticket and a human had to take over. */
  ai_failed_sensitive: number;
}

export interface ChurnModel {
  /** Probability a customer churns after an episode that went perfectly. */
  base: number;
  /** Added when the episode ends unresolved. */
  unresolved: number;
  /** Added per contact beyond the first. */
  per_extra_contact: number;
  /** Added per minute of total queue wait. */
  per_wait_minute: number;
  /** Added when the AI failed a sensitive ticket. */
  ai_failed_sensitive: number;
}

export interface Customers {
  /** Patience in the human queue, minutes; null means nobody abandons. */
  patience: DistSpec | null;
  retry: { probability: number; delay: DistSpec };
  /** Delay before a repeat contact after an unresolved or falsely resolved answer. */
  repeat_delay: DistSpec;
  /** Probability a customer whose contact was not resolved comes back at all. */
  repeat_probability: number;
  /** Contacts an episode may make before the customer gives up for good. */
  max_contacts: number;
  lifetime_value: number;
  churn: ChurnModel;
  csat: CsatModel;
}

export interface Employees {
  /** 24 hourly on-shift levels (before shrinkage); a flat headcount becomes 24 equal levels. */
  schedule: number[];
  /**
   * Present only when some hour is `auto` (headcount: auto, or auto entries in
   * the schedule): 24 flags, true where staffsim chooses the level. Such
   * levels are 0 in `schedule` until src/experiment/auto-staffing.ts resolves
   * them from the hour's offered load, before simulation; a strategy handed
   * to the model must have no `auto` left.
   */
  auto?: boolean[];
  /** Share of scheduled time not available for contacts (breaks, training, absence). */
  shrinkage: number;
  /** Fully loaded cost per scheduled hour. */
  hourly_cost: number;
  /** Present only when agents hold more than one contact at once (concurrency > 1): src/model/chat-agents.ts. */
  concurrency?: Concurrency;
}

/** Chat concurrency: an agent holds up to `slots` contacts, each slowed by the stretch of how many are held. */
export interface Concurrency {
  /** Most contacts an agent holds at once, ≥ 2. */
  slots: number;
  /** stretch[n - 1]: an agent holding n contacts works on each at speed 1 / stretch[n - 1]; stretch[0] = 1, never falling. */
  stretch: number[];
  /** fcr[n - 1]: first-contact resolution multiplier of a contact taken as the agent's n-th held. */
  fcr: number[];
}

export interface GigPay {
  mode: 'hourly' | 'per_ticket';
  hourly_rate: number;
  /** Minimum paid block, minutes. */
  min_block: number;
  per_ticket: number;
}

export interface Gig {
  pool: number;
  /** Expected wait (minutes) in the human queue at which idle gig workers are called. */
  trigger_wait: number | null;
  /** Queue length at which idle gig workers are called. */
  trigger_queue: number | null;
  accept_probability: number;
  login_delay: DistSpec;
  pay: GigPay;
  /** Minutes without work after which a gig worker logs off (once the paid block is over). */
  idle_timeout: number;
  handle_time_multiplier: number;
  resolution_multiplier: number;
  max_active: number;
  /** Ticket types gig workers serve; null: every type. */
  skills: string[] | null;
  /** Chat concurrency of every gig worker; absent: one contact at a time. */
  concurrency?: Concurrency;
}

/** A group's skill: a ticket type it serves, at a priority level, with its own factors. */
export interface Skill {
  /** A ticket type's name. */
  type: string;
  /** 1 is served first. */
  priority: number;
  handle_time_multiplier: number;
  fcr_multiplier: number;
  /** Minutes a contact of this type waits before it becomes eligible for the group. */
  overflow_after: number;
}

/** An agent group: staffing as for employees, plus its name and skills. */
export interface AgentGroup extends Employees {
  name: string;
  handle_time_multiplier: number;
  /** Null: every ticket type at priority 1, factors 1 (the `staff.employees` shorthand). */
  skills: Skill[] | null;
}

export interface Staff {
  /** In file order; `staff.employees` is one group named `employees`. */
  groups: AgentGroup[];
  gig: Gig;
}

/** AI assistance for human agents, in force under strategies with `ai_assist: true`. */
export interface AiAssist {
  /** An assisted human's handle time relative to the unassisted one. */
  handle_time_multiplier: number;
  /** An assisted human's first-contact resolution relative to the unassisted one (capped at probability 1). */
  fcr_multiplier: number;
  /** Price per contact a human answered with assistance. */
  cost_per_contact: number;
}

export interface Ai {
  cost_per_conversation: number;
  /** Price per contact the AI closed without a human (per-resolution products). */
  cost_per_resolution: number;
  platform_cost_per_day: number;
  /** Time to hand a contact from the AI to the human queue, minutes. */
  handoff: DistSpec;
  /** Probability a customer asks for a person after an AI resolution attempt (ai-first only). */
  ask_for_human: number;
  /** Simultaneous AI conversations; null for unlimited. */
  concurrency: number | null;
  /** Probability a customer whose problem the AI did not resolve leaves it rather than being handed off (per type: ticket_types[].ai_abandon_probability). */
  abandon_probability: number;
  assist: AiAssist;
}

export interface Transition {
  /** People on the payroll before the change; 0: no transition costed. */
  baseline_payroll_headcount: number;
  /** People on the payroll per agent on shift around the clock. */
  people_per_seat: number;
  severance_per_head: number;
  hiring_per_head: number;
  training_per_head: number;
}

export interface ServiceLevel {
  /** Minutes. */
  answer_within: number;
  target: number;
  /** Highest occupancy auto staffing may plan for; null for no cap. */
  max_occupancy: number | null;
}

/** What the base file and every strategy share: the run's settings and the centre itself. */
export interface ScenarioSettings {
  seed: number;
  horizon: number;
  warmup: number;
  replications: number;
  service_level: ServiceLevel;
  demand: Demand;
  ticket_types: TicketType[];
  customers: Customers;
  staff: Staff;
  ai: Ai;
  transition: Transition;
}

/** A scenario as one strategy sees it: the base file with the strategy's patch applied. */
export interface StrategyScenario extends ScenarioSettings {
  name: string;
  /** The strategy's `description` from the file ('' when absent). */
  description?: string;
  routing: Routing;
  /** ai-first: sensitive ticket types go straight to humans. */
  sensitive_to_human: boolean;
  /** ai-first: handed-off contacts are served before fresh ones. */
  handoff_priority: boolean;
  /** Human agents work with AI assistance (ai.assist). */
  ai_assist: boolean;
}

export interface Scenario extends ScenarioSettings {
  name: string;
  description: string;
  /** In file order; each fully resolved. */
  strategies: StrategyScenario[];
}
