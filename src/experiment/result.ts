// What a run produces and every report format consumes.

import type { HourEstimate } from '../metrics/hourly.js';
import type { Estimate, GroupKpiName, KpiName, KpiValues, TypeKpiName } from '../metrics/kpis.js';
import type { Routing } from '../scenario/types.js';
import type { AutoStaffing } from './auto-staffing.js';

export interface StrategyResult {
  name: string;
  routing: Routing;
  metrics: Record<KpiName, Estimate>;
  /**
   * The human queue hour of day by hour of day (24 entries, hour 0 first;
   * metrics/hourly.ts). Every run has it; absent in a report built from the
   * run's KPIs alone (a sweep's rows, a hand-made report), which then shows no hours.
   */
  by_hour?: HourEstimate[];
  /** Per ticket type, by name: its queue and outcome KPIs (BY_TYPE_KPIS). Absent in a report rebuilt from older summaries. */
  by_type?: Record<string, { metrics: Record<TypeKpiName, Estimate> }>;
  /** Per employee group, by name: utilisation, share of answered contacts, payroll (BY_GROUP_KPIS). */
  by_group?: Record<string, { metrics: Record<GroupKpiName, Estimate> }>;
  /** Present when the strategy's employees were staffed by `auto`: what was chosen. */
  staffing?: AutoStaffing;
  /**
   * Present when a queue of the strategy is predicted not to settle (its
   * offered load reaches its capacity and nobody waiting in it abandons): its
   * figures grow with the horizon, so the verdict must not recommend it.
   */
  unstable?: QueueName[];
  /** Employees on shift in an average hour (before shrinkage), as simulated. */
  mean_on_shift: number;
  /** People on the payroll the strategy needs: its mean on-shift level × transition.people_per_seat (model/transition.ts). */
  payroll_headcount: number;
  /**
   * Every KPI of each replication, in replication order. Replication i of
   * every strategy of a run uses the same random streams, so differences
   * between strategies are taken replication by replication (the verdict's
   * paired intervals). Absent in a report rebuilt from summaries alone.
   */
  per_replication?: KpiValues[];
  /**
   * Set on the strategy a run adds beside the baseline: the baseline's name,
   * of which this is a copy with every employee hour staffed by `auto`, so
   * the comparison is also made at a staffing that just meets the target.
   */
  at_target_of?: string;
}


/** How the verdict's recommendation held when one uncertain input was moved (`--sensitivity`). */
export interface SensitivityCase {
  /** The scenario key moved (a --set path). */
  key: string;
  /** What it was moved to, and what the scenario says. */
  value: number;
  scenario_value: number | null;
  /** The strategy recommended at that value; null when none is. */
  recommended: string | null;
  /** recommended differs from the run's own recommendation. */
  changed: boolean;
}

/** The strategy's queues: the human queue and the AI line (ai.concurrency). */
export type QueueName = 'human' | 'ai';

/**
 * Something a reader must know about a run, as data: the JSON report carries
 * these records, and report/warnings.ts renders each as the sentence the
 * table, Markdown and stderr show. Figures are in the units named.
 */
export type Warning =
  | { code: 'one_replication'; replications: number }
  | {
      /** The work offered to humans reaches the agents available. */
      code: 'human_queue_overloaded';
      strategy: string;
      /** Erlangs offered to humans on average (first contacts, retries, repeats, hand-offs), were all answered. */
      offered_load: number;
      /** Employees on shift on average, net of shrinkage. */
      agents: number;
      /** Most gig workers the trigger can call in, in employee equivalents (0 without a gig pool). */
      gig_capacity: number;
      /** With chat concurrency only: the agents in one-contact servers at full load (k / s_k each, docs/model.md "Concurrency"). */
      agent_capacity?: number;
      /** offered_load / (agents, or agent_capacity with concurrency, + gig_capacity); null when there is no capacity at all. */
      share: number | null;
      /** Whether customers abandon the queue (which then keeps it in check). */
      abandonment: boolean;
    }
  | {
      /** The conversations offered to the AI reach ai.concurrency; nobody leaves the AI's line. */
      code: 'ai_line_overloaded';
      strategy: string;
      /** Erlangs offered to the AI on average: conversations that would be in progress at once. */
      offered_load: number;
      /** ai.concurrency. */
      capacity: number;
      /** offered_load / capacity. */
      share: number;
    }
  | {
      /** The baseline strategy, as the file staffs it, pays a transition to itself (model/transition.ts). */
      code: 'baseline_transition';
      strategy: string;
      /** transition.baseline_payroll_headcount, and the people its staffing needs. */
      stated: number;
      needed: number;
      /** Its mean agents on shift and the people per seat. */
      on_shift: number;
      people_per_seat: number;
      /** The one-off cost it would pay. */
      cost: number;
    }
  | {
      /** The human queue hit the model's cap on waiting contacts. */
      code: 'queue_cap_reached';
      strategy: string;
      cap: number;
      /** Contacts turned away per replication, on average (counted as abandoned at once). */
      turned_away_per_replication: number;
    };

export type WarningCode = Warning['code'];

export interface RunReport {
  staffsim: string;
  scenario: { name: string; sha256: string };
  seed: number;
  replications: number;
  /** Measured window, days (horizon minus warm-up). */
  measured_days: number;
  service_level: { answer_within: number; target: number; max_occupancy: number | null };
  /** The strategy others are compared against (--baseline; default the first run). */
  baseline: string;
  strategies: StrategyResult[];
  /** Things a reader must know (unstable queue, one replication, ...), as records: report/warnings.ts words them. */
  warnings: Warning[];
  /** Present after `--sensitivity`: the recommendation at low and high values of uncertain inputs. */
  sensitivity?: SensitivityCase[];
}
